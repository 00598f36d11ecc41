"""Document receipts: validation, numbering, statuses, signed QR and the tamper-evident log."""

from __future__ import annotations

import datetime as dt
import threading

import cbor2
import pytest

from loket.models.db import database
from loket.models.documents import receipt_actions, receipt_log, receipt_lookup, ticket_qr
from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.integrity import signing
from loket.models.integrity.qr_payload import unpack
from loket.models.office.staff import add_staff, disable_staff

WIB = dt.timezone(dt.timedelta(hours=7))


def _receipt(clock, **overrides):
    values = {
        "sender_name": "Siti Aminah",
        "subject": "Permohonan surat keterangan domisili",
        "recipient_unit": "Seksi Pemerintahan",
        "pages": 3,
    }
    values.update(overrides)
    return receipt_actions.new_receipt(**values, clock=clock)


@pytest.fixture
def officer(db):
    add_staff("budi", "Budi Santoso", "staff", "1234", nip="198001012005011001")
    return "budi"


def test_numbers_count_up_per_year_in_office_time(db, clock):
    assert _receipt(clock).number == "TT-2026-000001"
    assert _receipt(clock).number == "TT-2026-000002"
    clock.set(dt.datetime(2026, 12, 31, 23, 30, tzinfo=WIB))
    assert _receipt(clock).number == "TT-2026-000003"
    # 00:30 WIB on 1 January is still 31 December in UTC: the office's year counts.
    clock.set(dt.datetime(2027, 1, 1, 0, 30, tzinfo=WIB))
    assert _receipt(clock).number == "TT-2027-000001"


def test_kiosk_receipt_is_signed_and_received(db, clock):
    info = _receipt(clock, sender_phone="0812 3456 7890", sender_nik="3201011505800001")
    assert info.channel == "kiosk" and info.officer is None
    assert info.status == "received"
    assert info.issued_at == clock.now().replace(microsecond=0)
    assert [e.status for e in info.history] == ["received"]
    result = signing.verify_text(info.qr_text)
    assert result.valid and result.number == info.number and result.kind == "receipt"
    assert result.check_code == info.check_code
    claims = result.claims
    assert claims is not None
    assert (claims.sender, claims.recipient_unit, claims.pages, claims.channel) == (
        "Siti Aminah",
        "Seksi Pemerintahan",
        3,
        "kiosk",
    )
    assert claims.subject_digest == info.subject_digest
    assert claims.issued_at == info.issued_at


def test_qr_holds_no_phone_nik_or_subject(db, clock):
    info = _receipt(clock, sender_phone="081234567890", sender_nik="3201011505800001")
    decoded = cbor2.loads(unpack(info.qr_text).claims_bytes)
    flat = repr(decoded)
    assert info.sender_phone == "+6281234567890"
    assert "81234567890" not in flat and "3201011505800001" not in flat
    assert "domisili" not in flat


def test_counter_receipt_is_confirmed_by_the_receiving_officer(db, clock, officer):
    info = _receipt(
        clock, officer=officer, working_days=5, attachments=2, sender_organisation="PT Maju Jaya"
    )
    assert info.channel == "counter" and info.status == "confirmed"
    assert (info.officer, info.officer_name, info.officer_nip) == (
        "budi",
        "Budi Santoso",
        "198001012005011001",
    )
    assert [(e.status, e.officer) for e in info.history] == [
        ("received", "budi"),
        ("confirmed", "budi"),
    ]
    # Monday 23 November + 5 working days = Monday 30 November.
    assert info.expected_completion == dt.date(2026, 11, 30)
    claims = signing.verify_text(info.qr_text).claims
    assert claims is not None and claims.officer == "198001012005011001"
    assert claims.attachments == 2


def test_working_days_skip_weekends():
    friday = dt.date(2026, 11, 27)
    assert receipt_actions.add_working_days(friday, 0) == friday
    assert receipt_actions.add_working_days(friday, 1) == dt.date(2026, 11, 30)
    assert receipt_actions.add_working_days(friday, 6) == dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "overrides, words",
    [
        ({"sender_name": "  "}, "Sender name is required"),
        ({"sender_name": "x" * 121}, "Sender name is too long"),
        ({"sender_name": "Siti\x07"}, "control characters"),
        ({"subject": ""}, "Subject is required"),
        ({"subject": "x" * 501}, "Subject is too long"),
        ({"recipient_unit": ""}, "Recipient unit is required"),
        ({"pages": 0}, "Page count must be a whole number 1–10000"),
        ({"pages": "tiga"}, "Page count must be a whole number"),
        ({"pages": 10_001}, "Page count"),
        ({"attachments": -1}, "Attachments must be a whole number 0–1000"),
        ({"sender_phone": "call me"}, "Invalid phone number"),
        ({"sender_nik": "12345"}, "Invalid NIK"),
        ({"sender_nik": "0001011505800001"}, "Invalid NIK"),
        ({"sender_nik": "3201019905800001"}, "Invalid NIK"),
        ({"sender_organisation": "x" * 121}, "Sender organisation is too long"),
        ({"channel": "fax"}, "The channel is kiosk or counter"),
        ({"channel": "counter"}, "must name the receiving officer"),
        ({"working_days": 400}, "Completion time"),
    ],
)
def test_every_field_is_checked_in_both_languages(db, clock, overrides, words):
    with pytest.raises(InvalidInput) as refused:
        _receipt(clock, **overrides)
    assert words in refused.value.message_en
    assert refused.value.message_id and refused.value.message_id != refused.value.message_en
    assert receipt_lookup.list_receipts() == []


def test_officer_must_exist_be_active_and_not_at_the_kiosk(db, clock, officer):
    with pytest.raises(NotFound):
        _receipt(clock, officer="nobody")
    with pytest.raises(InvalidInput, match="kiosk receipt has no receiving officer"):
        _receipt(clock, officer=officer, channel="kiosk")
    disable_staff(officer)
    with pytest.raises(InvalidInput, match="disabled"):
        _receipt(clock, officer=officer)


def test_refused_receipt_does_not_burn_a_number(db, clock):
    _receipt(clock)
    with pytest.raises(InvalidInput):
        _receipt(clock, pages=0)
    assert _receipt(clock).number == "TT-2026-000002"


def test_status_path_and_history(db, clock, officer):
    info = _receipt(clock)
    clock.advance(minutes=10)
    receipt_actions.set_status(info.number, "confirmed", officer=officer, clock=clock)
    clock.advance(hours=1)
    receipt_actions.set_status(info.number, "forwarded", note="ke Seksi Pemerintahan", clock=clock)
    receipt_actions.set_status(info.number, "ready", clock=clock)
    done = receipt_actions.set_status(info.number.lower(), "Collected", clock=clock)
    assert done.status == "collected"
    assert [e.status for e in done.history] == [
        "received",
        "confirmed",
        "forwarded",
        "ready",
        "collected",
    ]
    assert done.history[1].officer == "budi"
    assert done.history[2].note == "ke Seksi Pemerintahan"
    assert receipt_log.verify_log().ok


def test_ready_may_skip_forwarding(db, clock, officer):
    info = _receipt(clock, officer=officer)
    assert receipt_actions.set_status(info.number, "ready", clock=clock).status == "ready"


@pytest.mark.parametrize(
    "path, target",
    [
        ((), "forwarded"),
        ((), "collected"),
        ((), "received"),
        (("confirmed",), "confirmed"),
        (("confirmed", "ready", "collected"), "ready"),
    ],
)
def test_illegal_transitions_are_refused(db, clock, officer, path, target):
    info = _receipt(clock)
    for status in path:
        receipt_actions.set_status(info.number, status, officer=officer, clock=clock)
    with pytest.raises(IllegalTransition) as refused:
        receipt_actions.set_status(info.number, target, officer=officer, clock=clock)
    assert info.number in refused.value.message_en and "cannot become" in refused.value.message_en


def test_confirming_needs_an_officer_and_statuses_are_known(db, clock):
    info = _receipt(clock)
    with pytest.raises(InvalidInput, match="officer"):
        receipt_actions.set_status(info.number, "confirmed", clock=clock)
    with pytest.raises(InvalidInput, match="Unknown status"):
        receipt_actions.set_status(info.number, "lost", clock=clock)


def test_find_list_and_show(db, clock, officer):
    first = _receipt(clock)
    clock.advance(minutes=1)
    second = _receipt(clock, officer=officer)
    assert [r.number for r in receipt_lookup.list_receipts()] == [second.number, first.number]
    assert [r.number for r in receipt_lookup.list_receipts(status="received")] == [first.number]
    assert receipt_lookup.list_receipts(year=2025) == []
    for spelling in ("TT-2026-000001", "tt-2026-1", "TT2026000001", "TT/2026/000001"):
        assert receipt_lookup.show_receipt(spelling).number == first.number
    with pytest.raises(NotFound, match="No receipt TT-2026-000009"):
        receipt_lookup.show_receipt("TT-2026-9")
    with pytest.raises(InvalidInput, match="Invalid receipt number"):
        receipt_lookup.show_receipt("A-001")


def test_ticket_qr_text_is_signed(db, clock):
    text = ticket_qr.ticket_qr_text("a-012", issued_at=clock.now(), clock=clock)
    result = signing.verify_text(text)
    assert result.valid and (result.kind, result.number) == ("ticket", "A-012")
    assert result.claims is not None
    assert (result.claims.service, result.claims.day) == ("A", dt.date(2026, 11, 23))
    with pytest.raises(InvalidInput):
        ticket_qr.ticket_qr_text("not a ticket", clock=clock)


def test_rotation_keeps_old_receipts_verifiable(db, clock):
    old = _receipt(clock)
    clock.advance(days=1)
    signing.rotate_key(clock=clock)
    new = _receipt(clock)
    assert new.kid != old.kid
    assert signing.verify_text(old.qr_text).valid
    assert signing.verify_text(new.qr_text).valid


# ── the tamper-evident log, on SQLite and PostgreSQL ─────────────────────────────


@pytest.fixture
def history(db, clock, officer):
    """Three receipts, six log entries: #1 A received, #2 B received, #3 B confirmed,
    #4 A confirmed, #5 A forwarded, #6 C received."""
    a = _receipt(clock)
    b = _receipt(clock, officer=officer)
    receipt_actions.set_status(a.number, "confirmed", officer=officer, clock=clock)
    receipt_actions.set_status(a.number, "forwarded", clock=clock)
    c = _receipt(clock)
    report = receipt_log.verify_log()
    assert report.ok and report.entries == 6 and report.receipts == 3
    return a.number, b.number, c.number


def _sql(statement: str, *params: object) -> None:
    db = database.obj
    db.execute_sql(statement.replace("?", db.param), params)


def _broken(seq: int, reason: str) -> str:
    report = receipt_log.verify_log()
    assert not report.ok
    assert report.problem is not None
    assert (report.problem.seq, report.problem.reason) == (seq, reason), report.message_en
    assert f"#{seq}" in report.message_en or reason in ("unlogged",)
    return report.message_en


def test_edited_history_row_is_named(history):
    _sql("UPDATE receipt_event SET status = 'ready' WHERE seq = ?", 4)
    _broken(4, "edited")


def test_edited_timestamp_is_named(history):
    _sql("UPDATE receipt_event SET at = at - 3600000000 WHERE seq = ?", 2)
    _broken(2, "edited")


def test_deleted_history_row_is_named(history):
    _sql("DELETE FROM receipt_event WHERE seq = ?", 3)
    message = _broken(3, "deleted")
    assert "missing" in message


def test_deleted_newest_history_row_is_found(history):
    _sql("DELETE FROM receipt_event WHERE seq = ?", 6)
    _broken(6, "deleted")


def test_deleted_chain_head_is_found(history):
    _sql("DELETE FROM chain_head")
    _broken(1, "head_missing")


def test_forged_row_with_recomputed_hash_breaks_the_next_link(history):
    from loket.models.integrity.hashchain import entry_hash

    row = database.obj.execute_sql(
        "SELECT prev_hash, at, officer_id, detail FROM receipt_event WHERE seq = 5"
    ).fetchone()
    from loket.models.fields import from_micros

    fields = receipt_log._chain_fields(history[0], "ready", from_micros(row[1]), row[2], row[3])
    forged = entry_hash(receipt_log.CHAIN, 5, row[0], fields)
    _sql("UPDATE receipt_event SET status = 'ready', row_hash = ? WHERE seq = 5", forged)
    _broken(6, "relinked")


def test_edited_receipt_row_is_found(history):
    _sql("UPDATE receipt SET subject = 'Sesuatu yang lain' WHERE number = ?", history[1])
    message = _broken(2, "receipt_edited")
    assert history[1] in message


def test_status_changed_behind_the_log_is_found(history):
    _sql("UPDATE receipt SET status = 'collected' WHERE number = ?", history[2])
    _broken(6, "status_mismatch")


def test_verify_log_on_an_empty_database(db):
    report = receipt_log.verify_log()
    assert report.ok and report.entries == 0


# ── concurrency ───────────────────────────────────────────────────────────────────


def test_concurrent_receipts_never_share_a_number_and_keep_the_chain(db, clock, officer):
    """Four writers at once (threads, each on its own connection): numbers stay unique
    and gapless and every append lands in one unbroken chain."""
    signing.ensure_key(clock=clock)
    shared = database.obj  # peewee keeps one connection per thread
    errors: list[BaseException] = []
    numbers: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(4)

    def worker(index: int) -> None:
        try:
            shared.connect(reuse_if_open=True)
            start.wait(timeout=30)
            for i in range(6):
                info = _receipt(clock, sender_name=f"Pengirim {index}-{i}")
                if i % 2 == 0:
                    receipt_actions.set_status(
                        info.number, "confirmed", officer=officer, clock=clock
                    )
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
    assert sorted(numbers) == [f"TT-2026-{n:06d}" for n in range(1, 25)]
    report = receipt_log.verify_log()
    assert report.ok and report.entries == 24 + 12, report.message_en


def test_search_looks_in_the_database_not_only_the_newest(db, clock):
    oldest = _receipt(
        clock,
        sender_name="Bambang Wijaya",
        sender_organisation="CV Maju_Jaya",
        sender_phone="081298765432",
    )
    for _ in range(3):
        clock.advance(minutes=1)
        _receipt(clock)
    # The newest one alone is what limit=1 lists; a search still reaches the oldest.
    assert [r.number for r in receipt_lookup.list_receipts(limit=1)] != [oldest.number]
    # The number is stored as +6281298765432: typed the usual way it is still found.
    for text in (
        "bambang",
        "WIJAYA",
        "maju_jaya",
        "98765",
        "0812-9876",
        "2026-000001",
        " Bambang ",
    ):
        assert [r.number for r in receipt_lookup.list_receipts(limit=1, text=text)] == [
            oldest.number
        ]
    assert len(receipt_lookup.list_receipts(text="siti")) == 3
    assert receipt_lookup.list_receipts(text="maju%jaya") == []  # wildcards are plain characters
    assert receipt_lookup.list_receipts(text="x_x") == []
    with pytest.raises(InvalidInput, match="too long"):
        receipt_lookup.list_receipts(text="a" * 121)


def test_statuses_filter_in_the_database(db, clock, officer):
    old_open = _receipt(clock)
    for _ in range(3):
        clock.advance(minutes=1)
        done = _receipt(clock, officer=officer)
        for status in ("forwarded", "ready", "collected"):
            receipt_actions.set_status(done.number, status, officer=officer, clock=clock)
    # The open one is older than every collected one, and still found with limit=1.
    assert [r.number for r in receipt_lookup.list_receipts(limit=1)] != [old_open.number]
    found = receipt_lookup.list_receipts(statuses=("received", "ready"), limit=1)
    assert [r.number for r in found] == [old_open.number]
    assert len(receipt_lookup.list_receipts(statuses=("collected",))) == 3
    assert receipt_lookup.list_receipts(statuses=()) == []
    with pytest.raises(InvalidInput, match="Unknown status"):
        receipt_lookup.list_receipts(statuses=("lost",))
