"""One change feed for every app: LISTEN/NOTIFY on PostgreSQL, data_version on SQLite.

Writers call :func:`publish` inside their transaction; the mark becomes visible to
subscribers when (and only if) the transaction commits. Readers open a
:class:`ChangeSubscription` on their own connection and ``wait()`` for the set of
topics that changed. Nothing here imports Qt: the apps wrap a subscription in a
thread or socket notifier.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from loket.models.config import DatabaseTarget, parse_url, resolve_url
from loket.models.db import database, is_sqlite

CHANNEL = "loket"
TOPICS = frozenset(
    {
        "tickets",
        "counters",
        "services",
        "staff",
        "settings",
        "staffing",
        "receipts",
        "surveys",
        "complaints",
        "printers",
        "audit",
    }
)
SQLITE_POLL_SECONDS = 0.025


def publish(topic: str) -> None:
    """Mark ``topic`` changed; call inside the writing transaction."""
    if topic not in TOPICS:
        raise ValueError(f"unknown change topic {topic!r}")
    db = database.obj
    if is_sqlite(db):
        db.execute_sql(
            "INSERT INTO change_mark (topic, version) VALUES (?, 1) "
            "ON CONFLICT (topic) DO UPDATE SET version = change_mark.version + 1",
            (topic,),
        )
    else:
        db.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, topic))


class ChangeSubscription:
    """Waits for committed changes on its own database connection."""

    def __init__(self, url: str | None = None, topics: Iterable[str] | None = None) -> None:
        self._target: DatabaseTarget = parse_url(resolve_url(url))
        self._topics = frozenset(topics) if topics else TOPICS
        self._conn: Any = None
        self._versions: dict[str, int] = {}
        self._data_version = -1
        if self._target.kind == "sqlite":
            self._open_sqlite()
        else:
            self._open_postgres()

    def _open_sqlite(self) -> None:
        assert self._target.path is not None
        self._conn = sqlite3.connect(str(self._target.path), check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout = 5000")
        self._data_version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        self._versions = self._read_marks()

    def _read_marks(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT topic, version FROM change_mark").fetchall())

    def _open_postgres(self) -> None:
        import psycopg

        params = dict(self._target.params)
        params.setdefault("connect_timeout", "5")
        self._conn = psycopg.connect(dbname=self._target.name, autocommit=True, **params)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> set[str]:
        """Block up to ``timeout`` seconds; return the topics that changed (maybe empty)."""
        if self._target.kind == "sqlite":
            return self._wait_sqlite(timeout)
        return self._wait_postgres(timeout)

    def _wait_sqlite(self, timeout: float) -> set[str]:
        deadline = time.monotonic() + timeout
        while True:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._data_version:
                self._data_version = version
                marks = self._read_marks()
                changed = {t for t, v in marks.items() if self._versions.get(t) != v}
                self._versions = marks
                changed &= self._topics
                if changed:
                    return changed
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return set()
            time.sleep(min(SQLITE_POLL_SECONDS, remaining))

    def _wait_postgres(self, timeout: float) -> set[str]:
        changed: set[str] = set()
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            changed.add(note.payload)
        # Drain whatever else already arrived, without waiting again.
        for note in self._conn.notifies(timeout=0.001):
            changed.add(note.payload)
        return changed & self._topics

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> ChangeSubscription:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ChangeListener:
    """Calls ``callback(topics)`` from a background thread until :meth:`stop`.

    If the database connection drops (server restart, network cut), the listener
    reconnects every ``retry`` seconds and then reports every topic it watches, since
    changes made meanwhile were not announced to it.
    """

    def __init__(
        self,
        callback: Callable[[set[str]], None],
        url: str | None = None,
        topics: Iterable[str] | None = None,
        poll: float = 0.25,
        retry: float = 2.0,
    ) -> None:
        self._url = url
        self._topics = frozenset(topics) if topics else TOPICS
        self._subscription: ChangeSubscription | None = ChangeSubscription(url, self._topics)
        self._callback = callback
        self._poll = poll
        self._retry = retry
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="loket-change-feed", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                if self._subscription is None:
                    self._reconnect()
                    continue
                try:
                    changed = self._subscription.wait(self._poll)
                except Exception:  # the driver's connection errors; reconnect below
                    self._subscription.close()
                    self._subscription = None
                    continue
                if changed and not self._stopping.is_set():
                    self._callback(changed)
        finally:
            if self._subscription is not None:
                self._subscription.close()

    def _reconnect(self) -> None:
        if self._stopping.wait(self._retry):
            return
        try:
            self._subscription = ChangeSubscription(self._url, self._topics)
        except Exception:
            return
        self._callback(set(self._topics))

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
