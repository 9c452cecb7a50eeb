"""Printed sheets, notices and reports as A4 PDFs (reportlab; no Qt here).

Documents take plain models (:mod:`gridworker.printing.models`) that the store layer
fills (``store/print_data.py``), so each section prints only when its data exists.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path


def self_test_page(path: Path) -> None:
    """One household sheet with Chinese text, written to ``path`` with the font this
    computer would print with: the installed app's self-test (``gridworker --self-test``)."""
    from gridworker.printing.fonts import make_font_set
    from gridworker.printing.models import HouseholdSheet, SheetMember
    from gridworker.printing.output import write_pdf
    from gridworker.printing.sheets import render_sheets
    from gridworker.store.policies import load_checklist

    sheet = HouseholdSheet(
        household_id="0" * 32,
        printed_on=date.today(),
        community="致强社区",
        micro_grid="第三微网格",
        estate="致强小区",
        building="1栋",
        unit="1单元",
        room="101",
        head_name="张静华",
        members=(SheetMember("张静华", "女", 80, "本人", "11010519491231002X", "13844847389"),),
        checklist=load_checklist(),
    )
    fonts = make_font_set()
    write_pdf(path, lambda out: render_sheets([sheet], out, fonts, author="self-test"))
