"""设置: language, text size, what this installation is, and its backups.

The backups list shows each copy in ``backups/`` with its date and whether it passes the
check; restoring one closes the database, keeps the current file beside it, puts the
backup in place and then closes the program (everything on screen came from the old file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.messages import message_of
from gridworker.store.health import Backup, check_file, list_backups, restore_backup
from gridworker.store.store import Identity
from gridworker.ui import preferences
from gridworker.ui.widgets import inform
from gridworker.ui.wording import device_fingerprint, display
from gridworker.ui.worker import DbRunner, JobContext


class SettingsScreen(QWidget):
    """Choices are saved and apply at once (a new language redraws the window)."""

    text_size_changed = Signal(str)
    language_changed = Signal(str)
    print_font_changed = Signal()

    def __init__(
        self,
        identity: Identity,
        db_path: Path,
        micro_grid_name: str,
        parent: QWidget | None = None,
        runner: DbRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.runner = runner
        # Scrolls when large text on a 768-pixel-high screen makes the page taller than it.
        page = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(page)
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
            self.tr("The window is redrawn in the language you choose at once.")
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
        self.device_label = QLabel(device_fingerprint(identity.device_id))
        self.device_label.setToolTip(
            self.tr("This computer's full id: {0}").format(identity.device_id)
        )
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("This computer:"), self.device_label)
        layout.addWidget(info_box)
        if runner is not None:
            layout.addWidget(self._backups_box())
        layout.addStretch(1)

    # -- backups ------------------------------------------------------------------------
    def _backups_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"))
        v = QVBoxLayout(box)
        note = QLabel(
            self.tr(
                "A copy of the database is kept before every bundle import and upgrade. If the "
                "database is damaged, restore the newest copy marked “good”. The current file "
                "is kept beside it, never deleted."
            )
        )
        note.setWordWrap(True)
        v.addWidget(note)
        self.backups = QListWidget()
        self.backups.setMinimumHeight(self.fontMetrics().height() * 4)
        self.backups.currentRowChanged.connect(lambda _row: self._update_restore())
        v.addWidget(self.backups)
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.clicked.connect(self.load_backups)
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.check_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        v.addLayout(row)
        self._update_restore()
        self.load_backups()
        return box

    def load_backups(self) -> None:
        """List the backups with whether each passes the check (read on the database thread)."""
        if self.runner is None or not self.runner.running:
            return
        db = self.db_path

        def job(_store: Any, _ctx: JobContext) -> list[tuple[Backup, bool]]:
            return [(b, check_file(b.path, backup=True).ok) for b in list_backups(db)]

        self.backups.clear()
        self.backups.addItem(self.tr("Checking the backups…"))
        self.runner.run(job, self._show_backups)

    def _show_backups(self, listing: list[tuple[Backup, bool]]) -> None:
        self.backups.clear()
        if not listing:
            self.backups.addItem(self.tr("No backups yet."))
        for b, ok in listing:
            state = self.tr("good") if ok else self.tr("damaged")
            item = QListWidgetItem(f"{b.taken_text}   {state}   {b.path.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(b.path) if ok else None)
            self.backups.addItem(item)
        self._update_restore()

    def _update_restore(self) -> None:
        item = self.backups.currentItem() if hasattr(self, "backups") else None
        self.restore_button.setEnabled(
            item is not None and item.data(Qt.ItemDataRole.UserRole) is not None
        )

    def restore_selected(self) -> None:
        item = self.backups.currentItem()
        if item is None or self.runner is None:
            return
        chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup"),
            self.tr(
                "Replace the database with the backup of {0}? Changes made since then will be "
                "gone from this computer (the current file is kept beside it). The program "
                "closes afterwards; start it again."
            ).format(item.text().split("   ")[0]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self.db_path

        def job(_ctx: JobContext) -> Path:
            return restore_backup(db, chosen)

        self.restore_button.setEnabled(False)
        self.runner.run_closed(job, self._restored, self._restore_failed)

    def _restored(self, kept: Path) -> None:
        box = inform(
            self,
            self.tr("Backup restored"),
            self.tr(
                "The backup was restored. The file it replaced is kept as {0}. GridWorker will "
                "close now; start it again to go on working."
            ).format(kept.name),
        )
        box.finished.connect(lambda _r: self._close_program())

    def _close_program(self) -> None:
        """The screens hold what the old file said: close the window (and so the program)."""
        self.window().close()

    def _restore_failed(self, message: str) -> None:
        self._update_restore()
        inform(self, self.tr("Restore this backup"), message, warning=True)

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
            from gridworker.printing.fonts import FontError, load_font_file  # reportlab: late

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
