"""``loket staffing verify``: is the staffing log exactly what the application wrote?

Checks, in order: the hash chain (names the first entry edited, inserted or
deleted); the seals of the daily sign-offs (:mod:`chain_seals`: a rewrite that kept
every link intact, a seal deleted or not signed by this office); each counter's
presence row against the log entry that set it; the calendar tables (hours,
holidays, Ramadan) against the digest logged with their last change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from loket.models import rawsql
from loket.models.integrity import hashchain
from loket.models.integrity import seals as chain_seals
from loket.models.integrity.hashchain import ChainProblem
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import state_after
from loket.models.staffing.hours import calendar_digest


@dataclass(frozen=True)
class StaffingLogReport:
    ok: bool
    entries: int
    problem: ChainProblem | None
    message_id: str
    message_en: str
    seals: int = 0  # sign-off seals checked

    def __str__(self) -> str:
        return f"{self.message_id} / {self.message_en}"


def _presence_problem() -> ChainProblem | None:
    # Only the entries that matter are read: each counter's last state entry, and the
    # ones the presence rows name (a year's log holds about 100,000 entries).
    kinds = staffing_log.STATE_KINDS
    last_state: dict[int, int] = {
        int(counter_id): int(seq)
        for counter_id, seq in rawsql.fetch_all(
            "SELECT counter_id, MAX(seq) FROM staffing_event WHERE counter_id IS NOT NULL "
            f"AND kind IN ({', '.join('?' for _ in kinds)}) GROUP BY counter_id",
            tuple(kinds),
        )
    }
    rows = rawsql.fetch_all(
        "SELECT p.counter_id, c.number, p.officer_id, p.status, p.event_seq "
        "FROM counter_presence p LEFT JOIN counter c ON c.id = p.counter_id"
    )
    wanted = sorted(set(last_state.values()) | {int(row[4]) for row in rows})
    by_seq = {
        e.seq: e
        for start in range(0, len(wanted), 500)
        for e in staffing_log.entries_with_seqs(wanted[start : start + 500])
    }
    seen = set()
    for counter_id, number, officer_id, status, event_seq in rows:
        seen.add(counter_id)
        entry = by_seq.get(int(event_seq))
        expected = state_after(entry) if entry and entry.kind in staffing_log.STATE_KINDS else None
        if (
            expected is None
            or entry is None
            or entry.counter_id != counter_id
            or last_state.get(counter_id) != entry.seq
            or (expected.status, expected.officer_id) != (status, officer_id)
        ):
            return ChainProblem(
                seq=int(event_seq),
                reason="presence_edited",
                label=f"loket/counter {number}",
                message_id=f"Keadaan loket {number} ({status}) tidak sesuai dengan log "
                f"(entri #{last_state.get(counter_id, event_seq)}); baris diubah langsung",
                message_en=f"The state of counter {number} ({status}) differs from the log "
                f"(entry #{last_state.get(counter_id, event_seq)}); the row was edited directly",
            )
    for counter_id, seq in sorted(last_state.items(), key=lambda kv: kv[1]):
        if counter_id not in seen:
            return ChainProblem(
                seq=seq,
                reason="presence_deleted",
                label=f"counter #{counter_id}",
                message_id=f"Keadaan loket (id {counter_id}) hilang padahal log mencatatnya "
                f"(entri #{seq}); baris dihapus langsung",
                message_en=f"The state row of counter id {counter_id} is missing though the log "
                f"records it (entry #{seq}); the row was deleted directly",
            )
    return None


def _calendar_problem() -> ChainProblem | None:
    row = rawsql.fetch_one(
        "SELECT seq, detail FROM staffing_event WHERE kind = 'config' ORDER BY seq DESC LIMIT 1"
    )
    recorded = json.loads(row[1]).get("calendar") if row else None
    seq = int(row[0]) if row else 0
    current = calendar_digest()
    if row is None:
        empty = rawsql.fetch_one(
            "SELECT (SELECT COUNT(*) FROM service_hours) + (SELECT COUNT(*) FROM holiday) "
            "+ (SELECT COUNT(*) FROM ramadan_period)"
        )
        if empty and empty[0]:
            recorded = "-"
        else:
            return None
    if recorded == current:
        return None
    return ChainProblem(
        seq=seq,
        reason="calendar_edited",
        label="jam layanan/service hours",
        message_id="Jam layanan, hari libur atau periode Ramadan diubah langsung di basis data "
        + (f"setelah entri #{seq}" if seq else "(tanpa tercatat di log)"),
        message_en="Service hours, holidays or Ramadan periods were changed directly in the "
        + (f"database after entry #{seq}" if seq else "database (never logged)"),
    )


def verify_staffing_log() -> StaffingLogReport:
    entries = staffing_log.chain_entries()
    problem = (
        hashchain.verify_chain(staffing_log.CHAIN, entries)
        or chain_seals.chain_problem(staffing_log.CHAIN, entries)
        or _presence_problem()
        or _calendar_problem()
    )
    seals = chain_seals.seal_count()
    if problem is None:
        sealed_id, sealed_en = chain_seals.sealed_suffix(seals)
        return StaffingLogReport(
            True,
            len(entries),
            None,
            f"Log penjagaan loket utuh: {len(entries)} entri{sealed_id}",
            f"Staffing log intact: {len(entries)} entries{sealed_en}",
            seals,
        )
    return StaffingLogReport(
        False,
        len(entries),
        problem,
        f"LOG RUSAK: {problem.message_id}",
        f"LOG BROKEN: {problem.message_en}",
        seals,
    )
