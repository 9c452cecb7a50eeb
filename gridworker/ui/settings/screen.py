"""设置: language, text size, and what this installation is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.messages import message_of
from gridworker.printing.fonts import FontError, load_font_file
from gridworker.store.store import Identity
from gridworker.ui import preferences
from gridworker.ui.widgets import inform
from gridworker.ui.wording import display


class SettingsScreen(QWidget):
    """Choices are saved at once; text size applies immediately, language on restart."""

    text_size_changed = Signal(str)
    language_changed = Signal(str)
    print_font_changed = Signal()

    def __init__(
        self, identity: Identity, db_path: Path, micro_grid_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)

        lang_box = QGroupBox(self.tr("Language"))
        lang_layout = QVBoxLayout(lang_box)
        self.chinese = QRadioButton("简体中文")
        self.english = QRadioButton("English")
        self._lang_group = QButtonGroup(self)
        for b in (self.chinese, self.english):
            self._lang_group.addButton(b)
            lang_layout.addWidget(b)
        current = preferences.language()
        (self.english if current == "en" else self.chinese).setChecked(True)
        self.language_note = QLabel(
            self.tr("A new language takes effect when the program is started again.")
        )
        self.language_note.setWordWrap(True)
        lang_layout.addWidget(self.language_note)
        self.english.toggled.connect(self._language_toggled)
        layout.addWidget(lang_box)

        size_box = QGroupBox(self.tr("Text size"))
        size_layout = QVBoxLayout(size_box)
        self.normal_text = QRadioButton(self.tr("Normal"))
        self.large_text = QRadioButton(self.tr("Large (easier to read)"))
        self._size_group = QButtonGroup(self)
        for b in (self.normal_text, self.large_text):
            self._size_group.addButton(b)
            size_layout.addWidget(b)
        (self.large_text if preferences.text_size() == "large" else self.normal_text).setChecked(
            True
        )
        self.large_text.toggled.connect(self._size_toggled)
        layout.addWidget(size_box)

        layout.addWidget(self._font_box())

        info_box = QGroupBox(self.tr("This installation"))
        form = QFormLayout(info_box)
        role = (
            self.tr("Micro-grid worker")
            if identity.role == "worker"
            else self.tr("Community office")
        )
        form.addRow(self.tr("Role:"), QLabel(role))
        form.addRow(self.tr("Community:"), QLabel(identity.community))
        if identity.role == "worker":
            form.addRow(self.tr("Micro-grid:"), QLabel(micro_grid_name))
        form.addRow(self.tr("User:"), QLabel(identity.user))
        path_label = QLabel(str(db_path))
        path_label.setWordWrap(True)
        form.addRow(self.tr("Database file:"), path_label)
        device = QLabel(identity.device_id)
        form.addRow(self.tr("Device id:"), device)
        layout.addWidget(info_box)
        layout.addStretch(1)

    def _font_box(self) -> QGroupBox:
        """The font printed documents use: found automatically, or a chosen file."""
        box = QGroupBox(self.tr("Font for printing"))
        v = QVBoxLayout(box)
        self.font_label = QLabel()
        self.font_label.setWordWrap(True)
        v.addWidget(self.font_label)
        row = QHBoxLayout()
        self.choose_font = QPushButton(self.tr("Choose a font file…"))
        self.choose_font.clicked.connect(self._choose_font)
        self.auto_font = QPushButton(self.tr("Find one automatically"))
        self.auto_font.clicked.connect(lambda: self.set_print_font(None))
        row.addWidget(self.choose_font)
        row.addWidget(self.auto_font)
        row.addStretch(1)
        v.addLayout(row)
        self._show_font()
        return box

    def _show_font(self) -> None:
        chosen = preferences.print_font()
        self.font_label.setText(
            self.tr("Using the font file {0}").format(chosen)
            if chosen
            else self.tr(
                "A Chinese TrueType font on this computer is found automatically "
                "(Microsoft YaHei, SimSun, WenQuanYi…)."
            )
        )
        self.auto_font.setEnabled(chosen is not None)

    def _choose_font(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a font file"),
            "",
            self.tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC)"),
        )
        if name:
            self.set_print_font(Path(name))

    def set_print_font(self, path: Path | None) -> None:
        """Use ``path`` for printing (None: automatic); a file that is no usable font is
        refused with the reason."""
        if path is not None:
            try:
                load_font_file(path)
            except FontError as e:
                inform(self, self.tr("Font for printing"), display(message_of(e)), warning=True)
                return
        preferences.set_print_font(path)
        self._show_font()
        self.print_font_changed.emit()

    def _language_toggled(self) -> None:
        lang: preferences.Language = "en" if self.english.isChecked() else "zh_CN"
        preferences.set_language(lang)
        self.language_changed.emit(lang)

    def _size_toggled(self) -> None:
        size: preferences.TextSize = "large" if self.large_text.isChecked() else "normal"
        preferences.set_text_size(size)
        self.text_size_changed.emit(size)
