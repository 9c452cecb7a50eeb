"""`gridworker bundle …`, `conflicts`, `sync-status`: sync by JSON bundle on a USB stick."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.store.ops import Value
from gridworker.sync import (
    export_all_micro_grids,
    export_bundle,
    import_bundles,
    list_conflicts,
    preview_bundle,
    sync_status,
)
from gridworker.sync.bundle import KIND_LABELS


def register(sub: SubParsers) -> None:
    b = sub.add_parser("bundle", help="数据包：导出、导入、预览 (sync bundles)")
    bs = b.add_subparsers(dest="bundle_command", metavar="ACTION")
    b.set_defaults(group_parser=b)

    e = bs.add_parser("export", help="导出数据包（网格员→社区，或社区→微网格）")
    e.add_argument("--out", metavar="PATH", help="数据包文件名，或要放进去的文件夹（如U盘）")
    where = e.add_mutually_exclusive_group()
    where.add_argument("--micro-grid", metavar="NAME", help="社区：为这个微网格导出")
    where.add_argument(
        "--all-micro-grids", metavar="DIR", help="社区：为每个微网格各导出一个文件到此文件夹"
    )
    e.add_argument("--setup", action="store_true", help="社区：生成配置包（建立新电脑或换电脑用）")
    e.add_argument("--gzip", action="store_true", help="压缩文件（读取时自动识别）")
    e.set_defaults(handler=cmd_export)

    i = bs.add_parser("import", help="导入数据包（可以一次给多个文件或文件夹）")
    i.add_argument("paths", nargs="+", metavar="PATH", help="数据包文件或含数据包的文件夹")
    i.add_argument("--json", action="store_true", help="以 JSON 输出摘要")
    i.set_defaults(handler=cmd_import)

    p = bs.add_parser("preview", help="预览数据包会带来哪些修改（不写入）")
    p.add_argument("path", metavar="PATH")
    p.set_defaults(handler=cmd_preview)

    c = sub.add_parser("conflicts", help="冲突列表：两边同时改了同一项 (concurrent edits)")
    c.add_argument("--json", action="store_true", help="以 JSON 输出")
    c.set_defaults(handler=cmd_conflicts, group_parser=c)
    cs = c.add_subparsers(dest="conflicts_command", metavar="ACTION")
    r = cs.add_parser("resolve", help="处理一个冲突：保留现在的值或另一个值")
    r.add_argument("id", type=int, help="冲突编号（见 gridworker conflicts）")
    r.add_argument("--keep", choices=("current", "other"), required=True)
    r.set_defaults(handler=cmd_resolve)

    s = sub.add_parser("sync-status", help="各微网格的同步情况 (sync status)")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(handler=cmd_status)


def _show(v: Value) -> str:
    if v is None or v == []:
        return "（空）"
    if isinstance(v, bool):  # a set's element: present or not
        return "是" if v else "否"
    if isinstance(v, list):
        return "、".join(str(x) for x in v)
    return str(v)


def cmd_export(args: argparse.Namespace) -> int:
    compress = bool(args.gzip)
    with open_store(args) as store:
        if args.all_micro_grids:
            if args.setup:
                raise CommandError("--setup 只能为一个微网格生成（用 --micro-grid）。")
            results = export_all_micro_grids(store, Path(args.all_micro_grids), compress=compress)
        else:
            if not args.out:
                raise CommandError("请用 --out 指定数据包文件或文件夹。")
            results = [
                export_bundle(
                    store,
                    args.out,  # as typed: a trailing slash says "into this folder"
                    micro_grid=args.micro_grid,
                    setup=args.setup,
                    compress=compress,
                )
            ]
    for r in results:
        print(
            f"已写入并校验 {r.path}：{KIND_LABELS[r.kind]}（{r.micro_grid_name}），"
            f"{r.op_count} 条修改，{r.size} 字节。"
        )
    if any(not r.recorded for r in results):
        print("注意：数据库是只读的，这次导出没有记为已发送；下次导出仍会带上这些修改。")
    if results:
        print("可以安全拔出U盘。")
    else:
        print("没有微网格，未导出任何文件。")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        summary = import_bundles(store, args.paths)
    if args.json:
        data: dict[str, Any] = {
            "ok": summary.ok,
            "files": [
                {
                    "path": str(f.path),
                    "applied": f.applied,
                    "message": f.message,
                    "bundle_id": f.bundle_id,
                    "sender": f.sender_user,
                    "micro_grid": f.micro_grid_name,
                    "ops": f.op_count,
                    "new": f.new,
                    "held": f.held,
                    "conflicts": f.conflicts,
                    "duplicates": f.duplicates,
                    "already_imported": f.already_imported,
                    "skipped": f.skipped,
                }
                for f in summary.files
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for f in summary.files:
            if not f.skipped:
                print(f.describe(), file=sys.stdout if f.applied else sys.stderr)
        senders = summary.by_sender()
        if len(senders) > 1:
            print("按发送人汇总：")
            for t in senders.values():
                print(
                    f"  {t.sender_user}（{t.micro_grid_name}）：{t.files} 个文件，新修改 {t.new} 条，"
                    f"已有 {t.held} 条，冲突 {t.conflicts} 处，疑似重复 {t.duplicates} 对"
                )
        applied = sum(1 for f in summary.files if f.applied)
        skipped = f"，跳过 {len(summary.skipped)} 个发给别处的" if summary.skipped else ""
        print(
            f"共 {len(summary.files)} 个文件：导入 {applied} 个，未导入 {len(summary.refused)} 个"
            f"{skipped}。"
        )
        if summary.skipped and not applied and not summary.refused:
            print("gridworker: 这里没有发给本机的数据包。", file=sys.stderr)
        if any(f.conflicts for f in summary.files):
            print("有冲突需要核对：运行 gridworker conflicts 查看。")
        if any(f.duplicates for f in summary.files):
            print("有疑似重复的记录（同一个人或同一户录了两次）：运行 gridworker duplicates 查看。")
    return 0 if summary.ok else 1


def cmd_preview(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        pv = preview_bundle(store, Path(args.path))
    print(pv.describe())
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = list_conflicts(store)
    if args.json:
        print(json.dumps([c.to_json() for c in items], ensure_ascii=False, indent=1))
        return 0
    if not items:
        print("没有待处理的冲突。")
        return 0
    for c in items:
        cur_when = f"{c.current_when:%Y-%m-%d %H:%M}" if c.current_when else "?"
        print(
            f"[{c.id}] {c.entity_label} {c.record} · {c.field_label}：现在是「{_show(c.current_value)}」"
            f"（{c.current_user or '?'} {cur_when}），另一个是「{_show(c.other_value)}」"
            f"（{c.other_user} {c.other_when:%Y-%m-%d %H:%M}）"
        )
    print(
        "处理：gridworker conflicts resolve 编号 --keep current（保留现在的）或 --keep other（改用另一个）"
    )
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.resolve_conflict(args.id, keep=args.keep)
    which = "现在的值" if args.keep == "current" else "另一个值"
    print(f"冲突 {args.id} 已处理：保留{which}。这个决定会随下一个数据包同步。")
    return 0


def _local(utc: str) -> str:
    """A stored UTC time ("2026-12-06T20:02:38Z") as this computer's local time."""
    try:
        when = datetime.fromisoformat(utc.replace("Z", "+00:00"))
    except ValueError:
        return utc
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def cmd_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = sync_status(store)
        office = store.identity.role == "office"
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "micro_grid_id": s.micro_grid_id,
                        "name": s.name,
                        "peers": list(s.peers),
                        "last_bundle_id": s.last_bundle_id,
                        "last_bundle_created": s.last_bundle_created,
                        "last_received_at": s.last_received_at,
                        "days_silent": s.days_silent,
                        "unacked_ops": s.unacked_ops,
                        "warning": s.warning,
                    }
                    for s in items
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not items:
        print("还没有微网格。")
    # What the other side has not confirmed receiving yet (its next bundle confirms it):
    # the next bundle carries it again.
    others = "网格员" if office else "社区"
    for s in items:
        last = (
            f"最近收到 {_local(s.last_received_at)}（{s.days_silent} 天前）"
            if s.last_received_at
            else "从未收到"
        )
        who = "、".join(s.peers) if s.peers else "—"
        line = f"{s.name}：{who}；{last}；{others}还没收到的修改 {s.unacked_ops} 条"
        if s.warning:
            line += f"  ⚠ {s.warning}"
        print(line)
    return 0
