"""`loket survey` and `loket complaint` as an installer, a script or an admin uses them."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.escpos_decode import decode
from helpers.sim_printer import SimPrinter


def _ok(result):
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


def _refused(result, *words: str) -> str:
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# The demo office has an admin: its set-up is changed by a named person (--as).
AS = ("--as", "admin")
ADMIN = {"LOKET_PASSWORD": "admin-loket"}


@pytest.fixture
def office(loket):
    _ok(loket("init"))
    _ok(loket("demo"))  # services A, B … open around the clock
    return loket


def _today() -> str:
    # The CLI runs on the real clock, in the office's zone (Asia/Jakarta by default).
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date().isoformat()


def test_survey_add_and_ikm_json(office):
    # Two respondents for A: T = (4·8 + 3) + (3·8 + 2) = 35 + 26 = 61, n = 2
    # IKM = 25·61/(9·2) = 84.7222… → 84.72 → B; weakest pengaduan (NRR 2.5).
    first = _ok(
        office(
            "survey", "add", "--service", "A", "--answers", "4,4,4,4,4,4,4,4,3",
            "--sex", "P", "--age", "41", "--education", "sma", "--occupation", "swasta", "--json",
        )
    ).json()  # fmt: skip
    assert first["service"] == "A" and first["answers"]["pengaduan"] == 3
    assert first["profile"] == {"sex": "P", "age": 41, "education": "SMA", "occupation": "Swasta"}
    _ok(office("survey", "add", "--service", "A", "--answers", "3,3,3,3,3,3,3,3,2"))
    _ok(office("survey", "add", "--service", "B", "--answers", "2, 2, 2, 2, 2, 2, 2, 2, 2"))

    report = _ok(office("survey", "ikm", "--service", "A", "--json")).json()
    assert report["ikm"] == 84.72 and isinstance(report["ikm"], float)
    assert report["category"] == "B" and report["kinerja"] == "Baik"
    assert report["respondents"] == 2
    assert report["required_sample"] == 0 and report["population"] == 0
    assert report["sample_reached"] is True
    assert report["weakest"] == "pengaduan"
    assert report["nrr"] == {
        "persyaratan": 3.5, "prosedur": 3.5, "waktu": 3.5, "biaya": 3.5, "produk": 3.5,
        "kompetensi": 3.5, "perilaku": 3.5, "sarana": 3.5, "pengaduan": 2.5,
    }  # fmt: skip
    assert report["to"] == _today()

    # The whole office: T = 61 + 18 = 79, n = 3 → 25·79/27 = 73.1481… → 73.15 → C
    overall = _ok(office("survey", "ikm", "--from", "2020-01-01", "--json")).json()
    assert (overall["ikm"], overall["category"], overall["respondents"]) == (73.15, "C", 3)
    # Legacy weight 0,11: (79/3) × 0.11 × 25 = 72.4166… → 72.42
    legacy = _ok(office("survey", "ikm", "--weights", "0.11", "--json")).json()
    assert legacy["ikm"] == 72.42 and legacy["weights"] == "0.11"

    rows = _ok(office("survey", "ikm", "--by-service", "--json")).json()
    by_code = {row["service"]: row for row in rows}
    assert by_code["A"]["ikm"] == 84.72 and by_code["B"]["category"] == "D"

    text = _ok(office("survey", "ikm", "--service", "A")).out
    assert "84.72" in text and "Baik" in text and "terendah / lowest" in text


def test_survey_linked_to_a_ticket_and_the_sample_flag(office):
    _ok(office("issue", "A"))
    _ok(office("call", "1"))
    _ok(office("finish", "1"))
    _ok(office("survey", "add", "--answers", "3,3,3,3,3,3,3,3,3", "--ticket", "A-001"))
    _refused(
        office("survey", "add", "--answers", "3,3,3,3,3,3,3,3,3", "--ticket", "a1"),
        "A-001",
        "already been rated",
    )
    report = _ok(office("survey", "ikm", "--service", "A", "--json")).json()
    # One visitor served, one respondent: Krejcie–Morgan asks everybody below 10.
    assert (report["population"], report["required_sample"]) == (1, 1)
    assert report["respondents"] == 1 and report["sample_reached"] is True
    assert report["ikm"] == 75.0 and report["category"] == "C"


def test_survey_refusals_are_one_line(office):
    _refused(office("survey", "add", "--service", "A"), "--answers")
    _refused(office("survey", "add", "--answers", "4,4,4"), "9")
    _refused(office("survey", "add", "--answers", "4,4,4,4,5,4,4,4,4"), "produk", "1–4")
    _refused(office("survey", "add", "--answers", "4,4,4,4,x,4,4,4,4"), "produk")
    _refused(office("survey", "add", "--answers", "4,4,4,4,4,4,4,4,4", "--education", "S9"), "SMP")
    _refused(office("survey", "add", "--answers", "4,4,4,4,4,4,4,4,4", "--sex", "X"), "L, P")
    _refused(office("survey", "add", "--answers", "4,4,4,4,4,4,4,4,4", "--age", "tua"), "Age")
    _refused(office("survey", "add", "--service", "Z", "--answers", "4,4,4,4,4,4,4,4,4"), "Z")
    _refused(office("survey", "ikm", "--from", "2026-02-30"), "--from")
    _refused(office("survey", "ikm", "--from", "2026-12-01", "--to", "2026-01-01"), "reversed")
    _refused(office("survey", "ikm", "--weights", "0.2"), "exact, 0.111, 0.11")
    empty = _ok(office("survey", "ikm", "--json")).json()
    assert empty["ikm"] is None and empty["respondents"] == 0 and empty["nrr"] == {}


def test_complaint_flow_from_kiosk_to_closed(office):
    year = _today()[:4]
    filed = _ok(
        office(
            "complaint", "new", "--text", "Petugas loket 2 tidak ada selama satu jam",
            "--name", "Siti", "--phone", "0812 3456 7890", "--json",
        )
    ).json()  # fmt: skip
    number = filed["number"]
    assert number == f"ADU-{year}-000001"
    assert filed["status"] == "open" and filed["overdue"] is False
    assert filed["due_date"] > _today()

    shown = _ok(office("complaint", "show", number.lower(), "--public", "--json")).json()
    assert shown["number"] == number and shown["contact_phone"] is None

    followed = _ok(
        office("complaint", "follow-up", number, "--note", "Dicek ke kepala seksi", "--json")
    ).json()
    assert followed["status"] == "in_progress"
    _ok(office("complaint", "follow-up", number, "--note", "Dijawab", "--status", "answered"))
    closed = _ok(office("complaint", "close", number, "--note", "Pelapor puas", "--json")).json()
    assert closed["status"] == "closed"
    assert [f["status"] for f in closed["follow_ups"]] == ["in_progress", "answered", "closed"]

    _ok(office("complaint", "new", "--text", "Tambah kursi", "--category", "suggestion"))
    counts = _ok(office("complaint", "counts", "--json")).json()
    assert (counts["open"], counts["closed"], counts["total"]) == (1, 1, 2)
    listed = _ok(office("complaint", "list", "--status", "active", "--json")).json()
    assert [c["category"] for c in listed] == ["suggestion"]
    assert "ADU-" in _ok(office("complaint", "list")).out

    assert _ok(office("complaint", "response-days", "--json")).json() == {"response_days": 10}
    assert _ok(office("complaint", "response-days", "15", "--json", *AS, env=ADMIN)).json() == {
        "response_days": 15
    }


def test_complaint_refusals_are_one_line(office):
    _refused(office("complaint", "new"), "--text")
    _refused(office("complaint", "new", "--text", "x", "--phone", "halo"), "phone")
    _refused(office("complaint", "new", "--text", "x", "--channel", "fax"), "channel")
    _refused(office("complaint", "show", "ADU-2026-000099"), "ADU-2026-000099")
    _refused(office("complaint", "show", "nonsense"), "ADU-2026-000123")
    number = _ok(office("complaint", "new", "--text", "x", "--json")).json()["number"]
    _refused(office("complaint", "follow-up", number), "--note")
    _ok(office("complaint", "follow-up", number, "--note", "y", "--status", "answered"))
    _refused(
        office("complaint", "follow-up", number, "--note", "y", "--status", "open"),
        "next: closed, in_progress",
    )
    _ok(office("complaint", "close", number, "--note", "duplikat"))
    _refused(office("complaint", "close", number, "--note", "lagi"), "closed")
    _refused(office("complaint", "response-days", "0", *AS, env=ADMIN), "1–365")


def test_complaint_new_prints_its_slip(office):
    with SimPrinter() as sim:
        data = _ok(
            office("complaint", "new", "--text", "Toilet rusak", "--printer", sim.uri, "--json")
        ).json()
        assert data["print"]["printed"] is True
        assert sim.wait_for(lambda raw: data["number"].encode() in raw)
        page = decode(sim.received)
    assert data["number"] in page.text and "Toilet rusak" in page.text
    assert page.qr_texts() == [data["number"]]
