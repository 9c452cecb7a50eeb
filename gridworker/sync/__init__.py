"""Sync by JSON bundle between worker laptops and the community office.

The API the desktop UI calls (from a worker thread; ``progress`` is an optional
:class:`gridworker.core.progress.Progress`: it is told how far the work is, and an import
it cancels raises nothing but stops with ``summary.cancelled``):

- :func:`export_bundle` / :func:`export_all_micro_grids` — write (and verify) a bundle;
- :func:`preview_bundle` — what a bundle would change, without writing;
- :func:`import_bundles` — import files or folders, one summary;
- :func:`sync_status` — per micro-grid: last bundle, unacknowledged operations, silence;
- :func:`list_conflicts` — the 冲突 list (resolve with ``Store.resolve_conflict``);
- :func:`bundle_history` — bundles sent and received.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gridworker.sync.conflicts import ConflictView, list_conflicts
    from gridworker.sync.errors import BundleError
    from gridworker.sync.export import (
        ExportResult,
        PartialExport,
        export_all_micro_grids,
        export_bundle,
    )
    from gridworker.sync.importer import (
        BundlePreview,
        FileResult,
        ImportSummary,
        import_bundles,
        preview_bundle,
    )
    from gridworker.sync.state import bundle_history
    from gridworker.sync.status import MicroGridStatus, sync_status

# Imported on first use, so that ``python -m gridworker.sync.schema`` (which imports this
# package first) does not load the module it runs a second time.
_WHERE = {
    "BundleError": "errors",
    "ConflictView": "conflicts",
    "list_conflicts": "conflicts",
    "ExportResult": "export",
    "PartialExport": "export",
    "export_all_micro_grids": "export",
    "export_bundle": "export",
    "BundlePreview": "importer",
    "FileResult": "importer",
    "ImportSummary": "importer",
    "import_bundles": "importer",
    "preview_bundle": "importer",
    "bundle_history": "state",
    "MicroGridStatus": "status",
    "sync_status": "status",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "BundleError",
    "BundlePreview",
    "ConflictView",
    "ExportResult",
    "FileResult",
    "ImportSummary",
    "MicroGridStatus",
    "PartialExport",
    "bundle_history",
    "export_all_micro_grids",
    "export_bundle",
    "import_bundles",
    "list_conflicts",
    "preview_bundle",
    "sync_status",
]
