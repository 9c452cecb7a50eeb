"""`gridworker init`, `gridworker demo`, and opening the desktop app."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from gridworker.commands.common import CommandError, SubParsers, db_path
from gridworker.store.device_history import ENV as DEVICE_RECORDS
from gridworker.store.store import Store

# Screens `demo --screen` can open on: the side bar's pages (gridworker.ui.main_window.SCREENS,
# repeated here so the command line works without Qt) and one household's page.
START_SCREENS = (
    "today",
    "roster",
    "visits",
    "gas",
    "care",
    "sync",
    "print",
    "settings",
    "household",
)


def register(sub: SubParsers) -> None:
    p = sub.add_parser("init", help="初始化本机数据库（网格员或社区）(set up this installation)")
    p.add_argument(
        "--role",
        choices=("worker", "office"),
        default="worker",
        help="worker=微网格员，office=社区",
    )
    p.add_argument("--community", help="社区名称，如 致强社区")
    p.add_argument("--micro-grid", help="微网格名称（网格员必填），如 第三微网格")
    p.add_argument("--user", required=True, help="使用人姓名")
    p.add_argument("--from-bundle", metavar="FILE", help="用社区发来的配置包建立（新电脑或换电脑）")
    p.set_defaults(handler=cmd_init)

    d = sub.add_parser("demo", help="生成示范社区并打开程序 (create a demo community and open it)")
    d.add_argument("--households", type=int, default=80, help="户数（默认 80）")
    d.add_argument(
        "--role",
        choices=("worker", "office"),
        default="worker",
        help="worker=网格员视图（一个微网格），office=社区视图（多个微网格）",
    )
    d.add_argument("--seed", type=int, default=7, help="随机种子（相同种子得到相同数据）")
    d.add_argument(
        "--screen",
        choices=START_SCREENS,
        help="打开后直接显示的页面（household=第一户的一户一档），便于截图和演示",
    )
    d.add_argument("--no-gui", action="store_true", help="只生成数据，不打开程序")
    d.set_defaults(handler=cmd_demo)


def cmd_init(args: argparse.Namespace) -> int:
    from gridworker.data_folder import data_folder_problem

    path = db_path(args)
    problem = data_folder_problem(path)
    if problem is not None:
        raise CommandError(problem)
    if args.from_bundle:
        from gridworker.sync.setup import init_from_bundle

        ident = init_from_bundle(path, Path(args.from_bundle), args.user)
        print(f"已用配置包建立网格员数据库：{path}（{ident.community} / 用户 {ident.user}）")
        return 0
    if not args.community:
        raise CommandError("请用 --community 填写社区名称。")
    if path.exists():
        existing = Store.open(path)
        try:
            if existing.initialised:
                raise CommandError(f"数据库 {path} 已经初始化过了；如需重建，请先把它移走。")
        finally:
            existing.close()
    created = not path.exists()
    try:
        with Store.open(path) as store:
            ident = store.init_installation(
                args.role, args.community, args.user, micro_grid=args.micro_grid
            )
    except BaseException:
        if created:  # a refused init leaves no empty database behind to confuse the next try
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    role = "社区" if ident.role == "office" else "微网格员"
    print(f"已建立{role}数据库：{path}（{ident.community}，用户 {ident.user}）")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from gridworker.demo import build_demo

    if args.households < 1 or args.households > 200_000:
        raise CommandError("--households 应在 1 到 200000 之间。")
    if args.db:
        path = Path(args.db)
        if path.exists():
            raise CommandError(f"{path} 已存在；示范数据只写入新文件。")
    else:
        folder = Path(tempfile.mkdtemp(prefix="gridworker-demo-"))
        path = folder / "demo.sqlite3"
        # A throw-away demo keeps its device records beside it, not in the user's data.
        os.environ.setdefault(DEVICE_RECORDS, str(folder / "device-records"))
    with Store.open(path) as store:
        summary = build_demo(store, households=args.households, seed=args.seed, role=args.role)
    print(f"示范社区已生成：{path}")
    print(summary)
    if args.no_gui:
        return 0
    args.db = str(path)
    return open_app(args)


def open_app(args: argparse.Namespace) -> int:
    """Start the desktop program (imported lazily: the CLI works without a display)."""
    try:
        from gridworker.ui.app import run_app
    except ImportError as e:  # the desktop part is not there yet, or Qt is missing
        raise CommandError(f"无法启动桌面程序：{e}") from e
    return run_app(db_path(args) if args.db else None, screen=getattr(args, "screen", None))
