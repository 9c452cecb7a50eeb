"""同步: bundles to and from the community office on a USB stick.

Export is two clicks (the drive is already chosen when one is plugged in), import shows
what each file would change before anything is written, and the tabs below hold the
conflicts to check, each micro-grid's sync status and the history of bundles. All
database work runs on the one database thread (:class:`DbRunner`).
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QDir, QStorageInfo, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridworker.store import queries
from gridworker.store.changes import Changes
from gridworker.store.errors import StoreError
from gridworker.store.store import Identity, Store
from gridworker.sync import (
    ConflictView,
    ExportResult,
    ImportSummary,
    MicroGridStatus,
    bundle_history,
    export_all_micro_grids,
    export_bundle,
    import_bundles,
    list_conflicts,
    preview_bundle,
    sync_status,
)
from gridworker.sync.importer import expand_paths
from gridworker.sync.state import LogEntry
from gridworker.ui.sync.duplicates import DuplicatesTab
from gridworker.ui.sync.views import (
    OK_FG,
    REFUSED_FG,
    ConflictsView,
    HistoryView,
    ImportPreviewDialog,
    ImportSummaryDialog,
    PreviewItem,
    StatusView,
    big_button,
    describe_preview,
    short_summary,
)
from gridworker.ui.widgets import inform, run_with_progress
from gridworker.ui.worker import DbRunner, JobContext, error_message

REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
VIRTUAL_FS = {"tmpfs", "devtmpfs", "proc", "sysfs", "overlay", "squashfs", "autofs", "fuse.portal"}
ALL_GRIDS = "*"  # the office's "all micro-grids" choice
BUNDLE_FILTER = "*.gwbundle.json *.gwbundle.json.gz"


@dataclass(frozen=True)
class Drive:
    """A place to save the bundle: a mounted drive (root) or a folder the person chose."""

    label: str
    path: Path
    removable: bool


def _size(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    return f"{n / (1 << 20):.0f} MB"


def looks_removable(root: str) -> bool:
    """USB sticks mount under /media, /run/media, /mnt (Linux), /Volumes (macOS) or as a
    drive letter other than the system's (Windows)."""
    if root.startswith(REMOVABLE_PREFIXES):
        return True
    if sys.platform == "win32" and len(root) <= 3 and root[1:2] == ":":
        return root[:1].upper() != QDir.rootPath()[:1].upper()
    return False


def on_removable_drive(path: Path) -> bool:
    """Is ``path`` on a USB stick or card (a removable drive), not this computer's disk?"""
    info = QStorageInfo(str(path))
    if not (info.isValid() and info.isReady()):
        return False
    if bytes(info.fileSystemType().data()).decode(errors="replace") in VIRTUAL_FS:
        return False
    return looks_removable(info.rootPath())


def removable_drives() -> list[Drive]:
    """The mounted drives that look like USB sticks or card readers, by name."""
    out = []
    for v in QStorageInfo.mountedVolumes():
        root = v.rootPath()
        if not (v.isValid() and v.isReady()) or not looks_removable(root):
            continue
        if bytes(v.fileSystemType().data()).decode(errors="replace") in VIRTUAL_FS:
            continue  # memory and system mounts, not a stick
        name = v.displayName() or v.name() or root
        label = f"{name} ({root})" if name != root else root
        label += " — " + QCoreApplication.translate("SyncScreen", "{0} free").format(
            _size(v.bytesAvailable())
        )
        if v.isReadOnly():
            label += " " + QCoreApplication.translate("SyncScreen", "(read-only)")
        out.append(Drive(label, Path(root), True))
    return sorted(out, key=lambda d: str(d.path))


@dataclass(frozen=True)
class Overview:
    """Everything the lower half of the screen shows, read in one database job."""

    conflicts: list[ConflictView]
    statuses: list[MicroGridStatus]
    history: list[LogEntry]
    grids: list[tuple[str, str]]  # (id, name)


def load_overview(store: Store) -> Overview:
    return Overview(
        list_conflicts(store),
        sync_status(store),
        bundle_history(store),
        queries.community_micro_grids(store),
    )


def preview_all(store: Store, ctx: JobContext, paths: list[Path]) -> list[PreviewItem]:
    """Each bundle's preview or its refusal sentence; the database is not changed."""
    files = expand_paths(paths)
    out = []
    for n, path in enumerate(files):
        ctx.check()
        ctx.report(n, len(files), path.name)
        try:
            if path.is_dir():
                raise StoreError(
                    QCoreApplication.translate(
                        "SyncScreen", "There are no bundles ({1}) in the folder {0}."
                    ).format(path, BUNDLE_FILTER)
                )
            out.append(PreviewItem(path, True, describe_preview(preview_bundle(store, path))))
        except (StoreError, OSError, sqlite3.DatabaseError) as e:
            out.append(PreviewItem(path, False, error_message(e)))
    return out


class SyncScreen(QWidget):
    """Export and import bundles; check conflicts; see who synced when."""

    exported = Signal(object)  # ExportResult | list[ExportResult]
    export_failed = Signal(str)
    previewed = Signal(object)  # list[PreviewItem]
    imported = Signal(object)  # ImportSummary
    import_failed = Signal(str)
    refreshed = Signal()

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.office = identity.role == "office"
        self.overview: Overview | None = None
        self.last_export: ExportResult | list[ExportResult] | None = None
        self.last_summary: ImportSummary | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self._folders: list[Drive] = []
        self._onto_stick = False
        self._sticks_seen: set[str] = set()  # sticks listed before: a new one is chosen
        self._drive_names: dict[str, str] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self._make_export_box(), 3)
        top.addWidget(self._make_import_box(), 2)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.conflicts = ConflictsView()
        self.status_view = StatusView(self.office)
        self.history = HistoryView()
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.tabs.addTab(
            self.status_view,
            self.tr("Micro-grids") if self.office else self.tr("Sync with the office"),
        )
        self.tabs.addTab(self.history, self.tr("Bundles sent and received"))
        self.duplicates = DuplicatesTab(runner, self.tabs)  # 疑似重复: a tab of its own
        self.tabs.tabBar().moveTab(self.tabs.indexOf(self.duplicates), 1)
        layout.addWidget(self.tabs, 1)
        self.conflicts.resolve_requested.connect(self.resolve)
        runner.changed.connect(self._data_changed)

        self._drive_timer = QTimer(self)
        self._drive_timer.setInterval(3000)
        self._drive_timer.timeout.connect(self.refresh_drives)
        self.refresh_drives()

    # -- layout -------------------------------------------------------------------------
    def _make_export_box(self) -> QGroupBox:
        box = QGroupBox(
            self.tr("Send: export a bundle")
            if self.office
            else self.tr("Send to the community office")
        )
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        intro = QLabel(
            self.tr(
                "Save each micro-grid's updates onto a USB drive for its worker. "
                "Plug in the drive, check it is chosen below, and press the button."
            )
            if self.office
            else self.tr(
                "Save your changes onto a USB drive and take it to the community office. "
                "Plug in the drive, check it is chosen below, and press the button."
            )
        )
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Save to:")), 1, 0)
        self.destination = QComboBox()
        # Drive names can be long: the box takes the room there is and may narrow to
        # 12 characters (the whole name is in the list), so the screen fits a laptop.
        self.destination.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.destination.setMinimumContentsLength(12)
        self.destination.activated.connect(self._destination_activated)
        grid.addWidget(self.destination, 1, 1)
        self.refresh_drives_button = big_button(self.tr("Look for USB drives"))
        self.refresh_drives_button.clicked.connect(self.refresh_drives)
        grid.addWidget(self.refresh_drives_button, 1, 2)
        self.no_drive = QLabel(self.tr("No USB drive found: plug one in, or choose a folder."))
        self.no_drive.setWordWrap(True)
        self.no_drive.setStyleSheet(f"color: {REFUSED_FG.name()};")
        grid.addWidget(self.no_drive, 2, 1, 1, 2)
        row = 3
        self.micro_grid = QComboBox()
        self.micro_grid.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.micro_grid.setMinimumContentsLength(12)
        if self.office:
            grid.addWidget(QLabel(self.tr("Micro-grid:")), row, 0)
            self.micro_grid.addItem(self.tr("All micro-grids (one file each)"), ALL_GRIDS)
            grid.addWidget(self.micro_grid, row, 1, 1, 2)
            row += 1
        self.export_button = big_button(self.tr("Export to USB drive"), primary=True)
        self.export_button.clicked.connect(lambda: self.start_export())
        grid.addWidget(self.export_button, row, 0, 1, 2)
        # The office: everything one micro-grid's laptop needs, to set up a new or
        # replaced laptop at its first start (as `gridworker bundle export --setup`).
        self.setup_button = big_button(self.tr("Set-up bundle…"))
        self.setup_button.setToolTip(
            self.tr(
                "Everything the chosen micro-grid's laptop needs: on a new or replaced laptop, "
                "choose “set up from the office's set-up bundle” at the first start."
            )
        )
        self.setup_button.clicked.connect(lambda: self.start_export(setup=True))
        self.setup_button.setVisible(self.office)
        if self.office:
            row += 1
            grid.addWidget(self.setup_button, row, 0, 1, 2)
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.export_result, row + 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(row + 2, 1)
        return box

    def _make_import_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Receive: import bundles"))
        layout = QVBoxLayout(box)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "Import the bundles the workers brought. You can choose several files or a "
                "whole folder; you will see what changes before anything is saved."
            )
            if self.office
            else self.tr(
                "Import the bundle the community office gave you. You will see what it "
                "changes before anything is saved."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QVBoxLayout()  # one above the other: the box stays narrow on a laptop
        self.import_files_button = big_button(self.tr("Choose bundle files…"), primary=True)
        self.import_files_button.clicked.connect(self.choose_files)
        buttons.addWidget(self.import_files_button)
        self.import_folder_button = big_button(self.tr("Choose a folder…"))
        self.import_folder_button.clicked.connect(self.choose_import_folder)
        self.import_folder_button.setVisible(self.office)
        buttons.addWidget(self.import_folder_button)
        row = QHBoxLayout()
        row.addLayout(buttons)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_result = QLabel()
        self.import_result.setWordWrap(True)
        self.import_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.import_result)
        self.details_button = big_button(self.tr("Show the details"))
        self.details_button.clicked.connect(self.show_summary)
        self.details_button.setVisible(False)
        layout.addWidget(self.details_button)
        layout.addStretch(1)
        return box

    # -- showing ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.refresh_drives()
        self._drive_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._drive_timer.stop()
        super().hideEvent(event)

    def _data_changed(self, changes: Changes) -> None:
        """Bundles, conflicts or micro-grids changed (or the records a conflict names):
        read the lists again if they are on screen; showing the screen reads them anyway."""
        shown = bool(self.overview and self.overview.conflicts)
        if not (
            changes.conflicts
            or changes.sync
            or changes.touches("micro_grid")
            or (shown and changes.touches("household", "resident"))
        ):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.overview = None  # stale; read again when shown

    def refresh(self) -> None:
        """Reload conflicts, status, history and the micro-grid list."""
        self.runner.run(lambda store, _ctx: load_overview(store), self._overview_loaded)

    def _overview_loaded(self, ov: Overview) -> None:
        self.overview = ov
        self.conflicts.set_conflicts(ov.conflicts)
        self.conflicts.set_busy(False)
        n = len(ov.conflicts)
        self.tabs.setTabText(0, self.tr("Conflicts ({0})").format(n) if n else self.tr("Conflicts"))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.tabs.setTabIcon(0, warn if n else QIcon())
        self.status_view.set_statuses(ov.statuses)
        self.history.set_history(ov.history, dict(ov.grids))
        if self.office:
            chosen = self.micro_grid.currentData()
            self.micro_grid.blockSignals(True)
            while self.micro_grid.count() > 1:
                self.micro_grid.removeItem(1)
            for gid, name in ov.grids:
                self.micro_grid.addItem(name, gid)
            i = self.micro_grid.findData(chosen)
            self.micro_grid.setCurrentIndex(max(0, i))
            self.micro_grid.blockSignals(False)
        self.refreshed.emit()

    # -- destinations -------------------------------------------------------------------
    def refresh_drives(self) -> None:
        """Re-list the USB drives (and folders chosen before), keeping the current choice;
        a stick plugged in since the last look is chosen (the worker who plugs one in
        means to export onto it)."""
        sticks = removable_drives()
        drives = sticks + self._folders
        current = self.destination_path()
        new_sticks = [d for d in sticks if str(d.path) not in self._sticks_seen]
        self._sticks_seen = {str(d.path) for d in sticks}
        self._drive_names = {str(d.path): d.label.split(" — ")[0] for d in sticks}
        had = [self.destination.itemData(i) for i in range(self.destination.count())]
        wanted = [str(d.path) for d in drives] + [""]
        if had != wanted:
            self.destination.blockSignals(True)
            self.destination.clear()
            for d in drives:
                self.destination.addItem(d.label, str(d.path))
            self.destination.addItem(self.tr("Choose a folder…"), "")
            i = self.destination.findData(str(current)) if current is not None else -1
            self.destination.setCurrentIndex(i if i >= 0 else 0)
            self.destination.blockSignals(False)
        if new_sticks:
            self.destination.setCurrentIndex(self.destination.findData(str(new_sticks[0].path)))
        self.no_drive.setVisible(not sticks)

    def add_folder(self, folder: Path) -> None:
        """Offer ``folder`` as a destination and choose it."""
        if all(d.path != folder for d in self._folders):
            self._folders.append(Drive(str(folder), folder, False))
        self.refresh_drives()
        self.destination.setCurrentIndex(self.destination.findData(str(folder)))

    def destination_path(self) -> Path | None:
        data = self.destination.currentData()
        return Path(data) if isinstance(data, str) and data else None

    def _destination_activated(self, _index: int) -> None:
        if self.destination_path() is None:
            self.choose_export_folder(then_export=False)

    def choose_export_folder(self, then_export: bool, setup: bool = False) -> QFileDialog:
        """Ask for a folder without blocking the window; export into it if asked to."""
        dialog = QFileDialog(self, self.tr("Choose the folder to save the bundle in"))
        dialog.setDirectory(str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(folder: str) -> None:
            self.add_folder(Path(folder))
            if then_export:
                self.start_export(setup=setup)

        dialog.fileSelected.connect(chosen)
        dialog.rejected.connect(self.refresh_drives)
        dialog.open()
        return dialog

    # -- export -------------------------------------------------------------------------
    def start_export(self, setup: bool = False) -> None:
        """Export to the chosen drive (asking for a folder if none is chosen), after
        looking for sticks again (Ctrl+E right after plugging one in). ``setup``: the
        office's set-up bundle of the chosen micro-grid, for a new or replaced laptop."""
        grid = self.micro_grid.currentData() if self.office else None
        if setup and grid in (None, ALL_GRIDS):
            self._export_failed(
                self.tr(
                    "A set-up bundle is for one laptop: choose its micro-grid under "
                    "“Micro-grid” first."
                )
            )
            return
        self.refresh_drives()
        folder = self.destination_path()
        if folder is None:
            self.choose_export_folder(then_export=True, setup=setup)
            return
        removable = looks_removable(str(folder)) and all(d.path != folder for d in self._folders)
        if removable and Path(QStorageInfo(str(folder)).rootPath()) != folder:
            self._export_failed(
                self.tr("The USB drive {0} is no longer there: plug it in again and retry.").format(
                    folder
                )
            )
            self.refresh_drives()
            return
        if not folder.is_dir():
            self._export_failed(
                self.tr("The folder {0} does not exist (is the USB drive plugged in?).").format(
                    folder
                )
            )
            return
        self._onto_stick = on_removable_drive(folder)

        def job(store: Store, ctx: JobContext) -> ExportResult | list[ExportResult]:
            if setup:
                return export_bundle(store, folder, micro_grid=grid, setup=True, progress=ctx)
            if grid == ALL_GRIDS:
                return export_all_micro_grids(store, folder, progress=ctx)
            return export_bundle(store, folder, micro_grid=grid, progress=ctx)

        self.export_button.setEnabled(False)
        self.export_result.clear()
        _job, dialog = run_with_progress(
            self,
            self.runner,
            job,
            self.tr("Writing the bundle…"),
            self._exported,
            self._export_failed,
        )
        dialog.setCancelButton(None)  # a write is short and must not stop half-way

    def _exported(self, result: ExportResult | list[ExportResult]) -> None:
        self.export_button.setEnabled(True)
        self.last_export = result
        text = self.written_text(result, self._onto_stick)
        self._say(self.export_result, text, ok=True)
        inform(self, self.tr("Export finished"), text)
        self.exported.emit(result)

    def written_text(self, result: ExportResult | list[ExportResult], stick: bool) -> str:
        """Where the bundle went, in words: "safe to remove" only for a removable drive."""
        paths = [r.path for r in result] if isinstance(result, list) else [result.path]
        folder = paths[0].parent if paths else self.destination_path() or Path()
        drive = self._drive_names.get(str(folder)) or self._drive_names.get(
            QStorageInfo(str(folder)).rootPath(), str(folder)
        )
        if isinstance(result, list):
            what = self.tr("{0} bundles").format(len(result))
        elif result.kind == "setup":
            what = self.tr("The set-up bundle {0} for {1}").format(
                result.path.name, result.micro_grid_name
            )
        else:
            what = self.tr("The bundle {0} ({1} changes)").format(result.path.name, result.op_count)
        after = ""
        if not isinstance(result, list) and result.kind == "setup":
            after = "\n" + self.tr(
                "On the new laptop, start GridWorker and choose “set up from the office's "
                "set-up bundle”."
            )
        if stick:
            body = (
                self.tr("{0} was written to the USB drive {1} and checked.").format(what, drive)
                + "\n"
                + self.tr("You can now safely remove the USB drive.")
            )
        else:
            body = (
                self.tr("{0} was saved in the folder {1} and checked.").format(what, folder)
                + "\n"
                + self.tr(
                    "This folder is not a USB drive: copy the file onto a USB drive to take it "
                    "to the office."
                )
            )
        return body + after

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self._say(self.export_result, message, ok=False)
        inform(self, self.tr("Export failed"), message, warning=True)
        self.export_failed.emit(message)

    # -- import -------------------------------------------------------------------------
    def _start_dir(self) -> str:
        drives = removable_drives()
        return str(drives[0].path) if drives else str(Path.home())

    def choose_files(self) -> None:
        """The bundles on the stick (or another folder) with who sent them and when."""
        from gridworker.ui.sync.picker import BundlePicker

        self.picker = BundlePicker(self.runner, Path(self._start_dir()), self)
        self.picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picker.chosen.connect(self.preview_files)
        self.picker.open()

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder with the bundles"), self._start_dir()
        )
        if folder:
            self.preview_files([Path(folder)])

    def preview_files(self, paths: list[Path]) -> None:
        """Check the files and show what they would change; nothing is written yet."""
        self.import_result.clear()
        self.details_button.setVisible(False)
        run_with_progress(
            self,
            self.runner,
            lambda store, ctx: preview_all(store, ctx, paths),
            self.tr("Checking the bundles…"),
            self._previewed,
            self._import_failed,
        )

    def _previewed(self, items: list[PreviewItem]) -> None:
        dialog = ImportPreviewDialog(items, self)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self.import_files([i.path for i in items]))
        dialog.open()
        self.previewed.emit(items)

    def import_files(self, paths: list[Path]) -> None:
        """Import the files (refused ones are reported in the summary with why)."""

        def job(store: Store, ctx: JobContext) -> ImportSummary:
            return import_bundles(store, paths, progress=ctx)

        run_with_progress(
            self,
            self.runner,
            job,
            self.tr("Importing the bundles…"),
            self._imported,
            self._import_failed,
        )

    def _imported(self, summary: ImportSummary) -> None:
        self.last_summary = summary
        self._say(self.import_result, short_summary(summary), ok=summary.ok)
        self.details_button.setVisible(True)
        self.show_summary()
        self.imported.emit(summary)

    def show_summary(self) -> None:
        """(Re)open the full summary of the last import."""
        if self.last_summary is None:
            return
        self.summary_dialog = ImportSummaryDialog(self.last_summary, self)
        self.summary_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_dialog.open()

    def _import_failed(self, message: str) -> None:
        self._say(self.import_result, message, ok=False)
        inform(self, self.tr("Import"), message, warning=True)
        self.import_failed.emit(message)

    # -- conflicts ----------------------------------------------------------------------
    def resolve(self, conflict_id: int, keep: str) -> None:
        """Keep one value of a conflict (a new operation that syncs), then reload the list."""
        choice: Literal["current", "other"] = "other" if keep == "other" else "current"
        chosen = next((c for c in self.conflicts.conflicts if c.id == conflict_id), None)
        self.conflicts.set_busy(True)
        self.conflicts.feedback.setVisible(False)

        def done(_result: object) -> None:
            if chosen is not None:
                self.conflicts.say_resolved(chosen, choice)

        def failed(message: str) -> None:
            inform(self, self.tr("Conflicts"), message, warning=True)
            self.refresh()

        # The resolution is a write: the lists come back through ``changed``.
        self.runner.run(
            lambda store, _ctx: store.resolve_conflict(conflict_id, choice), done, failed
        )

    # -- helpers ------------------------------------------------------------------------
    @staticmethod
    def _say(label: QLabel, text: str, ok: bool) -> None:
        colour = OK_FG if ok else REFUSED_FG
        label.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")
        label.setText(text)
