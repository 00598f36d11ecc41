"""The officer's main screen: the current visitor with a running timer, every ticket
action on a button with its key, the waiting list for this counter, and the
staffing actions (documents, break, handover, sign-out)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loket.admin.counter.parts import Screen, key_button, label, set_caption, wrap_lines
from loket.kiosk.shell.i18n import pick
from loket.models.queue.counter_desk import WaitingTicket
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES, TicketInfo
from loket.models.staffing.desk_records import CounterStaffing

# action name → key. Ticket actions on F1–F8, desk actions on F9–F12.
TICKET_KEYS: dict[str, str] = {
    "call_next": "F1",
    "recall": "F2",
    "start": "F3",
    "finish": "F4",
    "no_show": "F5",
    "no_show_requeue": "Shift+F5",
    "transfer": "F6",
    "hold": "F7",
    "resume_held": "F8",
}
DESK_KEYS: dict[str, str] = {
    "documents": "F9",
    "break": "F10",
    "resume_work": "F10",  # only one of the two is on screen at a time
    "handover": "F11",
    "sign_out": "F12",
}


def elapsed_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class DeskScreen(Screen):
    """``action(name)`` for every button; names are the keys of TICKET_KEYS/DESK_KEYS."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket: TicketInfo | None = None
        self.staffing: CounterStaffing | None = None
        self.waiting: tuple[WaitingTicket, ...] = ()
        self.held: tuple[WaitingTicket, ...] = ()
        self.buttons: dict[str, QPushButton] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.who = label("title", name="who")
        self.presence = label("muted", name="presence")
        header.addWidget(self.who, 1)
        header.addWidget(self.presence)
        layout.addLayout(header)

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        left = QVBoxLayout()
        left.setSpacing(6)
        body.addLayout(left, 3)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QGridLayout(card)
        card_layout.setContentsMargins(10, 6, 10, 6)
        card_layout.setVerticalSpacing(2)
        self.current_caption = label("muted")
        self.number = label("number", wrap=False, name="current_number")
        self.service = label(name="current_service")
        self.status = label("title", name="current_status")
        self.timer = label("title", wrap=False, name="current_timer")
        # The number large on the left; what is happening and for how long beside it.
        card_layout.addWidget(self.current_caption, 0, 0, 1, 2)
        card_layout.addWidget(self.number, 1, 0, 2, 1)
        card_layout.addWidget(self.status, 1, 1)
        card_layout.addWidget(self.timer, 2, 1)
        card_layout.addWidget(self.service, 3, 0, 1, 2)
        card_layout.setColumnStretch(1, 1)
        left.addWidget(card)

        grid = QGridLayout()
        grid.setSpacing(6)
        for index, (name, key) in enumerate(TICKET_KEYS.items()):
            button = key_button(name, key, primary=name == "call_next")
            button.clicked.connect(lambda _=False, n=name: self.action.emit(n))
            self.buttons[name] = button
            # Two across: wide enough for a long caption at large text on a 1024 px screen.
            if name == "call_next":
                grid.addWidget(button, 0, 0, 1, 2)
            else:
                grid.addWidget(button, 1 + (index - 1) // 2, (index - 1) % 2)
        for column in range(2):
            grid.setColumnStretch(column, 1)
        left.addLayout(grid)
        left.addStretch(1)

        right = QVBoxLayout()
        body.addLayout(right, 2)
        self.waiting_caption = label("title")
        self.waiting_list = QListWidget()
        self.waiting_list.setObjectName("waiting_list")
        self.held_caption = label("title")
        self.held_list = QListWidget()
        self.held_list.setObjectName("held_list")
        self.held_list.setMaximumHeight(160)
        self.held_list.setMinimumHeight(60)
        for waiting in (self.waiting_list, self.held_list):
            wrap_lines(waiting)
        right.addWidget(self.waiting_caption)
        right.addWidget(self.waiting_list, 1)
        right.addWidget(self.held_caption)
        right.addWidget(self.held_list)

        bar = QHBoxLayout()
        for name, key in DESK_KEYS.items():
            button = key_button(name, key)
            button.clicked.connect(lambda _=False, n=name: self.action.emit(n))
            self.buttons[name] = button
            bar.addWidget(button)
        self.buttons["resume_work"].hide()
        layout.addLayout(bar)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        captions = {
            "call_next": self.tr("Panggil berikutnya"),
            "recall": self.tr("Panggil ulang"),
            "start": self.tr("Mulai layani"),
            "finish": self.tr("Selesai"),
            "no_show": self.tr("Tidak hadir"),
            "no_show_requeue": self.tr("Tidak hadir, kembali ke antrean"),
            "transfer": self.tr("Alihkan…"),
            "hold": self.tr("Tahan"),
            "resume_held": self.tr("Lanjutkan yang ditahan"),
            "documents": self.tr("Dokumen"),
            "break": self.tr("Istirahat"),
            "resume_work": self.tr("Kembali bertugas"),
            "handover": self.tr("Serah terima"),
            "sign_out": self.tr("Keluar"),
        }
        for name, text in captions.items():
            set_caption(self.buttons[name], text)
        self.current_caption.setText(self.tr("Pengunjung saat ini"))
        self.waiting_caption.setText(self.tr("Menunggu untuk loket ini"))
        self.held_caption.setText(self.tr("Ditahan"))
        self._update()

    # ---- what the window hands over
    def show_desk(
        self,
        ticket: TicketInfo | None,
        waiting: tuple[WaitingTicket, ...],
        held: tuple[WaitingTicket, ...],
        staffing: CounterStaffing,
    ) -> None:
        self.ticket, self.waiting, self.held, self.staffing = ticket, waiting, held, staffing
        self._update()

    def tick(self, now: dt.datetime) -> None:
        """Redraw the timer of the current ticket (called every second)."""
        ticket = self.ticket
        if ticket is None:
            self.timer.setText("")
            return
        since = ticket.started_at or ticket.called_at
        self.timer.setText(elapsed_text((now - since).total_seconds()) if since else "")

    def _update(self) -> None:
        ticket, staffing = self.ticket, self.staffing
        if staffing is not None:
            name = staffing.officer_name or staffing.officer or "-"
            self.who.setText(f"{staffing.name} · {name}")
            self.presence.setText(
                {
                    "staffed": pick("Bertugas", "On duty"),
                    "break": pick("Istirahat", "On break"),
                    "lost": pick("Sinyal terputus", "Heartbeat lost"),
                    "out": pick("Tidak masuk", "Signed out"),
                }.get(staffing.status, staffing.status)
            )
        if ticket is None:
            self.number.setText("—")
            self.service.setText("")
            self.status.setText(pick("Belum ada yang dipanggil", "Nobody called yet"))
            self.timer.setText("")
        else:
            self.number.setText(ticket.number)
            service = pick(ticket.service_name_id, ticket.service_name_en)
            if ticket.priority:
                service += " · " + pick(*PRIORITY_CATEGORIES[ticket.priority])
            self.service.setText(service)
            called = pick("Dipanggil", "Called")
            if ticket.recall_count:
                called += f" ({ticket.recall_count + 1}×)"
            self.status.setText(
                pick("Sedang dilayani", "Being served") if ticket.status == "serving" else called
            )
        on_break = staffing is not None and staffing.on_break
        status = ticket.status if ticket else None
        enabled = {
            "call_next": ticket is None and not on_break,
            "recall": status == "called",
            "start": status == "called",
            "finish": status in ("called", "serving"),
            "no_show": status == "called",
            "no_show_requeue": status == "called",
            "transfer": status in ("called", "serving"),
            "hold": status in ("called", "serving"),
            "resume_held": ticket is None and bool(self.held) and not on_break,
        }
        for name, value in enabled.items():
            self.buttons[name].setEnabled(value)
        self.buttons["break"].setVisible(not on_break)
        self.buttons["resume_work"].setVisible(on_break)
        self.waiting_list.clear()
        for item in self.waiting:
            self.waiting_list.addItem(_line(item))
        if not self.waiting:
            self.waiting_list.addItem(pick("Tidak ada yang menunggu", "Nobody is waiting"))
        self.held_list.clear()
        for item in self.held:
            self.held_list.addItem(_line(item))


def _line(item: WaitingTicket) -> str:
    text = f"{item.number}  {pick(item.service_name_id, item.service_name_en)}"
    text += f"  · {item.waited_minutes} " + pick("mnt", "min")
    if item.priority:
        text += "  · " + pick("prioritas", "priority")
    if item.for_this_counter_only:
        text += "  · " + pick("dialihkan ke sini", "transferred here")
    return text
