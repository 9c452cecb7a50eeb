"""`gridworker snapshot` and `gridworker history`: looking at the data and its change log."""

from __future__ import annotations

import argparse
import json
import sys

from gridworker.commands.common import SubParsers, open_store
from gridworker.store.history import history
from gridworker.store.snapshot import snapshot_text


def register(sub: SubParsers) -> None:
    s = sub.add_parser("snapshot", help="全部同步数据的规范 JSON（两份相同数据输出完全相同）")
    s.add_argument("--micro-grid-id", help="只输出这个微网格的数据")
    s.set_defaults(handler=cmd_snapshot)
    h = sub.add_parser("history", help="修改记录，最新的在前 (the change log)")
    h.add_argument("id", nargs="?", help="只看这条记录（居民、户…的编号）")
    h.add_argument("--limit", type=int, default=50, help="最多显示几条（默认 50，0 为全部）")
    h.add_argument("--json", action="store_true", help="以 JSON 输出")
    h.set_defaults(handler=cmd_history)


def cmd_snapshot(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        sys.stdout.write(snapshot_text(store, args.micro_grid_id))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        entries = history(store.conn, [args.id] if args.id else None, limit=args.limit or None)
    if args.json:
        data = [
            {
                "op_id": e.op_id,
                "when": e.when.isoformat(timespec="seconds"),
                "user": e.user,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "created": e.created,
                "changes": {c.field: {"old": c.old, "new": c.new} for c in e.changes},
            }
            for e in entries
        ]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    if not entries:
        print("没有修改记录。")
    for e in entries:
        src = "（导入）" if e.received else ""
        print(f"{e.when:%Y-%m-%d %H:%M}  {e.user}{src}  {e.describe()}  [{e.entity_id}]")
    return 0
