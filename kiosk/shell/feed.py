"""The change feed on the Qt thread: ``changed`` fires with the set of topics that moved."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from loket.models.changefeed import ChangeListener


class ChangeFeedBridge(QObject):
    """Wraps a background :class:`ChangeListener`; re-emits its topics on this object's thread."""

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(
        self,
        url: str | None,
        topics: set[str] | None = None,
        parent: QObject | None = None,
        poll: float = 0.25,
    ) -> None:
        super().__init__(parent)
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._stopped = False
        self._listener: ChangeListener | None = ChangeListener(
            self._from_thread, url=url, topics=topics, poll=poll
        )

    def _from_thread(self, topics: set[str]) -> None:
        if not self._stopped:
            self._arrived.emit(set(topics))

    @Slot(object)
    def _deliver(self, topics: set[str]) -> None:
        if not self._stopped:
            self.changed.emit(topics)

    def stop(self) -> None:
        self._stopped = True
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
