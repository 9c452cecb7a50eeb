"""Errors of the sync layer: each one sentence in Chinese that names the file and the problem."""

from __future__ import annotations

from gridworker.store.errors import StoreError


class BundleError(StoreError):
    """A bundle was refused (or could not be written); nothing was changed."""


class NotAddressedHere(BundleError):
    """A well-formed bundle meant for another installation (another micro-grid, the other
    side, or our own export): refused when named, skipped quietly in a shared folder."""
