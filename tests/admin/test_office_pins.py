"""The office page's PIN minimum: 6 digits unless the admin allows fewer, which the page
warns about in one line; new PINs then follow it, existing ones keep working."""

from __future__ import annotations

import pytest

from loket.models.errors import InvalidInput
from loket.models.office import audit, staff


def test_allowing_four_digits_is_warned_and_audited_and_six_clears_it(
    log_in, open_page, tap, clock
):
    window = log_in("kepala")
    page = open_page(window, "office")
    page.pin_digits.setValue(4)
    tap(page.pin_save)
    assert page.notice.text() == "Minimal PIN disimpan"
    assert page.pin_warning.isVisible() or not page.isVisible()
    assert "PIN 4 angka dapat ditebak" in page.pin_warning.text()
    assert "\n" not in page.pin_warning.text()
    staff.add_staff("tono", "Tono", "staff", "4321")  # 4 digits now allowed
    (entry,) = audit.list_audit(action="pin_min_digits")[:1]
    assert entry.actor == "kepala" and entry.detail == {"pin_min_digits": 4}

    page.pin_digits.setValue(6)
    tap(page.pin_save)
    assert page.pin_warning.text() == "" and not page.pin_warning.isVisible()
    with pytest.raises(InvalidInput):
        staff.add_staff("tini", "Tini", "staff", "4321")
    assert page.pin_digits.value() == 6
