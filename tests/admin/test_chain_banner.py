"""The live board tells the head at once when a log was cut behind the application's
back: its periodic check compares the heads with this PC's witness."""

from __future__ import annotations

from loket.admin.console.coverage_page import CHECK_EVERY_TICKS
from loket.models import rawsql
from loket.models.db import write_transaction
from loket.models.integrity import checkpoints
from loket.models.office import audit


def _cut_newest_audit_entry() -> int:
    (length,) = rawsql.fetch_one("SELECT MAX(seq) FROM audit_entry") or (0,)
    keep = int(length) - 1
    (head,) = rawsql.fetch_one("SELECT row_hash FROM audit_entry WHERE seq = ?", (keep,)) or ("",)
    with write_transaction():
        rawsql.execute("DELETE FROM audit_entry WHERE seq > ?", (keep,))
        rawsql.execute(
            "UPDATE chain_head SET length = ?, head_hash = ? WHERE chain = 'admin_audit'",
            (keep, head),
        )
    return keep


def test_a_cut_audit_log_shows_a_red_banner_on_the_live_board(log_in, open_page, clock):
    window = log_in("kepala")
    page = open_page(window, "coverage")
    audit.record_operator("settings", "office", {"office_name": "x"})
    audit.record_operator("settings", "office", {"office_name": "y"})
    keep = _cut_newest_audit_entry()
    checkpoints.reset_polling()
    for _ in range(CHECK_EVERY_TICKS):
        page.tick()
    assert page.chain_banner.isVisible()
    text = page.chain_banner.text()
    assert text.startswith("LOG RUSAK") and f"setelah entri {keep}" in text
    assert "\n" not in text
