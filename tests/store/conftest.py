"""Store fixtures: the test-only kind of record (see tests/kind_for_tests.py)."""

from kind_for_tests import visit_kind

__all__ = ["visit_kind"]
