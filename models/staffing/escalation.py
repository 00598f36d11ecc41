"""How long the front desk may stay unstaffed before a gap goes to the head: the
``staffing_escalation_minutes`` setting, read and changed.
"""

from __future__ import annotations

import datetime as dt

from loket.models import rawsql
from loket.models import validation as check_input
from loket.models.changefeed import publish
from loket.models.db import write_transaction

ESCALATION_SETTING = "staffing_escalation_minutes"
DEFAULT_ESCALATION_MINUTES = 10


def escalation_delay() -> dt.timedelta:
    row = rawsql.fetch_one("SELECT value FROM setting WHERE key = ?", (ESCALATION_SETTING,))
    minutes = int(row[0]) if row and str(row[0]).isdigit() else DEFAULT_ESCALATION_MINUTES
    return dt.timedelta(minutes=minutes)


def set_escalation_delay(minutes: int | str) -> dt.timedelta:
    value = check_input.positive_int(
        minutes, "Tunda eskalasi (menit)", "Escalation delay (minutes)", 1, 24 * 60
    )
    with write_transaction():
        rawsql.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (ESCALATION_SETTING, str(value)),
        )
        publish("settings")
    return dt.timedelta(minutes=value)
