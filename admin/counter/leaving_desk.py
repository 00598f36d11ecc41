"""Leaving the desk only the way the staffing rules allow: a break, resuming work,
signing out, a recorded reason when that would leave the front desk uncovered, or a
handover to a colleague. Each runs on the window's worker thread (``window.db_work``);
none has an idempotency key, so one caught by a lost connection is refused on screen
rather than tried twice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from loket.admin.counter.desk_reads import colleagues
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

    def _ask_reason(self, leaving: str, refused: FrontDeskUncovered) -> None:
        window = self.window

        def ask(approvers: Any) -> None:
            window.reason.ask(leaving, refused.message_id, refused.message_en, approvers)
            window.show_screen(window.reason)

        officer = window.officer
        window.db_work.run(lambda: colleagues(officer, ("head", "admin")), ask, window.show_refusal)

    def _refused(self, leaving: str, exc: LoketError) -> None:
        if isinstance(exc, FrontDeskUncovered):
            self._ask_reason(leaving, exc)
        else:
            self.window.show_refusal(exc)

    def take_break(self) -> None:
        window = self.window
        number, clock = window.counter_number, window.clock
        if number is None or self._busy_refusal("Istirahat", "Break"):
            return

        def done(_state: object) -> None:
            window.notice.hide()
            window.refresh_desk()

        window.run_action(
            lambda: staffing.start_break(number, clock=clock),
            done,
            lambda exc: self._refused("break", exc),
        )

    def resume_work(self) -> None:
        window = self.window
        number, clock = window.counter_number, window.clock
        if number is None:
            return

        def refused(exc: LoketError) -> None:
            window.show_refusal(exc)
            window.refresh_desk()

        window.run_action(
            lambda: staffing.resume(number, clock=clock),
            lambda _state: window.refresh_desk(),
            refused,
        )

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
        clock = window.clock
        window.run_action(
            lambda: staffing.sign_out(number, clock=clock),
            lambda _state: window.show_signed_out(
                f"Anda sudah keluar dari loket {number}", f"Signed out of counter {number}"
            ),
            lambda exc: self._refused("sign_out", exc),
        )

    def leave_with_reason(self, reason: str, reference: str, approved_by: str) -> None:
        window = self.window
        number = window.counter_number
        if number is None:
            return
        signing_out = window.reason.leaving == "sign_out"
        leave = staffing.sign_out if signing_out else staffing.start_break
        clock = window.clock

        def done(_state: object) -> None:
            if signing_out:
                window.show_signed_out(
                    f"Anda sudah keluar dari loket {number}; alasan dicatat",
                    f"Signed out of counter {number}; the reason is recorded",
                )
            else:
                window.back_to_desk()
            window.refresh_banner()

        window.run_action(
            lambda: leave(
                number,
                reason=reason,
                reference=reference or None,
                approved_by=approved_by or None,
                clock=clock,
            ),
            done,
            lambda exc: window.reason.show_error(exc.message_id, exc.message_en),
        )

    def open_handover(self) -> None:
        window = self.window
        if window.counter_number is None:
            return

        def ask(usernames: Any) -> None:
            window.handover.ask(usernames)
            window.show_screen(window.handover)

        officer = window.officer
        window.run_action(lambda: colleagues(officer), ask, window.show_refusal, retry_safe=True)

    def hand_over(self, username: str, pin: str) -> None:
        window = self.window
        number, clock = window.counter_number, window.clock
        if number is None:
            return
        previous = window.officer
        window.run_action(
            lambda: staffing.handover(number, username, pin, clock=clock),
            lambda state: self._handed_over(number, previous, state),
            lambda exc: window.handover.show_error(exc.message_id, exc.message_en),
        )

    def _handed_over(self, number: int, previous: str | None, state: Any) -> None:
        window = self.window
        window.officer = state.officer
        window.back_to_desk()
        window.show_notice(
            f"Loket {number} diambil alih oleh {state.officer_name} dari {previous}",
            f"Counter {number} taken over by {state.officer_name} from {previous}",
            error=False,
        )
        window.refresh_banner()
