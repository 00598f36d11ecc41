"""The audit log for the head and the admin: every set-up change, login and lockout,
newest first, filtered by day range, who and action; and its integrity check (the hash
chain and the sign-off seals over it)."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout

from loket.admin.console.parts import (
    Page,
    button,
    date_edit,
    date_of,
    fill_table,
    label,
    set_date,
    set_headers,
    set_role,
    table,
    translated,
)
from loket.models import settings as office
from loket.models.errors import LoketError
from loket.models.office import audit_review
from loket.models.office.audit import AuditInfo

ROLE_NAMES = {
    "head": QT_TRANSLATE_NOOP("AuditPage", "kepala"),
    "admin": QT_TRANSLATE_NOOP("AuditPage", "admin"),
    "staff": QT_TRANSLATE_NOOP("AuditPage", "petugas"),
    "operator": QT_TRANSLATE_NOOP("AuditPage", "operator CLI"),
}


class AuditPage(Page):
    key = "audit"
    title_text = QT_TRANSLATE_NOOP("Page", "Log audit")

    def build(self) -> None:
        self.entries: list[AuditInfo] = []
        today = self._today()
        filters = QHBoxLayout()
        self.date_from = date_edit("audit_from", today - dt.timedelta(days=6))
        self.date_to = date_edit("audit_to", today)
        self.actor = QComboBox()
        self.actor.setObjectName("audit_actor")
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.show_button = button("audit_show", primary=True)
        self.show_button.clicked.connect(self.refresh)
        for widget in (self.date_from, self.date_to, self.actor, self.action, self.show_button):
            filters.addWidget(widget)
        for combo in (self.actor, self.action):
            combo.activated.connect(self.refresh)
        self.body.addLayout(filters)
        self.count = label("muted", name="audit_count")
        self.body.addWidget(self.count)
        self.list = table("audit_table", 7)
        self.body.addWidget(self.list, 1)
        checks = QHBoxLayout()
        self.verify_button = button("audit_verify")
        self.verify_button.clicked.connect(self.verify)
        checks.addWidget(self.verify_button)
        self.verify_result = label(name="audit_verify_result")
        checks.addWidget(self.verify_result, 1)
        self.body.addLayout(checks)

    def _today(self) -> dt.date:
        """The office's day (WIB, WITA or WIT), not the machine's UTC date."""
        return self.context.clock.now().astimezone(office.load_settings().zone).date()

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(
            self.list,
            [
                self.tr("No."),
                self.tr("Waktu"),
                self.tr("Oleh"),
                self.tr("Peran"),
                self.tr("Tindakan"),
                self.tr("Sasaran"),
                self.tr("Rincian"),
            ],
        )
        self.show_button.setText(self.tr("Tampilkan"))
        self.verify_button.setText(self.tr("Periksa keutuhan"))
        for combo in (self.actor, self.action):
            if combo.count():
                combo.setItemText(0, self.tr("Semua"))

    def choose(
        self,
        first: dt.date | None = None,
        last: dt.date | None = None,
        actor: str | None = None,
        action: str | None = None,
    ) -> None:
        """Set the filters as a user would pick them, then show."""
        if first is not None:
            set_date(self.date_from, first)
        if last is not None:
            set_date(self.date_to, last)
        self._fill_filters()
        for combo, value in ((self.actor, actor), (self.action, action)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.refresh()

    def _fill_filters(self) -> bool:
        session = self.context.session
        if session is None:
            return False
        choices = self.attempt(lambda: audit_review.audit_choices(session, self.context.clock))
        if choices is None:
            return False
        for combo, values in ((self.actor, choices.actors), (self.action, choices.actions)):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("Semua"), None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        return True

    def refresh(self) -> None:
        session = self.context.session
        if session is None or not self._fill_filters():
            self._show([])
            return
        first, last = date_of(self.date_from), date_of(self.date_to)
        actor, action = self.actor.currentData(), self.action.currentData()
        entries = self.attempt(
            lambda: audit_review.review_audit(
                session, first, last, actor, action, clock=self.context.clock
            )
        )
        self._show(entries or [])

    def _show(self, entries: list[AuditInfo]) -> None:
        self.entries = entries
        zone = office.load_settings().zone if entries else dt.UTC
        fill_table(
            self.list,
            [
                (
                    e.seq,
                    f"{e.at.astimezone(zone):%Y-%m-%d %H:%M:%S}",
                    e.actor,
                    translated("AuditPage", ROLE_NAMES.get(e.role, e.role)),
                    e.action,
                    e.target,
                    json.dumps(e.detail, ensure_ascii=False, sort_keys=True) if e.detail else "",
                )
                for e in entries
            ],
        )
        self.count.setText(self.tr("{n} entri").format(n=len(entries)))

    def verify(self) -> None:
        try:
            session = self.context.require_session()
            report = audit_review.check_audit(session, self.context.clock)
        except LoketError as exc:
            self.show_error(exc)
            set_role(self.verify_result, "error")
            self.verify_result.setText("")
            return
        self.notice.hide()
        set_role(self.verify_result, "muted" if report.ok else "error")
        # Both languages, as the command line prints it: a verdict gets passed on.
        self.verify_result.setText(f"{report.message_id}\n{report.message_en}")
