"""`gridworker --self-test`: does this copy of GridWorker work, end to end?

The smoke test for any installed copy (and for the frozen build in CI): in a temporary
folder it creates a database (running every migration), imports a tiny roster from an
Excel sheet, renders a PDF page when printing is there, writes a bundle and reads it back
into an office database, loads both translations, and opens and closes the main window.
It never touches the user's own data or settings. The result is one line on stdout and
exit status 0, or the steps that failed (details on stderr) and status 1.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gridworker import __version__


@dataclass
class StepResult:
    name: str
    ok: bool
    detail: str  # what was found, or why it failed


@dataclass
class _Run:
    """What the steps hand each other, in one temporary folder."""

    folder: Path
    headless: bool
    worker_db: Path | None = None
    residents: int = 0
    results: list[StepResult] = field(default_factory=list)


def _resources(run: _Run) -> str:
    from gridworker.resources import resource_path, shipped_files

    needed = [
        ("bundle.schema.json",),
        ("translations", "gridworker_zh_CN.qm"),
        ("translations", "gridworker_en.qm"),
    ]
    missing = ["/".join(parts) for parts in needed if not resource_path(*parts).is_file()]
    if missing:
        raise RuntimeError(f"missing {', '.join(missing)} in {resource_path()}")
    return f"{sum(1 for _ in shipped_files())} files"


def _database(run: _Run) -> str:
    from gridworker.store.migrations import latest_version
    from gridworker.store.store import Store

    path = run.folder / "worker.sqlite3"
    with Store.open(path) as store:
        store.init_installation("worker", "自检社区", "自检", micro_grid="自检微网格")
        version = int(store.conn.execute("PRAGMA user_version").fetchone()[0])
    if version != latest_version():
        raise RuntimeError(f"schema {version}, expected {latest_version()}")
    run.worker_db = path
    return f"schema {version}"


def _write_roster(path: Path) -> int:
    from openpyxl import Workbook

    from gridworker.core.idcard import make_id

    rows = [
        ("自检小区", "1栋", "1单元", "101", "张静华", "户主", make_id("510104", dt.date(1950, 3, 1), 11)),
        ("自检小区", "1栋", "1单元", "101", "李秀英", "配偶", make_id("510104", dt.date(1952, 3, 1), 12)),
        ("自检小区", "2栋", "1单元", "202", "王芳", "户主", make_id("510104", dt.date(1975, 3, 1), 14)),
    ]  # fmt: skip
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["小区", "楼栋", "单元", "房号", "姓名", "与户主关系", "身份证号"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return len(rows)


def _roster(run: _Run) -> str:
    from gridworker.roster.importer import apply_import, plan_import
    from gridworker.store.store import Store

    assert run.worker_db is not None
    sheet = run.folder / "花名册.xlsx"
    expected = _write_roster(sheet)
    with Store.open(run.worker_db) as store:
        plan = plan_import(store, sheet)
        if not plan.ok:
            raise RuntimeError(str(plan.problems[0]))
        result = apply_import(store, plan)
    if result.created != expected:
        raise RuntimeError(f"imported {result.created} residents, expected {expected}")
    run.residents = result.created
    return f"{result.created} residents"


def _printing(run: _Run) -> str:
    """Renders the printing package's sample page (a household sheet, with the font this
    computer would print with)."""
    import gridworker.printing as printing

    pdf = run.folder / "自检.pdf"
    printing.self_test_page(pdf)
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise RuntimeError(f"{pdf.name} is not a complete PDF")
    return f"PDF {len(data) // 1024 or 1} KiB"


def _bundle(run: _Run) -> str:
    from gridworker.store.store import Store
    from gridworker.sync import export_bundle, import_bundles
    from gridworker.sync.bundle import read_bundle

    assert run.worker_db is not None
    with Store.open(run.worker_db) as worker:
        sent = export_bundle(worker, run.folder)
    back = read_bundle(sent.path)  # schema, checksums: the office's own check
    if len(back.ops) != sent.op_count:
        raise RuntimeError(f"wrote {sent.op_count} operations, read back {len(back.ops)}")
    with Store.open(run.folder / "office.sqlite3") as office:
        office.init_installation("office", "自检社区", "自检")
        summary = import_bundles(office, [sent.path])
    if not summary.ok:
        raise RuntimeError(summary.files[0].message if summary.files else "nothing imported")
    applied = summary.files[0].new
    if applied != sent.op_count:
        raise RuntimeError(f"office applied {applied} of {sent.op_count} operations")
    return f"{sent.op_count} operations"


def _translations(run: _Run) -> str:
    from gridworker.ui.selftest import check_translations

    return check_translations()


def _window(run: _Run) -> str:
    from gridworker.ui.selftest import check_main_window

    assert run.worker_db is not None
    return check_main_window(run.worker_db, run.residents)


# (name, step, the earlier step it needs)
STEPS: list[tuple[str, Callable[[_Run], str], str | None]] = [
    ("resources", _resources, None),
    ("database", _database, None),
    ("roster", _roster, "database"),
    ("printing", _printing, None),
    ("bundle", _bundle, "roster"),
    ("translations", _translations, None),
    ("window", _window, "roster"),
]


def needs_offscreen(headless: bool) -> bool:
    """Qt must draw offscreen: asked for, or a Linux session without any display."""
    if headless:
        return True
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


@contextmanager
def _private_environment(folder: Path, headless: bool) -> Iterator[None]:
    """Settings and device records in the temporary folder (never the user's), Qt
    offscreen when needed."""
    from gridworker.store.device_history import ENV as DEVICE_RECORDS

    names = ("GRIDWORKER_SETTINGS", DEVICE_RECORDS, "QT_QPA_PLATFORM")
    saved = {n: os.environ.get(n) for n in names}
    os.environ["GRIDWORKER_SETTINGS"] = str(folder / "settings.ini")
    os.environ[DEVICE_RECORDS] = str(folder / "device-records")
    if needs_offscreen(headless):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield
    finally:
        for n, v in saved.items():
            if v is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = v


def run_self_test(headless: bool = False) -> list[StepResult]:
    """Every step's result, in order (a step whose prerequisite failed is not run)."""
    with (
        tempfile.TemporaryDirectory(
            prefix="gridworker-selftest-", ignore_cleanup_errors=True
        ) as tmp,
        _private_environment(Path(tmp), headless),
    ):
        run = _Run(folder=Path(tmp), headless=headless)
        passed: set[str] = set()
        for name, step, needs in STEPS:
            if needs is not None and needs not in passed:
                run.results.append(StepResult(name, False, f"not run ({needs} failed)"))
                continue
            try:
                detail = step(run)
            except Exception as e:  # a self-test names what failed instead of stopping
                traceback.print_exc(file=sys.stderr)
                run.results.append(StepResult(name, False, f"{type(e).__name__}: {e}"))
            else:
                passed.add(name)
                run.results.append(StepResult(name, True, detail))
        return run.results


def report(results: list[StepResult], seconds: float) -> str:
    """The one line: every step's finding, or what failed first."""
    ok = all(r.ok for r in results)
    head = "自检通过 self-test passed" if ok else "自检失败 self-test FAILED"
    shown = results if ok else [r for r in results if not r.ok]
    steps = "; ".join(f"{r.name}: {r.detail}" for r in shown)
    return f"{head} — GridWorker {__version__}: {steps} ({seconds:.1f} s)"


def main(headless: bool = False) -> int:
    start = time.monotonic()
    results = run_self_test(headless)
    print(report(results, time.monotonic() - start), flush=True)
    return 0 if all(r.ok for r in results) else 1
