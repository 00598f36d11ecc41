"""Delivering the outbox: each due message claimed, handed to the channel, and recorded.

One round, :func:`send_pending`, is what ``loket notify send-pending`` (cron) runs and
what :class:`Sender` runs in the counter and admin apps. Any number of them may run at
once on any number of PCs: a message is first *claimed* with a conditional UPDATE (still
pending and due, or a claim older than five minutes left by a sender that died), and
only the sender whose UPDATE changed the row hands it over. A failure is retried after
1, 5, 15 and 60 minutes; after ``notify_max_attempts`` tries, or at once when the
gateway refused the message itself, it is marked ``failed`` with its one-line reason in
``last_error``, where staff see it.

Using :class:`Sender` from an app (the database is already open in the process)::

    from loket.models.notify.sender import Sender

    sender = Sender(url=db_url, on_round=callback)  # callback(SendResult | None), its thread
    sender.start()                      # a daemon thread, its own database connection
    sender.wake()                       # optional: a round now (e.g. after "ready")
    sender.problem                      # None, or one line "id / en" (bad settings…)
    sender.stop()                       # at shutdown: ends the loop, closes its connection

The thread uses the process's database like the apps' other workers: peewee gives it a
connection of its own, which it closes when the loop ends. It rounds every ``every``
seconds and, given the database ``url``, also as soon as the change feed reports
receipts, complaints or tickets (where messages are queued). Settings are read afresh
each round, so switching the channel on or off needs no restart. ``callback`` runs on
the sender's thread: a Qt app re-emits it as a signal.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import close_thread_connection, write_transaction
from loket.models.errors import ConfigurationError, one_line
from loket.models.notify.channels import Channel, DeliveryFailed, notifications_on, open_channel
from loket.models.notify.channels import outgoing as as_outgoing
from loket.models.settings import OfficeSettings, load_settings
from loket.models.tables import Notification

log = logging.getLogger(__name__)

BACKOFF_MINUTES = (1, 5, 15, 60)
STALE_CLAIM = dt.timedelta(minutes=5)
ROUND_LIMIT = 200
_TOPIC = {
    "receipt_ready": "receipts",
    "complaint_answered": "complaints",
    "complaint_closed": "complaints",
    "ticket_near": "tickets",
}
WAKE_TOPICS = frozenset(("receipts", "complaints", "tickets"))


def default_worker_id() -> str:
    """ "<host>:<pid>:<thread>": who holds a claim, shown in ``loket notify list``."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"[:80]


def backoff(attempts: int) -> dt.timedelta:
    """How long after its ``attempts``-th failed try a message is tried again."""
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return dt.timedelta(minutes=BACKOFF_MINUTES[index])


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0  # given up on for good in this round
    retry_later: int = 0
    channel: str | None = None
    off: bool = False  # notifications are switched off: nothing was tried
    errors: list[str] = field(default_factory=list)  # the failures' one-line reasons

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def message(self, language: str = "id") -> str:
        if self.off:
            if language == "en":
                return "Notifications are off (notify_channel=off); nothing was sent"
            return "Notifikasi mati (notify_channel=off); tidak ada yang dikirim"
        if language == "en":
            return f"Sent {self.sent}, failed {self.failed}, to retry later {self.retry_later}" + (
                f" (via {self.channel})" if self.channel else ""
            )
        return (
            f"Terkirim {self.sent}, gagal {self.failed}, dicoba lagi nanti {self.retry_later}"
            + (f" (lewat {self.channel})" if self.channel else "")
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "retry_later": self.retry_later,
            "channel": self.channel,
            "off": self.off,
            "errors": self.errors,
            "message": self.message("id"),
            "message_en": self.message("en"),
        }


def _due(now: dt.datetime, limit: int) -> list[int]:
    query = (
        Notification.select(Notification.id)
        .where(
            ((Notification.status == "pending") & (Notification.next_try_at <= now))
            | ((Notification.status == "sending") & (Notification.claimed_at < now - STALE_CLAIM))
        )
        .order_by(Notification.next_try_at, Notification.id)
        .limit(limit)
        .tuples()
    )
    return [int(row[0]) for row in query]


def claim(message_id: int, worker_id: str, now: dt.datetime) -> Notification | None:
    """The row, now ``sending`` and held by ``worker_id``; None when another sender got
    it first (the UPDATE's condition no longer held, so it changed nothing)."""
    with write_transaction():
        changed = (
            Notification.update(
                status="sending",
                claimed_by=worker_id,
                claimed_at=now,
                attempts=Notification.attempts + 1,
            )
            .where(
                (Notification.id == message_id)
                & (
                    ((Notification.status == "pending") & (Notification.next_try_at <= now))
                    | (
                        (Notification.status == "sending")
                        & (Notification.claimed_at < now - STALE_CLAIM)
                    )
                )
            )
            .execute()
        )
        if changed != 1:
            return None
        row: Notification = Notification.get_by_id(message_id)
        return row


def _record(row: Notification, worker_id: str, changes: dict[str, Any]) -> None:
    with write_transaction():
        Notification.update(**changes).where(
            (Notification.id == row.id)
            & (Notification.status == "sending")
            & (Notification.claimed_by == worker_id)
        ).execute()
        topic = _TOPIC.get(row.kind)
        if topic and changes.get("status") in ("sent", "failed"):
            publish(topic)  # the documents lists show whether the applicant was told


def send_pending(
    clock: Clock = SYSTEM_CLOCK,
    limit: int = ROUND_LIMIT,
    worker_id: str | None = None,
    settings: OfficeSettings | None = None,
    channel: Channel | None = None,
) -> SendResult:
    """Deliver up to ``limit`` due messages. ConfigurationError (one line) when the
    settings cannot work, before anything is claimed; nothing is tried when
    notifications are off. ``channel`` replaces the configured one (benchmarks)."""
    settings = settings or load_settings()
    if channel is None and not notifications_on(settings):
        return SendResult(off=True)
    worker = worker_id or default_worker_id()
    ids = _due(clock.now(), limit)
    result = SendResult()
    if not ids:
        return result
    used = channel or open_channel(settings)
    result.channel = used.name
    try:
        for message_id in ids:
            now = clock.now()
            row = claim(message_id, worker, now)
            if row is None:
                continue  # another sender has it
            if _send_one(row, used, worker, clock, settings, result):
                break  # the channel is down: the others stay due for the next round
    finally:
        if channel is None:
            used.close()
    return result


def _send_one(
    row: Notification,
    used: Channel,
    worker: str,
    clock: Clock,
    settings: OfficeSettings,
    result: SendResult,
) -> bool:
    """Hand over one claimed message and record how it went; True: the channel is down."""
    try:
        try:
            used.send(as_outgoing(row))
        except DeliveryFailed:
            raise
        except Exception as exc:  # a channel's own bug: recorded and retried like a failure
            raise _unexpected(exc) from exc
    except DeliveryFailed as exc:
        now = clock.now()
        reason = str(exc)
        result.errors.append(f"#{row.id} {row.reference}: {reason}")
        changes: dict[str, Any] = {"channel": used.name, "last_error": reason}
        if exc.permanent or row.attempts >= settings.notify_max_attempts:
            changes["status"] = "failed"
            result.failed += 1
        else:
            changes["status"] = "pending"
            changes["next_try_at"] = now + backoff(row.attempts)
            result.retry_later += 1
        _record(row, worker, changes)
        return exc.channel_down
    now = clock.now()
    _record(
        row,
        worker,
        {"status": "sent", "sent_at": now, "channel": used.name, "last_error": None},
    )
    result.sent += 1
    return False


def _unexpected(exc: Exception) -> DeliveryFailed:
    text = str(exc).strip()
    detail = one_line(text.splitlines()[0])[:200] if text else type(exc).__name__
    return DeliveryFailed(
        f"Kesalahan tak terduga saat mengirim ({type(exc).__name__}): {detail}",
        f"Unexpected error while sending ({type(exc).__name__}): {detail}",
    )


class Sender:
    """:func:`send_pending` in a background thread until :meth:`stop` (see the module)."""

    def __init__(
        self,
        every: float = 15.0,
        clock: Clock = SYSTEM_CLOCK,
        limit: int = ROUND_LIMIT,
        on_round: Callable[[SendResult | None], None] | None = None,
        url: str | None = None,
        release: bool = False,
    ) -> None:
        self.every = every
        # Close this thread's connection after every round: an app keeps its budget of
        # two connections (its worker's and its change feed's) between rounds.
        self.release = release
        self.clock = clock
        self.limit = limit
        self.on_round = on_round
        self.url = url  # the app's database URL, for the change feed; None: the timer alone
        self.last_result: SendResult | None = None
        self.problem: str | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._feed: Any = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="loket-notify-sender", daemon=True)
        _LIVE.add(self)
        self._thread.start()

    def wake(self) -> None:
        """A round now rather than at the next tick."""
        self._wake.set()

    def stop(self, wait_seconds: float = 15.0) -> None:
        """End the loop after the message being handed over; wait for the thread."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(wait_seconds)

    def _round(self) -> None:
        result: SendResult | None
        try:
            result = send_pending(self.clock, self.limit, default_worker_id())
            self.problem = None
        except ConfigurationError as exc:
            result, self.problem = None, str(exc)
        except Exception as exc:  # a lost database must not end the loop
            log.warning("notification round failed: %s", exc)
            reason = _unexpected(exc)
            result, self.problem = None, f"{reason.message_id} / {reason.message_en}"
        self.last_result = result
        if self.release:
            close_thread_connection()
        if self.on_round is not None:
            try:
                self.on_round(result)
            except Exception:  # the app's callback must not end the loop either
                log.exception("notification round callback failed")

    def _open_feed(self) -> Any:
        if self.url is None:
            return None
        from loket.models.changefeed import ChangeSubscription

        try:
            return ChangeSubscription(self.url, topics=WAKE_TOPICS)
        except Exception as exc:  # rounds on the timer alone until the next start
            log.warning("notification sender polls without the change feed: %s", exc)
            return None

    def _pause(self) -> None:
        deadline = time.monotonic() + self.every
        while not self._stop.is_set():
            if self._wake.is_set():
                self._wake.clear()
                return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if self._feed is None:
                self._wake.wait(min(left, 0.5))
                continue
            try:
                if self._feed.wait(min(left, 0.2)):
                    return
            except Exception:  # the feed's connection dropped: the timer goes on
                self._feed.close()
                self._feed = None

    def _run(self) -> None:
        self._feed = self._open_feed()
        try:
            while not self._stop.is_set():
                self._round()
                self._pause()
        finally:
            if self._feed is not None:
                self._feed.close()
                self._feed = None
            close_thread_connection()


__all__ = ["BACKOFF_MINUTES", "SendResult", "Sender", "backoff", "claim", "send_pending"]


_LIVE: weakref.WeakSet[Sender] = weakref.WeakSet()


def stop_all(wait_seconds: float = 15.0) -> None:
    """Stop every sender this process started (tests: none may outlive its database)."""
    for sender in list(_LIVE):
        sender.stop(wait_seconds)
    _LIVE.clear()


def start_for_app(
    on_close: Callable[[Callable[[], None]], object],
    on_change: Callable[[Callable[[set[str]], None]], object] | None = None,
) -> Sender:
    """Deliver the office's messages from an app (counter, admin) on the sender's own
    thread, never the GUI thread, until ``on_close`` fires (pass the window's
    ``closing.connect``). No change feed of its own: ``on_change`` (the window's feed's
    ``changed.connect``) wakes it, and its connection is closed after each round, so the
    app still holds at most two connections while idle. It reads the settings each round:
    while ``notify_channel`` is off it sends nothing, and switching it on needs no restart."""
    sender = Sender(release=True)
    if on_change is not None:
        on_change(lambda topics: sender.wake() if set(topics) & WAKE_TOPICS else None)
    sender.start()
    # Waits for a message being handed over (a webhook times out in ~10 s), so that it
    # is recorded as sent rather than sent again by the next sender.
    on_close(lambda: sender.stop(wait_seconds=12))
    return sender
