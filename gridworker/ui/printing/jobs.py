"""The database-thread job that makes a document: what to print, built into a PDF file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gridworker.store import print_data
from gridworker.store.gas_print import NoticeScope, hazard_notices, notice_hazard_ids
from gridworker.store.policies import checklist
from gridworker.store.print_data import SheetScope
from gridworker.store.store import Store
from gridworker.ui.worker import Cancelled, JobContext

if TYPE_CHECKING:
    from gridworker.printing.fonts import FontSet
    from gridworker.printing.layout import RenderResult

# reportlab (behind gridworker.printing) is imported by the jobs, on the database thread,
# when something is first printed: it would add about half a second to the app's start.


@dataclass(frozen=True)
class PrintRequest:
    """What to print, as chosen on the screen."""

    kind: str
    micro_grid_id: str | None = None
    estate: str | None = None
    building: str | None = None
    household_ids: tuple[str, ...] | None = None
    printed_on: date = date(2000, 1, 1)
    month: str = ""
    font_file: Path | None = None
    hazard_ids: tuple[str, ...] | None = None  # notices: these hazards (else the place's open ones)
    week: date = date(2000, 1, 1)


def make_pdf(
    store: Store, ctx: JobContext, req: PrintRequest, path: Path
) -> tuple[Path, RenderResult]:
    """Build the document ``req`` asks for into ``path`` (a database-thread job)."""
    from gridworker.printing import layout
    from gridworker.printing.fonts import make_font_set
    from gridworker.printing.output import write_pdf
    from gridworker.printing.report import render_month_report
    from gridworker.printing.sheets import render_sheets
    from gridworker.printing.worklist import render_week_route

    fonts: FontSet = make_font_set(req.font_file)
    ident = store.identity
    try:
        if req.kind == "report":
            report = print_data.month_report(store, req.month, ident, made_on=date.today())
            result = write_pdf(
                path,
                lambda f: render_month_report(
                    report, f, fonts, author=ident.user, cancelled=ctx.cancelled
                ),
            )
            return path, result
        if req.kind == "notice":
            return path, _notices(store, ctx, req, path, fonts)
        if req.kind == "worklist":
            route = print_data.week_route(store, req.week, ident, micro_grid_id=req.micro_grid_id)
            result = write_pdf(
                path,
                lambda f: render_week_route(
                    route, f, fonts, author=ident.user, cancelled=ctx.cancelled
                ),
            )
            return path, result
        scope = SheetScope(req.micro_grid_id, req.estate, req.building, req.household_ids)
        ids = print_data.sheet_household_ids(store, scope)
        if not ids:
            raise ValueError(
                QCoreApplication.translate("PrintScreen", "There are no households to print.")
            )
        total = len(ids)
        sheets = print_data.household_sheets(
            store,
            ids,
            printed_on=req.printed_on,
            checklist=checklist(store),  # the version in force
            community=ident.community,
            worker=ident.user if ident.role == "worker" else "",
        )

        def progress(done: int) -> None:
            ctx.report(
                done,
                total,
                QCoreApplication.translate(
                    "PrintScreen", "Making visit sheets: {0} of {1} households"
                ).format(done, total),
            )

        result = write_pdf(
            path,
            lambda f: render_sheets(
                sheets, f, fonts, author=ident.user, progress=progress, cancelled=ctx.cancelled
            ),
        )
        return path, result
    except layout.Cancelled:
        raise Cancelled() from None


def _notices(
    store: Store, ctx: JobContext, req: PrintRequest, path: Path, fonts: FontSet
) -> RenderResult:
    """The 隐患整改通知书 of the chosen hazards, or of the place's hazards not put right."""
    from gridworker.printing.notice import render_notices
    from gridworker.printing.output import write_pdf

    today = date.today()
    scope = NoticeScope(req.hazard_ids, req.micro_grid_id, req.estate, req.building)
    ids = notice_hazard_ids(store, scope, today)
    if not ids:
        raise ValueError(
            QCoreApplication.translate("PrintScreen", "There are no hazards that need a notice.")
        )
    total = len(ids)
    notices = hazard_notices(store, ids, today, community=store.identity.community)

    def progress(done: int) -> None:
        ctx.report(
            done,
            total,
            QCoreApplication.translate("PrintScreen", "Making notices: {0} of {1}").format(
                done, total
            ),
        )

    return write_pdf(
        path,
        lambda f: render_notices(
            notices,
            f,
            fonts,
            author=store.identity.user,
            progress=progress,
            cancelled=ctx.cancelled,
        ),
    )
