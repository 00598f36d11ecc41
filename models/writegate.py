"""The gate every write passes (``db.write_transaction``): open, held while the storage
check of a freshly opened SQLite file runs in the background, or closed for good with
the refusal to show (a damaged file).

Each database opened starts a new generation; a check finishing for an older one (a
test's database, a file opened before) cannot open or close the gate of the current one.
"""

from __future__ import annotations

import threading

from loket.models.errors import DatabaseUnavailable, LoketError

#: How long a write waits for a running check before it is refused.
HOLD_TIMEOUT_S = 30.0

_cond = threading.Condition()
_generation = 0
_held = False
_refusal: LoketError | None = None


def reset() -> int:
    """A new database was opened: the gate opens; returns the new generation."""
    global _generation, _held, _refusal
    with _cond:
        _generation += 1
        _held = False
        _refusal = None
        _cond.notify_all()
        return _generation


def hold() -> int:
    """Hold writes (a check is running); returns the generation to release or refuse."""
    global _held
    with _cond:
        _held = True
        return _generation


def release(generation: int) -> None:
    """The check passed: writes go ahead."""
    global _held
    with _cond:
        if generation == _generation:
            _held = False
            _cond.notify_all()


def refuse(generation: int, refusal: LoketError) -> None:
    """The check failed: every later write raises ``refusal``."""
    global _held, _refusal
    with _cond:
        if generation == _generation:
            _held = False
            _refusal = refusal
            _cond.notify_all()


def refusal() -> LoketError | None:
    """Why writes are refused, if they are."""
    with _cond:
        return _refusal


def pending() -> bool:
    with _cond:
        return _held


def wait(timeout: float = HOLD_TIMEOUT_S) -> None:
    """Return when writes may go ahead; raise the refusal when they may not."""
    if not _held and _refusal is None:  # the usual case, without taking the lock
        return
    with _cond:
        if not _cond.wait_for(lambda: not _held, timeout):
            raise DatabaseUnavailable(
                "Basis data masih diperiksa; coba lagi sebentar lagi",
                "The database is still being checked; please try again in a moment",
            )
        if _refusal is not None:
            raise _refusal
