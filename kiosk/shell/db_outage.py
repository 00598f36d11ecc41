"""A lost database connection, told apart from a refusal, and the wait for the server.

The models tell a lost connection from a refusal (:mod:`loket.models.reconnect`, which
also reconnects and retries a single statement or a keyed action by itself); this is
what the apps add on top, in one place: when an action still meets the outage, wait
with backoff until the server answers, then run the action once more if that cannot
duplicate it, else refuse it on screen. It all happens on the calling worker thread.

No Qt here: the job queues and the start-up wait call these from plain threads.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

from loket.models.errors import DatabaseUnavailable

log = logging.getLogger(__name__)

RECONNECTING = ("Sedang menyambung ulang ke server…", "Reconnecting to the server…")
# Backoff between attempts while the server is away, in seconds; the last repeats.
BACKOFF = (0.2, 0.5, 1.0, 2.0, 3.0, 5.0)
# How long a visitor's or officer's action waits for the server before it is refused.
ACTION_PATIENCE = 30.0


class ServerAway(DatabaseUnavailable):
    """An action hit an outage and was not retried (or the server stayed away)."""

    code = "server_away"


def not_done() -> ServerAway:
    return ServerAway(
        "Sambungan ke server terputus dan permintaan Anda belum tercatat. "
        "Silakan coba lagi sebentar lagi.",
        "The connection to the server was lost and your request was not recorded. "
        "Please try again in a moment.",
    )


def is_connection_lost(exc: BaseException) -> bool:
    """True for a dropped or unreachable server (worth a reconnect), False for a refusal
    that no reconnect changes (the models decide: :mod:`loket.models.reconnect`)."""
    from loket.models import reconnect

    if isinstance(exc, ServerAway):
        return False
    return bool(reconnect.is_connection_lost(exc))


def is_too_many_connections(exc: BaseException) -> bool:
    """The server is up but refuses one more connection (``max_connections``)."""
    from loket.models import reconnect

    return bool(reconnect.is_too_many_connections(exc))


def delays(backoff: tuple[float, ...] = BACKOFF) -> Iterator[float]:
    """The waits between attempts: the backoff, then its last step for ever."""
    yield from backoff
    while True:
        yield backoff[-1]


def reset_thread_connection() -> None:
    """Drop this thread's connection, broken or not, so the next query opens a new one."""
    from loket.models.db import close_thread_connection, database

    try:
        close_thread_connection()
    except Exception:  # a broken connection, or a transaction left open by the failure
        log.debug("closing a broken connection failed", exc_info=True)
        state = getattr(database.obj, "_state", None)
        if state is not None:  # forget it; the driver's socket is gone anyway
            state.reset()


def server_answers() -> bool:
    """One probe from this thread: a fresh connection and ``SELECT 1``."""
    from loket.models.db import database

    reset_thread_connection()
    try:
        database.execute_sql("SELECT 1")
    except Exception as exc:
        log.debug("database still away: %s", exc)
        reset_thread_connection()
        return False
    return True


def wait_for_server(
    stop: threading.Event,
    patience: float = ACTION_PATIENCE,
    clock: Callable[[], float] = time.monotonic,
) -> bool:
    """Probe with backoff until the server answers (True), ``stop`` is set or
    ``patience`` seconds have passed (False)."""
    deadline = clock() + patience
    for delay in delays():
        if server_answers():
            return True
        remaining = deadline - clock()
        if remaining <= 0 or stop.wait(min(delay, remaining)):
            return False
    return False  # pragma: no cover - delays() never ends


def run_riding_outages(
    job: Callable[[], object],
    retry_safe: bool,
    stop: threading.Event,
    reconnecting: Callable[[bool], None],
    patience: float = ACTION_PATIENCE,
) -> object:
    """Run ``job``; if the connection is lost, reconnect and run it once more when that
    cannot duplicate it (``retry_safe``), else raise :class:`ServerAway`.

    ``reconnecting(True/False)`` tells the screen while the wait lasts.
    """
    try:
        return job()
    except Exception as exc:
        if not is_connection_lost(exc):
            raise
        log.warning("database connection lost during an action: %s", _first_line(exc))
    reconnecting(True)
    try:
        if not wait_for_server(stop, patience):
            raise not_done()
    finally:
        reconnecting(False)
    if not retry_safe:
        raise not_done()
    try:
        return job()
    except Exception as exc:
        if is_connection_lost(exc):
            reset_thread_connection()
            raise not_done() from exc
        raise


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
