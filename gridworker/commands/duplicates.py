"""`gridworker duplicates [--json]` and `duplicates merge KEEP OTHER`: the same people or
households entered twice (疑似重复), and merging them (store/duplicates.py)."""

from __future__ import annotations

import argparse
import json
import sqlite3

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.store.duplicates import listing, merge
from gridworker.store.entities import ENTITIES


def register(sub: SubParsers) -> None:
    d = sub.add_parser(
        "duplicates", help="疑似重复：同一个人或同一户在两台电脑上各录了一次 (duplicate records)"
    )
    d.add_argument("--json", action="store_true", help="以 JSON 输出")
    d.set_defaults(handler=cmd_list, group_parser=d)
    ds = d.add_subparsers(dest="duplicates_command", metavar="ACTION")
    m = ds.add_parser("merge", help="合并一对：保留 KEEP，把 OTHER 并入它（会随数据包同步）")
    m.add_argument("keep", metavar="KEEP", help="要保留的记录编号")
    m.add_argument("other", metavar="OTHER", help="要并入的记录编号")
    m.set_defaults(handler=cmd_merge)


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        pairs = listing(store.conn)
    if args.json:
        print(json.dumps([p.to_json() for p in pairs], ensure_ascii=False, indent=1))
        return 0
    if not pairs:
        print("没有疑似重复的记录。")
        return 0
    for p in pairs:
        label = ENTITIES[p.entity].label_zh
        state = "（已合并，未完成）" if p.merged else ""
        print(
            f"{label}：保留 {p.keep_title} [{p.keep}] ← 并入 {p.other_title} [{p.other}]"
            f"：{p.reason}{state}"
        )
    print("合并：gridworker duplicates merge 保留的编号 并入的编号")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        entity = _entity_of(store.conn, args.keep, args.other)
        ops = merge(store, entity, args.keep, args.other)
    if ops:
        print(f"已合并：{len(ops)} 处修改，会随下一个数据包同步。")
    else:
        print("这一对已经合并过，没有需要再改的。")
    return 0


def _entity_of(conn: sqlite3.Connection, keep: str, other: str) -> str:
    for s in ENTITIES.values():
        if not s.mergeable:
            continue
        found = conn.execute(
            f"SELECT count(*) FROM {s.table} WHERE id IN (?, ?)", (keep, other)
        ).fetchone()[0]
        if found == 2:
            return s.name
    raise CommandError(f"找不到编号为 {keep} 和 {other} 的同一类记录（居民或户）。")
