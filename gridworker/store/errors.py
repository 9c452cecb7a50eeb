"""Errors the store raises; each carries one clear sentence for the person using the app."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database that the user must be told about in plain words."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer GridWorker; opening it could damage it."""


class NotInitialised(StoreError):
    """The database has no installation identity yet (run `gridworker init`)."""


class ValidationError(StoreError):
    """A write was refused because a value breaks a rule; nothing was written."""
