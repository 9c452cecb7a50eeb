"""`gridworker gas …`, `gridworker hazards` and `gridworker hazard …`: gas-safety inspections
and the hazards they find, from the command line.

HOUSEHOLD is a household id, the 身份证号 of any member, the code of a printed sheet or the
address (锦华苑3栋2单元301); a hazard ID may be shortened to its first characters (at
least 6). Answers, outcomes and grades take English codes or the Chinese words.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.core.gas_checklist import GRADES
from gridworker.core.gas_rules import (
    ANSWER_CODES,
    DONE,
    GRADE_CODES,
    OUTCOME_CODES,
    STEP_ESCALATED,
    STEP_FAILED,
    STEP_FIXED,
    STEP_PASSED,
    STEP_REFUSED,
    Answer,
    from_code,
)
from gridworker.core.messages import message_of
from gridworker.store import gas, gas_queries, gas_stats
from gridworker.store.errors import StoreError
from gridworker.store.gas_queries import HazardFilter, HazardRow
from gridworker.store.policies import checklist
from gridworker.store.queries import micro_grids
from gridworker.store.store import Store


def register(sub: SubParsers) -> None:
    g = sub.add_parser(
        "gas",
        help="燃气安全检查：检查表、入户检查、应检住户、月度统计",
        description="居民燃气入户安全检查。每个“隐患”结果自动成为一条隐患记录，"
        "用 gridworker hazards 和 gridworker hazard 跟踪到整改复查或上报。",
    )
    g.set_defaults(group_parser=g)
    acts = g.add_subparsers(dest="action", metavar="ACTION")

    t = acts.add_parser("template", help="现行检查表：各检查项的代码、名称和默认等级")
    t.add_argument("--json", action="store_true", help="以 JSON 输出")
    t.set_defaults(handler=cmd_template)

    i = acts.add_parser(
        "inspect",
        help="记录一次入户检查，输出检查记录编号",
        description="记录一次燃气入户检查。没给出的检查项记为未填；检查情况为 done（已检查）"
        "时每一项都要填。--item 可以写多次。",
    )
    i.add_argument("household", metavar="HOUSEHOLD", help="户编号、任一家庭成员的身份证号或地址")
    i.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="CODE=ok|hazard|na",
        help="一项的结果：ok 合格、hazard 隐患、na 不适用（或 all=ok 把其余各项都记为合格）",
    )
    i.add_argument(
        "--note", action="append", default=[], metavar="CODE=TEXT", help="一项的情况说明"
    )
    i.add_argument(
        "--grade",
        action="append",
        default=[],
        metavar="CODE=major|ordinary|advice",
        help="隐患等级（不写为该项的默认等级）",
    )
    i.add_argument(
        "--outcome",
        default="done",
        metavar="done|absent|refused",
        help="检查情况：done 已检查（默认）、absent 到访不遇、refused 拒绝入户",
    )
    i.add_argument("--on", metavar="YYYY-MM-DD", help="检查日期（默认今天）")
    i.add_argument("--signed", action="store_true", help="户主已在检查表上签字")
    i.add_argument("--inspector", default="", help="检查人（默认本机使用人）")
    i.add_argument("--remark", default="", help="整次检查的备注")
    i.set_defaults(handler=cmd_inspect)

    d = acts.add_parser("due", help="到期该检查的住户（含到访不遇待再次上门的）")
    d.add_argument("--on", metavar="YYYY-MM-DD", help="截至哪一天（默认今天）")
    d.add_argument("--json", action="store_true", help="以 JSON 输出")
    d.set_defaults(handler=cmd_due)

    show = acts.add_parser("show", help="一户的燃气检查和隐患")
    show.add_argument("household", metavar="HOUSEHOLD")
    show.add_argument("--on", metavar="YYYY-MM-DD", help="逾期天数按哪一天算（默认今天）")
    show.set_defaults(handler=cmd_show)

    v = acts.add_parser("void", help="作废录错的检查记录（连同它发现的隐患）")
    v.add_argument("inspection", metavar="ID", help="检查记录编号")
    v.add_argument("--reason", required=True, help="作废原因")
    v.set_defaults(handler=cmd_void)

    s = acts.add_parser("stats", help="月度统计：应检、已检、隐患发现、整改、复查、逾期、上报")
    s.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2025-06")
    s.add_argument("--micro-grid", metavar="G", help="社区电脑：只统计这个微网格")
    s.add_argument("--json", action="store_true", help="以 JSON 输出（给报表用）")
    s.set_defaults(handler=cmd_stats)

    h = sub.add_parser(
        "hazards", help="燃气隐患列表（编号、住户、检查项、等级、状态、期限、逾期天数）"
    )
    h.add_argument("--open", action="store_true", help="只列未了结的（待整改、待复查、拒不整改）")
    h.add_argument("--on", metavar="YYYY-MM-DD", help="逾期天数按哪一天算（默认今天）")
    h.add_argument("--json", action="store_true", help="以 JSON 输出")
    h.set_defaults(handler=cmd_hazards)

    z = sub.add_parser("hazard", help="记录隐患的整改、复查、拒不整改、上报")
    z.set_defaults(group_parser=z)
    steps = z.add_subparsers(dest="action", metavar="ACTION")

    def step(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = steps.add_parser(name, help=help_text)
        p.add_argument("id", metavar="ID", help="隐患编号（可只写前几位）")
        p.add_argument("--on", metavar="YYYY-MM-DD", help="日期（默认今天）")
        p.add_argument("--by", default="", help="经办人（默认本机使用人）")
        return p

    fixed = step("fixed", "住户已整改，等待复查")
    fixed.add_argument("--note", default="", help="怎么整改的")
    fixed.set_defaults(handler=lambda a: cmd_step(a, STEP_FIXED))
    recheck = step("recheck", "上门复查：--result ok 复查合格，still 仍未整改（给新的整改期限）")
    recheck.add_argument("--result", required=True, choices=("ok", "still"), help="复查结果")
    recheck.add_argument("--deadline", metavar="YYYY-MM-DD", help="仍未整改时的新期限")
    recheck.add_argument("--note", default="", help="复查情况")
    recheck.set_defaults(handler=cmd_recheck)
    refused = step("refused", "住户拒不整改（再次通知）")
    refused.add_argument("--deadline", metavar="YYYY-MM-DD", help="再次通知给的期限")
    refused.add_argument("--note", default="", help="情况")
    refused.set_defaults(handler=lambda a: cmd_step(a, STEP_REFUSED))
    escalate = step("escalate", "上报社区、街道或燃气公司（须写明情况）")
    escalate.add_argument("--note", required=True, help="报给了谁、为什么")
    escalate.set_defaults(handler=lambda a: cmd_step(a, STEP_ESCALATED))
    info = steps.add_parser("show", help="一条隐患的情况和全部整改记录")
    info.add_argument("id", metavar="ID")
    info.add_argument("--on", metavar="YYYY-MM-DD")
    info.set_defaults(handler=cmd_hazard_show)
    undo = steps.add_parser("undo", help="撤销最近一步（录错时用）")
    undo.add_argument("id", metavar="ID")
    undo.add_argument("--reason", default="", help="撤销原因")
    undo.set_defaults(handler=cmd_undo)


# -- helpers ------------------------------------------------------------------------------------


def _date(text: str | None, what: str = "日期") -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{what}“{text}”的格式不对，应写成 2025-06-03。") from None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns lined up for a terminal (Chinese characters take two columns)."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(r)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _pairs(items: Sequence[str], option: str) -> list[tuple[str, str]]:
    out = []
    for text in items:
        code, eq, value = text.partition("=")
        if not eq or not code.strip():
            raise CommandError(f"{option} “{text}”应写成 代码=内容，如 {option} leak=ok。")
        out.append((code.strip(), value.strip()))
    return out


def _fail(e: StoreError) -> CommandError:
    return CommandError(message_of(e))


# -- gas ----------------------------------------------------------------------------------------


def cmd_template(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        t = checklist(store)
    if args.json:
        data = {
            "version": t.version,
            "name": t.name,
            "inspection_interval_months": t.inspection_interval_months,
            "items": [
                {
                    "code": i.code,
                    "label": i.label,
                    "grade": i.grade,
                    "hazard_when": i.hazard_when,
                    "upgrades": [{"when": u.when, "grade": u.grade} for u in i.upgrades],
                }
                for i in t.items
            ],
            "grades": [
                {"grade": g.grade, "deadline_days": g.deadline_days, "action": g.action}
                for g in t.grades
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print(f"{t.name} 第 {t.version} 版（每 {t.inspection_interval_months} 个月检查一次）")
    print(
        _table(
            ["代码", "检查项", "默认等级", "较重情形"],
            [
                [i.code, i.label, i.grade, "；".join(f"{u.when}→{u.grade}" for u in i.upgrades)]
                for i in t.items
            ],
        )
    )
    for g in t.grades:
        print(f"{g.grade}：{g.action}")
    return 0


def _answers(args: argparse.Namespace, codes: list[str]) -> dict[str, Answer]:
    """The --item/--note/--grade options as answers; ``all=ok`` fills the items not given."""
    answers: dict[str, str] = {}
    rest: str | None = None
    for code, value in _pairs(args.item, "--item"):
        answer = from_code(value, ANSWER_CODES)
        if answer is None:
            raise CommandError(f"--item {code}={value}：结果应为 ok、hazard 或 na。")
        if code == "all":
            rest = answer
        else:
            answers[code] = answer
    if rest is not None:
        for c in codes:
            answers.setdefault(c, rest)
    notes = dict(_pairs(args.note, "--note"))
    grades: dict[str, str] = {}
    for code, value in _pairs(args.grade, "--grade"):
        grade = from_code(value, GRADE_CODES)
        if grade is None:
            raise CommandError(f"--grade {code}={value}：等级应为 major、ordinary 或 advice。")
        grades[code] = grade
    for code in [*notes, *grades]:
        if code not in answers:
            raise CommandError(f"检查项 {code} 写了说明或等级，但没有用 --item 给出结果。")
    return {code: Answer(a, notes.get(code, ""), grades.get(code)) for code, a in answers.items()}


def cmd_inspect(args: argparse.Namespace) -> int:
    outcome = from_code(args.outcome, OUTCOME_CODES)
    if outcome is None:
        raise CommandError(f"--outcome “{args.outcome}”应为 done、absent 或 refused。")
    on = _date(args.on, "检查日期")
    with open_store(args) as store:
        try:
            household = gas.find_household(store, args.household)
            template = checklist(store)
            answers = _answers(args, [i.code for i in template.items])
            missing = [i for i in template.items if i.code not in answers]
            if outcome == DONE and missing:
                listed = "、".join(f"{i.code}（{i.label}）" for i in missing)
                raise CommandError(
                    f"已检查的记录须填完每一项，还缺 {len(missing)} 项：{listed}。"
                    "可用 --item all=ok 把没写的各项记为合格。"
                )
            saved = gas.save_inspection(
                store,
                gas.InspectionInput(
                    household,
                    on,
                    outcome,
                    answers,
                    signed=args.signed,
                    inspector=args.inspector,
                    notes=args.remark,
                ),
            )
        except StoreError as e:
            raise _fail(e) from e
        print(saved.id)
        if saved.hazard_ids:
            rows = [
                gas_queries.hazard_rows(store, HazardFilter(view="all", hazard_id=z), on)[0]
                for z in saved.hazard_ids
            ]
            for z in rows:
                deadline = f"，{z.deadline} 前整改" if z.deadline else ""
                print(f"隐患 {z.id[:12]}：{z.item_label}（{z.grade}）{deadline}", file=sys.stderr)
            if saved.stop_use:
                stop = template.policy("重大").stop_use_text or "立即停用、关闭阀门"
                print(f"有重大隐患：{stop}", file=sys.stderr)
        elif outcome == DONE:
            print("各项合格，没有隐患。", file=sys.stderr)
    return 0


def _place_text(z: HazardRow | gas_queries.DueRow | gas_queries.InspectionRow) -> str:
    return z.place.address or z.place.head_name or z.place.household_id[:12]


def cmd_due(args: argparse.Namespace) -> int:
    on = _date(args.on)
    with open_store(args) as store:
        rows = gas_queries.due_rows(store, on)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "household_id": r.place.household_id,
                        "address": r.place.address,
                        "head": r.place.head_name,
                        "micro_grid": r.place.micro_grid_name,
                        "due": r.due.isoformat(),
                        "kind": r.kind,
                        "days_overdue": r.days_overdue(on),
                        "last_done": r.last_done.isoformat() if r.last_done else None,
                        "last_failed": (
                            {"on": r.failed_on.isoformat(), "outcome": r.failed_outcome}
                            if r.failed_on
                            else None
                        ),
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not rows:
        print(f"截至 {on}，没有到期该检查的住户。")
        return 0
    print(
        _table(
            ["住户", "户主", "应检日期", "逾期天数", "上次检查", "上次情况"],
            [
                [
                    _place_text(r),
                    r.place.head_name,
                    r.due.isoformat(),
                    str(r.days_overdue(on)),
                    r.last_done.isoformat() if r.last_done else "从未",
                    f"{r.failed_on} {r.failed_outcome}" if r.failed_on else "",
                ]
                for r in rows
            ],
        )
    )
    print(f"共 {len(rows)} 户。")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = _date(args.on)
    with open_store(args) as store:
        try:
            household = gas.find_household(store, args.household)
        except StoreError as e:
            raise _fail(e) from e
        g = gas_queries.household_gas(store, household, on)
        details = [gas_queries.inspection_detail(store, i.id) for i in g.inspections]
    if g.due is not None:
        print(
            f"下次应检：{g.due.due}"
            + (f"（已逾期 {g.due.days_overdue(on)} 天）" if g.due.days_overdue(on) else "")
        )
    if not g.inspections:
        print("还没有燃气检查记录。")
    for d in details:
        if d is None:
            continue
        r = d.row
        void = "（已作废）" if r.voided else ""
        signed = "，户主已签字" if r.signed else ""
        print(f"\n{r.inspected_on} {r.outcome}{void}  检查人 {r.inspector}{signed}  [{r.id}]")
        for it in d.items:
            if it.answer is not None:
                note = f"：{it.note}" if it.note else ""
                print(f"  {it.label}　{it.answer}{note}")
    if g.hazards:
        print()
        _print_hazards(g.hazards, on)
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            gas.void_inspection(store, args.inspection.strip().lower(), args.reason)
        except StoreError as e:
            raise _fail(e) from e
    print("已作废这条检查记录和它发现的隐患。")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        wanted = None
        if args.micro_grid:
            names = {name: gid for gid, name in micro_grids(store.conn)}
            gid = names.get(args.micro_grid.strip())
            if gid is None:
                raise CommandError(f"没有微网格“{args.micro_grid}”。")
            wanted = [gid]
        try:
            report = gas_stats.month_stats(store, args.month, micro_grid_ids=wanted)
        except StoreError as e:
            raise _fail(e) from e
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        return 0
    header = ["微网格", "应检", "已检(应检中)", "检查户数", "到访不遇", "拒绝入户"]
    header += [*GRADES, "已整改", "复查", "未通过", "逾期", "上报", "未了结"]
    rows = [(r.label, r.figures) for r in report.rows]
    if len(report.rows) > 1:
        rows.append(("合计", report.total))
    print(f"{report.month} 燃气安全检查（逾期、未了结按 {report.as_of} 计）")
    print(
        _table(
            header,
            [
                [
                    label,
                    str(g.due),
                    str(g.inspected_of_due),
                    str(g.inspected),
                    str(g.absent),
                    str(g.refused),
                    *(str(g.found_of(gr)) for gr in GRADES),
                    str(g.rectified),
                    str(g.rechecked),
                    str(g.recheck_failed),
                    str(g.overdue),
                    str(g.escalated),
                    str(g.open),
                ]
                for label, g in rows
            ],
        )
    )
    return 0


# -- hazards ------------------------------------------------------------------------------------


def _hazard_json(z: HazardRow, on: date) -> dict[str, object]:
    return {
        "id": z.id,
        "household_id": z.place.household_id,
        "household": z.place.address,
        "head": z.place.head_name,
        "micro_grid": z.place.micro_grid_name,
        "item": z.item,
        "item_label": z.item_label,
        "grade": z.grade,
        "status": z.status,
        "found": z.found,
        "found_on": z.found_on.isoformat() if z.found_on else None,
        "deadline": z.deadline.isoformat() if z.deadline else None,
        "days_overdue": z.overdue_days,
        "as_of": on.isoformat(),
    }


def _print_hazards(rows: Sequence[HazardRow], on: date) -> None:
    print(
        _table(
            ["编号", "住户", "检查项", "等级", "状态", "发现日期", "整改期限", "逾期天数"],
            [
                [
                    z.id[:12],
                    _place_text(z),
                    z.item_label,
                    z.grade,
                    z.status,
                    z.found_on.isoformat() if z.found_on else "",
                    z.deadline.isoformat() if z.deadline else "—",
                    str(z.overdue_days) if z.overdue_days else "",
                ]
                for z in rows
            ],
        )
    )


def cmd_hazards(args: argparse.Namespace) -> int:
    on = _date(args.on)
    with open_store(args) as store:
        rows = gas_queries.hazard_rows(store, HazardFilter(view="open" if args.open else "all"), on)
    if args.json:
        print(json.dumps([_hazard_json(z, on) for z in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("没有未了结的燃气隐患。" if args.open else "没有燃气隐患记录。")
        return 0
    _print_hazards(rows, on)
    late = sum(1 for z in rows if z.overdue_days)
    print(f"共 {len(rows)} 条" + (f"，其中逾期 {late} 条" if late else "") + f"（按 {on} 计）。")
    return 0


def _step(store: Store, args: argparse.Namespace, action: str, deadline: date | None) -> str:
    try:
        hazard = gas.find_hazard(store, args.id)
        gas.add_step(
            store,
            hazard,
            action,
            _date(args.on),
            note=getattr(args, "note", "") or "",
            deadline=deadline,
            by=args.by,
        )
        state = gas.hazard_now(store, hazard)
    except StoreError as e:
        raise _fail(e) from e
    deadline_text = f"，整改期限 {state.deadline}" if state.is_open and state.deadline else ""
    return f"隐患 {hazard[:12]} 现在是“{state.status}”{deadline_text}。"


def cmd_step(args: argparse.Namespace, action: str) -> int:
    deadline = _date(args.deadline, "期限") if getattr(args, "deadline", None) else None
    with open_store(args) as store:
        print(_step(store, args, action, deadline))
    return 0


def cmd_recheck(args: argparse.Namespace) -> int:
    action = STEP_PASSED if args.result == "ok" else STEP_FAILED
    if args.deadline and action == STEP_PASSED:
        raise CommandError("复查合格时不用给新的期限（--deadline 只用于 --result still）。")
    return cmd_step(args, action)


def cmd_hazard_show(args: argparse.Namespace) -> int:
    on = _date(args.on)
    with open_store(args) as store:
        try:
            hazard = gas.find_hazard(store, args.id)
        except StoreError as e:
            raise _fail(e) from e
        d = gas_queries.hazard_detail(store, hazard, on)
    assert d is not None
    z = d.row
    print(f"{_place_text(z)}（{z.place.head_name}）　{z.item_label}　{z.grade}　{z.status}")
    print(f"编号 {z.id}")
    print(f"发现：{z.found_on}　{z.found or d.hazard_when}")
    if z.deadline:
        late = f"（已逾期 {z.overdue_days} 天）" if z.overdue_days else ""
        print(f"整改期限：{z.deadline}{late}")
    if d.requirement:
        print(f"要求：{d.requirement}")
    for s in d.steps:
        void = f"（已撤销：{s.void_reason}）" if s.voided else ""
        new = f"，新期限 {s.deadline}" if s.deadline else ""
        note = f"：{s.note}" if s.note else ""
        print(f"  {s.on} {s.action}{new}{note}　{s.by}{void}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            hazard = gas.find_hazard(store, args.id)
            steps = gas_queries.live_step_ids(store, hazard)
            if not steps:
                raise CommandError("这条隐患还没有整改记录，没有可撤销的。")
            gas.undo_step(store, steps[-1], args.reason)
            state = gas.hazard_now(store, hazard)
        except StoreError as e:
            raise _fail(e) from e
    print(f"已撤销最近一步；隐患现在是“{state.status}”。")
    return 0
