"""打印: choose a document and for whom, preview it, print it or save the PDF.

The PDF is made on the database thread behind a progress dialog (a micro-grid's sheets
take a few seconds, a community's longer), shown page by page in the preview, and sent
to the printer the system print dialog chose as images at the printer's resolution.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridworker.printing.output import write_pdf
from gridworker.store import queries
from gridworker.store.store import Identity, Store
from gridworker.ui import preferences
from gridworker.ui.printing.jobs import PrintRequest, make_pdf
from gridworker.ui.printing.pages import print_pdf
from gridworker.ui.printing.preview import PdfPreview
from gridworker.ui.roster.screen import _refill  # the roster's filters work the same way
from gridworker.ui.widgets import inform, run_with_progress, scaled_font
from gridworker.ui.wording import display
from gridworker.ui.worker import DbRunner, JobContext

if TYPE_CHECKING:  # reportlab is imported when something is first printed
    from gridworker.printing.fonts import FontSet
    from gridworker.printing.layout import RenderResult

KINDS = ("sheets", "notice", "worklist", "report")


class PrintScreen(QWidget):
    """The 打印 screen."""

    pdf_ready = Signal(int)  # pages of the document now previewed
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self._folder = tempfile.TemporaryDirectory(prefix="gridworker-print-")
        self._names = itertools.count(1)
        self._pdf: Path | None = None
        self._pdf_request: PrintRequest | None = None
        self._chosen: tuple[str, ...] | None = None
        self._hazards: tuple[str, ...] | None = None  # notices of these hazards
        self._font_note = ""
        self.font_family = ""  # of the font the documents use, once found

        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 8, 8)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 8, 0)
        title = QLabel(self.tr("Print"))
        title.setObjectName("screenTitle")
        scaled_font(title, 1.4, bold=True)  # follows 大字 at once
        side_layout.addWidget(title)

        form = self._form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Visit sheets (one page a household)"), "sheets")
        self.kind.addItem(self.tr("Gas hazard notices"), "notice")
        self.kind.addItem(self.tr("This week's visit list"), "worklist")
        self.kind.addItem(self.tr("Monthly report"), "report")
        form.addRow(self.tr("Document:"), self.kind)
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("Choose a micro-grid"), None)
        self.estate = QComboBox()
        self.estate.addItem(self.tr("All estates"), None)
        self.building = QComboBox()
        self.building.addItem(self.tr("All buildings"), None)
        self.building.setEnabled(False)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.clear_chosen = QPushButton(self.tr("Print for an estate or building instead"))
        self.clear_chosen.clicked.connect(self._clear_chosen)
        self.sheet_date = QDateEdit(QDate.currentDate())
        self.sheet_date.setCalendarPopup(True)
        self.sheet_date.setDisplayFormat("yyyy-MM-dd")
        self.month = QDateEdit(QDate.currentDate())
        self.month.setDisplayFormat("yyyy-MM")
        self.week = QDateEdit(QDate.currentDate())
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("yyyy-MM-dd")
        self.week.setToolTip(self.tr("Any day of the week to plan"))
        self._rows: dict[str, QWidget] = {}
        for key, label, widget in (
            ("micro_grid", self.tr("Micro-grid:"), self.micro_grid),
            ("estate", self.tr("Estate:"), self.estate),
            ("building", self.tr("Building:"), self.building),
            ("chosen", self.tr("Households:"), self.chosen_label),
            ("clear", "", self.clear_chosen),
            ("date", self.tr("Date on the sheets:"), self.sheet_date),
            ("month", self.tr("Month:"), self.month),
            ("week", self.tr("Week of:"), self.week),
        ):
            form.addRow(label, widget)
            self._rows[key] = widget
        for combo in (self.kind, self.micro_grid, self.estate, self.building):
            # Long choices must not widen the whole window (a 1280-pixel screen, large text).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        side_layout.addLayout(form)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("hint")
        side_layout.addWidget(self.explain)

        buttons = QVBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Make the PDF and show it here (F5)"))
        self.preview_button.setShortcut("F5")
        self.preview_button.clicked.connect(self.make_preview)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_document)
        for b in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        side_layout.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        side_layout.addWidget(line)
        self.font_label = QLabel(self.tr("Looking for a Chinese font…"))
        self.font_label.setWordWrap(True)
        side_layout.addWidget(self.font_label)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #a33a00;")
        side_layout.addWidget(self.notes_label)
        side_layout.addStretch(1)
        # As wide as the document names need (English ones are longer), within reason.
        self._side = side
        outer.addWidget(side)

        right = QVBoxLayout()
        self.pages_label = QLabel(self.tr("Choose a document and press Preview."))
        right.addWidget(self.pages_label)
        self.preview = PdfPreview()
        right.addWidget(self.preview, 1)
        outer.addLayout(right, 1)

        self.kind.currentIndexChanged.connect(self._update_rows)
        self.micro_grid.currentIndexChanged.connect(self._micro_grid_changed)
        self.estate.currentIndexChanged.connect(self._estate_changed)
        self._update_rows()
        self._load_choices()
        self.check_font()

    # -- choices ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_side()

    def _fit_side(self) -> None:
        """The choices as wide as the longest document name needs (English ones are
        longer; large text too), never more than 70 characters."""
        fm = self.fontMetrics()
        names = (self.kind.itemText(i) for i in range(self.kind.count()))
        longest = max((fm.horizontalAdvance(n) for n in names), default=0)
        labels = max(
            (w.sizeHint().width() for w in self._side.findChildren(QLabel) if not w.wordWrap()),
            default=0,
        )
        want = labels + longest + 64  # the combo's arrow and the form's spacing
        width = max(fm.horizontalAdvance("网") * 24, min(want, fm.averageCharWidth() * 70))
        self._side.setMaximumWidth(width)
        self._side.setMinimumWidth(width)

    @property
    def folder(self) -> Path:
        """Where the documents made for the preview are kept until the window closes."""
        return Path(self._folder.name)

    def release(self) -> None:
        """The window closes (its database thread has stopped): close the previewed file
        and remove the temporary folder (an open file would keep it on Windows)."""
        self.preview.clear()
        self._folder.cleanup()

    def request(self) -> PrintRequest:
        kind = str(self.kind.currentData())
        mine = self.identity.micro_grid_id if self.identity.role == "worker" else None
        d = self.sheet_date.date()
        m = self.month.date()
        w = self.week.date()
        return PrintRequest(
            kind=kind,
            micro_grid_id=mine or self.micro_grid.currentData(),
            estate=None if self._chosen_here(kind) else self.estate.currentData(),
            building=None if self._chosen_here(kind) else self.building.currentData(),
            household_ids=self._chosen,
            hazard_ids=self._hazards if kind == "notice" else None,
            printed_on=date(d.year(), d.month(), d.day()),
            month=f"{m.year():04}-{m.month():02}",
            font_file=preferences.print_font(),
            week=date(w.year(), w.month(), w.day()),
        )

    def _chosen_here(self, kind: str) -> bool:
        return bool(self._hazards if kind == "notice" else self._chosen)

    def set_hazards(self, hazard_ids: list[str] | None) -> None:
        """Print the notices of these hazards (from the gas screen)."""
        self._hazards = tuple(hazard_ids) if hazard_ids else None
        if self._hazards:
            self.kind.setCurrentIndex(KINDS.index("notice"))
        self._update_rows()

    def set_households(self, household_ids: list[str] | None) -> None:
        """Print sheets for these households (from the roster or a household page)."""
        self._chosen = tuple(household_ids) if household_ids else None
        if self._chosen:
            self.kind.setCurrentIndex(KINDS.index("sheets"))
            self.chosen_label.setText(
                self.tr("%n household(s) chosen in the roster", "", len(self._chosen))
            )
        self._update_rows()

    def _clear_chosen(self) -> None:
        if self.kind.currentData() == "notice":
            self.set_hazards(None)
        else:
            self.set_households(None)

    def set_week(self, day: date) -> None:
        """Print the route of the week holding ``day`` (from the work list)."""
        self._chosen = None
        self.week.setDate(QDate(day.year, day.month, day.day))
        self.kind.setCurrentIndex(KINDS.index("worklist"))
        self._update_rows()

    def _update_rows(self) -> None:
        kind = self.kind.currentData()
        sheets = kind == "sheets"
        by_place = kind in ("sheets", "notice")
        office = self.identity.role == "office"
        chosen = self._chosen_here(str(kind))
        visible = {
            "micro_grid": office and ((by_place and not chosen) or kind == "worklist"),
            "estate": by_place and not chosen,
            "building": by_place and not chosen,
            "chosen": by_place and chosen,
            "clear": by_place and chosen,
            "date": sheets,
            "month": kind == "report",
            "week": kind == "worklist",
        }
        if kind == "notice" and self._hazards:
            self.chosen_label.setText(
                self.tr("%n hazard(s) chosen on the gas screen", "", len(self._hazards))
            )
        elif sheets and self._chosen:
            self.chosen_label.setText(
                self.tr("%n household(s) chosen in the roster", "", len(self._chosen))
            )
        for key, widget in self._rows.items():
            self._form.setRowVisible(widget, visible[key])
        if kind == "worklist":
            self.explain.setText(
                self.tr(
                    "Every household with work due by the Sunday of the chosen week, grouped by stairwell, most urgent first. Phone numbers are printed masked."
                )
            )
        elif kind == "notice":
            self.explain.setText(
                self.tr(
                    "One page a hazard, in two parts: the household keeps the upper one, the lower comes back signed. Without hazards chosen, every hazard of the place not yet put right is printed (a second notice for a refusal)."
                )
            )
        elif kind == "report":
            self.explain.setText(
                self.tr(
                    "The month's roster, visit, care, need and gas-safety figures, per micro-grid and for the community."
                )
            )
        else:
            self.explain.setText(
                self.tr(
                    "ID and phone numbers are printed masked; sensitive groups are never printed. Scan the QR code to open the household."
                )
            )

    def _load_choices(self) -> None:
        mine = self.identity.micro_grid_id if self.identity.role == "worker" else None

        def job(store: Store, _ctx: JobContext) -> tuple[list[tuple[str, str]], list[str]]:
            return queries.community_micro_grids(store), queries.estate_choices(store, mine)

        self.runner.run(job, self._choices_loaded)

    def _choices_loaded(self, result: tuple[list[tuple[str, str]], list[str]]) -> None:
        grids, estates = result
        _refill(self.micro_grid, [(name, gid) for gid, name in grids])
        _refill(self.estate, [(e, e) for e in estates])

    def _micro_grid_changed(self) -> None:
        mg = self.micro_grid.currentData()
        self.runner.run(
            lambda store, _ctx: queries.estate_choices(store, mg),
            lambda es: _refill(self.estate, [(e, e) for e in es]),
        )

    def _estate_changed(self) -> None:
        estate = self.estate.currentData()
        self.building.setEnabled(estate is not None)
        _refill(self.building, [])
        if estate is not None:
            self.runner.run(
                lambda store, _ctx: queries.building_choices(store, estate),
                lambda bs: _refill(self.building, [(b, b) for b in bs]),
            )

    def check_font(self) -> None:
        """Say which font the documents will use (loading one takes a moment: a job)."""
        font_file = preferences.print_font()

        def job(_store: Store, _ctx: JobContext) -> FontSet:
            from gridworker.printing.fonts import make_font_set

            return make_font_set(font_file)

        self.runner.run(job, self._font_found)

    def _font_found(self, fonts: FontSet) -> None:
        self.font_family = fonts.main.family
        if fonts.main.embedded:
            text = self.tr("Font: {0} (embedded in the PDF)").format(fonts.main.family)
        else:
            text = self.tr("Font: {0} (not embedded)").format(fonts.main.family)
        self._font_note = display(fonts.note) if fonts.note else ""
        if self._font_note:
            text += "\n" + self._font_note
        self.font_label.setText(text)

    # -- making, printing, saving -----------------------------------------------------
    def _render(self, then: object = None) -> None:
        req = self.request()
        if req.kind == "sheets" and req.micro_grid_id is None and not req.household_ids:
            inform(self, self.tr("Print"), self.tr("Choose a micro-grid first."))
            return
        path = Path(self._folder.name) / f"document-{next(self._names)}.pdf"

        def done(result: tuple[Path, RenderResult]) -> None:
            self._show(req, *result)
            if callable(then):
                then()

        run_with_progress(
            self,
            self.runner,
            lambda store, ctx: make_pdf(store, ctx, req, path),
            self.tr("Making the PDF…"),
            done,
        )

    def make_preview(self) -> None:
        self._render()

    def _show(self, req: PrintRequest, path: Path, result: RenderResult) -> None:
        old = self._pdf
        self._pdf, self._pdf_request = path, req
        self.preview.load(path)
        if old is not None and old != path:
            with contextlib.suppress(OSError):
                old.unlink()
        if req.kind == "sheets":
            self.pages_label.setText(
                self.tr("{0} households, {1} pages").format(result.records, result.pages)
            )
        elif req.kind == "notice":
            self.pages_label.setText(
                self.tr("{0} notices, {1} pages").format(result.records, result.pages)
            )
        else:
            self.pages_label.setText(self.tr("{0} pages").format(result.pages))
        # The font's own note already stands under the font's name.
        notes = [display(n) for n in result.notes]
        self.notes_label.setText("\n".join(n for n in notes if n != self._font_note))
        self.pdf_ready.emit(result.pages)

    def _current(self) -> bool:
        return self._pdf is not None and self._pdf_request == self.request()

    def print_document(self) -> None:
        """Make the PDF if the choices changed, then the system print dialog."""
        if not self._current():
            self._render(self.print_document)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._pdf.name if self._pdf else "GridWorker")
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.preview.pages()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the previewed PDF to ``printer`` on the database thread, with progress."""
        pdf = self._pdf
        if pdf is None:
            return

        def job(_store: Store, ctx: JobContext) -> int:
            def progress(done: int, total: int) -> None:
                text = QCoreApplication.translate("PrintScreen", "Printing page {0} of {1}")
                ctx.report(done, total, text.format(done, total))

            return print_pdf(pdf, printer, progress, ctx.cancelled)

        run_with_progress(self, self.runner, job, self.tr("Printing…"), self.printed.emit)

    def save_document(self) -> None:
        if not self._current():
            self._render(self.save_document)
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(Path.home() / self._suggested_name()),
            self.tr("PDF (*.pdf)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, target: Path) -> None:
        pdf = self._pdf
        if pdf is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")

        def job(_store: Store, _ctx: JobContext) -> str:
            with open(pdf, "rb") as src:
                write_pdf(target, lambda f: shutil.copyfileobj(src, f))
            return str(target)

        def done(where: str) -> None:
            self.saved.emit(where)
            inform(self, self.tr("Save as PDF"), self.tr("Saved to {0}").format(where))

        def failed(message: str) -> None:
            inform(self, self.tr("Save as PDF"), message, warning=True)

        self.runner.run(job, done, failed)

    def _suggested_name(self) -> str:
        req = self._pdf_request or self.request()
        names = {
            "sheets": "入户走访登记表",
            "notice": "燃气安全隐患整改通知书",
            "report": f"月度工作报表-{req.month}",
            "worklist": f"本周走访清单-{req.week:%Y%m%d}",
        }
        return f"{names.get(req.kind, 'GridWorker')}-{date.today():%Y%m%d}.pdf"
