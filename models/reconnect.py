"""Riding through a lost database connection (server restart, ``pg_terminate_backend``,
a network cut): the one place that detects it, reconnects and retries.

What every caller gets, without doing anything:

* PostgreSQL is opened as :class:`ReconnectingPostgresqlDatabase`. When the thread's
  connection is found dead, the next use outside a transaction drops it and connects
  again, backing off (0.1 s doubling to 1 s) for up to :data:`RECONNECT_BUDGET` seconds.
  A read (``SELECT``/``SHOW``) that hit the drop is run again once, transparently.
* Anything else that hit the drop (a write, a statement inside a transaction, a
  ``COMMIT`` whose answer never came) raises :class:`ConnectionLost` — a
  :class:`~loket.models.errors.DatabaseUnavailable`, so apps and the CLI show it as a
  one-line bilingual refusal ("Sedang menyambung ulang ke server… / Reconnecting to the
  server…"). The dead connection is dropped; the next use reconnects by itself.
* A server that refuses connections because ``max_connections`` is used up raises
  :class:`TooManyConnections` (also a ``DatabaseUnavailable``), one bilingual line.

What an action or a loop adds:

* :func:`retry_once` — run a whole action (its own transaction) and, when it raised
  ``ConnectionLost``, reconnect and run it once more; ``already_done`` is asked first
  whether the first attempt committed after all (its idempotency key), so a retry never
  duplicates. Ticket issuing, receipts and every counter action use it.
* :func:`reconnecting` — for long-running loops (``staffing check --watch``, heartbeats,
  warm-ups): run a step until it succeeds, reporting one line when the connection drops
  and one when it is back.
* :func:`is_connection_lost` — classify any exception (for code that may not import the
  driver, e.g. the apps' views).
* :func:`reconnect` — drop this thread's connection and open a new one now.
* :func:`new_request_key` — an idempotency key for one person's action (one kiosk tap);
  ``issue_ticket(..., request_key=)`` and ``new_receipt(..., request_key=)`` return the
  existing ticket/receipt for a key already used, so an app may retry a tap safely.

SQLite has no connection to lose: its database is a local file, and none of this
changes it (``reconnect`` just reopens the file).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from peewee import IntegrityError, InterfaceError, OperationalError, PostgresqlDatabase

from loket.models.db import database
from loket.models.errors import ConnectionLost, DatabaseUnavailable, TooManyConnections

T = TypeVar("T")

#: Seconds the next database use waits for the server to come back before refusing.
RECONNECT_BUDGET = 5.0
#: The same inside :func:`reconnecting`, whose loop does the waiting (and reports it).
STEP_BUDGET = 0.5
FIRST_DELAY = 0.1
MAX_DELAY = 1.0

LOST_LINE = (
    "Koneksi ke server basis data terputus; menyambung ulang… / "
    "Lost the connection to the database server; reconnecting…"
)
BACK_LINE = "Tersambung kembali ke server basis data / Connected to the database server again"

# SQLSTATEs meaning the session is gone or cannot start yet: class 08 (connection
# exception), admin/crash shutdown (57P01/57P02), cannot connect now (57P03).
_LOST_CLASS = "08"
_LOST_STATES = ("57P01", "57P02", "57P03")
_TOO_MANY = "53300"
_LOST_MARKERS = (
    "the connection is closed",
    "connection already closed",
    "connection not open",
    "database connection not open",
    "server closed the connection",
    "terminating connection",
    "consuming input failed",
    "could not receive data",
    "could not send data",
    "no connection to the server",
    "connection refused",
    "connection timeout expired",
    "connection is lost",
    "the database system is shutting down",
    "the database system is starting up",
    "the database system is in recovery mode",
    "the database system is not yet accepting connections",
    "the database system is not accepting connections",
    "ssl connection has been closed",
)


_local = threading.local()  # per thread: the reconnect budget while inside reconnecting()
_DEFAULT = -1.0  # "the thread's budget": RECONNECT_BUDGET unless reconnecting() set one


def _budget(budget: float | None) -> float | None:
    if budget is not None and budget < 0:
        return float(getattr(_local, "budget", RECONNECT_BUDGET))
    return budget


class _GaveUp(ConnectionLost):
    """The server did not come back within the budget: retrying at once is pointless."""


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception behind a peewee wrapper (peewee passes it as args[0])."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(_driver_error(exc), "sqlstate", None) or "")


def is_too_many_connections(exc: BaseException) -> bool:
    """The server refused a connection because ``max_connections`` is used up."""
    if isinstance(exc, TooManyConnections):
        return True
    text = str(exc).lower()
    return (
        _sqlstate(exc) == _TOO_MANY
        or "too many clients" in text
        or ("too many connections" in text)
    )


def is_connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` means the database server cannot be reached right now (a dropped
    connection, a server restarting) rather than a fault in the statement itself."""
    if isinstance(exc, (ConnectionLost, TooManyConnections)):
        return True
    if isinstance(exc, DatabaseUnavailable):
        return False
    state = _sqlstate(exc)
    if state.startswith(_LOST_CLASS) or state in _LOST_STATES:
        return True
    if not isinstance(exc, (OperationalError, InterfaceError)) and not type(
        exc
    ).__module__.startswith("psycopg"):
        return False
    text = str(exc).lower()
    return any(marker in text for marker in _LOST_MARKERS)


def _broken(conn: Any) -> bool:
    return bool(getattr(conn, "closed", False))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def refusal(where: str, exc: BaseException) -> DatabaseUnavailable:
    """The one-line refusal for a connection attempt to ``where`` that failed with ``exc``."""
    if is_too_many_connections(exc):
        return TooManyConnections(
            f"Server basis data ({where}) menolak sambungan baru: batas jumlah sambungan "
            "(max_connections) sudah penuh. Mencoba lagi; hubungi pengelola server bila "
            "terus terjadi",
            f"The database server ({where}) refuses new connections: its connection limit "
            "(max_connections) is used up. Retrying; tell the server's administrator if it "
            "persists",
        )
    first = _first_line(exc)
    return DatabaseUnavailable(
        f"Basis data tidak dapat dihubungi ({where}): {first}",
        f"Cannot reach the database ({where}): {first}",
    )


class ReconnectingPostgresqlDatabase(PostgresqlDatabase):
    """PostgreSQL whose per-thread connection heals itself; see the module docstring."""

    _state: Any  # peewee's per-thread connection state (conn, closed, transactions)

    def _reconnect_now(self, budget: float | None = _DEFAULT) -> None:
        """Drop this thread's connection and connect again, backing off."""
        if self.in_transaction():
            raise ConnectionLost()
        self._drop()
        budget = _budget(budget)
        deadline = None if budget is None else time.monotonic() + budget
        delay = FIRST_DELAY
        while True:
            try:
                self.connect()
                return
            except (OperationalError, InterfaceError) as exc:
                # Any refusal while reconnecting (starting up, in recovery, refused, full)
                # counts as "not back yet": it ends as ConnectionLost after the budget.
                self._drop()
                if deadline is not None and time.monotonic() + delay > deadline:
                    if is_too_many_connections(exc):
                        raise refusal(self.database, exc) from exc
                    raise _GaveUp() from exc
                time.sleep(delay)
                delay = min(MAX_DELAY, delay * 2)

    def _drop(self) -> None:
        """Forget this thread's connection without talking to the server."""
        conn = self._state.conn
        self._state.reset()
        if conn is not None:
            with contextlib.suppress(Exception):  # already broken; nothing to close cleanly
                conn.close()

    def _dead(self) -> bool:
        return not self._state.closed and _broken(self._state.conn)

    def cursor(self, named_cursor: Any = None) -> Any:
        if self._state.closed or self._dead():
            if self.in_transaction():
                raise ConnectionLost()
            # Nothing was sent on a dead connection: (re)connecting first is safe. A
            # thread's first use connects here too, so any refusal ends as ConnectionLost.
            self._reconnect_now()
        return super().cursor(named_cursor)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)
        except (OperationalError, InterfaceError) as exc:
            if not (is_connection_lost(exc) or _broken(self._state.conn)):
                raise
            if self.in_transaction() or not _read_only(sql):
                if not self.in_transaction():
                    self._drop()
                raise ConnectionLost() from exc
        self._reconnect_now()  # a read that hit the drop: run it again on a new session
        return super().execute_sql(sql, params)

    def begin(self, isolation_level: str | None = None) -> None:
        # BEGIN runs before the transaction is pushed: nothing is lost by redoing it.
        try:
            super().begin(isolation_level)
        except (OperationalError, InterfaceError) as exc:
            if not (is_connection_lost(exc) or _broken(self._state.conn)):
                raise
            self._reconnect_now()
            super().begin(isolation_level)

    def commit(self) -> None:
        if self._dead():  # never COMMIT on a fresh connection: the work is gone
            raise ConnectionLost()
        try:
            super().commit()
        except (OperationalError, InterfaceError) as exc:
            if is_connection_lost(exc) or _broken(self._state.conn):
                # The answer to COMMIT never came: it may or may not have committed.
                raise ConnectionLost() from exc
            raise

    def rollback(self) -> None:
        if self._state.closed or _broken(self._state.conn):
            return  # the server rolled the transaction back when the session ended
        try:
            super().rollback()
        except (OperationalError, InterfaceError) as exc:
            if not (is_connection_lost(exc) or _broken(self._state.conn)):
                raise


def _read_only(sql: str) -> bool:
    head = sql.lstrip()[:6].upper()
    return head in ("SELECT", "SHOW  ") or head.startswith("SHOW")


def reconnect(budget: float | None = _DEFAULT) -> None:
    """Drop the calling thread's connection and connect again, backing off; raises
    :class:`ConnectionLost` (or :class:`TooManyConnections`) when the server is not back
    within ``budget`` seconds (default :data:`RECONNECT_BUDGET`; ``None``: wait for
    ever). Not inside a transaction."""
    db = database.obj
    if isinstance(db, ReconnectingPostgresqlDatabase):
        db._reconnect_now(budget)
        return
    if not db.in_transaction():
        db.close()
        db.connect()


def retry_once(action: Callable[[], T], already_done: Callable[[], T | None] | None = None) -> T:
    """Run ``action`` (a whole transaction); after a :class:`ConnectionLost`, reconnect and
    run it once more. ``already_done()`` looks up the action's idempotency key, and its
    answer, when not ``None``, is returned instead of doing the action again: before the
    retry (the ``COMMIT`` reached the server before the connection dropped) and when the
    action runs into its own key's unique index (the same tap sent again by an app). Inside
    a caller's transaction nothing is retried (the caller's transaction is lost as a whole).
    The look-up runs only in those two rare cases, never before a first attempt."""

    def attempt() -> T:
        try:
            return action()
        except IntegrityError:
            done = already_done() if already_done is not None else None
            if done is None:
                raise
            return done

    try:
        return attempt()
    except _GaveUp:
        raise  # the server stayed away for the whole budget already
    except ConnectionLost:
        if database.obj.in_transaction():
            raise
        reconnect()
    if already_done is not None:
        done = already_done()
        if done is not None:
            return done
    return attempt()


_KEY = re.compile(r"^[0-9A-Za-z-]{8,36}$")


def new_request_key() -> str:
    """A fresh idempotency key (a UUID) for one person's action, e.g. one kiosk tap."""
    return str(uuid.uuid4())


def request_key(raw: str | None) -> str:
    """``raw`` checked as an idempotency key (8–36 letters, digits, dashes); a new one
    when ``None``."""
    if raw is None:
        return new_request_key()
    value = str(raw).strip()
    if not _KEY.match(value):
        from loket.models.errors import InvalidInput

        raise InvalidInput(
            "Kunci permintaan tidak sah (8–36 huruf, angka atau tanda hubung)",
            "Invalid request key (8–36 letters, digits or dashes)",
        )
    return value


def reconnecting(
    step: Callable[[], T],
    report: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    max_delay: float = 2.0,
) -> T:
    """Run ``step`` until it gets through a lost connection: on :class:`ConnectionLost` or
    :class:`TooManyConnections` wait (0.1 s doubling to ``max_delay``) and run it again.
    ``report`` gets :data:`LOST_LINE` once when the connection drops and :data:`BACK_LINE`
    once when it is back. When ``stop`` is set while waiting, the last error is raised.
    For long-running loops (watchers, heartbeats, warm-ups), never inside a transaction."""
    delay = FIRST_DELAY
    lost = False
    while True:
        outer = getattr(_local, "budget", None)
        _local.budget = STEP_BUDGET  # fail fast inside: this loop waits and reports
        try:
            result = step()
        except (ConnectionLost, TooManyConnections):
            if not lost and report is not None:
                report(LOST_LINE)
            lost = True
            if stop is not None:
                if stop.wait(delay):
                    raise
            else:
                time.sleep(delay)
            delay = min(max_delay, delay * 2)
            continue
        finally:
            if outer is None:
                del _local.budget
            else:
                _local.budget = outer
        if lost and report is not None:
            report(BACK_LINE)
        return result


__all__ = [
    "BACK_LINE",
    "LOST_LINE",
    "RECONNECT_BUDGET",
    "ConnectionLost",
    "ReconnectingPostgresqlDatabase",
    "TooManyConnections",
    "is_connection_lost",
    "is_too_many_connections",
    "new_request_key",
    "reconnect",
    "reconnecting",
    "refusal",
    "request_key",
    "retry_once",
]
