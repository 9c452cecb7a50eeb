"""Builds a realistic demo community in an empty database (filled in with the demo data)."""

from __future__ import annotations

from gridworker.store.store import Store


def build_demo(store: Store, households: int, seed: int) -> str:
    raise NotImplementedError("demo data generator not yet written")
