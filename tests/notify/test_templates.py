"""Message texts: both languages, one SMS even for a long office name, the SMS length
arithmetic, and office templates checked when they are set."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models.errors import InvalidInput
from loket.models.notify.templates import DEFAULTS, KINDS, render, sms_parts
from loket.models.settings import OfficeSettings, load_settings, update_settings

LONG_OFFICE = (
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kepulauan Seribu Utara"
)
REFERENCES = {
    "receipt_ready": "TT-2026-000123",
    "complaint_answered": "ADU-2026-000045",
    "complaint_closed": "ADU-2026-000045",
    "ticket_near": "A-123",
}


def test_receipt_ready_reads_well_in_both_languages():
    office = OfficeSettings(office_name="DPMPTSP Kota Bogor")
    text_id = render("receipt_ready", "id", office, reference="TT-2026-000123")
    text_en = render("receipt_ready", "en", office, reference="TT-2026-000123")
    assert text_id == (
        "DPMPTSP Kota Bogor: Dokumen dengan tanda terima TT-2026-000123 sudah siap diambil. "
        "Bawa tanda terima Anda."
    )
    assert text_en.startswith("DPMPTSP Kota Bogor: The document for receipt TT-2026-000123")
    assert "ready for collection" in text_en


def test_a_language_not_offered_falls_back_to_indonesian():
    office = OfficeSettings(office_name="Kecamatan Cibinong")
    assert render("complaint_closed", "fr", office, reference="ADU-2026-000001") == render(
        "complaint_closed", "id", office, reference="ADU-2026-000001"
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_default_fits_one_sms_even_for_a_long_office_name(kind, language):
    office = OfficeSettings(office_name=LONG_OFFICE)
    text = render(
        kind,
        language,
        office,
        reference=REFERENCES[kind],
        service="Perizinan Berusaha dan Non Berusaha",
    )
    parts = sms_parts(text)
    assert parts.gsm7 and parts.parts == 1, (parts, text)
    # Shortened at a word, the number the visitor holds kept whole.
    assert REFERENCES[kind] in text
    assert text.startswith("Dinas Penanaman Modal dan Pelayanan Terpadu")
    assert text.split(":")[0] in LONG_OFFICE and not text.split(":")[0].endswith(" ")


def test_a_short_office_name_is_never_shortened():
    office = OfficeSettings(office_name="Kelurahan Menteng")
    for kind in KINDS:
        assert render(kind, "id", office, reference="X-1", service="KTP").startswith(
            "Kelurahan Menteng: "
        )


@pytest.mark.parametrize(
    ("text", "gsm7", "length", "parts"),
    [
        ("", True, 0, 0),
        ("a" * 160, True, 160, 1),
        ("a" * 161, True, 161, 2),
        ("a" * 306, True, 306, 2),
        ("a" * 307, True, 307, 3),
        ("{" * 80, True, 160, 1),  # the extension table: two characters each
        ("€" + "a" * 159, True, 161, 2),
        ("Rp 10.000 @ loket 2", True, 19, 1),
        ("é" * 160, True, 160, 1),  # in the GSM-7 table
        ("’" + "a" * 69, False, 70, 1),  # a curly quote makes the whole text Unicode
        ("’" + "a" * 70, False, 71, 2),
        ("’" + "a" * 134, False, 135, 3),
        ("😀" * 35, False, 70, 1),  # two UTF-16 units each
    ],
)
def test_sms_parts(text, gsm7, length, parts):
    result = sms_parts(text)
    assert (result.gsm7, result.length, result.parts) == (gsm7, length, parts)


def test_the_date_and_service_placeholders(db):
    update_settings(
        office_name="Kecamatan Bogor Tengah",
        notify_template_ticket_near_id="{office}: {reference} {service} {date} segera dipanggil",
    )
    text = render(
        "ticket_near",
        "id",
        load_settings(),
        reference="B-007",
        service="Perizinan",
        date=dt.date(2026, 12, 4),
    )
    assert text == "Kecamatan Bogor Tengah: B-007 Perizinan 04-12-2026 segera dipanggil"


def test_an_office_template_replaces_the_default_and_blank_restores_it(db):
    update_settings(notify_template_receipt_ready_en="Your document {reference} is ready.")
    settings = load_settings()
    assert render("receipt_ready", "en", settings, reference="TT-2026-000009") == (
        "Your document TT-2026-000009 is ready."
    )
    assert render("receipt_ready", "id", settings, reference="TT-2026-000009").endswith(
        DEFAULTS[("receipt_ready", "id")].split("}")[-1]
    )
    update_settings(notify_template_receipt_ready_en="")
    assert "ready for collection" in render(
        "receipt_ready", "en", load_settings(), reference="TT-2026-000009"
    )


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("Dokumen {nomor} siap", "{nomor}"),
        ("Dokumen {reference} siap di {kantor}", "{kantor}"),
        ("Dokumen {reference!r} siap", "{reference!r}"),
        ("Dokumen {reference:>20} siap", "{reference:>20}"),
        ("Dokumen {} siap", "{ }"),
        ("Dokumen {0} siap", "{0}"),
    ],
)
def test_an_unknown_placeholder_is_refused_in_one_line(db, template, shown):
    with pytest.raises(InvalidInput) as refused:
        update_settings(notify_template_receipt_ready_id=template)
    error = refused.value
    assert f"unknown placeholder {shown}" in error.message_en
    assert f"isian {shown} tidak dikenal" in error.message_id
    assert "{office} {reference} {service} {date}" in error.message_en
    assert "\n" not in str(error)
    assert load_settings().notify_template_receipt_ready_id == ""  # nothing was stored


def test_an_unpaired_brace_is_refused(db):
    for template in ("Dokumen {reference siap", "Dokumen reference} siap"):
        with pytest.raises(InvalidInput, match="unpaired brace"):
            update_settings(notify_template_receipt_ready_id=template)


def test_braces_written_twice_are_text(db):
    update_settings(notify_template_complaint_closed_id="{{{reference}}} selesai")
    text = render("complaint_closed", "id", load_settings(), reference="ADU-2026-000001")
    assert text == "{ADU-2026-000001} selesai"


def test_notify_settings_are_checked(db):
    settings = update_settings(
        notify_channel="WEBHOOK",
        notify_webhook_url="https://wa.example.id/kirim",
        notify_near_ahead="3",
        notify_retention_days="90",
        notify_sms_mode="smsd",
    )
    assert settings.notify_channel == "webhook" and settings.notify_near_ahead == 3
    assert settings.notify_retention_days == 90 and settings.notify_sms_mode == "smsd"
    for key, value, why in [
        ("notify_channel", "telegram", "Unknown notify_channel"),
        ("notify_webhook_url", "ftp://x", "http:// or https://"),
        ("notify_near_ahead", "-1", "whole number 0–50"),
        ("notify_max_attempts", "0", "whole number 1–20"),
        ("notify_retention_days", "0", "whole number 1–3660"),
    ]:
        with pytest.raises(InvalidInput, match=why):
            update_settings(**{key: value})
    assert load_settings().notify_max_attempts == 5


def test_a_broken_template_written_past_the_check_falls_back_to_the_default(db):
    from loket.models.tables import Setting

    Setting.insert(key="notify_template_receipt_ready_id", value="Siap {nomor").execute()
    text = render("receipt_ready", "id", load_settings(), reference="TT-2026-000001")
    assert "TT-2026-000001 sudah siap diambil" in text
