"""Setting up a worker laptop (new or replacement) from an office set-up bundle."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gridworker.store.store import Identity, Store, utc_now
from gridworker.sync.bundle import KIND_LABELS, read_bundle
from gridworker.sync.errors import BundleError
from gridworker.sync.importer import Where, apply_bundle, check_ops


def init_from_bundle(db: Path, bundle: Path, user: str) -> Identity:
    """Create a worker database at ``db`` with a new device id, holding the bundle's micro-grid.

    The bundle is checked completely before the database file is created; if anything
    fails afterwards the new file is removed, so a failed set-up leaves nothing behind.
    """
    b = read_bundle(bundle)
    m = b.manifest
    if m.kind != "setup":
        raise BundleError(
            f"数据包 {bundle.name} 是{KIND_LABELS[m.kind]}，不是配置包；"
            "请在社区电脑上用 gridworker bundle export --setup 生成配置包。"
        )
    if not user.strip():
        raise BundleError("请用 --user 填写使用人姓名。")
    existed = db.exists()
    if existed:
        probe = Store.open(db)
        try:
            if probe.initialised:
                raise BundleError(f"数据库 {db} 已经初始化过了；如需重建，请先把它移走。")
        finally:
            probe.close()
    store = Store.open(db)
    ok = False
    try:
        here = Where(
            device_id="", role="worker", community=m.community, micro_grid_id=m.micro_grid_id
        )
        check_ops(store.conn, here, b)
        with store.transaction():
            # Apply first, so the micro-grid exists and init does not create it a second
            # time; the clock starts past every timestamp in the bundle.
            max_hlc = max((op.hlc for op in b.ops), default=None)
            if max_hlc:
                store.set_meta("hlc_last", max_hlc)
            apply_bundle(store, b)
            ident = store.init_installation(
                "worker",
                m.community,
                user,
                micro_grid=m.micro_grid_name,
                micro_grid_id=m.micro_grid_id,
            )
            store.set_meta("setup_from", m.bundle_id)
            store.set_meta("setup_at", utc_now())
        ok = True
        return ident
    except sqlite3.IntegrityError as e:
        raise BundleError(f"配置包 {bundle.name} 的内容不完整（{e}），没有建立数据库。") from None
    finally:
        store.close()
        if not ok and not existed:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
