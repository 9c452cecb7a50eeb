"""The tables and dialogs of the 同步 screen: conflicts, history, status, preview, summary.

Kept apart from :mod:`gridworker.ui.sync.screen` (which does the exporting and importing)
so each file stays readable; nothing here touches the database — data comes in ready.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.store.ops import Value
from gridworker.sync import ConflictView, ImportSummary, MicroGridStatus
from gridworker.sync.importer import BundlePreview
from gridworker.sync.state import LogEntry
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.widgets import scaled_font
from gridworker.ui.wording import (
    display,
    field_name,
    join_items,
    record_name,
    records_name,
    vocab,
)

WARN_BG = QColor("#fde7b0")  # amber: a micro-grid that has gone quiet
REFUSED_FG = QColor("#a12622")  # dark red: a refused file, readable on white
OK_FG = QColor("#1d6b2f")  # dark green: the verified write

BIG_BUTTON_STYLE = "QPushButton { padding: 8px 18px; min-height: 30px; }"


def big_button(text: str, primary: bool = False) -> QPushButton:
    """A large, plainly worded button: the people using this are often not young."""
    b = QPushButton(text)
    scaled_font(b, 1.15, bold=primary)
    b.setStyleSheet(BIG_BUTTON_STYLE)
    return b


def kind_label(kind: str | None) -> str:
    """What sort of bundle it is, in the interface's language."""
    labels = {
        "worker": QCoreApplication.translate("SyncViews", "Worker's report"),
        "office": QCoreApplication.translate("SyncViews", "From the office"),
        "setup": QCoreApplication.translate("SyncViews", "Set-up bundle"),
    }
    return labels.get(kind or "", kind or "")


def describe_preview(p: BundlePreview) -> str:
    """What importing one bundle would change, in plain words, with a friendly local time."""
    m = p.manifest
    lines = [
        QCoreApplication.translate(
            "SyncViews", "{file}: {kind} from {user} ({grid}), made {when}"
        ).format(
            file=p.path.name,
            kind=kind_label(m.kind),
            user=m.sender_user,
            grid=m.micro_grid_name,
            when=friendly_time(m.created),
        ),
        QCoreApplication.translate("SyncViews", "{0} changes: {1} new, {2} already here.").format(
            p.op_count, p.new_ops, p.held_ops
        ),
    ]
    for entity, n in p.records_added.items():
        lines.append(
            "  "
            + QCoreApplication.translate("SyncViews", "New {0}: {1}").format(
                records_name(entity), n
            )
        )
    for entity, n in p.records_changed.items():
        lines.append(
            "  "
            + QCoreApplication.translate("SyncViews", "Changed {0}: {1}").format(
                records_name(entity), n
            )
        )
    if p.conflicts:
        lines.append(
            "  "
            + QCoreApplication.translate(
                "SyncViews",
                "{0} conflicts will arise (the same item changed on both sides; both values "
                "are kept for you to check)",
            ).format(p.conflicts)
        )
    if p.already_imported:
        lines.append(
            QCoreApplication.translate(
                "SyncViews", "This bundle was imported before; importing it again changes nothing."
            )
        )
    return "\n".join(lines)


def status_warning(s: MicroGridStatus, office: bool) -> str:
    """Why a micro-grid is marked: never heard from, or quiet for a long time."""
    if not s.warning:
        return ""
    who = (
        QCoreApplication.translate("SyncViews", "its worker")
        if office
        else QCoreApplication.translate("SyncViews", "the office")
    )
    if s.days_silent is None:
        return QCoreApplication.translate(
            "SyncViews", "No bundle has been received from {0} yet."
        ).format(who)
    return QCoreApplication.translate("SyncViews", "No bundle from {0} for {1} days.").format(
        who, s.days_silent
    )


def show_value(v: Value, field: str = "") -> str:
    """A field value as a person reads it (a vocabulary word in the interface's language);
    an empty value says so."""
    if v is None or v == "" or v == []:
        return QCoreApplication.translate("SyncViews", "(empty)")
    if isinstance(v, bool):
        return (
            QCoreApplication.translate("SyncViews", "yes")
            if v
            else QCoreApplication.translate("SyncViews", "no")
        )
    if isinstance(v, list):
        return join_items(vocab(field, x) for x in v)
    return vocab(field, v)


def _who_when(user: str | None, when: datetime | None) -> str:
    parts = [user or "", friendly_time(when)]
    return QCoreApplication.translate("SyncViews", ", ").join(p for p in parts if p)


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        it.setToolTip(tooltip)
    return it


def _table(headers: Sequence[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(list(headers))
    t.verticalHeader().setVisible(False)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setWordWrap(True)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class ConflictsView(QWidget):
    """The 冲突 list: both values of a field edited on two sides; a person picks one."""

    resolve_requested = Signal(int, str)  # conflict id, "current" | "other"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "The same item was changed in two places. The current value is kept for now and "
                "the other is saved here: choose which one is right."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = _table(
            [
                self.tr("Record"),
                self.tr("Item"),
                self.tr("Current value"),
                self.tr("Other value"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No conflicts: nothing needs checking."))
        scaled_font(self.empty, 1.2)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty, 1)
        self.empty.setVisible(False)  # until the list has been read
        # What the last choice kept, so the person sees the click did something.
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet(f"color: {OK_FG.name()}; font-weight: bold;")
        self.feedback.setVisible(False)
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        self.keep_current = big_button(self.tr("Keep current value"))
        self.use_other = big_button(self.tr("Use the other value"))
        buttons.addWidget(self.keep_current)
        buttons.addWidget(self.use_other)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.keep_current.clicked.connect(lambda: self._resolve("current"))
        self.use_other.clicked.connect(lambda: self._resolve("other"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.conflicts: list[ConflictView] = []
        self._selection_changed()

    def set_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.conflicts = list(conflicts)
        t = self.table
        t.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            vocabulary = c.field.split("[", 1)[0]  # a set's element: tags[独居老人] → tags
            current = show_value(c.current_value, vocabulary)
            who = _who_when(c.current_user, c.current_when)
            other = show_value(c.other_value, vocabulary)
            other_who = _who_when(c.other_user, c.other_when)
            t.setItem(row, 0, _item(f"{record_name(c.entity)} {display(c.record)}"))
            t.setItem(row, 1, _item(field_name(c.entity, c.field)))
            t.setItem(
                row,
                2,
                _item(
                    current
                    + (
                        QCoreApplication.translate("SyncViews", "\n({0})").format(who)
                        if who
                        else ""
                    ),
                    who,
                ),
            )
            t.setItem(
                row,
                3,
                _item(
                    other
                    + (
                        QCoreApplication.translate("SyncViews", "\n({0})").format(other_who)
                        if other_who
                        else ""
                    ),
                    other_who,
                ),
            )
        t.resizeRowsToContents()
        self.empty.setVisible(not conflicts)
        for w in (self.intro, self.table, self.keep_current, self.use_other):
            w.setVisible(bool(conflicts))
        if conflicts:
            t.selectRow(0)
        self._selection_changed()

    def selected(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        return self.conflicts[r] if 0 <= r < len(self.conflicts) else None

    def say_resolved(self, c: ConflictView, keep: str) -> None:
        """Confirm a choice: which value of which record's item is kept, and that the
        choice travels with the next bundle."""
        value = c.current_value if keep == "current" else c.other_value
        vocabulary = c.field.split("[", 1)[0]
        self.feedback.setText(
            self.tr(
                "Kept “{value}” as the {item} of {record}. The other computers get this "
                "choice with the next bundle."
            ).format(
                value=show_value(value, vocabulary),
                item=field_name(c.entity, c.field),
                record=display(c.record),
            )
        )
        self.feedback.setVisible(True)

    def set_busy(self, busy: bool) -> None:
        self.table.setEnabled(not busy)
        self._selection_changed(busy)

    def _selection_changed(self, busy: bool = False) -> None:
        ok = not busy and self.selected() is not None
        self.keep_current.setEnabled(ok)
        self.use_other.setEnabled(ok)

    def _resolve(self, keep: str) -> None:
        c = self.selected()
        if c is not None:
            self.resolve_requested.emit(c.id, keep)


class HistoryView(QTableWidget):
    """Bundles sent and received, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [
            self.tr("When"),
            self.tr("Sent / received"),
            self.tr("Kind"),
            self.tr("Other side"),
            self.tr("Micro-grid"),
            self.tr("Changes"),
            self.tr("File"),
        ]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setStretchLastSection(True)

    def set_history(self, entries: list[LogEntry], grid_names: dict[str, str]) -> None:
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            sent = e.direction == "sent"
            if sent:
                changes = self.tr("{0} changes").format(e.op_count)
            else:
                changes = self.tr("{0} new, {1} already held, {2} conflicts").format(
                    e.new_ops, e.held_ops, e.conflicts
                )
            path = e.path or ""
            cells = [
                friendly_time(e.at),
                self.tr("Sent") if sent else self.tr("Received"),
                kind_label(e.kind),
                e.peer_user or "",
                grid_names.get(e.micro_grid_id or "", e.micro_grid_id or ""),
                changes,
                Path(path).name if path else "",
            ]
            for col, text in enumerate(cells):
                self.setItem(row, col, _item(text, path if col == 6 else ""))
        self.resizeColumnsToContents()


class StatusView(QTableWidget):
    """Per micro-grid: when its last bundle came, what it still lacks; quiet ones in amber."""

    def __init__(self, office: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        headers = [
            self.tr("Micro-grid"),
            self.tr("Workers") if office else self.tr("Office users"),
            self.tr("Last bundle received"),
            self.tr("Days since"),
            self.tr("Changes its worker has not received yet")
            if office
            else self.tr("Changes the office has not received yet"),
            self.tr("Note"),
        ]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        unreceived = self.horizontalHeaderItem(4)
        assert unreceived is not None
        unreceived.setToolTip(
            self.tr(
                "Sent in a bundle, or still to send, and not yet confirmed by a bundle from "
                "the other side: the next bundle carries them again, so nothing is lost."
            )
        )
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.statuses: list[MicroGridStatus] = []

    def set_statuses(self, statuses: list[MicroGridStatus]) -> None:
        self.statuses = list(statuses)
        self.setRowCount(len(statuses))
        for row, s in enumerate(statuses):
            cells = [
                s.name,
                join_items(s.peers),
                friendly_time(s.last_received_at) or self.tr("Never"),
                "" if s.days_silent is None else str(s.days_silent),
                str(s.unacked_ops),
                status_warning(s, self.office),
            ]
            for col, text in enumerate(cells):
                it = _item(text)
                if s.warning:
                    it.setBackground(QBrush(WARN_BG))
                self.setItem(row, col, it)
        self.resizeColumnsToContents()

    def warned_rows(self) -> list[int]:
        return [r for r, s in enumerate(self.statuses) if s.warning]


@dataclass(frozen=True)
class PreviewItem:
    """One chosen file before importing: what it would change, or why it is refused."""

    path: Path
    ok: bool
    text: str


class ImportPreviewDialog(QDialog):
    """Shows each file's preview and asks before anything is written."""

    def __init__(self, items: list[PreviewItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.setWindowTitle(self.tr("Import bundles"))
        self.setMinimumSize(640, 420)
        layout = QVBoxLayout(self)
        usable = [i for i in items if i.ok]
        refused = [i for i in items if not i.ok]
        if usable:
            head = self.tr(
                "Check what will change, then press Import. Nothing has been written yet."
            )
        else:
            head = self.tr("None of the chosen files can be imported:")
        self.heading = QLabel(head)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        blocks = [i.text for i in usable]
        if refused:
            blocks.append(
                self.tr("Cannot be imported:") + "\n" + "\n".join(i.text for i in refused)
            )
        self.text.setPlainText("\n\n".join(blocks))
        layout.addWidget(self.text, 1)
        box = QDialogButtonBox()
        self.import_button = big_button(self.tr("Import"), primary=True)
        self.cancel_button = big_button(self.tr("Cancel"))
        box.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setEnabled(bool(usable))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def paths(self) -> list[Path]:
        return [i.path for i in self.items if i.ok]


def summary_text(summary: ImportSummary) -> str:
    """The import's result in plain words: per sender, then refused files with why."""
    lines: list[str] = []
    senders = summary.by_sender()
    for t in senders.values():
        lines.append(
            QCoreApplication.translate(
                "SyncViews",
                "{0} ({1}): {2} bundles, {3} new changes, {4} already held, {5} conflicts",
            ).format(t.sender_user, t.micro_grid_name, t.files, t.new, t.held, t.conflicts)
        )
    refused = summary.refused
    if refused:
        lines.append(QCoreApplication.translate("SyncViews", "Not imported:"))
        lines.extend(f"  {display(f.message)}" for f in refused)
    if summary.skipped:
        lines.append(
            QCoreApplication.translate(
                "SyncViews", "Skipped, meant for another computer: {0}"
            ).format(", ".join(f.path.name for f in summary.skipped))
        )
    if summary.cancelled:
        lines.append(
            QCoreApplication.translate(
                "SyncViews",
                "The import was cancelled. Files already imported are kept; "
                "the file being imported was not written.",
            )
        )
    if not lines:
        lines.append(QCoreApplication.translate("SyncViews", "No bundles were found to import."))
    conflicts = sum(t.conflicts for t in senders.values())
    if conflicts:
        lines.append(
            QCoreApplication.translate(
                "SyncViews", "{0} conflicts: please check them under Conflicts below."
            ).format(conflicts)
        )
    return "\n".join(lines)


def short_summary(summary: ImportSummary) -> str:
    """One or two lines for the screen; the dialog holds the details."""
    applied = [f for f in summary.files if f.applied]
    text = QCoreApplication.translate(
        "SyncViews", "{0} of {1} bundles imported: {2} new changes, {3} conflicts."
    ).format(
        len(applied),
        len(summary.files),
        sum(f.new for f in applied),
        sum(f.conflicts for f in applied),
    )
    if summary.refused:
        text += " " + QCoreApplication.translate(
            "SyncViews", "{0} could not be imported (see the details)."
        ).format(len(summary.refused))
    if summary.skipped:
        text += " " + QCoreApplication.translate(
            "SyncViews", "{0} bundles for other computers were skipped."
        ).format(len(summary.skipped))
    if summary.cancelled:
        text += " " + QCoreApplication.translate("SyncViews", "The import was cancelled.")
    return text


class ImportSummaryDialog(QDialog):
    """After an import: one line per sender and every refused file with why."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.setMinimumSize(560, 300)
        layout = QVBoxLayout(self)
        applied = [f for f in summary.files if f.applied]
        if summary.ok:
            head = self.tr("All {0} bundles were imported.").format(len(applied))
        else:
            head = self.tr("{0} of {1} bundles were imported.").format(
                len(applied), len(summary.files)
            )
        self.heading = QLabel(head)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.text = QPlainTextEdit(summary_text(summary))
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        box = QDialogButtonBox()
        ok = big_button(self.tr("OK"), primary=True)
        box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        layout.addWidget(box)
