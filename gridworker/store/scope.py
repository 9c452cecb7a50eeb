"""Which micro-grid a record is in: one definition for sync routing, snapshots and views.

A record's micro-grid is its scope field (a household's ``micro_grid_id``) or, failing
that, its parent's (a resident is where its household is). Routing bundles and
restricting a snapshot to a micro-grid must agree exactly, or replicas that hold the
same data would print different snapshots; both use :func:`members_sql`.
"""

from __future__ import annotations

from gridworker.store.entities import ENTITIES


def members_sql(entity: str) -> str | None:
    """SELECT of the ids of an entity's records now in the micro-grid bound to ``:mg``.

    Follows the entity's scope field or its parent chain. None for an entity that
    belongs to no micro-grid.
    """
    s = ENTITIES[entity]
    if s.scope_field == "id":
        return f"SELECT id FROM {s.table} WHERE id = :mg"
    if s.scope_field:
        return f"SELECT id FROM {s.table} WHERE {s.scope_field} = :mg"
    if s.parent:
        pf, pe = s.parent
        inner = members_sql(pe)
        if inner is None:
            return None
        return f"SELECT id FROM {s.table} WHERE {pf} IN ({inner})"
    return None


def moving_field(entity: str) -> str | None:
    """The field whose change moves a record to another micro-grid (scope or parent)."""
    s = ENTITIES[entity]
    if s.scope_field and s.scope_field != "id":
        return s.scope_field
    return s.parent[0] if s.parent and not s.scope_field else None
