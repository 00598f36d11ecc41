"""The whole board: header, now serving, last calls, waiting, the running text, the call banner.

A change on the "tickets" topic redraws the board at once; new calls (and recalls) are
flashed on their counter's tile and queued to be spoken, one after another. Unless
the command line fixed them, the voice and the English sentence follow the office
settings (topic "settings"), switched live between two calls.

The board is read on a worker thread (:class:`~loket.kiosk.shell.actions.ActionRunner`),
never on the GUI thread: a slow or restarting server never freezes the clock, the
running text or a call being shown. A lost connection is ridden through there; the
board says it is reconnecting only while the server really does not answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.call_banner import CallBanner
from loket.kiosk.board.call_queue import CallQueue
from loket.kiosk.board.header_bar import HeaderBar
from loket.kiosk.board.look import DEFAULT_HEIGHT, DEFAULT_WIDTH, STYLE, font, unit
from loket.kiosk.board.now_serving_panel import NowServingPanel
from loket.kiosk.board.recent_calls_panel import RecentCallsPanel
from loket.kiosk.board.running_text import SEPARATOR, RunningText
from loket.kiosk.board.speaker import Speaker
from loket.kiosk.board.waiting_panel import WaitingPanel
from loket.kiosk.shell.actions import ActionRunner
from loket.kiosk.shell.feed import ChangeFeedBridge
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError
from loket.models.queue.announcements import Announcement, announcement
from loket.models.queue.board import (
    BoardCall,
    BoardSnapshot,
    CallTracker,
    board_snapshot,
    reconnect,
)
from loket.models.settings import OfficeSettings, load_settings

# Makes the speaker for a voice preference ("auto", "qt", "espeak", "chime").
VoiceChooser = Callable[[str, QObject], Speaker]

log = logging.getLogger(__name__)

TOPICS = {"tickets", "counters", "services", "settings"}
# The change feed is the way updates arrive; this only heals a lost connection.
SAFETY_REFRESH_MS = 15000
RETRY_MS = 2000
# The least height the last calls keep beside a long waiting list: a title and a call.
RECENT_LEAST = 110
# The banner stays up this long after the last call has been spoken.
BANNER_HOLD_MS = 2500

# What one refresh reads: the office settings (when due), the board, the new calls.
BoardRead = tuple[OfficeSettings | None, BoardSnapshot, tuple[BoardCall, ...]]


class BoardWindow(QWidget):
    refreshed = Signal(object)  # BoardSnapshot

    def __init__(
        self,
        url: str | None,
        speaker: Speaker | None,
        clock: Clock = SYSTEM_CLOCK,
        english: bool | None = True,
        recent: int = 6,
        parent: QWidget | None = None,
        choose_voice: VoiceChooser | None = None,
    ) -> None:
        """``english=None`` follows the office's ``board_english``; with ``choose_voice``
        the voice follows ``board_voice`` (``speaker=None``: made for it at once)."""
        super().__init__(parent)
        self.setObjectName("board")
        self.setWindowTitle("Loket — Papan Antrian / Queue Board")
        self.setStyleSheet(STYLE)
        self._clock = clock
        self._recent = recent
        self.header = HeaderBar(clock)
        self.now_serving = NowServingPanel()
        self.recent_calls = RecentCallsPanel(recent)
        self.waiting = WaitingPanel()
        self.running_text = RunningText()
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.status.setContentsMargins(24, 0, 24, 0)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        # Landscape: the tiles beside the last calls over the waiting list; portrait: stacked.
        self._side = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._side.setSpacing(12)
        self._side.addWidget(self.recent_calls, 1)
        self._side.addWidget(self.waiting, 0)
        self._middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._middle.setContentsMargins(20, 0, 20, 12)
        self._middle.setSpacing(20)
        self._middle.addWidget(self.now_serving, 3)
        self._middle.addLayout(self._side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addLayout(self._middle, 1)
        layout.addWidget(self.running_text)
        self.banner = CallBanner(self)
        self.banner.setProperty("layout_overlay", True)  # over the panels while a call is said

        self._english_from_office = english is None
        self._choose_voice = choose_voice
        self._voice: str | None = None
        if speaker is None:
            if choose_voice is None:
                raise ValueError("a speaker or choose_voice is needed")
            self._voice = self._office_voice()
            speaker = choose_voice(self._voice, self)
        self._settings_due = True
        self.calls = CallQueue(speaker, english=english is not False, parent=self)
        self.calls.speaker_changed.connect(self._on_speaker_replaced)
        self.calls.started.connect(self._on_call_started)
        self.calls.idle.connect(self._on_calls_idle)
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._hide_banner)

        self._closed = False
        self._tracker: CallTracker | None = None
        self.snapshot: BoardSnapshot | None = None
        self._url = url
        self._offline = False
        self._reading = False  # a refresh is on the worker
        self._again = False  # another was asked for meanwhile: run it once after
        self.db_work = ActionRunner(self, "loket-board-refresh")
        self.db_work.reconnecting.connect(self._on_reconnecting)
        self._feed: ChangeFeedBridge | None = None
        self._start_feed()
        self._safety = QTimer(self)
        self._safety.timeout.connect(self._on_safety_tick)
        self._safety.start(SAFETY_REFRESH_MS)
        self.resize(DEFAULT_WIDTH, DEFAULT_HEIGHT)
        self.refresh()

    def _start_feed(self) -> None:
        try:
            self._feed = ChangeFeedBridge(self._url, TOPICS, self)
        except Exception as exc:  # server away: the retry timer tries again
            log.warning("change feed unavailable: %s", exc)
            self._feed = None
            return
        self._feed.changed.connect(self._on_changed)

    def _on_changed(self, topics: set[str]) -> None:
        if "settings" in topics:
            self._settings_due = True
        self.refresh()

    def _on_safety_tick(self) -> None:
        self._settings_due = True  # a settings change may have been missed with the feed
        self.refresh()

    @property
    def voice(self) -> str | None:
        """The office's voice preference this board follows; ``None``: fixed on start."""
        return self._voice if self._choose_voice is not None else None

    def _follows_office(self) -> bool:
        return self._english_from_office or self._choose_voice is not None

    @staticmethod
    def _office_voice() -> str:
        try:
            return load_settings().board_voice
        except Exception as exc:  # the first refresh says what is wrong
            log.warning("office settings unavailable: %s", exc)
            return "auto"

    def _follow_office(self, settings: OfficeSettings) -> None:
        if self._english_from_office and settings.board_english != self.calls.english:
            self.calls.set_english(settings.board_english)
        if self._choose_voice is not None and settings.board_voice != self._voice:
            self._voice = settings.board_voice
            speaker = self._choose_voice(settings.board_voice, self)
            log.info("voice %s → %s", settings.board_voice, speaker.name)
            self.calls.set_speaker(speaker)

    def _on_speaker_replaced(self, old: Speaker) -> None:
        if isinstance(old, QObject) and old.parent() is self:
            old.deleteLater()

    @property
    def offline(self) -> bool:
        return self._offline

    @property
    def reading(self) -> bool:
        """A refresh is on its way from the database."""
        return self._reading

    def refresh(self) -> None:
        """Read the board on the worker; asked again meanwhile, it reads once more after."""
        if self._closed:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        settings_due = self._settings_due and self._follows_office()
        self._settings_due = False
        offline = self._offline
        self.db_work.run(
            lambda: self._read(offline, settings_due),
            self._refreshed,
            lambda exc: self._refresh_failed(exc, settings_due),
            quiet=True,  # the board has no one to tell it is busy
        )

    def _read(self, offline: bool, settings_due: bool) -> BoardRead:
        # On the worker thread: the tracker is only ever touched here.
        if offline:
            reconnect()
        if self._tracker is None:
            self._tracker = CallTracker(self._clock)
        settings = load_settings() if settings_due else None
        snapshot = board_snapshot(self._recent, self._clock)
        return settings, snapshot, self._tracker.new_calls()

    def _refresh_failed(self, exc: LoketError, settings_due: bool) -> None:
        # A TV on the wall keeps going and says what is wrong; the retry timer reads again.
        log.warning("board refresh failed: %s", exc.message_en)
        self._reading = False
        self._again = False  # the retry timer reads again, not a tight loop
        self._settings_due = self._settings_due or settings_due
        if not self._closed:
            self._go_offline()

    def _on_reconnecting(self, reconnecting: bool) -> None:
        if reconnecting and not self._closed:
            self._go_offline()

    def _read_again(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _refreshed(self, result: object) -> None:
        self._reading = False
        if self._closed:
            return
        settings, snapshot, calls = cast(BoardRead, result)
        if self._offline:
            self._back_online()
        if settings is not None:
            self._follow_office(settings)
        self._show(snapshot)
        for call in calls:
            self.now_serving.flash(call.counter)
            self.calls.enqueue(announcement(call.number, call.counter, call.recall))
        self.refreshed.emit(snapshot)
        self._read_again()

    def _go_offline(self) -> None:
        self.status.setText(
            "Menyambung ulang ke server antrian… / Reconnecting to the queue server…"
        )
        self.status.show()
        if not self._offline:
            self._offline = True
            self._safety.start(RETRY_MS)

    def _back_online(self) -> None:
        self._offline = False
        self.status.hide()
        self._safety.start(SAFETY_REFRESH_MS)
        # The feed's own connection died with the server; listen again on a fresh one.
        if self._feed is not None:
            self._feed.stop()
            self._feed.deleteLater()
        self._start_feed()

    def _show(self, snapshot: BoardSnapshot) -> None:
        previous = self.snapshot
        self.snapshot = snapshot
        self.header.set_office(snapshot.office_name, snapshot.office_address, snapshot.office_logo)
        if previous is None or previous.timezone != snapshot.timezone:
            self.header.clock.set_zone(ZoneInfo(snapshot.timezone))
        self.now_serving.show_counters(snapshot.now_serving)
        self.recent_calls.show_calls(snapshot.recent_calls)
        self.waiting.show_services(snapshot.waiting)
        self.running_text.set_text(snapshot.running_text_id + SEPARATOR + snapshot.running_text_en)

    def _on_call_started(self, call: Announcement) -> None:
        self._banner_timer.stop()
        self.banner.show_call(call)
        self._place_banner()

    def _on_calls_idle(self) -> None:
        self._banner_timer.start(BANNER_HOLD_MS)

    def _hide_banner(self) -> None:
        if not self.calls.busy():
            self.banner.clear()

    @property
    def portrait(self) -> bool:
        return self.height() > self.width()

    def _place_banner(self) -> None:
        share = (0.92, 0.5) if self.portrait else (0.72, 0.62)
        width, height = round(self.width() * share[0]), round(self.height() * share[1])
        self.banner.setGeometry(
            (self.width() - width) // 2, (self.height() - height) // 2, width, height
        )

    def _arrange(self) -> None:
        """Landscape: the tiles beside the lists, half and half; portrait: stacked, the lists
        (read for longer than a number) with the larger share."""
        if self.portrait:
            direction, shares = QBoxLayout.Direction.TopToBottom, (2, 3)
        else:
            direction, shares = QBoxLayout.Direction.LeftToRight, (1, 1)
        self.header.set_portrait(self.portrait)
        self._middle.setDirection(direction)
        self._middle.setStretch(0, shares[0])
        self._middle.setStretch(1, shares[1])
        # The waiting list takes what it needs, leaving the last calls some room.
        chrome = self.header.sizeHint().height() + self.running_text.height() + 40
        middle = max(100, self.height() - chrome)
        side = middle * shares[1] / sum(shares) if self.portrait else middle
        scale = unit(self.width(), self.height())
        self.waiting.set_room(round(max(side * 0.5, side - RECENT_LEAST * scale)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = unit(self.width(), self.height())
        self.header.set_scale(scale)
        self.now_serving.set_scale(scale)
        self.recent_calls.set_scale(scale)
        self.waiting.set_scale(scale)
        self.running_text.set_scale(scale)
        self.banner.set_scale(scale)
        self.status.setFont(font(22, scale))
        self._arrange()
        self._place_banner()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._safety.stop()
        if self._feed is not None:
            self._feed.stop()
        self.db_work.stop()
        self.calls.shutdown()
