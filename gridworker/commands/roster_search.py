"""`gridworker roster search QUERY`: find residents by name, pinyin, address or number tail.

The list masks ID and phone numbers (PIPL: lists show 510104********1234 and
138****5678); ``--json`` prints the full records, for scripts and for the worker who
needs them. The office holds every micro-grid, where the same address can exist twice:
its list shows each resident's micro-grid (a worker's laptop holds one).
"""

from __future__ import annotations

import argparse
import json

from gridworker.commands.common import CommandError, SubParsers, open_store
from gridworker.core.idcard import mask_id
from gridworker.core.phone import mask_phone
from gridworker.store.search import count_matches, search_rows


def add_search_action(roster_subparsers: SubParsers) -> None:
    """Register `search` under the `roster` command's actions."""
    p = roster_subparsers.add_parser(
        "search",
        help="搜索居民：姓名、拼音或首字母、地址（如 3栋2单元）、身份证或电话尾号",
        description=(
            "按姓名（汉字、全拼、首字母：zh 或 zhaoh 都能找到赵红）、地址的任一部分"
            "（如 3栋2单元）、身份证号或电话号码的末几位搜索居民。多个词用空格分开，须同时匹配。"
            "号码可以分段输入（138-4484-7389 或 138 4484 7389）。"
        ),
    )
    # Several words: people type `roster search 3栋 2单元` without quotes.
    p.add_argument(
        "query", metavar="QUERY", nargs="+", help="搜索内容，例如 赵红、zh、3栋 2单元、1234"
    )
    p.add_argument("--json", action="store_true", help="输出完整记录（JSON，含完整证件号和电话）")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="最多显示 N 条（默认 50）")
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    """Print the matches; exit 0 when something was found, 1 when nothing was."""
    limit: int = args.limit
    if limit < 1:
        raise CommandError(f"--limit 须是正整数，不是 {limit}。")
    query = " ".join(args.query)
    store = open_store(args)
    try:
        ident = store.identity
        office = ident.role == "office"
        # A worker's laptop may still hold records the office moved to another micro-grid
        # (kept for the sync history): they are not its residents any more.
        mine = None if office else ident.micro_grid_id
        rows = search_rows(store.conn, query, limit=limit, micro_grid_id=mine)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True))
            return 0 if rows else 1
        if not rows:
            print(f"没有找到与“{query.strip()}”匹配的居民。")
            return 1
        total = count_matches(store.conn, query, micro_grid_id=mine)
        shown = f"，显示前 {len(rows)} 人（用 --limit 显示更多）" if total > len(rows) else ""
        print(f"找到 {total} 人{shown}：")
        for r in rows:
            status = r.get("status")
            parts = [
                r.get("name") or "（无姓名）",
                mask_id(r.get("id_number")) or "-",
                mask_phone(r.get("phone")) if r.get("phone") else "-",
            ]
            if office:
                parts.append(r.get("micro_grid") or "（无微网格）")
            parts.append(r.get("address") or "（无地址）")
            if status and status != "在住":
                parts.append(f"[{status}]")
            print("  ".join(parts))
        return 0
    finally:
        store.close()
