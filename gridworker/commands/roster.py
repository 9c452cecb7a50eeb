"""`gridworker roster …`: import, export and template of the resident roster.

Each action is a small ``_register_*`` function listed in :data:`ACTIONS`; adding an
action (e.g. ``roster search``) is one more function appended there, or a call to
:func:`add_action` from another module before the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from gridworker.commands.common import CommandError, SubParsers, db_path, open_store
from gridworker.commands.roster_search import add_search_action
from gridworker.core.messages import msg
from gridworker.core.progress import Callbacks, Progress
from gridworker.store.roster import RosterError


def _register_import(actions: SubParsers) -> None:
    p = actions.add_parser(
        "import",
        help="从 Excel/CSV 导入花名册（默认有问题就不写入）(import a roster sheet)",
        description="导入花名册表格 (.xlsx/.csv)。默认全部成功才写入：任何一行有问题，"
        "就列出所有问题并且不写入任何数据。空白单元格不会清除已登记的信息。",
    )
    p.add_argument("file", metavar="FILE", help="花名册文件 .xlsx 或 .csv（UTF-8 或 GBK 均可）")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="只导入没有问题的行，有问题的行连同原因写入 --errors 文件",
    )
    p.add_argument(
        "--errors",
        metavar="OUT.csv",
        help="有问题的行写到这里（默认：原文件名加“-问题行.csv”）",
    )
    p.set_defaults(handler=cmd_import)


def _register_export(actions: SubParsers) -> None:
    p = actions.add_parser("export", help="导出花名册到 .xlsx 或 .csv (export the roster)")
    p.add_argument("file", metavar="FILE", help="输出文件，.xlsx 或 .csv")
    p.set_defaults(handler=cmd_export)


def _register_template(actions: SubParsers) -> None:
    p = actions.add_parser("template", help="生成空白花名册模板 (write an empty template)")
    p.add_argument("file", metavar="FILE", help="输出文件，通常为 .xlsx")
    p.add_argument(
        "--office",
        action="store_true",
        help="包含“微网格”列（社区使用）；有数据库时按本机角色自动决定",
    )
    p.set_defaults(handler=cmd_template)


ACTIONS: list[Callable[[SubParsers], None]] = [
    _register_import,
    _register_export,
    _register_template,
    add_search_action,
]
"""Functions adding one action each to the `roster` group, in help order."""


def add_action(register: Callable[[SubParsers], None]) -> None:
    """Let another module add an action (e.g. `roster search`) to the group."""
    if register not in ACTIONS:
        ACTIONS.append(register)


def register(sub: SubParsers) -> None:
    roster = sub.add_parser("roster", help="居民花名册：导入、导出、模板、搜索 (resident roster)")
    roster.set_defaults(group_parser=roster)
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION")
    for add in ACTIONS:
        add(actions)


# ---------------------------------------------------------------------------- handlers


def _progress_printer(label: str) -> Progress | None:
    """A progress line on stderr for big files when attached to a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, _text: str) -> None:
        if total >= 5000:
            print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return Callbacks(show)


def cmd_import(args: argparse.Namespace) -> int:
    from gridworker.roster.importer import apply_import, plan_import, write_errors_csv

    path = Path(args.file)
    with open_store(args) as store:
        plan = plan_import(store, path, progress=_progress_printer("检查"))
        print(f"读取 {path.name}（表头在第 {plan.header_row} 行，{plan.rows} 行数据）")
        note, unread = plan.sheet_note(), plan.unread_warning()
        if note is not None:
            print(note)
        if unread is not None:
            print(unread, file=sys.stderr)
        if plan.ignored_columns:
            print(f"未导入的列：{'、'.join(plan.ignored_columns)}")
        print(plan.summary())
        for problem in plan.problems:
            print(problem, file=sys.stderr)
        if not plan.ok and not args.skip_invalid:
            print(
                f"gridworker: 有 {plan.invalid} 行有问题，没有写入任何数据。请改正后重新导入，"
                "或用 --skip-invalid 只导入没有问题的行。",
                file=sys.stderr,
            )
            return 1
        errors: Path | None = None
        if plan.rejected:
            # Written before anything is imported: if it cannot be written, nothing is.
            errors = Path(args.errors) if args.errors else path.with_name(f"{path.stem}-问题行.csv")
            _check_errors_path(errors, db_path(args), path)
            try:
                write_errors_csv(plan, errors)
            except RosterError as e:
                raise CommandError(msg("{problem}没有导入任何数据。", problem=e)) from None
        result = apply_import(
            store, plan, skip_invalid=args.skip_invalid, progress=_progress_printer("写入")
        )
    if errors is not None:
        print(f"已跳过 {plan.invalid} 行有问题的数据，原因见 {errors}")
    print(
        f"导入完成：新增 {result.created} 人，更新 {result.updated} 人，"
        f"新建 {result.households_created} 户，更新 {result.households_updated} 户。"
    )
    return 0


def _check_errors_path(errors: Path, database: Path, sheet: Path) -> None:
    """The errors file must not overwrite the database (or its journal) or the sheet itself."""
    taken = {
        msg("数据库文件"): [
            database,
            *(Path(f"{database}{s}") for s in ("-wal", "-shm", "-journal")),
        ],
        msg("要导入的表格本身"): [sheet],
    }
    for what, paths in taken.items():
        for p in paths:
            if _same_file(errors, p):
                raise CommandError(
                    msg(
                        "问题行文件不能是{what}（{path}），没有导入任何数据。请用 --errors 另选一个文件名。",
                        what=what,
                        path=errors,
                    )
                )


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def cmd_export(args: argparse.Namespace) -> int:
    from gridworker.roster.exporter import export_roster

    with open_store(args) as store:
        done = export_roster(store, Path(args.file))
    print(f"已导出 {done.rows} 名居民到 {args.file}")
    warning = done.warning()
    if warning is not None:
        print(f"gridworker: 注意：{warning}", file=sys.stderr)
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from gridworker.roster.exporter import write_template

    office = bool(args.office)
    if not office and db_path(args).exists():
        try:
            with open_store(args) as store:
                office = store.identity.role == "office"
        except CommandError:
            pass  # an uninitialised database: a worker template is the sensible default
    write_template(Path(args.file), office=office)
    print(f"已生成花名册模板：{args.file}")
    return 0
