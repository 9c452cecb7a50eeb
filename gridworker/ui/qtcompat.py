"""Work-around for a PySide6 6.12 reference-count bug in ``SignalInstance.emit``.

On Python 3.11, PySide6 6.12.0's ``emit()`` returns ``True`` without taking a reference,
so every emit from Python code costs ``True`` one reference; after ~1,000 emits the
interpreter aborts ("bool_dealloc: deallocating True or False"). :func:`emit` measures
once whether the running PySide6 has the bug and, if so, gives the reference back.
Every signal emitted from Python in gridworker.ui goes through it. On an unaffected
PySide6 (or Python ≥ 3.12, where True is immortal) it is a plain ``emit``.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= 16


EMIT_LEAKS = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the reference count of its result right."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if EMIT_LEAKS and isinstance(result, bool):
        _incref(result)
