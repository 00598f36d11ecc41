"""The screen an app shows while its database server does not answer.

Calm and readable from a distance, in both languages at once (the app's language
first, large; the other below it): what is going on, which server is meant (host, port
and database, never the password; for SQLite the file), what a person can check, and
when the next attempt comes. A refusal no retry can fix (a database from a newer
Loket, a damaged file, no database at all) is shown here too, in its own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from loket.kiosk.shell import i18n
from loket.kiosk.shell.theme import Theme, apply_theme

Pair = tuple[str, str]  # (Bahasa Indonesia, English)

TITLES: dict[str, Pair] = {
    "waiting": ("Menunggu server basis data", "Waiting for the database server"),
    "full": ("Server basis data sedang penuh", "The database server is full"),
    "refused": ("Basis data tidak dapat dipakai", "The database cannot be used"),
}
CALM: Pair = (
    "Program ini akan berjalan sendiri begitu server menjawab. Tidak perlu menekan apa pun.",
    "This program carries on by itself as soon as the server answers. Nothing to press.",
)
CHECK_SERVER: Pair = (
    "Periksa: PC server menyala, kabel atau Wi-Fi jaringan tersambung, dan layanan "
    "PostgreSQL di server berjalan.",
    "Check: the server PC is on, the network cable or Wi-Fi is connected, and the "
    "PostgreSQL service on the server is running.",
)
CHECK_FULL: Pair = (
    "Server menolak sambungan baru (max_connections sudah penuh). Tutup program Loket yang "
    "tidak dipakai, atau minta pengelola server menaikkan max_connections.",
    "The server refuses new connections (max_connections is used up). Close Loket programs "
    "that are not in use, or ask the server's administrator to raise max_connections.",
)
CHECK_FILE: Pair = (
    "Periksa: diska atau folder berkas ini tersedia dan dapat ditulis.",
    "Check: the disk or folder of this file is present and writable.",
)
CHECK_REFUSED: Pair = (
    "Hubungi pengelola Loket kantor. Program mencoba lagi sesekali.",
    "Call the office's Loket administrator. The program tries again now and then.",
)


@dataclass(frozen=True)
class ServerName:
    """Which database is meant, for people: never the password."""

    kind: str
    host: str = ""
    port: str = ""
    database: str = ""
    file: str = ""

    @classmethod
    def from_url(cls, url: str) -> ServerName:
        from loket.models.config import parse_url

        target = parse_url(url)
        if target.kind == "sqlite":
            return cls("sqlite", file=str(target.path))
        params = dict(target.params)
        return cls(
            "postgresql",
            host=params.get("host", "localhost"),
            port=params.get("port", "5432"),
            database=target.name,
        )

    def lines(self) -> Pair:
        if self.kind == "sqlite":
            return f"Berkas basis data: {self.file}", f"Database file: {self.file}"
        return (
            f"Server: {self.host}, port {self.port}, basis data {self.database}",
            f"Server: {self.host}, port {self.port}, database {self.database}",
        )


def _both(pair: Pair) -> tuple[str, str]:
    """(first, second): the app's language first."""
    return (pair[1], pair[0]) if i18n.current_language() == "en" else pair


class WaitingScreen(QWidget):
    """Shows ``server``; :meth:`show_attempt` and :meth:`show_refusal` update it."""

    def __init__(self, server: ServerName, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waiting_screen")
        self.setWindowTitle("Loket — Menunggu server basis data / Waiting for the database server")
        self.server = server
        self.state = "waiting"
        self.problem: Pair = ("", "")
        self.next_try: Pair = ("", "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addStretch(2)
        self.title = self._label("title", "title")
        self.title_other = self._label("title_other", "subtitle")
        self.calm = self._label("calm", "text")
        layout.addWidget(self.title)
        layout.addWidget(self.title_other)
        layout.addSpacing(12)
        layout.addWidget(self.calm)
        layout.addSpacing(12)
        self.panel = QFrame()
        self.panel.setObjectName("waiting_panel")
        panel = QVBoxLayout(self.panel)
        self.server_line = self._label("server", "strong")
        self.check = self._label("check", "text")
        self.problem_line = self._label("problem", "small")
        for label in (self.server_line, self.check, self.problem_line):
            panel.addWidget(label)
        layout.addWidget(self.panel)
        layout.addSpacing(12)
        self.status = self._label("status", "small")
        layout.addWidget(self.status)
        layout.addStretch(3)
        self._restyle()
        self.retranslate()

    def _label(self, name: str, role: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setProperty("waitRole", role)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    # ---- what the opener reports
    def show_attempt(self, problem: Pair, full: bool, seconds: float, attempt: int) -> None:
        """Attempt ``attempt`` failed with ``problem``; the next comes in ``seconds``."""
        self.state = "full" if full else "waiting"
        self.problem = problem
        self.next_try = _next_try(seconds, attempt)
        self.retranslate()

    def show_refusal(self, problem: Pair, seconds: float) -> None:
        """The database answered but cannot be used (no retry fixes it quickly)."""
        self.state = "refused"
        self.problem = problem
        self.next_try = _next_try(seconds, 0)
        self.retranslate()

    def show_connecting(self) -> None:
        self.next_try = ("Menghubungi server…", "Contacting the server…")
        self.retranslate()

    # ---- text
    def retranslate(self) -> None:
        first, second = _both(TITLES[self.state])
        self.title.setText(first)
        self.title_other.setText(second)
        self.calm.setText(_two_lines(CALM))
        self.server_line.setText(_two_lines(self.server.lines()))
        if self.state == "full":
            check = CHECK_FULL
        elif self.state == "refused":
            check = CHECK_REFUSED
        else:
            check = CHECK_FILE if self.server.kind == "sqlite" else CHECK_SERVER
        self.check.setText(_two_lines(check))
        self.problem_line.setText(_two_lines(self.problem) if any(self.problem) else "")
        self.problem_line.setVisible(any(self.problem))
        self.status.setText(_two_lines(self.next_try) if any(self.next_try) else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- sizes follow the window
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        height, width = max(self.height(), 300), max(self.width(), 300)
        unit = max(14, min(round(height / 40), round(width / 48)))
        apply_theme(self, Theme())
        self.setStyleSheet(
            self.styleSheet()
            + f"""
QLabel[waitRole="title"] {{ font-size: {round(unit * 2.1)}px; font-weight: bold;
    color: #0b4f8a; }}
QLabel[waitRole="subtitle"] {{ font-size: {round(unit * 1.4)}px; color: #4a5563; }}
QLabel[waitRole="text"] {{ font-size: {unit}px; }}
QLabel[waitRole="strong"] {{ font-size: {unit}px; font-weight: bold; }}
QLabel[waitRole="small"] {{ font-size: {max(13, round(unit * 0.8))}px; color: #4a5563; }}
QFrame#waiting_panel {{ background: #ffffff; border: 2px solid #8a9bb0;
    border-radius: 12px; padding: {unit}px; }}
QFrame#waiting_panel QLabel {{ background: #ffffff; }}
"""
        )


def _two_lines(pair: Pair) -> str:
    first, second = _both(pair)
    return f"{first}\n{second}" if second and second != first else first


def _next_try(seconds: float, attempt: int) -> Pair:
    whole = max(1, round(seconds))
    if attempt:
        return (
            f"Mencoba lagi dalam {whole} detik (percobaan ke-{attempt})",
            f"Trying again in {whole} s (attempt {attempt})",
        )
    return (f"Mencoba lagi dalam {whole} detik", f"Trying again in {whole} s")
