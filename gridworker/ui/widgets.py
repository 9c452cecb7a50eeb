"""Small shared widgets: the honest empty state, and long work behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gridworker.store.store import Store
from gridworker.ui.worker import DbRunner, Job, JobContext

T = TypeVar("T")


class _ScaledFont(QObject):
    """Keeps a widget's font a multiple of the application's, also after 大字 is switched
    in 设置 (a widget with its own font size does not follow the application font, and
    is not told it changed: the application's ``fontChanged`` says so)."""

    def __init__(self, widget: QWidget, factor: float, bold: bool) -> None:
        super().__init__(widget)  # lives and dies with the widget
        self._widget = widget
        self._factor = factor
        self._bold = bold
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self._factor)
        font.setBold(self._bold)
        self._widget.setFont(font)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Show ``widget`` in the application's font times ``factor`` (bold if asked), now and
    whenever the text size changes."""
    _ScaledFont(widget, factor, bold)


class EmptyState(QFrame):
    """A screen (or tab) whose content comes later: says plainly what it will hold."""

    def __init__(
        self, title: str, body: str, items: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        heading = QLabel(title)
        heading.setObjectName("emptyTitle")
        scaled_font(heading, 1.5, bold=True)
        layout.addWidget(heading)
        # Lines no longer than about 40 characters: easier to read than a full-width line.
        readable = self.fontMetrics().horizontalAdvance("网") * 40
        text = QLabel(body)
        text.setWordWrap(True)
        text.setMaximumWidth(readable)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.items_label: QLabel | None = None
        if items:
            caption = QLabel(QCoreApplication.translate("EmptyState", "This page will show:"))
            caption.setObjectName("emptyCaption")
            layout.addSpacing(4)
            layout.addWidget(caption)
            bullets = QLabel(
                "<ul style='margin-left:-20px'>"
                + "".join(f"<li style='margin-bottom:6px'>{i}</li>" for i in items)
                + "</ul>"
            )
            bullets.setWordWrap(True)
            bullets.setMaximumWidth(readable)
            bullets.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(bullets)
            self.items_label = bullets
        layout.addStretch(1)
        self.title = title
        self.body = body


class ElidedLabel(QLabel):
    """One line of text that gives up width when space is short, ending in "…".

    The whole text stays available through :meth:`text` and the tooltip, so a status bar
    on a small screen or with large text never pushes its neighbours off the edge.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + m.left() + m.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        m = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance("…") * 4 + m.left() + m.right()
        return QSize(min(width, self.sizeHint().width()), super().minimumSizeHint().height())

    def is_elided(self) -> bool:
        return super().text() != self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        m = self.contentsMargins()
        room = self.width() - m.left() - m.right()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown if room > 0 else self._full)


def save_cancel_buttons(
    dialog: QDialog, save: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """Save and Cancel, worded in the interface's language: Save calls ``save`` (which
    checks and closes the dialog itself), Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setText(QCoreApplication.translate("Dialogs", "Save"))
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("Dialogs", "Cancel"))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save_button


def inform(parent: QWidget, title: str, text: str, warning: bool = False) -> QMessageBox:
    """A message box that does not block the event loop (window-modal, closes itself)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def run_with_progress(
    parent: QWidget,
    runner: DbRunner,
    fn: Callable[[Store, JobContext], T],
    title: str,
    on_done: Callable[[T], None],
    on_error: Callable[[str], None] | None = None,
) -> tuple[Job, QProgressDialog]:
    """Run a long job on the database thread behind a modal, cancellable progress dialog.

    Cancel asks the job to stop; the job rolls back, and ``on_error`` gets the
    "cancelled" message (default: an information box).
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)

    def progress(done: int, total: int, text: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text:
            dialog.setLabelText(text)

    def finished(result: Any) -> None:
        dialog.reset()
        dialog.close()
        on_done(result)

    def failed(message: str) -> None:
        dialog.reset()
        dialog.close()
        if on_error is not None:
            on_error(message)
        else:
            inform(parent, title, message)

    job = runner.run(fn, finished, failed, progress)
    dialog.canceled.connect(job.request_cancel)
    dialog.canceled.connect(
        lambda: dialog.setLabelText(QCoreApplication.translate("Progress", "Cancelling…"))
    )
    return job, dialog
