"""The kiosk window's survey and complaint flows: the tap's work on the worker thread,
then the answer on screen (and, for a complaint, its printed tracking slip)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from loket.kiosk.shell.i18n import current_language
from loket.kiosk.ticketing.visitor_actions import failure_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from loket.kiosk.shell.actions import ActionRunner
    from loket.kiosk.shell.idle import IdleWatcher
    from loket.kiosk.ticketing.complaint_screen import ComplaintScreen
    from loket.kiosk.ticketing.survey_screen import SurveyScreen
    from loket.models.clock import Clock
    from loket.models.printouts.paper import PrintOutcome


class FeedbackFlows:
    """Mixed into :class:`~loket.kiosk.ticketing.window.KioskWindow`."""

    db_work: ActionRunner
    survey: SurveyScreen
    complaint: ComplaintScreen
    idle: IdleWatcher
    clock: Clock
    printer: str | None
    result_seconds: float

    def submit_print(
        self,
        job: Callable[[], PrintOutcome],
        done: Callable[[PrintOutcome | None, object], None],
    ) -> int:
        raise NotImplementedError

    def rate_service(self, values: dict[str, object]) -> None:
        from loket.models.feedback.surveys import RespondentProfile, record_response

        if self.db_work.busy_acting:
            return
        profile = RespondentProfile(
            sex=values.get("sex"),
            age=values.get("age"),
            education=values.get("education"),
            occupation=values.get("occupation"),
        )
        clock = self.clock
        # No idempotency key for a survey answer: after a lost connection it is refused
        # on screen rather than counted twice.
        self.db_work.run(
            lambda: record_response(
                values["answers"], profile=profile, ticket_number=values.get("ticket"), clock=clock
            ),
            lambda _result: self._rated(),
            lambda refused: self.survey.show_error(refused.message_id, refused.message_en),
            retry_safe=False,
        )

    def _rated(self) -> None:
        self.survey.show_thanks()
        self.idle.set_seconds(self.result_seconds)

    def file_complaint(self, values: dict[str, object]) -> None:
        from loket.models.feedback.complaint_actions import file_complaint

        if self.db_work.busy_acting:
            return
        # The visitor's language now, read here: the answer and closing are told in it.
        clock, language = self.clock, current_language()
        self.db_work.run(
            lambda: file_complaint(
                str(values["text"]),
                contact_name=values.get("contact_name"),
                contact_phone=values.get("contact_phone"),
                channel="kiosk",
                category=str(values.get("category") or "complaint"),
                clock=clock,
                language=language,
            ),
            self._complaint_filed,
            lambda refused: self.complaint.show_error(refused.message_id, refused.message_en),
            retry_safe=False,  # no idempotency key: refused rather than filed twice
        )

    def _complaint_filed(self, info: Any) -> None:
        from loket.models.printouts.paper import print_complaint

        self.complaint.show_filed(info, info.due_date.strftime("%d-%m-%Y"))
        self.idle.set_seconds(self.result_seconds)
        printer = self.printer
        self.submit_print(
            lambda: print_complaint(info, printer),
            lambda outcome, error: self._complaint_printed(info.number, outcome, error),
        )

    def _complaint_printed(self, number: str, outcome: PrintOutcome | None, error: object) -> None:
        if self.complaint.complaint is None or self.complaint.complaint.number != number:
            return
        if outcome is not None:
            self.complaint.show_outcome(outcome)
        else:
            self.complaint.show_failure(*failure_text(error))
