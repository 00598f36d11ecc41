"""The admin window: login first, then navigation on the left and one page at a time.

The live coverage board opens first after every login. The change feed drives the
page on screen (and the board, whose alarm must sound wherever the head is looking).
Every page's service calls run on the window's worker thread (``db_work``, see
:mod:`loket.admin.console.page_work`); the activity line under the pages says when
one takes a moment, or when the server is being reconnected to.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loket.admin.console.context import ConsoleContext
from loket.admin.console.coverage_page import TICK_MS, CoveragePage
from loket.admin.console.login_screen import LoginScreen
from loket.admin.console.look import apply_console_theme, body_px
from loket.admin.console.pages import PAGE_TYPES
from loket.admin.console.parts import Page, button, label
from loket.admin.console.report_warmer import ReportWarmer
from loket.admin.console.save_dialog import QtSaveDialogs, SaveDialogs
from loket.kiosk.shell import i18n
from loket.kiosk.shell.actions import ActionRunner
from loket.kiosk.shell.activity_line import ActivityLine
from loket.kiosk.shell.dialogs import DialogService, QtDialogs
from loket.kiosk.shell.feed import ChangeFeedBridge
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError
from loket.models.office.auth import Session
from loket.models.settings import OfficeSettings

log = logging.getLogger(__name__)

FEED_TOPICS = {
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

NAV_EMS = 11  # the navigation list's width in body-text sizes


class ConsoleWindow(QWidget):
    closing = Signal()

    def __init__(
        self,
        clock: Clock = SYSTEM_CLOCK,
        dialogs: DialogService | None = None,
        saves: SaveDialogs | None = None,
        feed_url: str | None = None,
        use_feed: bool = True,
        export_dir: str | None = None,
        tick_ms: int = TICK_MS,
        muted: bool = False,
        warm_reports: bool = False,
    ) -> None:
        # ``saves`` asks where an export goes; without one, the desktop's save dialog when
        # the window uses the desktop's dialogs, else (scripted dialogs) the export folder.
        super().__init__()
        self.setObjectName("admin_console")
        self.db_work = ActionRunner(self, "loket-admin-actions")
        self.context = ConsoleContext(
            dialogs=dialogs or QtDialogs(self),
            clock=clock,
            export_dir=export_dir,
            saves=saves or (QtSaveDialogs(self) if dialogs is None else None),
        )
        self.context.work = self.db_work
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.office_line = label("title", name="console_title")
        bar.addWidget(self.office_line, 1)
        self.who = label("muted", name="console_who")
        bar.addWidget(self.who)
        self.language_button = button("console_language")
        self.language_button.clicked.connect(self.toggle_language)
        bar.addWidget(self.language_button)
        self.logout_button = button("console_logout")
        self.logout_button.clicked.connect(self.log_out)
        bar.addWidget(self.logout_button)
        outer.addLayout(bar)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.activity = ActivityLine(self.db_work)
        outer.addWidget(self.activity)
        self.login = LoginScreen(clock, self.context)
        self.login.logged_in.connect(self.logged_in)
        self.stack.addWidget(self.login)

        self.main = QWidget()
        main_layout = QHBoxLayout(self.main)
        self.nav = QListWidget()
        self.nav.setObjectName("console_nav")
        self.nav.setWordWrap(True)  # a long title takes two lines, never a wider list
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        main_layout.addWidget(self.nav)
        self.pages_stack = QStackedWidget()
        main_layout.addWidget(self.pages_stack, 1)
        self.stack.addWidget(self.main)

        self.coverage = CoveragePage(self.context, tick_ms=tick_ms, muted=muted)
        self.pages: dict[str, Page] = {"coverage": self.coverage}
        for page_type in PAGE_TYPES:
            page = page_type(self.context)
            self.pages[page.key] = page
        for key, page in self.pages.items():
            self.pages_stack.addWidget(page)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_row)

        self.feed: ChangeFeedBridge | None = None
        if use_feed:
            self.feed = ChangeFeedBridge(feed_url, FEED_TOPICS, self)
            self.feed.changed.connect(self.on_feed)
        # Off by default so that short-lived windows (tests) leave the database alone.
        self.warmer = ReportWarmer(clock, self) if warm_reports else None
        apply_console_theme(self)
        self._size_nav()
        self.retranslate()
        self.show_login()

    # ---- language
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loket — Admin"))
        self.language_button.setText(
            "English" if i18n.current_language() == "id" else "Bahasa Indonesia"
        )
        self.logout_button.setText(self.tr("Keluar"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            page = self.pages[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(page.title)
        self._show_who()

    def _size_nav(self) -> None:
        """About twelve characters of body text wide: long titles wrap onto two lines."""
        self.nav.setFixedWidth(NAV_EMS * body_px())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ApplicationFontChange:
            apply_console_theme(self)  # the desktop's text size changed: every size with it
            self._size_nav()
        super().changeEvent(event)

    def toggle_language(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.set_language(app, "en" if i18n.current_language() == "id" else "id", remember=True)

    def _show_who(self) -> None:
        session = self.context.session
        if session is None:
            self.who.setText("")
            return
        roles = {"head": self.tr("kepala"), "admin": self.tr("admin"), "staff": self.tr("staf")}
        self.who.setText(f"{session.full_name} ({roles.get(session.role, session.role)})")

    # ---- login and navigation
    def show_login(self) -> None:
        self.context.session = None
        self.coverage.stop()
        self.logout_button.hide()
        self.office_line.setText(self.tr("Loket — Admin"))
        self.stack.setCurrentWidget(self.login)
        self.login.reset()
        self._show_who()

    def logged_in(self, session: Session) -> None:
        self.context.session = session
        self.logout_button.show()
        self._show_who()
        self._show_office()
        self.stack.setCurrentWidget(self.main)
        self.open_page("coverage")
        self.coverage.start()
        if self.warmer is not None:
            self.warmer.start()

    def _show_office(self) -> None:
        from loket.models.settings import load_settings

        try:  # a read: on the worker, like every page's
            settings = self.context.waits.run(self.db_work, load_settings, retry_safe=True)
        except LoketError as exc:
            log.warning("office settings unavailable: %s", exc.message_en)
            return
        self.office_line.setText(cast(OfficeSettings, settings).office_name)

    def log_out(self) -> None:
        self.show_login()

    def open_page(self, key: str) -> Page:
        page = self.pages[key]
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
        self.pages_stack.setCurrentWidget(page)
        return page

    def current_page(self) -> Page:
        page = self.pages_stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def _nav_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages[key]
        self.pages_stack.setCurrentWidget(page)
        if self.context.session is not None:
            page.notice.hide()
            page.refresh()

    def on_feed(self, topics: set[str]) -> None:
        if self.context.session is None:
            return
        if "settings" in topics:
            self._show_office()
        self.coverage.feed_changed(topics)
        current = self.current_page()
        if current is not self.coverage:
            current.feed_changed(topics)

    # ---- closing
    def leave(self) -> None:
        self.coverage.stop()
        if self.warmer is not None:
            self.warmer.stop()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.leave()
        self.db_work.stop()
        self.closing.emit()
        super().closeEvent(event)
