"""Complaints and suggestions: tracking numbers, due dates in working days, follow-ups,
overdue flags and counts (SQLite and PostgreSQL); working-day arithmetic without a database."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from loket.models.db import database
from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.feedback.complaint_actions import (
    add_follow_up,
    close_complaint,
    file_complaint,
    response_days,
    set_response_days,
)
from loket.models.feedback.complaint_info import SUMMARY_LENGTH, summarise
from loket.models.feedback.complaint_lookup import complaint_counts, list_complaints, show_complaint
from loket.models.office import catalog
from loket.models.office.staff import add_staff
from loket.models.queue.tickets import issue_ticket
from loket.models.staffing.working_days import (
    add_working_days,
    is_working_day,
    working_days_between,
)

WIB = dt.timezone(dt.timedelta(hours=7))
TEXT = "Petugas loket 2 tidak ada di tempat selama satu jam, antrean tidak bergerak."


# ── working days (pure) ───────────────────────────────────────────────────────────


def test_ten_working_days_skip_weekends():
    # Mon 23 Nov 2026 + 10 working days: 24,25,26,27 | 30, 1,2,3,4 | 7 → Mon 7 Dec.
    assert add_working_days(dt.date(2026, 11, 23), 10) == dt.date(2026, 12, 7)
    # Received on Saturday 28 Nov: Mon 30 Nov is day 1 … Fri 11 Dec is day 10.
    assert add_working_days(dt.date(2026, 11, 28), 10) == dt.date(2026, 12, 11)
    assert add_working_days(dt.date(2026, 11, 28), 0) == dt.date(2026, 11, 28)


def test_holidays_are_not_working_days():
    holidays = {dt.date(2026, 12, 24), dt.date(2026, 12, 25), dt.date(2027, 1, 1)}
    # Fri 18 Dec 2026: 21,22,23 (1–3), 24 and 25 off, 28,29,30,31 (4–7), 1 Jan off,
    # 4,5,6 Jan (8–10) → Wed 6 Jan 2027.
    assert add_working_days(dt.date(2026, 12, 18), 10, holidays) == dt.date(2027, 1, 6)
    assert not is_working_day(dt.date(2026, 12, 25), holidays)
    assert is_working_day(dt.date(2026, 12, 28), holidays)
    # A six-day front-line unit counts Saturdays.
    assert add_working_days(dt.date(2026, 11, 23), 10, workdays="123456") == dt.date(2026, 12, 4)


def test_working_days_between():
    due = dt.date(2026, 12, 7)  # a Monday
    assert working_days_between(due, due) == 0
    assert working_days_between(due, dt.date(2026, 12, 8)) == 1
    assert working_days_between(due, dt.date(2026, 12, 14)) == 5
    assert working_days_between(dt.date(2026, 12, 14), due) == -5
    assert working_days_between(dt.date(2026, 12, 4), dt.date(2026, 12, 6)) == 0  # weekend


# ── the service ───────────────────────────────────────────────────────────────────


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    add_staff("budi", "Budi Santoso", "staff", "1234")
    return clock


def test_tracking_numbers_count_up_per_office_year(office):
    clock = office
    first = file_complaint(TEXT, clock=clock)
    assert first.number == "ADU-2026-000001"
    assert file_complaint("Mohon kursi tunggu ditambah", clock=clock).number == ("ADU-2026-000002")
    # 00:30 WIB on 1 January is still 2026 in UTC: the office's year counts.
    clock.set(dt.datetime(2027, 1, 1, 0, 30, tzinfo=WIB))
    assert file_complaint(TEXT, clock=clock).number == "ADU-2027-000001"


def test_a_kiosk_complaint_is_open_with_a_due_date(office):
    clock = office
    info = file_complaint(
        TEXT, contact_name=" Siti  Aminah ", contact_phone="0812 3456 7890", clock=clock
    )
    assert info.status == "open" and info.channel == "kiosk" and info.category == "complaint"
    # The number as typed is stored in one form, +62…, whatever the spacing.
    assert info.contact_name == "Siti Aminah" and info.contact_phone == "+6281234567890"
    assert info.received_at == clock.now()
    # Monday 23 Nov 2026 + 10 working days = Monday 7 Dec 2026.
    assert info.due_date == dt.date(2026, 12, 7)
    assert info.overdue is False and info.follow_ups == ()
    assert show_complaint("adu-2026-1", clock=clock) == info


def test_response_days_setting_and_holidays_move_the_due_date(office):
    clock = office
    assert response_days() == 10
    assert set_response_days("5") == 5
    # Monday 23 Nov + 5 working days = Monday 30 Nov; with 26 Nov off → Tuesday 1 Dec.
    assert file_complaint(TEXT, clock=clock).due_date == dt.date(2026, 11, 30)
    holiday = {dt.date(2026, 11, 26)}
    later = file_complaint(TEXT, holidays=holiday, clock=clock)
    assert later.due_date == dt.date(2026, 12, 1)
    with pytest.raises(InvalidInput):
        set_response_days(0)


def test_the_offices_holiday_table_moves_the_due_date(office):
    from loket.models.staffing.hours import add_holiday

    clock = office
    add_holiday("2026-12-01", "Libur daerah", clock=clock)
    add_holiday("2026-11-20", "Sudah lewat", clock=clock)
    # Mon 23 Nov + 10 working days skipping Tue 1 Dec: 24,25,26,27 | 30,2,3,4 | 7,8 → Tue 8 Dec.
    assert file_complaint(TEXT, clock=clock).due_date == dt.date(2026, 12, 8)
    # Holidays given by the caller replace the table.
    assert file_complaint(TEXT, holidays=(), clock=clock).due_date == dt.date(2026, 12, 7)


def test_a_complaint_about_a_ticket_takes_its_service(office):
    clock = office
    ticket = issue_ticket("A", clock=clock)
    info = file_complaint(
        TEXT, ticket_number=ticket.number, channel="counter", category="suggestion", clock=clock
    )
    assert (info.ticket, info.service, info.channel, info.category) == (
        "A-001",
        "A",
        "counter",
        "suggestion",
    )
    with pytest.raises(NotFound, match="today"):
        file_complaint(TEXT, ticket_number="A-002", clock=clock)


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"text": "   "}, "required"),
        ({"text": "x" * 2001}, "too long"),
        ({"contact_phone": "call me"}, "phone"),
        ({"channel": "pigeon"}, "channel"),
        ({"category": "praise"}, "category"),
        ({"service_code": "Z"}, "service"),
    ],
)
def test_bad_input_is_refused_clearly(office, kwargs, word):
    values = {"text": TEXT, **kwargs}
    with pytest.raises((InvalidInput, NotFound)) as refused:
        file_complaint(**values, clock=office)
    assert word in refused.value.message_en.lower()
    assert complaint_counts(clock=office).total == 0


def test_follow_ups_until_closed(office):
    clock = office
    number = file_complaint(TEXT, clock=clock).number
    clock.advance(hours=1)
    info = add_follow_up(number, "Sudah dicek ke kepala seksi", officer="budi", clock=clock)
    assert info.status == "in_progress"  # the first note starts the follow-up
    clock.advance(days=1)
    info = add_follow_up(
        number, "Dijawab lewat telepon: jadwal piket diperbaiki", status="answered", clock=clock
    )
    assert info.status == "answered" and info.answered_at == clock.now()
    clock.advance(days=2)
    info = close_complaint(number, "Pelapor puas", officer="BUDI", clock=clock)
    assert info.status == "closed" and info.closed_at == clock.now()
    assert [(f.status, f.officer) for f in info.follow_ups] == [
        ("in_progress", "budi"),
        ("answered", None),
        ("closed", "budi"),
    ]
    assert info.follow_ups[1].note.startswith("Dijawab lewat telepon")
    with pytest.raises(IllegalTransition, match="closed"):
        add_follow_up(number, "satu lagi", clock=clock)


def test_illegal_moves_and_unknown_things_are_refused(office):
    clock = office
    number = file_complaint(TEXT, clock=clock).number
    add_follow_up(number, "dicek", clock=clock)
    with pytest.raises(IllegalTransition, match="next: answered, closed"):
        add_follow_up(number, "kembali", status="open", clock=clock)
    with pytest.raises(InvalidInput, match="status"):
        add_follow_up(number, "x", status="done", clock=clock)
    with pytest.raises(InvalidInput, match="required"):
        add_follow_up(number, "  ", clock=clock)
    with pytest.raises(NotFound):
        add_follow_up(number, "x", officer="nobody", clock=clock)
    with pytest.raises(NotFound, match="ADU-2026-000042"):
        show_complaint("ADU-2026-42")
    with pytest.raises(InvalidInput, match="ADU-2026-000123"):
        show_complaint("TT-2026-000001")
    # An answered complaint may be reopened when the citizen is not satisfied.
    add_follow_up(number, "dijawab", status="answered", clock=clock)
    reopened = add_follow_up(number, "belum puas", status="in-progress", clock=clock)
    assert reopened.status == "in_progress"


def test_overdue_flags_listing_and_counts(office):
    clock = office
    late = file_complaint(TEXT, clock=clock).number  # due Mon 7 Dec
    answered = file_complaint(TEXT, clock=clock).number
    clock.advance(days=3)
    fresh = file_complaint("Toilet rusak", clock=clock).number  # due Thu 10 Dec
    closed = file_complaint("Terima kasih", category="suggestion", clock=clock).number
    add_follow_up(answered, "Sudah dijawab", status="answered", clock=clock)
    close_complaint(closed, "Dicatat", clock=clock)

    clock.set(dt.datetime(2026, 12, 7, 15, 0, tzinfo=WIB))  # the due day itself: not late yet
    assert complaint_counts(clock=clock).overdue == 0
    clock.set(dt.datetime(2026, 12, 8, 8, 0, tzinfo=WIB))
    listed = {c.number: c for c in list_complaints(clock=clock)}
    assert listed[late].overdue is True
    assert listed[answered].overdue is False  # an answer stops the clock
    assert listed[fresh].overdue is False and listed[closed].overdue is False
    assert [c.number for c in list_complaints(overdue_only=True, clock=clock)] == [late]
    assert {c.number for c in list_complaints(status="active", clock=clock)} == {
        late,
        answered,
        fresh,
    }
    assert [c.number for c in list_complaints(status="closed", clock=clock)] == [closed]
    # Newest first.
    assert [c.number for c in list_complaints(limit=2, clock=clock)] == [closed, fresh]
    counts = complaint_counts(clock=clock)
    assert counts.as_json() == {
        "open": 2,
        "in_progress": 0,
        "answered": 1,
        "closed": 1,
        "not_closed": 3,
        "overdue": 1,
        "total": 4,
    }


def test_public_view_hides_the_contact(office):
    clock = office
    number = file_complaint(TEXT, "Siti", "08123456789", clock=clock).number
    add_follow_up(number, "Sedang dicek", officer="budi", clock=clock)
    info = show_complaint(number, clock=clock)
    public = info.as_json(WIB, public=True)
    assert public["contact_name"] is None and public["contact_phone"] is None
    assert public["follow_ups"][0]["officer"] is None
    assert public["follow_ups"][0]["note"] == "Sedang dicek"
    full = info.as_json(WIB)
    assert full["contact_phone"] == "+628123456789" and full["follow_ups"][0]["officer"] == "budi"
    assert full["received_at"] == "2026-11-23T08:00:00+07:00" and full["due_date"] == "2026-12-07"


def test_summary_is_short_and_cut_at_a_word():
    text = "Antrean sangat lama " * 20
    summary = summarise(text)
    assert len(summary) <= SUMMARY_LENGTH and summary.endswith("…")
    assert summary.startswith("Antrean sangat lama Antrean")
    assert summarise("  pendek\n sekali ") == "pendek sekali"


def test_kiosks_filing_at_once_get_distinct_numbers(office):
    clock = office
    shared = database.obj  # peewee keeps one connection per thread
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(4)

    def worker(index: int) -> None:
        try:
            shared.connect(reuse_if_open=True)
            start.wait(timeout=30)
            for i in range(5):
                info = file_complaint(f"Pengaduan {index}-{i}", clock=clock)
                with lock:
                    numbers.append(info.number)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            shared.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(numbers) == [f"ADU-2026-{n:06d}" for n in range(1, 21)]
