"""One counter on the live coverage board: officer, since when, serving, break, heartbeat."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from loket.admin.console.parts import label, translated
from loket.kiosk.shell.i18n import current_language
from loket.models.staffing.desk_records import CounterStaffing
from loket.models.staffing.reasons import reason_name

COLOURS = {
    "staffed": ("#e6f4ea", "#1e7b34"),
    "break": ("#fff4d6", "#8a5a00"),
    "lost": ("#fde2e1", "#b3261e"),
    "out": ("#eceff1", "#455a64"),
}
STATUS_TEXT = {
    "staffed": QT_TRANSLATE_NOOP("CoverageTile", "Dijaga"),
    "break": QT_TRANSLATE_NOOP("CoverageTile", "Istirahat"),
    "lost": QT_TRANSLATE_NOOP("CoverageTile", "Detak hilang"),
    "out": QT_TRANSLATE_NOOP("CoverageTile", "Kosong"),
}


class CoverageTile(QFrame):
    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName(f"tile_{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = label("title", name=f"tile_{number}_title")
        self.status = label(name=f"tile_{number}_status")
        self.officer = label(name=f"tile_{number}_officer")
        self.serving = label(name=f"tile_{number}_serving")
        self.heartbeat = label("muted", name=f"tile_{number}_heartbeat")
        for widget in (self.title, self.status, self.officer, self.serving, self.heartbeat):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.state: CounterStaffing | None = None

    def show_state(self, state: CounterStaffing, zone: dt.tzinfo) -> None:
        self.state = state
        lang = current_language()
        front = self.tr(" · depan") if state.front_desk else ""
        closed = "" if state.active else self.tr(" · nonaktif")
        self.title.setText(self.tr("Loket {number}").format(number=state.number) + front + closed)
        text = translated("CoverageTile", STATUS_TEXT.get(state.status, STATUS_TEXT["out"]))
        if state.reason:
            text += f" — {reason_name(state.reason, lang)}"
            if state.reference:
                text += f" ({state.reference})"
        self.status.setText(text)
        self.status.setProperty("statusKey", state.status)
        if state.officer:
            since = state.since.astimezone(zone).strftime("%H:%M") if state.since else "–"
            name = state.officer_name or state.officer
            self.officer.setText(f"{name} · " + self.tr("sejak {time}").format(time=since))
        else:
            self.officer.setText("–")
        self.serving.setText(
            self.tr("Melayani: {ticket}").format(ticket=state.serving) if state.serving else ""
        )
        if state.heartbeat_age_seconds is not None:
            self.heartbeat.setText(
                self.tr("Detak terakhir: {seconds} s").format(
                    seconds=f"{state.heartbeat_age_seconds:.0f}"
                )
            )
        else:
            self.heartbeat.setText("")
        bg, fg = COLOURS.get(state.status, COLOURS["out"])
        self.setStyleSheet(
            f"QFrame#tile_{self.number} {{ background: {bg}; border: 2px solid {fg};"
            f" border-radius: 8px; }} QFrame#tile_{self.number} QLabel {{ background: transparent;"
            f" color: {fg}; }}"
        )

    def texts(self) -> str:
        """Everything the tile says, for tests and screen readers."""
        parts = (self.title, self.status, self.officer, self.serving, self.heartbeat)
        return " | ".join(w.text() for w in parts if isinstance(w, QLabel))
