"""First start: make this computer a worker's or an office's installation, or open a demo."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.messages import message_of
from gridworker.store.errors import StoreError
from gridworker.store.store import Store
from gridworker.ui.wording import display


class SetupDialog(QDialog):
    """Creates the database at ``db_path`` (or a demo elsewhere); ``db_path`` is the result."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = db_path
        self.db_path: Path | None = None
        self.setWindowTitle(self.tr("Welcome to GridWorker"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This computer has no GridWorker data yet. Choose how it will be used; the "
                "data is kept on this computer in {0}."
            ).format(db_path)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.worker = QRadioButton(self.tr("I am a micro-grid worker (网格员)"))
        self.office = QRadioButton(self.tr("This is the community office (社区)"))
        self.demo = QRadioButton(self.tr("Just look around with made-up demo data"))
        self._group = QButtonGroup(self)
        for b in (self.worker, self.office, self.demo):
            self._group.addButton(b)
            layout.addWidget(b)
        self.worker.setChecked(True)

        form = QFormLayout()
        self.community = QLineEdit()
        self.community.setPlaceholderText(self.tr("e.g. 致强社区"))
        self.micro_grid = QLineEdit()
        self.micro_grid.setPlaceholderText(self.tr("e.g. 第三微网格"))
        self.user = QLineEdit()
        self.micro_grid_label = QLabel(self.tr("Your micro-grid"))
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.micro_grid_label, self.micro_grid)
        form.addRow(self.tr("Your name"), self.user)
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
        for e in (self.community, self.micro_grid, self.user):
            e.textChanged.connect(self._update)
        for b in (self.worker, self.office, self.demo):
            b.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        demo = self.demo.isChecked()
        for w in (self.community, self.user):
            w.setEnabled(not demo)
        worker = self.worker.isChecked()
        self.micro_grid.setVisible(worker)
        self.micro_grid_label.setVisible(worker)
        ready = demo or (
            bool(self.community.text().strip())
            and bool(self.user.text().strip())
            and (not worker or bool(self.micro_grid.text().strip()))
        )
        self.ok.setEnabled(ready)

    def _create(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.demo.isChecked():
                from gridworker.demo import build_demo

                folder = Path(tempfile.mkdtemp(prefix="gridworker-demo-"))
                path = folder / "demo.sqlite3"
                with Store.open(path) as store:
                    build_demo(store, households=80, seed=7)
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
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.db_path = path
        self.accept()
