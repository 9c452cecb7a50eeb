"""`gridworker roster …`: import, export, template, search (filled in by the roster work)."""

from __future__ import annotations

from gridworker.commands.common import SubParsers


def register(sub: SubParsers) -> None:
    roster = sub.add_parser("roster", help="居民花名册：导入、导出、模板、搜索 (resident roster)")
    roster.add_subparsers(dest="roster_command", metavar="ACTION")
