"""Opening the office database at start, on a worker thread, until it answers.

Connecting to a server that is away can take the whole connect timeout; the GUI thread
never waits for it. :class:`DatabaseOpener` tries, reports each failed attempt with
the wait before the next (backoff up to :data:`MAX_WAIT`), and emits ``opened(url)``
once the database is open and migrated. A refusal no quick retry can fix (a database
from a newer Loket, a damaged file, none at all) is reported as ``refused`` and tried
again only every :data:`REFUSED_WAIT` seconds, in case someone repairs it meanwhile.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from loket.kiosk.shell.db_outage import delays, is_too_many_connections, reset_thread_connection
from loket.models.errors import DatabaseUnavailable, LoketError

log = logging.getLogger(__name__)

BACKOFF = (0.5, 1.0, 2.0, 3.0, 5.0, 10.0)
MAX_WAIT = BACKOFF[-1]
REFUSED_WAIT = 60.0


class DatabaseOpener(QObject):
    """``start()`` the attempts; ``stop()`` ends them (the window was closed)."""

    opened = Signal(str)
    attempt_failed = Signal(object, bool, float, int)  # (LoketError, too many, wait, attempt)
    refused = Signal(object, float)  # (LoketError, wait)
    trying = Signal()

    def __init__(
        self, url: str, parent: QObject | None = None, backoff: tuple[float, ...] = BACKOFF
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.backoff = backoff
        self.refused_wait = REFUSED_WAIT
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="loket-db-open", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        waits = delays(self.backoff)
        attempt = 0
        try:
            while not self._stop.is_set():
                attempt += 1
                self._emit(self.trying)
                try:
                    url = _open(self.url)
                except DatabaseUnavailable as exc:
                    wait = next(waits)
                    log.warning("database not answering (attempt %s): %s", attempt, exc.message_en)
                    self._emit(
                        self.attempt_failed, exc, is_too_many_connections(exc), wait, attempt
                    )
                except LoketError as exc:
                    wait = self.refused_wait
                    log.error("database refused: %s", exc.message_en)
                    self._emit(self.refused, exc, wait)
                except Exception as exc:  # a migration or driver fault: shown, not fatal
                    log.exception("opening the database failed")
                    wait = self.refused_wait
                    self._emit(self.refused, _unexpected(exc), wait)
                else:
                    self._emit(self.opened, url)
                    return
                finally:
                    reset_thread_connection()  # the GUI thread opens its own
                if self._stop.wait(wait):
                    return
        except RuntimeError:  # the Qt object is gone (shutdown)
            return

    def _emit(self, signal: object, *args: object) -> None:
        if not self._stop.is_set():
            signal.emit(*args)  # type: ignore[attr-defined]


def _open(url: str) -> str:
    from loket.kiosk.shell.app import open_office_database

    return open_office_database(url)


def _unexpected(exc: Exception) -> LoketError:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return LoketError(
        f"Basis data tidak dapat dibuka: {first}", f"The database could not be opened: {first}"
    )
