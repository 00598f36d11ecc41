"""Handlers of loket staffing sign-in, heartbeat, break, resume, handover, sign-out,
status, check, reasons and escalation: the counter and the front desk as they are now.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict
from typing import Any

from loket.models.cli.audited import audited
from loket.models.cli.common import emit, open_db
from loket.models.cli.officers import (
    CLI_BREAK,
    CLI_RESUME,
    CLI_SIGN_OUT,
    check_officer_pin,
    read_pin,
)


def office_zone() -> Any:
    from loket.models.settings import load_settings

    return load_settings().zone


def clock_text(value: Any, zone: Any) -> str:
    return value.astimezone(zone).strftime("%H:%M:%S") if value else "-"


def _counter_line(state: Any, zone: Any) -> str:
    names = {"out": "kosong/out", "staffed": "dijaga/staffed", "break": "istirahat/break"}
    status = names.get(state.status, "detak hilang/heartbeat lost")
    parts = [f"loket/counter {state.number:<3}{' [depan/front]' if state.front_desk else ''}"]
    parts.append(status)
    if state.officer:
        parts.append(f"{state.officer} sejak/since {clock_text(state.since, zone)}")
    if state.heartbeat_age_seconds is not None:
        parts.append(f"detak/heartbeat {state.heartbeat_age_seconds:.0f} s")
    if state.reason:
        parts.append(f"alasan/reason {state.reason} {state.reference or ''}".rstrip())
    if state.serving:
        parts.append(f"melayani/serving {state.serving}")
    return "  ".join(parts)


def _emit_counter(args: argparse.Namespace, state: Any) -> None:
    zone = office_zone()
    emit(args, state.as_json(zone), _counter_line(state, zone))


def _sign_in(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office.secret_check import CLI_SIGN_IN
    from loket.models.staffing import counter_actions as staffing

    pin = read_pin(args.staff)
    state = staffing.sign_in(args.counter, args.staff, pin, path=CLI_SIGN_IN)
    _emit_counter(args, state)


def _note(line: str) -> None:
    """A long-running command's status line (connection lost / back) on stderr."""
    print(line, file=sys.stderr, flush=True)


def _heartbeat(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.reconnect import reconnecting
    from loket.models.staffing import counter_actions as staffing

    state = staffing.heartbeat(args.counter)
    _emit_counter(args, state)
    if args.every:
        sys.stdout.flush()
        while True:
            time.sleep(max(args.every, 0.05))
            reconnecting(lambda: staffing.heartbeat(args.counter), report=_note)


def _leave(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.staffing import counter_actions as staffing

    on_break = args.action == "break"
    # The officer's own PIN, as the counter app asks it: a shell is not that officer.
    check_officer_pin(args.counter, CLI_BREAK if on_break else CLI_SIGN_OUT)
    action = staffing.start_break if on_break else staffing.sign_out
    state = action(args.counter, args.reason, args.ref, args.approved_by)
    _emit_counter(args, state)


def _resume(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.staffing import counter_actions as staffing

    check_officer_pin(args.counter, CLI_RESUME)
    _emit_counter(args, staffing.resume(args.counter))


def _handover(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office.secret_check import CLI_HANDOVER
    from loket.models.staffing import counter_actions as staffing

    pin = read_pin(args.to)
    state = staffing.handover(args.counter, args.to, pin, path=CLI_HANDOVER)
    _emit_counter(args, state)


def _status_payload() -> tuple[dict[str, Any], str]:
    from loket.models.staffing import desk_state

    zone = office_zone()
    desk = desk_state.front_desk_status()
    counters = desk_state.counter_states()
    lines = [desk.message("id") + " / " + desk.message("en")]
    if desk.gap_since:
        lines.append(
            f"  sejak/since {clock_text(desk.gap_since, zone)}"
            + (
                f", eskalasi/escalation {clock_text(desk.escalate_at, zone)}"
                if desk.escalate_at
                else ""
            )
        )
    lines += [_counter_line(c, zone) for c in counters]
    payload = {"front_desk": desk.as_json(zone), "counters": [c.as_json(zone) for c in counters]}
    return payload, "\n".join(lines)


def _status(args: argparse.Namespace) -> None:
    open_db(args)
    payload, text = _status_payload()
    emit(args, payload, text)


def _check(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.reconnect import reconnecting
    from loket.models.staffing import counter_actions as staffing

    def once() -> tuple[dict[str, Any], str]:
        staffing.check()  # brings the log up to date: safe to run again after a drop
        return _status_payload()

    while True:
        # --watch rides through a server restart: one line when it drops, one when back.
        payload, text = reconnecting(once, report=_note) if args.watch else once()
        emit(args, payload, text)
        if not args.watch:
            return
        sys.stdout.flush()
        time.sleep(args.watch)


def _reasons(args: argparse.Namespace) -> None:
    from loket.models.staffing.reasons import REASONS

    rows = [asdict(r) for r in REASONS.values()]
    lines = [
        f"{r.code:<20} {r.name_id} / {r.name_en}"
        + (f"  --ref {r.reference_id} / {r.reference_en}" if r.needs_reference else "")
        + ("  --approved-by USER" if r.needs_approval else "")
        for r in REASONS.values()
    ]
    emit(args, rows, "\n".join(lines))


def _escalation(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.staffing import escalation

    delay = (
        audited(
            "escalation_delay",
            "staffing",
            lambda d: {"minutes": str(int(d.total_seconds() // 60))},
            lambda: escalation.set_escalation_delay(args.minutes),
        )
        if args.minutes is not None
        else escalation.escalation_delay()
    )
    minutes = int(delay.total_seconds() // 60)
    emit(
        args,
        {"escalation_minutes": minutes},
        f"Eskalasi ke kepala setelah {minutes} menit / escalate to the head after {minutes} min",
    )
