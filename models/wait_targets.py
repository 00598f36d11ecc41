"""Per-service wait targets: ``"A=90/10; B=80/20"`` — 90 % of service A's visitors
called within 10 minutes — over the office-wide ``wait_target_pct``/``wait_target_minutes``.
"""

from __future__ import annotations

from loket.models.errors import InvalidInput
from loket.models.validation import service_code

WAIT_TARGETS_KEY = "wait_target_by_service"
MAX_TARGET_MINUTES = 480


def _whole(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        return None
    return int(text)


def parse_wait_targets(text: str) -> list[tuple[str, int, int]]:
    """``"A=90/10; B=80/20"`` → [("A", 90, 10), ("B", 80, 20)]; an InvalidInput names
    the first bad entry."""
    entries: list[tuple[str, int, int]] = []
    for raw in text.replace("\n", ";").split(";"):
        if not raw.strip():
            continue
        code, sep, target = raw.partition("=")
        pct, slash, minutes = target.partition("/")
        if not sep or not slash:
            raise InvalidInput(
                f"{WAIT_TARGETS_KEY}: tulis KODE=PERSEN/MENIT (mis. A=80/15), bukan '{raw.strip()}'",
                f"{WAIT_TARGETS_KEY}: write CODE=PERCENT/MINUTES (e.g. A=80/15), not '{raw.strip()}'",
            )
        try:
            code = service_code(code)
        except InvalidInput:
            raise InvalidInput(
                f"{WAIT_TARGETS_KEY}: kode layanan harus 1–2 huruf A–Z, bukan '{code.strip()}'",
                f"{WAIT_TARGETS_KEY}: a service code is 1–2 letters A–Z, not '{code.strip()}'",
            ) from None
        share, within = _whole(pct, 1, 100), _whole(minutes, 0, MAX_TARGET_MINUTES)
        if share is None or within is None:
            raise InvalidInput(
                f"{WAIT_TARGETS_KEY}: target {code} harus persen 1–100 dan menit "
                f"0–{MAX_TARGET_MINUTES}, bukan '{target.strip()}'",
                f"{WAIT_TARGETS_KEY}: the target for {code} must be a percent 1–100 and "
                f"minutes 0–{MAX_TARGET_MINUTES}, not '{target.strip()}'",
            )
        if any(code == c for c, _, _ in entries):
            raise InvalidInput(
                f"{WAIT_TARGETS_KEY}: layanan {code} disebut dua kali",
                f"{WAIT_TARGETS_KEY}: service {code} is listed twice",
            )
        entries.append((code, share, within))
    return entries


def normalised(text: str) -> str:
    return "; ".join(f"{c}={p}/{m}" for c, p, m in parse_wait_targets(text))
