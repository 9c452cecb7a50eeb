"""The `gridworker` command. With no sub-command it opens the desktop app."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from gridworker import __version__
from gridworker.commands import care, db, duplicates, gas, inspect, policy, roster, setup, sync
from gridworker.commands import print as print_command
from gridworker.commands.common import CommandError, db_path
from gridworker.core.progress import Cancelled
from gridworker.store.errors import StoreError
from gridworker.store.known_errors import describe, is_bug


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gridworker",
        description="网格员工作台 GridWorker — 微网格员与社区的离线工作台。不带子命令时打开桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"gridworker {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="数据库文件（默认：环境变量 GRIDWORKER_DB 或用户数据目录）"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在临时文件夹里试一遍数据库、花名册导入、打印、数据包、翻译和主窗口，"
        "一行报告结果（不碰本机数据）(check this copy works)",
    )
    parser.add_argument(
        "--headless",
        action="store_true",
        help="与 --self-test 一起用：不显示窗口（没有显示器时自动如此）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    setup.register(sub)
    roster.register(sub)
    sync.register(sub)
    inspect.register(sub)
    db.register(sub)
    print_command.register(sub)
    policy.register(sub)
    duplicates.register(sub)
    gas.register(sub)
    care.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test or args.headless:
        if not args.self_test or args.command is not None:
            parser.error("--self-test 单独使用（可加 --headless），不和子命令一起用。")
        from gridworker.selftest import main as self_test

        return self_test(headless=args.headless)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            if args.command is None:
                return setup.open_app(args)
            # A command group given without its action: show that group's help.
            sub_help = getattr(args, "group_parser", None)
            (sub_help or parser).print_help()
            return 2
        return int(handler(args))
    except CommandError as e:
        print(f"gridworker: {e}", file=sys.stderr)
        return e.code
    except StoreError as e:
        print(f"gridworker: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into `head` or similar that stopped reading: not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (KeyboardInterrupt, Cancelled):
        print("gridworker: 已取消 (cancelled)", file=sys.stderr)
        return 130
    except Exception as e:
        # The environment's fault (disk full, read-only, busy, damaged, clock) in one
        # sentence; anything else is a bug, said plainly, with the details for a maintainer.
        print(f"gridworker: {describe(e, db_path(args))}", file=sys.stderr)
        if is_bug(e):
            print("—— 详细信息（给维护人员）——", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
