"""Documents at the counter: receive one and print its signed receipt, and move the
open receipts along until they are collected. The database work runs on the window's
worker thread (``window.db_work``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from loket.admin.counter.receipts_panel import phone_line
from loket.models.errors import LoketError

if TYPE_CHECKING:
    from loket.admin.counter.window import CounterWindow
    from loket.models.documents.receipt_info import ReceiptInfo
    from loket.models.printouts.paper import PrintOutcome

OPEN_RECEIPTS = ("received", "confirmed", "forwarded", "ready")


def read_open_receipts() -> tuple[list[ReceiptInfo], dt.tzinfo]:
    """The open receipts (each with its message's state) and the office's time zone."""
    from loket.models.documents.receipt_lookup import list_receipts
    from loket.models.settings import load_settings

    return list_receipts(statuses=OPEN_RECEIPTS, limit=1000), load_settings().zone


class DocumentDesk:
    """The documents screen of ``window``, with the officer's receipts behind it."""

    def __init__(self, window: CounterWindow) -> None:
        self.window = window
        self.screen = window.documents

    def open(self) -> None:
        self.window.show_screen(self.screen)
        self.refresh()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the open receipts on the worker; ``then`` runs once they are shown."""

        def show(read: Any) -> None:
            self.screen.receipts.show_receipts(*read)
            if then is not None:
                then()

        self.window.db_work.run(
            read_open_receipts,
            show,
            lambda exc: self.screen.show_notice(exc.message_id, exc.message_en, error=True),
            quiet=True,
        )

    def receive(self, values: dict[str, str]) -> None:
        from loket.models.documents.receipt_actions import new_receipt
        from loket.models.reconnect import new_request_key

        window = self.window
        # One key per press: a retry after a lost connection never makes a second receipt.
        key, officer, clock = new_request_key(), window.officer, window.clock
        window.run_action(
            lambda: new_receipt(
                values["sender_name"],
                values["subject"],
                values["recipient_unit"],
                values["pages"],
                sender_organisation=values.get("sender_organisation") or None,
                sender_phone=values.get("sender_phone") or None,
                sender_nik=values.get("sender_nik") or None,
                attachments=values.get("attachments") or 0,
                working_days=values.get("working_days") or None,
                channel="counter",
                officer=officer,
                clock=clock,
                request_key=key,
            ),
            self._received,
            lambda exc: self.screen.receive.show_error(exc.message_id, exc.message_en),
            retry_safe=True,
        )

    def _received(self, info: Any) -> None:
        from loket.models.printouts.paper import print_receipt

        window = self.window
        self.screen.receive.show_receipt(info)
        self.refresh()
        printer = window.printer
        window.jobs.print_then(
            lambda: print_receipt(info, printer),
            lambda outcome, error: self._receipt_printed(info.number, outcome, error),
        )

    def _receipt_printed(self, number: str, outcome: PrintOutcome | None, error: object) -> None:
        panel = self.screen.receive
        if panel.receipt is None or panel.receipt.number != number:
            return
        if outcome is not None:
            panel.show_outcome(outcome)
        elif isinstance(error, LoketError):
            panel.show_failure(error.message_id, error.message_en)
        else:
            panel.show_failure(
                "Pencetakan gagal karena gangguan sistem; tanda terima tetap tercatat",
                "Printing failed because of a system fault; the receipt is recorded",
            )

    def move_receipt(self, number: str, status: str) -> None:
        from loket.models.documents.receipt_actions import set_status

        window = self.window
        officer, clock = window.officer, window.clock
        window.run_action(
            lambda: set_status(number, status, officer=officer, clock=clock),
            lambda info: self.refresh(lambda: self._moved(info)),
            lambda exc: self.screen.show_notice(exc.message_id, exc.message_en, error=True),
        )

    def _moved(self, info: ReceiptInfo) -> None:
        from loket.models.documents.receipt_info import STATUS_NAMES

        self.screen.receipts.select(info.number)
        name_id, name_en = STATUS_NAMES[info.status]
        message_id, message_en = f"{info.number}: {name_id}", f"{info.number}: {name_en}"
        if info.status == "ready":
            line = phone_line(info)  # already in the current language
            message_id, message_en = f"{message_id} — {line}", f"{message_en} — {line}"
        self.screen.show_notice(message_id, message_en)
