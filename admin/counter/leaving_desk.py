"""Leaving the desk only the way the staffing rules allow: a break, resuming work,
signing out, a recorded reason when that would leave the front desk uncovered, or a
handover to a colleague."""

from __future__ import annotations

from typing import TYPE_CHECKING

from loket.kiosk.shell.i18n import pick
from loket.models.errors import LoketError
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing.staffing_write import FrontDeskUncovered

if TYPE_CHECKING:
    from loket.admin.counter.window import CounterWindow


class LeavingDesk:
    """Breaks, sign-out and handovers at ``window``'s counter."""

    def __init__(self, window: CounterWindow) -> None:
        self.window = window

    def _busy_refusal(self, action_id: str, action_en: str) -> bool:
        ticket = self.window.desk.ticket
        if ticket is None:
            return False
        self.window.show_notice(
            f"{action_id}: selesaikan, tahan atau alihkan {ticket.number} dulu",
            f"{action_en}: finish, hold or transfer {ticket.number} first",
        )
        return True

    def _approvers(self) -> list[str]:
        from loket.models.office.staff import list_staff

        return [
            s.username
            for s in list_staff(include_inactive=False)
            if s.role in ("head", "admin") and s.username != self.window.officer
        ]

    def _ask_reason(self, leaving: str, refused: FrontDeskUncovered) -> None:
        window = self.window
        window.reason.ask(leaving, refused.message_id, refused.message_en, self._approvers())
        window.show_screen(window.reason)

    def take_break(self) -> None:
        window = self.window
        number = window.counter_number
        if number is None or self._busy_refusal("Istirahat", "Break"):
            return
        try:
            staffing.start_break(number, clock=window.clock)
        except FrontDeskUncovered as refused:
            self._ask_reason("break", refused)
            return
        except LoketError as exc:
            window.show_refusal(exc)
            return
        window.notice.hide()
        window.refresh_desk()

    def resume_work(self) -> None:
        window = self.window
        number = window.counter_number
        if number is None:
            return
        try:
            staffing.resume(number, clock=window.clock)
        except LoketError as exc:
            window.show_refusal(exc)
        window.refresh_desk()

    def sign_out(self) -> None:
        window = self.window
        number = window.counter_number
        if number is None or self._busy_refusal("Keluar", "Sign-out"):
            return
        if not window.dialogs.confirm(
            pick("Keluar dari loket", "Sign out"),
            pick(f"Keluar dari loket {number}?", f"Sign out of counter {number}?"),
        ):
            return
        try:
            staffing.sign_out(number, clock=window.clock)
        except FrontDeskUncovered as refused:
            self._ask_reason("sign_out", refused)
            return
        except LoketError as exc:
            window.show_refusal(exc)
            return
        window.show_signed_out(
            f"Anda sudah keluar dari loket {number}", f"Signed out of counter {number}"
        )

    def leave_with_reason(self, reason: str, reference: str, approved_by: str) -> None:
        window = self.window
        number = window.counter_number
        if number is None:
            return
        signing_out = window.reason.leaving == "sign_out"
        leave = staffing.sign_out if signing_out else staffing.start_break
        try:
            leave(
                number,
                reason=reason,
                reference=reference or None,
                approved_by=approved_by or None,
                clock=window.clock,
            )
        except LoketError as exc:
            window.reason.show_error(exc.message_id, exc.message_en)
            return
        if signing_out:
            window.show_signed_out(
                f"Anda sudah keluar dari loket {number}; alasan dicatat",
                f"Signed out of counter {number}; the reason is recorded",
            )
        else:
            window.back_to_desk()
        window.refresh_banner()

    def open_handover(self) -> None:
        from loket.models.office.staff import list_staff

        window = self.window
        if window.counter_number is None:
            return
        usernames = [
            s.username for s in list_staff(include_inactive=False) if s.username != window.officer
        ]
        window.handover.ask(usernames)
        window.show_screen(window.handover)

    def hand_over(self, username: str, pin: str) -> None:
        window = self.window
        number = window.counter_number
        if number is None:
            return
        previous = window.officer
        try:
            state = staffing.handover(number, username, pin, clock=window.clock)
        except LoketError as exc:
            window.handover.show_error(exc.message_id, exc.message_en)
            return
        window.officer = state.officer
        window.back_to_desk()
        window.show_notice(
            f"Loket {number} diambil alih oleh {state.officer_name} dari {previous}",
            f"Counter {number} taken over by {state.officer_name} from {previous}",
            error=False,
        )
        window.refresh_banner()
