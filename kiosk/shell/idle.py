"""Back to the home screen when nobody has touched anything for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Emits ``timeout`` once after ``seconds`` without mouse, touch or key input."""

    timeout = Signal()

    def __init__(self, seconds: float = 90.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer may drift by 5 % (4.5 s of 90 s) and reports a rounded remaining time.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.timeout.connect(self.timeout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    @property
    def seconds(self) -> float:
        return self._timer.interval() / 1000

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self.reset()

    def reset(self) -> None:
        self._timer.start()

    def remaining_ms(self) -> int:
        """Milliseconds left before ``timeout``; -1 when stopped."""
        return self._timer.remainingTime()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False
