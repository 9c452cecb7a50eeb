"""`gridworker db check` and `gridworker db restore`: is the file whole, and putting a backup back.

Neither opens the database the usual way (a damaged file may not open at all): the check
reads it read-only, and a restore moves the current file aside (never deleting it)
before copying the backup into place.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from gridworker.commands.common import CommandError, SubParsers, db_path
from gridworker.core.messages import msg
from gridworker.store.health import (
    Backup,
    check_file,
    list_backups,
    lock_holder,
    restore_backup,
)


def register(sub: SubParsers) -> None:
    d = sub.add_parser("db", help="数据库文件：检查、用备份恢复 (check, restore from a backup)")
    d.set_defaults(group_parser=d)
    ds = d.add_subparsers(dest="db_command", metavar="ACTION")
    c = ds.add_parser("check", help="检查数据库文件是否完好（只读，不改动文件）")
    c.add_argument("--thorough", action="store_true", help="逐页完整检查（较慢；默认做快速检查）")
    c.set_defaults(handler=cmd_check)
    r = ds.add_parser(
        "restore", help="列出备份；指定一个备份（或 latest）时用它恢复，当前文件会留在旁边"
    )
    r.add_argument(
        "backup",
        nargs="?",
        metavar="BACKUP",
        help="备份的文件名（见不带参数时的列表）、路径，或 latest（最新的完好备份）",
    )
    r.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace) -> int:
    path = db_path(args)
    report = check_file(path, thorough=bool(args.thorough))
    if report.ok:
        print(msg("数据库 {path} 完好。", path=path))
        return 0
    print(msg("数据库 {path} 有问题：", path=path))
    for p in report.problems:
        print(f"  {p}")
    print(
        msg(
            "可以用备份恢复：gridworker db restore 列出备份，gridworker db restore latest 用最新的完好备份恢复。"
        )
    )
    return 1


def _listing(path: Path) -> list[tuple[Backup, bool]]:
    return [(b, check_file(b.path, backup=True).ok) for b in list_backups(path)]


def _choose(path: Path, wanted: str) -> Backup:
    backups = list_backups(path)
    if wanted == "latest":
        for b in backups:
            if check_file(b.path, backup=True).ok:
                return b
        raise CommandError(
            msg("没有找到完好的备份（在 {folder}）。", folder=path.parent / "backups")
        )
    for b in backups:
        if wanted in (b.path.name, str(b.path)) or Path(wanted).resolve() == b.path.resolve():
            return b
    candidate = Path(wanted)
    if candidate.is_file():
        return Backup(candidate, datetime.fromtimestamp(candidate.stat().st_mtime, UTC), "")
    raise CommandError(
        msg("找不到备份 {name}；不带参数运行 gridworker db restore 可以看到所有备份。", name=wanted)
    )


def cmd_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not args.backup:
        listing = _listing(path)
        if not listing:
            print(
                msg(
                    "{path} 还没有备份（备份在导入和升级前自动生成，放在 backups 文件夹）。",
                    path=path,
                )
            )
            return 0
        print(msg("{path} 的备份（最新的在前）：", path=path))
        for b, ok in listing:
            state = msg("完好") if ok else msg("已损坏")
            print(f"  {b.path.name}  {b.taken_text}  {state}")
        print(
            msg(
                "恢复：gridworker db restore 备份文件名（或 latest）。当前的文件会改名留在旁边，不会删除。"
            )
        )
        return 0
    holder = lock_holder(path)
    if holder is not None:
        raise CommandError(
            msg(
                "网格员工作台正在使用这个数据库（{holder}）；请先关闭程序，再恢复备份。",
                holder=holder,
            )
        )
    chosen = _choose(path, args.backup)
    kept = restore_backup(path, chosen.path)
    print(
        msg(
            "已用备份 {backup} 恢复 {path}。原来的文件保留为 {kept}。",
            backup=chosen.path.name,
            path=path,
            kept=kept,
        )
    )
    return 0
