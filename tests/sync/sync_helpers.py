"""Helpers for sync tests: an office and worker laptops set up the way people do it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles
from gridworker.sync.setup import init_from_bundle

COMMUNITY = "致强社区"


def add_household(s: Store, mg: str, room: str, people: list[str]) -> tuple[str, list[str]]:
    h = s.create(
        "household", {"micro_grid_id": mg, "estate": "致强小区", "building": "1栋", "room": room}
    )
    return h, [s.create("resident", {"household_id": h, "name": n}) for n in people]


def dump(s: Store) -> list[str]:
    """Every row of every table: to prove that a refused import wrote nothing at all."""
    return list(s.conn.iterdump())


def ops_count(s: Store) -> int:
    return int(s.conn.execute("SELECT count(*) FROM ops").fetchone()[0])


@dataclass
class Site:
    folder: Path
    office: Store
    mg_a: str
    mg_b: str

    def setup_worker(self, name: str, user: str, mg_name: str = "第一微网格") -> Store:
        bundle = export_bundle(
            self.office, self.folder / f"setup-{name}.gwbundle.json", micro_grid=mg_name, setup=True
        )
        db = self.folder / f"{name}.sqlite3"
        init_from_bundle(db, bundle.path, user)
        return Store.open(db)

    def send(self, src: Store, dst: Store, name: str, micro_grid: str | None = None) -> Path:
        """Export from src and import at dst; returns the bundle file."""
        path = self.folder / f"{name}.gwbundle.json"
        export_bundle(src, path, micro_grid=micro_grid)
        summary = import_bundles(dst, [path])
        assert summary.ok, [f.message for f in summary.files]
        return path
