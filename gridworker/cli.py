"""The `gridworker` command. With no sub-command it opens the desktop app."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from gridworker import __version__
from gridworker.commands import inspect, roster, setup, sync
from gridworker.commands import print as print_command
from gridworker.commands.common import CommandError
from gridworker.store.errors import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gridworker",
        description="网格员工作台 GridWorker — 微网格员与社区的离线工作台。不带子命令时打开桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"gridworker {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="数据库文件（默认：环境变量 GRIDWORKER_DB 或用户数据目录）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    setup.register(sub)
    roster.register(sub)
    sync.register(sub)
    inspect.register(sub)
    print_command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
    except sqlite3.DatabaseError as e:
        print(f"gridworker: 数据库出错：{e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into `head` or similar that stopped reading: not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("gridworker: 已取消 (cancelled)", file=sys.stderr)
        return 130
    except OSError as e:
        from gridworker.core.file_errors import file_problem

        print(f"gridworker: 文件读写失败：{file_problem(e)}。", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
