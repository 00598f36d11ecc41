"""Loading the year's holidays from a file (the SKB list of national holidays and
cuti bersama, typed once into a spreadsheet and saved as CSV).

One holiday per line: a date and a name, separated by a comma, a semicolon (what
Excel writes on Indonesian Windows) or a tab. Dates as 2026-12-25, 25/12/2026 or
25-12-2026. A first line that is a heading is skipped. The file is checked as a whole
first: one bad line refuses it all, naming the line, so nothing is half loaded.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from loket.models import validation as check
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput
from loket.models.staffing import hours as service_hours
from loket.models.staffing.hours import HolidayInfo

MAX_LINES = 400
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


@dataclass(frozen=True)
class HolidayImport:
    added: tuple[HolidayInfo, ...]
    already: tuple[HolidayInfo, ...]  # dates already on the calendar, left as they were

    def text(self) -> tuple[str, str]:
        return (
            f"{len(self.added)} hari libur ditambahkan, {len(self.already)} sudah ada",
            f"{len(self.added)} holidays added, {len(self.already)} already there",
        )


def _date(raw: str) -> dt.date | None:
    text = raw.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def _refuse(line: int, why_id: str, why_en: str) -> InvalidInput:
    return InvalidInput(f"Baris {line}: {why_id}", f"Line {line}: {why_en}")


def decode(raw: bytes) -> str:
    """A spreadsheet's CSV as text: UTF-8 (with or without a BOM), else Windows-1252,
    which is what an older Excel writes."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_holidays(text: str) -> list[tuple[dt.date, str]]:
    """The (date, name) pairs of a holiday file, or an InvalidInput naming the bad line."""
    lines = text.lstrip("\ufeff").splitlines()
    if len(lines) > MAX_LINES:
        raise InvalidInput(
            f"Berkas terlalu panjang ({len(lines)} baris, paling banyak {MAX_LINES})",
            f"The file is too long ({len(lines)} lines, at most {MAX_LINES})",
        )
    sample = "\n".join(lines[:5])
    delimiter = max((";", ",", "\t"), key=sample.count)
    rows: list[tuple[dt.date, str]] = []
    seen: dict[dt.date, int] = {}
    for number, cells in enumerate(
        csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), 1
    ):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        day = _date(cells[0])
        if day is None:
            if number == 1 and not rows:
                continue  # a heading such as "tanggal;keterangan"
            raise _refuse(
                number,
                f"tanggal tidak sah '{cells[0]}' (mis. 2026-12-25 atau 25/12/2026)",
                f"invalid date '{cells[0]}' (e.g. 2026-12-25 or 25/12/2026)",
            )
        name = " ".join(c for c in cells[1:] if c)
        if not name:
            raise _refuse(
                number, f"nama hari libur {day} kosong", f"the holiday on {day} has no name"
            )
        if day in seen:
            raise _refuse(
                number,
                f"{day} sudah ada di baris {seen[day]}",
                f"{day} is already on line {seen[day]}",
            )
        check.text(name, f"Baris {number}: nama hari libur", f"Line {number}: holiday name", 120)
        seen[day] = number
        rows.append((day, name))
    if not rows:
        raise InvalidInput("Berkas tidak berisi hari libur", "The file holds no holidays")
    return rows


def import_holidays(
    rows: Sequence[tuple[dt.date, str]], clock: Clock = SYSTEM_CLOCK
) -> HolidayImport:
    """Add every date not on the calendar yet, in one transaction."""
    added: list[HolidayInfo] = []
    already: list[HolidayInfo] = []
    with write_transaction():
        known = {h.day: h for h in service_hours.list_holidays()}
        for day, name in rows:
            if day in known:
                already.append(known[day])
            else:
                added.append(service_hours.add_holiday(day, name, clock))
    return HolidayImport(tuple(added), tuple(already))


__all__ = ["HolidayImport", "decode", "import_holidays", "parse_holidays"]
