"""Which operations travel to a micro-grid (sync/state.scope_sql), held to the rule said
per operation in docs/bundle-format.md, on an office whose grids were redrawn, whose
people moved and whose duplicate households were merged."""

from __future__ import annotations

import json
from pathlib import Path

from gridworker.demo import build_demo
from gridworker.store.duplicates import merge
from gridworker.store.entities import ENTITIES
from gridworker.store.moves import once_in_sql
from gridworker.store.scope import members_sql, moving_field
from gridworker.store.store import Store
from gridworker.sync import state


def _ids(s: Store, sql: str, mg: str) -> set[str]:
    return {r[0] for r in s.conn.execute(sql, {"mg": mg})}


def _by_the_rule(s: Store, mg: str) -> set[str]:
    """The op ids the rule selects, decided one operation at a time in Python."""
    wide = state.office_wide_entities()
    members = {
        n: _ids(s, sql, mg)
        for n in ENTITIES
        if (sql := members_sql(n)) is not None and ENTITIES[n].scope_field != "id"
    }
    once = {n: _ids(s, once_in_sql(n), mg) for n in ENTITIES if moving_field(n) is not None}
    targets = state._moved_to(s.conn, mg)
    out = set()
    for op_id, entity, entity_id, fields, op_mg in s.conn.execute(
        "SELECT op_id, entity, entity_id, fields, micro_grid_id FROM ops"
    ):
        field = moving_field(entity)
        if (
            op_mg == mg
            or (op_mg is None and entity in wide)
            or entity_id in members.get(entity, ())
            or (field is not None and field in json.loads(fields) and entity_id in once[entity])
            or entity_id in targets
        ):
            out.add(op_id)
    return out


def test_the_routing_query_selects_what_the_rule_says_for_every_micro_grid(
    tmp_path: Path,
) -> None:
    s = Store.open(tmp_path / "office.sqlite3")
    build_demo(s, households=240, role="office", seed=3)
    grids = [r[0] for r in s.conn.execute("SELECT id FROM micro_grid ORDER BY name")]
    homes = [r[0] for r in s.conn.execute("SELECT id FROM household ORDER BY id")]
    for i, h in enumerate(homes[:12]):  # the office redraws the grids
        s.update("household", h, {"micro_grid_id": grids[(i + 1) % len(grids)]})
    people = [r[0] for r in s.conn.execute("SELECT id FROM resident ORDER BY id LIMIT 10")]
    for i, p in enumerate(people):  # people move house, across grids
        s.update("resident", p, {"household_id": homes[-1 - i]})
    twin = s.create("household", {"micro_grid_id": grids[0], **_address(s, homes[5])})
    s.create("resident", {"household_id": twin, "name": "新住户"})
    merge(s, "household", homes[5], twin)  # the same household entered twice, merged
    assert s.conn.execute("SELECT merged_into FROM household WHERE id = ?", (twin,)).fetchone()[0]
    assert s.conn.execute("SELECT count(*) FROM moved_from").fetchone()[0] > 0
    for mg in grids:
        where, params = state.scope_sql(s.conn, mg)
        got = {r[0] for r in s.conn.execute(f"SELECT op_id FROM ops WHERE {where}", params)}
        assert got == _by_the_rule(s, mg)
    s.close()


def _address(s: Store, household: str) -> dict[str, str]:
    r = s.conn.execute(
        "SELECT estate, building, unit, room FROM household WHERE id = ?", (household,)
    ).fetchone()
    return {k: r[k] for k in ("estate", "building", "unit", "room") if r[k]}
