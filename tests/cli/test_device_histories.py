"""A laptop's database put back from a backup, or copied to another laptop, loses no edit (#10).

Each case is played with the command line as an office would, every laptop with its own
device records (GRIDWORKER_DEVICE_RECORDS stands for the computer's user data folder),
and ends with the office and every laptop holding the same records.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store

GRID = "第一微网格"


@dataclass
class Computer:
    """One computer: its database file and its user data folder's device records."""

    db: Path
    records: Path


@dataclass
class Office:
    tmp: Path
    office: Computer
    monkeypatch: pytest.MonkeyPatch
    capsys: pytest.CaptureFixture[str]
    n: int = 0

    def run(self, at: Computer, *args: str) -> tuple[int, str, str]:
        self.monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(at.records))
        code = main(["--db", str(at.db), *args])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def ok(self, at: Computer, *args: str) -> str:
        code, out, err = self.run(at, *args)
        assert code == 0, err
        return out + err

    def computer(self, name: str) -> Computer:
        folder = self.tmp / name
        folder.mkdir()
        return Computer(folder / "gridworker.sqlite3", folder / "device-records")

    def laptop(self, name: str, user: str) -> Computer:
        c = self.computer(name)
        setup = self.tmp / f"setup-{name}.gwbundle.json"
        self.ok(
            self.office, "bundle", "export", "--setup", "--micro-grid", GRID, "--out", str(setup)
        )
        self.ok(c, "init", "--from-bundle", str(setup), "--user", user)
        return c

    def send(self, src: Computer, dst: Computer) -> str:
        """Export at src (to the office: for the micro-grid) and import at dst."""
        self.n += 1
        path = self.tmp / f"b{self.n}.gwbundle.json"
        extra = ("--micro-grid", GRID) if src is self.office else ()
        self.ok(src, "bundle", "export", "--out", str(path), *extra)
        return self.ok(dst, "bundle", "import", str(path))

    def edit(self, at: Computer, room: str) -> str:
        """A household added on that computer (an edit a person makes)."""
        with self.open(at) as s:
            mg = s.identity.micro_grid_id
            assert mg is not None
            return s.create("household", {"micro_grid_id": mg, "estate": "致强小区", "room": room})

    def open(self, at: Computer) -> Store:
        self.monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(at.records))
        return Store.open(at.db)

    def rooms(self, at: Computer) -> list[str]:
        with self.open(at) as s:
            return sorted(r[0] for r in s.conn.execute("SELECT room FROM household"))

    def snapshot(self, at: Computer, of_grid: bool = False) -> str:
        with self.open(at) as s:
            if of_grid:
                (mg,) = s.conn.execute(
                    "SELECT id FROM micro_grid WHERE name = ?", (GRID,)
                ).fetchone()
                return snapshot_text(s, mg)
            return snapshot_text(s)

    def device(self, at: Computer) -> str:
        with self.open(at) as s:
            return s.identity.device_id


@pytest.fixture
def site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Office:
    o = Office(
        tmp_path,
        Computer(tmp_path / "office.sqlite3", tmp_path / "office-records"),
        monkeypatch,
        capsys,
    )
    o.ok(o.office, "init", "--role", "office", "--community", "致强社区", "--user", "王主任")
    with o.open(o.office) as s:
        s.ensure_micro_grid(GRID)
    return o


def _put_back(copy: Path, db: Path) -> None:
    """Copy a file over the database, as a person restoring a backup by hand would."""
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy2(copy, db)


def _converged(site: Office, *laptops: Computer) -> None:
    """Two rounds of exchange, then every laptop holds what the office holds of its grid."""
    for _ in range(2):
        for w in laptops:
            site.send(w, site.office)
        for w in laptops:
            site.send(site.office, w)
    office = site.snapshot(site.office, of_grid=True)
    for w in laptops:
        assert site.snapshot(w) == office


def test_a_backup_put_back_by_hand_starts_a_new_history_and_gets_its_sent_edits_back(
    site: Office,
) -> None:
    w = site.laptop("w", "赵红")
    site.edit(w, "101")
    backup = site.tmp / "backup.sqlite3"
    shutil.copy2(w.db, backup)  # the app closed: the file is whole
    site.edit(w, "102")
    site.send(w, site.office)  # the office now holds 101 and 102
    site.edit(w, "103")  # never sent: lost with the file the backup replaces
    old = site.device(w)
    _put_back(backup, w.db)

    out = site.ok(w, "history")  # the first command run on the restored file says so
    assert "比本机上次用它时旧" in out
    new = site.device(w)
    assert new != old
    site.edit(w, "104")  # numbered in the new history: no number the office holds
    assert "未导入 0 个" in site.send(w, site.office)
    site.send(site.office, w)
    assert site.rooms(w) == ["101", "102", "104"]  # 102 came back from the office
    _converged(site, w)
    with site.open(w) as s:
        assert s.predecessors() == [old]


def test_db_restore_starts_a_new_history_too(site: Office) -> None:
    w = site.laptop("w", "赵红")
    site.edit(w, "101")
    site.send(site.office, w)  # an import: a backup is taken before it
    site.edit(w, "102")
    site.send(w, site.office)
    old = site.device(w)
    out = site.ok(w, "db", "restore", "latest")
    assert "已用备份" in out
    assert "比本机上次用它时旧" in site.ok(w, "sync-status")
    assert site.device(w) != old
    site.edit(w, "103")
    site.send(w, site.office)
    site.send(site.office, w)
    assert site.rooms(w) == ["101", "102", "103"]
    _converged(site, w)


def test_a_database_copied_to_a_second_laptop_keeps_both_laptops_edits(site: Office) -> None:
    a = site.laptop("a", "赵红")
    site.edit(a, "101")
    b = site.computer("b")
    shutil.copy2(a.db, b.db)  # the whole file taken to another laptop
    site.edit(a, "201")  # both go on as if each were the only one
    site.edit(b, "301")
    assert site.device(b) != site.device(a)
    site.edit(a, "202")
    site.send(a, site.office)
    out = site.send(b, site.office)
    assert "未导入 0 个" in out
    _converged(site, a, b)
    assert site.rooms(a) == ["101", "201", "202", "301"]


def test_a_copy_beside_the_original_on_the_same_computer_is_a_history_of_its_own(
    site: Office,
) -> None:
    a = site.laptop("a", "赵红")
    site.edit(a, "101")
    b = Computer(a.db.with_name("copy.sqlite3"), a.records)
    shutil.copy2(a.db, b.db)
    site.edit(b, "301")
    assert "副本" in site.ok(b, "history") or site.device(b) != site.device(a)
    assert site.device(b) != site.device(a)
    site.edit(a, "201")
    _converged(site, a, b)
    assert site.rooms(b) == ["101", "201", "301"]


def test_a_replacement_laptop_set_up_from_the_office_goes_on_where_the_old_one_stopped(
    site: Office,
) -> None:
    old = site.laptop("old", "赵红")
    site.edit(old, "101")
    site.send(old, site.office)
    new = site.laptop("new", "赵红")  # the old laptop is gone
    assert site.rooms(new) == ["101"]
    site.edit(new, "102")
    _converged(site, new)


def test_the_original_file_goes_on_as_before(site: Office) -> None:
    """Reopening the same file on the same computer is the same history, however often."""
    w = site.laptop("w", "赵红")
    device = site.device(w)
    for room in ("101", "102", "103"):
        site.edit(w, room)
        site.send(w, site.office)
    assert site.device(w) == device
    with site.open(w) as s:
        assert s.predecessors() == []


def test_two_programs_on_one_file_are_one_history(site: Office) -> None:
    """The app open beside the command line: their commits interleave on one file."""
    w = site.laptop("w", "赵红")
    device = site.device(w)
    site.monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(w.records))
    app = Store.open(w.db)
    try:
        mg = app.identity.micro_grid_id
        for room in ("101", "102"):
            app.create("household", {"micro_grid_id": mg, "room": room})
            site.edit(w, room + "a")  # the command line, between the app's edits
        assert app.identity.device_id == device
    finally:
        app.close()
    assert site.device(w) == device


def test_a_copied_file_is_found_by_a_separate_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Subprocesses as a person runs them: the copy on another computer answers with its
    own device id and the sentence saying why, and the office takes both laptops' edits."""

    def gw(db: Path, records: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "GRIDWORKER_DEVICE_RECORDS": str(records)}
        return subprocess.run(
            [sys.executable, "-m", "gridworker", "--db", str(db), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    office, office_rec = tmp_path / "office.sqlite3", tmp_path / "office-rec"
    assert (
        gw(
            office,
            office_rec,
            "init",
            "--role",
            "office",
            "--community",
            "致强社区",
            "--user",
            "王主任",
        ).returncode
        == 0
    )
    monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(office_rec))
    with Store.open(office) as s:
        s.ensure_micro_grid(GRID)
    setup = tmp_path / "setup.gwbundle.json"
    assert (
        gw(
            office,
            office_rec,
            "bundle",
            "export",
            "--setup",
            "--micro-grid",
            GRID,
            "--out",
            str(setup),
        ).returncode
        == 0
    )
    a, a_rec = tmp_path / "a.sqlite3", tmp_path / "a-rec"
    assert gw(a, a_rec, "init", "--from-bundle", str(setup), "--user", "赵红").returncode == 0
    b, b_rec = tmp_path / "b.sqlite3", tmp_path / "b-rec"
    shutil.copy2(a, b)
    first = gw(b, b_rec, "bundle", "export", "--out", str(tmp_path / "from-b.gwbundle.json"))
    assert first.returncode == 0 and "别的电脑" in first.stderr
    assert (
        gw(a, a_rec, "bundle", "export", "--out", str(tmp_path / "from-a.gwbundle.json")).returncode
        == 0
    )
    done = gw(
        office,
        office_rec,
        "bundle",
        "import",
        "--json",
        str(tmp_path / "from-a.gwbundle.json"),
        str(tmp_path / "from-b.gwbundle.json"),
    )
    assert done.returncode == 0, done.stderr
    assert [f["applied"] for f in json.loads(done.stdout)["files"]] == [True, True]
    assert gw(b, b_rec, "sync-status").stderr == ""  # said once, not on every command
