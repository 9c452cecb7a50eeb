"""`gridworker care|event|visit|need|worklist|visits|needs`: care flags, major events,
visits and needs from the command line, through the same store functions as the app.

RESIDENT is a resident's id or 身份证号; HOUSEHOLD a household's id, the 身份证号 of any
member, or its address. ``--on`` is the day an action is recorded as done (default
today); the work list's ``--on`` is the day it is computed for.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.core.care_policy import EVENT_KINDS, VISIT_METHODS
from gridworker.core.messages import message_of
from gridworker.core.needs import CATEGORIES, SATISFACTION, SOURCES
from gridworker.core.visits import PURPOSES, VisitError, parse_blood_pressure
from gridworker.core.worklist import counts, kind_label
from gridworker.store import care, needs, visits
from gridworker.store.errors import StoreError
from gridworker.store.refs import resolve_household, resolve_resident
from gridworker.store.store import Store
from gridworker.store.worklist_view import work_rows

COLOUR_WORDS = {"red": "红", "yellow": "黄", "green": "绿"}


def _day(text: str | None, what: str = "--on") -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{what} 的日期“{text}”格式不对，应写成 2026-03-05。") from None


def _maybe_day(text: str | None, what: str) -> date | None:
    return _day(text, what) if text else None


def register(sub: SubParsers) -> None:
    c = sub.add_parser("care", help="三色关爱标记：设定、修改或取消居民的关爱颜色")
    c.set_defaults(group_parser=c)
    ca = c.add_subparsers(dest="action", metavar="ACTION")
    s = ca.add_parser("set", help="设定关爱颜色（none 取消）")
    s.add_argument("resident", metavar="RESIDENT", help="居民编号或身份证号")
    s.add_argument(
        "--colour", "--color", required=True, help="red|yellow|green|none（红|黄|绿|无）"
    )
    s.add_argument(
        "--category",
        action="append",
        metavar="C",
        help="关爱类别，可多次（如 独居老人）；不写则保留原有（新标记取居民的人员类别）",
    )
    s.add_argument("--reason", required=True, help="设定的原因")
    s.add_argument("--on", metavar="YYYY-MM-DD", help="设定日期（默认今天）")
    s.add_argument("--review", metavar="YYYY-MM-DD", help="下次复核日期（默认按规则）")
    s.set_defaults(handler=cmd_care_set)
    ls = ca.add_parser("list", help="所有关爱对象：颜色、上次走访、下次到期")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出（不含关爱类别和原因）")
    ls.set_defaults(handler=cmd_care_list)

    e = sub.add_parser("event", help="登记重大事件（出院、极端天气、丧亲…）：24 小时内须入户探访")
    e.add_argument("resident", metavar="RESIDENT", help="居民编号或身份证号")
    e.add_argument("--kind", required=True, choices=EVENT_KINDS, help="事件类别")
    e.add_argument("--on", metavar="YYYY-MM-DD", help="发生日期（默认今天）")
    e.add_argument("--note", default="", help="说明")
    e.set_defaults(handler=cmd_event)

    v = sub.add_parser("visit", help="走访：登记一次走访")
    v.set_defaults(group_parser=v)
    va = v.add_subparsers(dest="action", metavar="ACTION")
    add = va.add_parser(
        "add",
        help="登记走访，打印走访编号",
        description="不写 --met 时，入户/电话/视频 算见到了这一户所有在住成员，到访不遇 算谁也没见到。",
    )
    add.add_argument(
        "--household", required=True, metavar="HOUSEHOLD", help="户编号、成员身份证号或地址"
    )
    add.add_argument("--method", required=True, help="/".join(VISIT_METHODS))
    add.add_argument(
        "--purpose",
        action="append",
        required=True,
        metavar="P",
        help="走访事由，可多次：" + "、".join(PURPOSES),
    )
    add.add_argument("--met", action="append", metavar="RESIDENT", help="见到的居民，可多次")
    add.add_argument("--on", metavar="YYYY-MM-DD", help="走访日期（默认今天）")
    add.add_argument("--time", metavar="HH:MM", help="走访时间")
    add.add_argument("--note", default="", help="走访情况")
    add.add_argument("--bp", metavar="135/85", help="血压（高压/低压）")
    add.add_argument("--follow-up", metavar="YYYY-MM-DD", help="约定的回访日期")
    add.add_argument(
        "--visitor", action="append", metavar="NAME", help="走访人，可多次（默认本机使用人）"
    )
    add.add_argument("--need", action="append", metavar="TEXT", help="这次收集的诉求，可多次")
    add.set_defaults(handler=cmd_visit_add)
    vv = va.add_parser("void", help="作废一条录错的走访")
    vv.add_argument("visit", metavar="VISIT", help="走访编号")
    vv.add_argument("--reason", required=True, help="作废原因")
    vv.set_defaults(handler=cmd_visit_void)

    n = sub.add_parser("need", help="诉求：登记、现场解决、上报、反馈、回访")
    n.set_defaults(group_parser=n)
    na = n.add_subparsers(dest="action", metavar="ACTION")
    nadd = na.add_parser("add", help="登记诉求，打印诉求编号")
    nadd.add_argument("household", metavar="HOUSEHOLD", help="户编号、成员身份证号或地址")
    nadd.add_argument("--text", required=True, help="诉求内容")
    nadd.add_argument("--category", default="其他", help="类别：" + "、".join(CATEGORIES))
    nadd.add_argument("--source", default="居民提出", help="来源：" + "、".join(SOURCES))
    nadd.add_argument("--resident", metavar="RESIDENT", help="提出诉求的居民")
    nadd.add_argument("--deadline", metavar="YYYY-MM-DD", help="办理期限")
    nadd.add_argument("--on", metavar="YYYY-MM-DD", help="登记日期（默认今天）")
    nadd.set_defaults(handler=cmd_need_add)
    solve = na.add_parser("solve", help="现场解决")
    solve.add_argument("need", metavar="NEED")
    solve.add_argument("--result", required=True, help="怎样解决的")
    solve.add_argument("--on", metavar="YYYY-MM-DD")
    solve.set_defaults(handler=cmd_need_solve)
    rep = na.add_parser("report", help="上报：交承办人，定期限（再次上报即改派）")
    rep.add_argument("need", metavar="NEED")
    rep.add_argument("--owner", required=True, help="承办人或部门")
    rep.add_argument("--deadline", required=True, metavar="YYYY-MM-DD", help="办理期限")
    rep.add_argument("--on", metavar="YYYY-MM-DD")
    rep.set_defaults(handler=cmd_need_report)
    fb = na.add_parser("feedback", help="反馈办理结果")
    fb.add_argument("need", metavar="NEED")
    fb.add_argument("--result", required=True, help="办理结果")
    fb.add_argument("--on", metavar="YYYY-MM-DD")
    fb.set_defaults(handler=cmd_need_feedback)
    rv = na.add_parser("revisit", help="回访居民")
    rv.add_argument("need", metavar="NEED")
    rv.add_argument("--satisfaction", required=True, choices=SATISFACTION, help="满意度")
    rv.add_argument("--note", default="", help="回访情况")
    rv.add_argument("--on", metavar="YYYY-MM-DD")
    rv.set_defaults(handler=cmd_need_revisit)
    nv = na.add_parser("void", help="作废一条录错的诉求")
    nv.add_argument("need", metavar="NEED")
    nv.add_argument("--reason", required=True, help="作废原因")
    nv.set_defaults(handler=cmd_need_void)

    w = sub.add_parser("worklist", help="今日工作：该走访谁、为什么，最急的在前")
    w.add_argument("--on", metavar="YYYY-MM-DD", help="按哪一天计算（默认今天）")
    w.add_argument("--json", action="store_true", help="以 JSON 输出")
    w.set_defaults(handler=cmd_worklist)

    vs = sub.add_parser("visits", help="走访记录，最新的在前")
    vs.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="起始日期")
    vs.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="截止日期")
    vs.add_argument("--method", choices=VISIT_METHODS, help="走访方式")
    vs.add_argument("--purpose", choices=PURPOSES, help="走访事由")
    vs.add_argument("--household", metavar="HOUSEHOLD", help="只看这一户")
    vs.add_argument("--json", action="store_true", help="以 JSON 输出")
    vs.set_defaults(handler=cmd_visits)

    ns = sub.add_parser("needs", help="诉求清单")
    ns.add_argument("--open", action="store_true", help="只看未办结的（已登记、已上报）")
    ns.add_argument("--household", metavar="HOUSEHOLD", help="只看这一户")
    ns.add_argument("--json", action="store_true", help="以 JSON 输出")
    ns.set_defaults(handler=cmd_needs)


def _run(args: argparse.Namespace, fn: Any) -> Any:
    """Run ``fn(store)``; a refusal is one sentence and exit code 1."""
    with open_store(args) as store:
        try:
            return fn(store)
        except (StoreError, VisitError) as e:
            raise CommandError(message_of(e)) from e


# -- care ----------------------------------------------------------------------------------


def cmd_care_set(args: argparse.Namespace) -> int:
    on = _day(args.on)
    review = _maybe_day(args.review, "--review")

    def go(store: Store) -> str | None:
        rid = resolve_resident(store, args.resident)
        colour = care.norm_colour(args.colour)
        return care.set_flag(
            store,
            rid,
            colour,
            reason=args.reason,
            categories=args.category,
            on=on,
            review_on=review,
        )

    fid = _run(args, go)
    if fid is None:
        print("这位居民没有关爱标记，无需取消。")
    else:
        colour = care.norm_colour(args.colour)
        print(
            f"已设定关爱颜色：{COLOUR_WORDS[colour] + '色' if colour else '无（已取消）'}（标记编号 {fid}）"
        )
    return 0


def cmd_care_list(args: argparse.Namespace) -> int:
    def go(store: Store) -> list[care.FlagRow]:
        mine = store.identity.micro_grid_id if store.identity.role == "worker" else None
        return care.flag_rows(store, mine)

    rows = _run(args, go)
    today = date.today()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "resident_id": r.resident_id,
                        "name": r.name,
                        "household_id": r.household_id,
                        "address": r.address,
                        "colour": r.colour,
                        "last_counting_visit": r.last_counting.isoformat()
                        if r.last_counting
                        else None,
                        "due": r.due.isoformat() if r.due else None,
                        "days_overdue": r.days_overdue(today),
                        "review_on": r.review_on.isoformat() if r.review_on else None,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not rows:
        print("还没有关爱对象。")
    for r in rows:
        late = r.days_overdue(today)
        last = r.last_counting.isoformat() if r.last_counting else "无"
        due = (r.due.isoformat() if r.due else "—") + (f"（逾期 {late} 天）" if late else "")
        print(
            f"{COLOUR_WORDS.get(r.colour, r.colour)}  {r.name}  {r.address}  上次走访 {last}  下次 {due}"
        )
    return 0


def cmd_event(args: argparse.Namespace) -> int:
    on = _day(args.on)

    def go(store: Store) -> str:
        rid = resolve_resident(store, args.resident)
        return care.add_event(store, rid, args.kind, on=on, note=args.note)

    print(_run(args, go))
    return 0


# -- visits --------------------------------------------------------------------------------


def cmd_visit_add(args: argparse.Namespace) -> int:
    on = _day(args.on)
    follow = _maybe_day(args.follow_up, "--follow-up")
    try:
        bp = parse_blood_pressure(args.bp)
    except VisitError as e:
        raise CommandError(message_of(e)) from e

    def go(store: Store) -> str:
        hid = resolve_household(store, args.household)
        met = [resolve_resident(store, m) for m in args.met] if args.met else None
        return visits.add_visit(
            store,
            visits.VisitInput(
                household_id=hid,
                visited_on=on,
                method=args.method,
                purposes=args.purpose,
                residents_met=met,
                situation=args.note,
                visit_time=args.time,
                blood_pressure=bp,
                follow_up_on=follow,
                visitors=args.visitor,
                needs=[needs.NeedInput(t) for t in args.need or []],
            ),
        )

    print(_run(args, go))
    return 0


def cmd_visit_void(args: argparse.Namespace) -> int:
    _run(args, lambda store: visits.void_visit(store, args.visit.strip(), args.reason))
    print("已作废。")
    return 0


# -- needs ---------------------------------------------------------------------------------


def cmd_need_add(args: argparse.Namespace) -> int:
    on = _day(args.on)
    deadline = _maybe_day(args.deadline, "--deadline")

    def go(store: Store) -> str:
        hid = resolve_household(store, args.household)
        rid = resolve_resident(store, args.resident) if args.resident else None
        return needs.add_need(
            store,
            hid,
            needs.NeedInput(args.text, args.category, args.source, rid, deadline),
            on=on,
        )

    print(_run(args, go))
    return 0


def cmd_need_solve(args: argparse.Namespace) -> int:
    on = _day(args.on)
    _run(args, lambda store: needs.solve(store, args.need.strip(), args.result, on=on))
    print("已记为现场解决。")
    return 0


def cmd_need_report(args: argparse.Namespace) -> int:
    on = _day(args.on)
    deadline = _day(args.deadline, "--deadline")
    _run(args, lambda store: needs.report(store, args.need.strip(), args.owner, deadline, on=on))
    print(f"已上报给 {args.owner}，期限 {deadline.isoformat()}。")
    return 0


def cmd_need_feedback(args: argparse.Namespace) -> int:
    on = _day(args.on)
    _run(args, lambda store: needs.feedback(store, args.need.strip(), args.result, on=on))
    print("已记下办理结果，等待回访。")
    return 0


def cmd_need_revisit(args: argparse.Namespace) -> int:
    on = _day(args.on)
    _run(
        args,
        lambda store: needs.revisit(
            store, args.need.strip(), args.satisfaction, note=args.note, on=on
        ),
    )
    print("已回访，诉求办结。")
    return 0


def cmd_need_void(args: argparse.Namespace) -> int:
    _run(args, lambda store: needs.void_need(store, args.need.strip(), args.reason))
    print("已作废。")
    return 0


# -- lists ---------------------------------------------------------------------------------


def cmd_worklist(args: argparse.Namespace) -> int:
    on = _day(args.on)
    rows = _run(args, lambda store: work_rows(store, on))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "kind": r.item.kind,
                        "kind_label": str(kind_label(r.item.kind)),
                        "due": r.item.due.isoformat(),
                        "days_overdue": r.item.days_overdue(on),
                        "household_id": r.item.household_id,
                        "address": r.address,
                        "resident_id": r.item.resident_id,
                        "resident": r.resident or None,
                        "record_id": r.item.record_id,
                        "colour": r.item.colour,
                        "reason": str(r.item.reason),
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not rows:
        print(f"{on.isoformat()} 没有到期的工作。")
        return 0
    tally = counts(r.item for r in rows)
    print(
        f"{on.isoformat()} 共 {len(rows)} 项："
        + "，".join(f"{kind_label(k)} {n}" for k, n in tally.items())
    )
    for r in rows:
        who = f"  {r.resident}" if r.resident else ""
        print(f"[{kind_label(r.item.kind)}] {r.address}{who}：{r.item.reason}")
    return 0


def cmd_visits(args: argparse.Namespace) -> int:
    start = _maybe_day(args.start, "--from")
    end = _maybe_day(args.end, "--to")

    def go(store: Store) -> list[visits.VisitRow]:
        hid = resolve_household(store, args.household) if args.household else None
        mine = store.identity.micro_grid_id if store.identity.role == "worker" else None
        f = visits.VisitFilter(start, end, args.method, args.purpose, mine, hid, limit=None)
        return visits.visit_list(store, f)

    rows = _run(args, go)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "household_id": r.household_id,
                        "address": r.address,
                        "visited_on": r.visited_on.isoformat(),
                        "time": r.visit_time or None,
                        "method": r.method,
                        "purposes": list(r.purposes),
                        "met": list(r.met),
                        "visitors": list(r.visitors),
                        "situation": r.situation,
                        "follow_up_on": r.follow_up_on.isoformat() if r.follow_up_on else None,
                        "needs": r.needs,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not rows:
        print("没有走访记录。")
    for r in rows:
        when = r.visited_on.isoformat() + (f" {r.visit_time}" if r.visit_time else "")
        met = "、".join(r.met) or "无"
        print(
            f"{when}  {r.method}  {r.address}  见到：{met}  事由：{'、'.join(r.purposes)}  {r.situation}"
        )
    return 0


def cmd_needs(args: argparse.Namespace) -> int:
    today = date.today()

    def go(store: Store) -> list[needs.NeedRow]:
        hid = resolve_household(store, args.household) if args.household else None
        mine = store.identity.micro_grid_id if store.identity.role == "worker" else None
        f = needs.NeedFilter(open_only=args.open, micro_grid_id=mine, household_id=hid, limit=None)
        return needs.need_rows(store, f)

    rows = _run(args, go)

    def d(x: date | None) -> str | None:
        return x.isoformat() if x else None

    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "household_id": r.household_id,
                        "address": r.address,
                        "resident": r.resident or None,
                        "raised_on": d(r.raised_on),
                        "source": r.source,
                        "category": r.category,
                        "text": r.text,
                        "status": r.status,
                        "owner": r.owner or None,
                        "deadline": d(r.steps.deadline),
                        "overdue": r.steps.is_overdue(today),
                        "days_overdue": r.steps.days_overdue(today),
                        "solved_on": d(r.steps.solved_on),
                        "reported_on": d(r.steps.reported_on),
                        "feedback_on": d(r.steps.feedback_on),
                        "result": r.result or None,
                        "revisit_on": d(r.steps.revisit_on),
                        "satisfaction": r.satisfaction or None,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not rows:
        print("没有诉求。")
    for r in rows:
        late = f"，逾期 {r.steps.days_overdue(today)} 天" if r.steps.is_overdue(today) else ""
        print(f"{r.id}  {d(r.raised_on)}  [{r.status}{late}]  {r.address}  {r.category}：{r.text}")
    return 0
