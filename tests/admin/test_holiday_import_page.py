"""The hours page loads the year's holidays from a CSV file the admin picks."""

from __future__ import annotations

from loket.models.office import audit
from loket.models.staffing import hours as service_hours


def _days(page) -> list[str]:
    table = page.holidays
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_admin_loads_a_holiday_csv_and_a_bad_file_changes_nothing(
    log_in, open_page, tap, dialogs, tmp_path
):
    good = tmp_path / "libur-2027.csv"
    good.write_text("Tanggal;Keterangan\n01/01/2027;Tahun Baru\n2027-03-10;Nyepi\n", "utf-8")
    bad = tmp_path / "rusak.csv"
    bad.write_text("2027-05-01;Hari Buruh\n2027-13-01;Salah\n", "utf-8")
    window = log_in("admin")
    page = open_page(window, "hours")
    dialogs.files = [None, str(bad), str(good), str(tmp_path / "hilang.csv")]

    tap(page.holiday_import)  # cancelled
    assert service_hours.list_holidays() == []
    tap(page.holiday_import)
    assert page.notice.property("role") == "error"
    assert "Baris 2" in page.notice.text()
    assert service_hours.list_holidays() == []  # nothing half loaded
    tap(page.holiday_import)
    assert page.notice.text() == "2 hari libur ditambahkan, 0 sudah ada"
    assert {"2027-01-01", "2027-03-10"} <= {d[:10] for d in _days(page)}
    assert audit.list_audit()[0].action == "holiday_import"
    tap(page.holiday_import)  # a file that is not there
    assert page.notice.property("role") == "error" and "Berkas tidak ada" in page.notice.text()


def test_a_device_a_pipe_a_folder_or_a_huge_file_is_refused_at_once(
    log_in, open_page, tap, dialogs, tmp_path
):
    import os
    import time

    fifo = tmp_path / "pipa.csv"
    os.mkfifo(fifo)
    huge = tmp_path / "besar.csv"
    huge.write_bytes(b"2027-01-01;Tahun Baru\n" * 20_000)  # ~440 KB
    window = log_in("admin")
    page = open_page(window, "hours")
    cases = [
        ("/dev/zero", "bukan berkas biasa"),
        (str(fifo), "bukan berkas biasa"),
        (str(tmp_path), "adalah folder"),
        (str(huge), "terlalu besar"),
    ]
    dialogs.files = [path for path, _ in cases]
    for path, said in cases:
        started = time.monotonic()
        tap(page.holiday_import)
        assert time.monotonic() - started < 2, path
        assert page.notice.property("role") == "error" and said in page.notice.text(), path
    assert service_hours.list_holidays() == []
