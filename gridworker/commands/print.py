"""`gridworker print …`: the printed sheets, notices, week route and month report as PDF.

Each document is written whole or not at all (a temporary file beside the target,
renamed when complete). Font problems and characters the font lacks are said on
stderr; the PDF is still written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.core.gas_checklist import ChecklistError
from gridworker.core.messages import message_of
from gridworker.store import print_data
from gridworker.store.errors import StoreError
from gridworker.store.policies import checklist
from gridworker.store.print_data import SheetScope
from gridworker.store.queries import micro_grids

if TYPE_CHECKING:  # reportlab is imported only by the print commands that run (CLI start-up)
    from gridworker.printing.fonts import FontSet
    from gridworker.printing.layout import RenderResult


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "print",
        help="打印：入户走访登记表、隐患整改通知书、本周走访清单、月度工作报表（PDF）",
        description="生成 A4 PDF。证件号和电话只印部分，敏感人群标签不印。",
    )
    p.set_defaults(group_parser=p)
    acts = p.add_subparsers(dest="action", metavar="ACTION")

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--out", required=True, metavar="FILE.pdf", help="写入的 PDF 文件")
        q.add_argument("--font", metavar="FILE", help="用这个 TrueType 字体文件（.ttf/.ttc）")

    s = acts.add_parser(
        "sheets",
        help="入户走访登记表，每户一页（默认：本微网格全部住户）",
        description="每户一页入户走访登记表，带二维码；扫描二维码即可在程序里打开这一户。",
    )
    common(s)
    scope = s.add_mutually_exclusive_group()
    scope.add_argument("--building", metavar="B", help="一栋楼，如 锦华苑3栋")
    scope.add_argument(
        "--household",
        metavar="HOUSEHOLD",
        help="一户：地址（锦华苑3栋2单元301）、户编号或二维码内容",
    )
    scope.add_argument("--micro-grid", metavar="G", help="一个微网格（社区电脑上用）")
    s.add_argument("--date", metavar="YYYY-MM-DD", help="表上的打印日期（默认今天）")
    s.set_defaults(handler=cmd_sheets)

    n = acts.add_parser("notice", help="燃气安全隐患整改通知书（用户联和存根联）")
    common(n)
    which = n.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--hazard", action="append", metavar="ID", help="隐患编号（可只写前几位；可写多次）"
    )
    which.add_argument(
        "--open", action="store_true", help="本微网格未整改的全部隐患（拒不整改的印再次通知）"
    )
    n.add_argument("--micro-grid", metavar="G", help="社区电脑上与 --open 一起用")
    n.set_defaults(handler=cmd_notice)

    w = acts.add_parser("worklist", help="本周走访清单（按小区、楼栋、单元排路线）")
    common(w)
    w.add_argument("--week", required=True, metavar="YYYY-MM-DD", help="这一周中的任一天")
    w.add_argument("--micro-grid", metavar="G", help="一个微网格（社区电脑上用；不写则全社区）")
    w.set_defaults(handler=cmd_worklist)

    r = acts.add_parser("report", help="月度工作报表")
    common(r)
    r.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2025-06")
    r.set_defaults(handler=cmd_report)


def _fonts(args: argparse.Namespace) -> FontSet:
    from gridworker.printing.fonts import make_font_set

    return make_font_set(Path(args.font) if args.font else None)


def _date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期“{text}”的格式不对，应写成 2025-06-03。") from None


def _write(args: argparse.Namespace, render: Callable[[BinaryIO], RenderResult]) -> RenderResult:
    from gridworker.printing.fonts import FontError
    from gridworker.printing.output import PrintError, write_pdf

    out = Path(args.out)
    try:
        result = write_pdf(out, render)
    except (PrintError, FontError, ChecklistError) as e:
        raise CommandError(message_of(e)) from e
    for note in result.notes:
        print(f"gridworker: 注意：{note}", file=sys.stderr)
    return result


def cmd_sheets(args: argparse.Namespace) -> int:
    from gridworker.printing.sheets import render_sheets

    printed_on = _date(args.date)
    store = open_store(args)
    try:
        ident = store.identity
        conn = store.conn
        mine = ident.micro_grid_id if ident.role == "worker" else None
        if args.household:
            scope = SheetScope(
                household_ids=(print_data.resolve_household(store, args.household, mine),)
            )
        elif args.building:
            estate, building = print_data.resolve_building(store, args.building, mine)
            scope = SheetScope(micro_grid_id=mine, estate=estate, building=building)
        elif args.micro_grid:
            names = {name: gid for gid, name in micro_grids(conn)}
            gid = names.get(args.micro_grid.strip())
            if gid is None or (mine and gid != mine):
                raise CommandError(f"没有微网格“{args.micro_grid}”。")
            scope = SheetScope(micro_grid_id=gid)
        elif mine:
            scope = SheetScope(micro_grid_id=mine)
        else:
            raise CommandError(
                "社区电脑上请用 --micro-grid、--building 或 --household 指定要打印哪些住户。"
            )
        ids = print_data.sheet_household_ids(store, scope)
        if not ids:
            raise CommandError("没有要打印的住户。")
        try:
            template = checklist(store)  # the version in force (the office's, if set)
        except (ChecklistError, StoreError) as e:
            raise CommandError(message_of(e)) from e
        fonts = _fonts(args)
        sheets = print_data.household_sheets(
            store,
            ids,
            printed_on=printed_on,
            checklist=template,
            community=ident.community,
            worker=ident.user if mine else "",
        )
        result = _write(args, lambda f: render_sheets(sheets, f, fonts, author=ident.user))
        print(f"已写入 {args.out}：{result.records} 户，{result.pages} 页。")
        return 0
    finally:
        store.close()


def cmd_notice(args: argparse.Namespace) -> int:
    from gridworker.printing.notice import render_notices
    from gridworker.store import gas, gas_print

    store = open_store(args)
    try:
        ident = store.identity
        today = date.today()
        if args.hazard:
            try:
                ids = [gas.find_hazard(store, h) for h in args.hazard]
            except StoreError as e:
                raise CommandError(message_of(e)) from e
            scope = gas_print.NoticeScope(hazard_ids=tuple(ids))
        else:
            mine = ident.micro_grid_id if ident.role == "worker" else None
            if args.micro_grid:
                names = {name: gid for gid, name in micro_grids(store.conn)}
                mine = names.get(args.micro_grid.strip())
                if mine is None:
                    raise CommandError(f"没有微网格“{args.micro_grid}”。")
            elif mine is None:
                raise CommandError(
                    "社区电脑上请用 --micro-grid 指定微网格，或用 --hazard 指定隐患。"
                )
            scope = gas_print.NoticeScope(micro_grid_id=mine)
        ids = gas_print.notice_hazard_ids(store, scope, today)
        if not ids:
            raise CommandError("没有要打印整改通知书的隐患。")
        notices = gas_print.hazard_notices(store, ids, today, community=ident.community)
        fonts = _fonts(args)
        result = _write(args, lambda f: render_notices(notices, f, fonts, author=ident.user))
        print(f"已写入 {args.out}：{result.records} 份通知书，{result.pages} 页。")
        return 0
    finally:
        store.close()


def cmd_worklist(args: argparse.Namespace) -> int:
    from gridworker.printing.worklist import render_week_route

    day = _date(args.week)
    store = open_store(args)
    try:
        ident = store.identity
        gid = None
        if args.micro_grid and ident.role == "office":
            names = {name: g for g, name in micro_grids(store.conn)}
            gid = names.get(args.micro_grid.strip())
            if gid is None:
                raise CommandError(f"没有微网格“{args.micro_grid}”。")
        route = print_data.week_route(store, day, ident, micro_grid_id=gid)
        fonts = _fonts(args)
        result = _write(args, lambda f: render_week_route(route, f, fonts, author=ident.user))
        print(f"已写入 {args.out}：本周 {len(route.stops)} 户，{result.pages} 页。")
        return 0
    finally:
        store.close()


def cmd_report(args: argparse.Namespace) -> int:
    from gridworker.printing.report import render_month_report

    store = open_store(args)
    try:
        report = print_data.month_report(store, args.month, store.identity, made_on=date.today())
        fonts = _fonts(args)
        result = _write(
            args, lambda f: render_month_report(report, f, fonts, author=store.identity.user)
        )
        print(f"已写入 {args.out}：{result.pages} 页。")
        return 0
    finally:
        store.close()
