"""First start: make this computer a worker's or an office's installation (typed in, or from
the office's set-up bundle for a new or replaced laptop), or open a demo."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.file_errors import file_problem
from gridworker.core.messages import message_of
from gridworker.store.errors import StoreError
from gridworker.store.store import Store
from gridworker.ui.sync.screen import removable_drives
from gridworker.ui.wording import display


class SetupDialog(QDialog):
    """Creates the database at ``db_path`` (or a demo elsewhere); ``db_path`` is the result.

    ``problem`` says why the data folder cannot be written (data_folder_problem): then only
    the demo, which lives in a temporary folder, can be opened.
    """

    def __init__(
        self, db_path: Path, parent: QWidget | None = None, problem: str | None = None
    ) -> None:
        super().__init__(parent)
        self.target = db_path
        self.db_path: Path | None = None
        self.setWindowTitle(self.tr("Welcome to GridWorker"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This computer has no GridWorker data yet. Choose how it will be used; the "
                "data is kept on this computer in the folder {0}."
            ).format(db_path.parent)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro.setVisible(not problem)
        layout.addWidget(intro)
        self.folder_problem = QLabel(display(problem) if problem else "")
        self.folder_problem.setWordWrap(True)
        self.folder_problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.folder_problem.setVisible(bool(problem))
        layout.addWidget(self.folder_problem)

        self.worker = QRadioButton(self.tr("I am a micro-grid worker (网格员)"))
        self.office = QRadioButton(self.tr("This is the community office (社区)"))
        self.from_bundle = QRadioButton(
            self.tr("New or replaced laptop: set up from the office's set-up bundle")
        )
        self.demo = QRadioButton(self.tr("Just look around with made-up demo data"))
        self._group = QButtonGroup(self)
        for b in (self.worker, self.office, self.from_bundle, self.demo):
            self._group.addButton(b)
            layout.addWidget(b)
        demo_note = QLabel(
            self.tr(
                "The demo is kept apart from your own data and is gone when you close it; "
                "you can set up this computer afterwards."
            )
        )
        demo_note.setWordWrap(True)
        demo_note.setContentsMargins(24, 0, 0, 0)
        demo_note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(demo_note)

        form = QFormLayout()
        self.community = QLineEdit()
        self.community.setPlaceholderText(self.tr("e.g. 致强社区"))
        self.micro_grid = QLineEdit()
        self.micro_grid.setPlaceholderText(self.tr("e.g. 第三微网格"))
        self.user = QLineEdit()
        self.bundle = QLineEdit()
        self.bundle.setPlaceholderText(self.tr("the .gwbundle.json file the office gave you"))
        self.choose_bundle = QPushButton(self.tr("Choose…"))
        self.choose_bundle.clicked.connect(self._choose_bundle)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.bundle, 1)
        bundle_row.addWidget(self.choose_bundle)
        self.bundle_box = QWidget()
        self.bundle_box.setLayout(bundle_row)
        bundle_row.setContentsMargins(0, 0, 0, 0)
        self.community_label = QLabel(self.tr("Community"))
        self.micro_grid_label = QLabel(self.tr("Your micro-grid"))
        self.bundle_label = QLabel(self.tr("Set-up bundle"))
        self.user_label = QLabel(self.tr("Your name"))
        form.addRow(self.community_label, self.community)
        form.addRow(self.micro_grid_label, self.micro_grid)
        form.addRow(self.bundle_label, self.bundle_box)
        form.addRow(self.user_label, self.user)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok: QPushButton = buttons.addButton(
            self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for e in (self.community, self.micro_grid, self.user, self.bundle):
            e.textChanged.connect(self._update)
        for b in (self.worker, self.office, self.from_bundle, self.demo):
            b.toggled.connect(self._update)
        if problem:  # nothing can be kept on this computer: only the demo is possible
            for b in (self.worker, self.office, self.from_bundle):
                b.setEnabled(False)
            self.demo.setChecked(True)
        else:
            self.worker.setChecked(True)
        self._update()

    def _update(self) -> None:
        demo = self.demo.isChecked()
        worker = self.worker.isChecked()
        bundle = self.from_bundle.isChecked()
        own = not (demo or bundle)  # the person types the community themselves
        for label, w, shown in (
            (self.community_label, self.community, own),
            (self.micro_grid_label, self.micro_grid, worker),
            (self.bundle_label, self.bundle_box, bundle),
            (self.user_label, self.user, not demo),
        ):
            label.setVisible(shown)
            w.setVisible(shown)
        if demo:
            ready = True
        elif bundle:
            ready = bool(self.bundle.text().strip()) and bool(self.user.text().strip())
        else:
            ready = (
                bool(self.community.text().strip())
                and bool(self.user.text().strip())
                and (not worker or bool(self.micro_grid.text().strip()))
            )
        self.ok.setEnabled(ready)

    def _choose_bundle(self) -> None:
        """The bundles on the stick with who made them and when (the office's 配置包 among
        them), or in another folder."""
        from gridworker.ui.sync.picker import BundlePicker

        drives = removable_drives()
        self.picker = BundlePicker(None, drives[0].path if drives else Path.home(), self)
        self.picker.setWindowTitle(self.tr("Choose the set-up bundle"))
        self.picker.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.picker.import_button.setText(self.tr("Use this bundle"))
        self.picker.chosen.connect(lambda paths: self.bundle.setText(str(paths[0])))
        self.picker.open()

    def _create(self) -> None:
        self.message.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.demo.isChecked():
                from gridworker.demo import build_demo

                folder = Path(tempfile.mkdtemp(prefix="gridworker-demo-"))
                path = folder / "demo.sqlite3"
                with Store.open(path) as store:
                    build_demo(store, households=80, seed=7)
            elif self.from_bundle.isChecked():
                from gridworker.sync.setup import init_from_bundle

                path = self.target
                init_from_bundle(path, Path(self.bundle.text().strip()), self.user.text())
            else:
                path = self.target
                with Store.open(path) as store:
                    store.init_installation(
                        "worker" if self.worker.isChecked() else "office",
                        self.community.text(),
                        self.user.text(),
                        micro_grid=self.micro_grid.text() if self.worker.isChecked() else None,
                    )
        except StoreError as e:
            self.message.setText(display(message_of(e)))
            return
        except OSError as e:
            self.message.setText(display(file_problem(e)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.db_path = path
        self.accept()
