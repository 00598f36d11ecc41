"""The admin audit log: recorded, listed, and any raw-SQL edit or deletion is found."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models import rawsql
from loket.models.db import write_transaction
from loket.models.office import audit
from loket.models.office.auth import Session


@pytest.fixture
def head(db, clock) -> Session:
    return Session("kepala", "Ibu Kepala", "head", clock.now() + dt.timedelta(hours=8))


def _three(head: Session, clock) -> None:
    with write_transaction():
        audit.record(head, "service_add", "A", {"name": "Administrasi"}, clock)
    clock.advance(minutes=5)
    with write_transaction():
        audit.record(head, "counter_edit", "loket 2", {"services": "A:2,B"}, clock)
    clock.advance(days=1)
    with write_transaction():
        audit.record(head, "holiday_add", "2026-12-25", {"name": "Natal"}, clock)


def test_entries_are_listed_newest_first_and_filtered(head, clock):
    _three(head, clock)
    entries = audit.list_audit()
    assert [e.action for e in entries] == ["holiday_add", "counter_edit", "service_add"]
    assert entries[1].detail == {"services": "A:2,B"}
    assert entries[2].actor == "kepala" and entries[2].role == "head"
    assert [e.seq for e in entries] == [3, 2, 1]
    assert [e.action for e in audit.list_audit(action="counter_edit")] == ["counter_edit"]
    today = dt.date(2026, 11, 23)
    assert len(audit.list_audit(date_from=today, date_to=today)) == 2
    assert len(audit.list_audit(date_from=today + dt.timedelta(days=1))) == 1
    assert audit.list_audit(actor="admin") == []
    assert len(audit.list_audit(limit=1)) == 1
    zone = dt.timezone(dt.timedelta(hours=7))
    assert entries[2].as_json(zone)["at"] == "2026-11-23T08:00:00+07:00"


def test_intact_log_verifies(head, clock):
    assert audit.verify_audit().ok
    _three(head, clock)
    report = audit.verify_audit()
    assert report.ok and report.entries == 3
    assert "utuh" in report.message_id


def test_edited_entry_is_named(head, clock):
    _three(head, clock)
    rawsql.execute("UPDATE audit_entry SET target = ? WHERE seq = 2", ("loket 9",))
    report = audit.verify_audit()
    assert not report.ok
    assert report.problem is not None and report.problem.seq == 2
    assert report.problem.reason == "edited"
    assert "#2" in report.message_id and "BROKEN" in report.message_en


def test_edited_actor_is_named(head, clock):
    _three(head, clock)
    rawsql.execute("UPDATE audit_entry SET actor = 'orang-lain' WHERE seq = 1")
    report = audit.verify_audit()
    assert report.problem is not None and report.problem.seq == 1


def test_deleted_entry_is_named(head, clock):
    _three(head, clock)
    rawsql.execute("DELETE FROM audit_entry WHERE seq = 2")
    report = audit.verify_audit()
    assert report.problem is not None
    assert (report.problem.seq, report.problem.reason) == (2, "deleted")


def test_deleted_newest_entry_is_found(head, clock):
    _three(head, clock)
    rawsql.execute("DELETE FROM audit_entry WHERE seq = 3")
    report = audit.verify_audit()
    assert report.problem is not None
    assert (report.problem.seq, report.problem.reason) == (3, "deleted")


def test_rollback_leaves_no_entry(head, clock):
    with pytest.raises(RuntimeError), write_transaction():
        audit.record(head, "service_add", "A", None, clock)
        raise RuntimeError("the action failed")
    assert audit.list_audit() == []
    assert audit.verify_audit().ok
