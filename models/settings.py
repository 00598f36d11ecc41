"""Office-wide settings: identity, time zone and queue rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from loket.models import rawsql
from loket.models.changefeed import publish
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput
from loket.models.tables import Setting
from loket.models.validation import service_code, visible


@dataclass(frozen=True)
class OfficeSettings:
    office_name: str = "Kantor Pelayanan Publik"
    office_address: str = ""
    office_id: str = "LOKET"
    timezone: str = "Asia/Jakarta"
    complaint_channel: str = (
        "Pengaduan: kios Loket atau SP4N-LAPOR! (lapor.go.id) / "
        "Complaints: the Loket kiosk or SP4N-LAPOR!"
    )
    # Working days within which a complaint is answered (Perpres 76/2013 practice).
    complaint_response_days: int = 10
    # After this many normal calls a counter calls a waiting priority visitor.
    interleave_normal: int = 2
    front_desk_minimum: int = 1
    # Display board: the ticker (empty: the maklumat pelayanan) and a logo image path.
    board_running_text: str = ""
    board_running_text_en: str = ""
    office_logo: str = ""
    # Display board voice (auto|qt|espeak|chime) and the English sentence after the
    # Indonesian one; `loket-display --voice/--no-english` override these on one board.
    board_voice: str = "auto"
    board_english: bool = True
    # The kiosk's home-screen language, and the one it returns to for the next visitor.
    kiosk_language: str = "id"
    # Expected completion printed on every document receipt: working days after the day
    # it is handed in (Monday–Friday, the office's holidays skipped), as the office's
    # standar pelayanan promises; per recipient unit "Unit=days; Unit=days" overrides it,
    # and the receiving officer's own figure overrides both.
    completion_working_days: int = 5
    completion_days_by_unit: str = ""
    # The office's wait target for the workload report (Erlang C): this share of visitors
    # called within this many minutes; and the effective working hours of one officer a
    # year for the ABK (PermenPANRB 1/2020: 1,250).
    wait_target_pct: int = 80
    wait_target_minutes: int = 15
    # Per service over the office's target: "A=90/10; B=80/20" (percent/minutes).
    wait_target_by_service: str = ""
    abk_effective_hours: int = 1250
    # The ABK's standard time per service in minutes, "A=12; B=20", where the office's
    # own figure replaces the measured median service time.
    abk_standard_minutes: str = ""
    # Telling visitors by SMS or a WhatsApp/webhook gateway (models/notify): the channel
    # (off | sms | webhook), its set-up, how often a message is tried, "your number is
    # near" when this many or fewer are ahead (0: never), and after how many days the
    # numbers of closed matters are deleted.
    notify_channel: str = "off"
    notify_webhook_url: str = ""
    notify_webhook_secret: str = ""
    notify_gammu_config: str = ""  # a gammurc path
    notify_sms_mode: str = "direct"  # direct (python-gammu) | smsd (gammu-smsd-inject)
    notify_max_attempts: int = 5
    notify_near_ahead: int = 0
    notify_retention_days: int = 30
    # The office's own message texts; empty: the built-in text (models/notify/templates).
    notify_template_receipt_ready_id: str = ""
    notify_template_receipt_ready_en: str = ""
    notify_template_complaint_answered_id: str = ""
    notify_template_complaint_answered_en: str = ""
    notify_template_complaint_closed_id: str = ""
    notify_template_complaint_closed_en: str = ""
    notify_template_ticket_near_id: str = ""
    notify_template_ticket_near_en: str = ""
    # New PINs have at least this many digits (4–12); see models/office/pin_policy.py.
    pin_min_digits: int = 6

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, instant: dt.datetime) -> dt.datetime:
        return instant.astimezone(self.zone)

    def today(self, instant: dt.datetime) -> dt.date:
        return self.local(instant).date()

    def completion_days(self, unit: str) -> int:
        """Working days promised for a document sent to ``unit`` (names match ignoring
        case and spacing)."""
        wanted = _unit_key(unit)
        for name, days in _unit_days(self.completion_days_by_unit):
            if _unit_key(name) == wanted:
                return days
        return self.completion_working_days

    def wait_targets(self) -> dict[str, tuple[float, float]]:
        """Service code → (share, minutes) for the services with their own target."""
        from loket.models.wait_targets import parse_wait_targets

        return {
            c: (p / 100, float(m)) for c, p, m in parse_wait_targets(self.wait_target_by_service)
        }

    def standard_minutes(self) -> dict[str, float]:
        """The ABK's standard minutes set per service code."""
        return dict(_standard_minutes(self.abk_standard_minutes))


MAX_COMPLETION_DAYS = 365
UNIT_DAYS_KEY = "completion_days_by_unit"


def _unit_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _unit_days(text: str) -> list[tuple[str, int]]:
    """``"Seksi Pemerintahan=10; Bidang Perizinan=14"`` (``;`` or new lines between
    entries) → [(unit, days), …]; an InvalidInput names the first bad entry."""
    entries: list[tuple[str, int]] = []
    seen: set[str] = set()
    for raw in text.replace("\n", ";").split(";"):
        if not raw.strip():
            continue
        name, sep, days = raw.rpartition("=")
        name, days = " ".join(name.split()), days.strip()
        if not sep or not name:
            raise InvalidInput(
                f"{UNIT_DAYS_KEY}: tulis UNIT=HARI, bukan '{raw.strip()}'",
                f"{UNIT_DAYS_KEY}: write UNIT=DAYS, not '{raw.strip()}'",
            )
        if len(name) > 120:
            raise InvalidInput(
                f"{UNIT_DAYS_KEY}: nama unit terlalu panjang (maks. 120): '{name[:40]}…'",
                f"{UNIT_DAYS_KEY}: unit name too long (max 120): '{name[:40]}…'",
            )
        if not days.isascii() or not days.isdigit() or int(days) > MAX_COMPLETION_DAYS:
            raise InvalidInput(
                f"{UNIT_DAYS_KEY}: hari kerja untuk '{name}' harus bilangan bulat "
                f"0–{MAX_COMPLETION_DAYS}, bukan '{days}'",
                f"{UNIT_DAYS_KEY}: the working days for '{name}' must be a whole number "
                f"0–{MAX_COMPLETION_DAYS}, not '{days}'",
            )
        if _unit_key(name) in seen:
            raise InvalidInput(
                f"{UNIT_DAYS_KEY}: unit '{name}' disebut dua kali",
                f"{UNIT_DAYS_KEY}: unit '{name}' is listed twice",
            )
        seen.add(_unit_key(name))
        entries.append((name, int(days)))
    return entries


STANDARD_KEY = "abk_standard_minutes"
MAX_STANDARD_MINUTES = 480


def _standard_minutes(text: str) -> list[tuple[str, float]]:
    """``"A=12; B=20,5"`` → [("A", 12.0), ("B", 20.5)]; an InvalidInput names the
    first bad entry."""
    entries: list[tuple[str, float]] = []
    for raw in text.replace("\n", ";").split(";"):
        if not raw.strip():
            continue
        code, sep, minutes = raw.partition("=")
        if not sep:
            raise InvalidInput(
                f"{STANDARD_KEY}: tulis KODE=MENIT, bukan '{raw.strip()}'",
                f"{STANDARD_KEY}: write CODE=MINUTES, not '{raw.strip()}'",
            )
        try:
            code = service_code(code)
        except InvalidInput:
            raise InvalidInput(
                f"{STANDARD_KEY}: kode layanan harus 1–2 huruf A–Z, bukan '{code.strip()}'",
                f"{STANDARD_KEY}: a service code is 1–2 letters A–Z, not '{code.strip()}'",
            ) from None
        text_minutes = minutes.strip().replace(",", ".")
        try:
            value = float(text_minutes) if text_minutes.isascii() else -1.0
        except ValueError:
            value = -1.0
        if not 0 < value <= MAX_STANDARD_MINUTES:  # also refuses nan
            raise InvalidInput(
                f"{STANDARD_KEY}: menit untuk {code} harus angka lebih dari 0 sampai "
                f"{MAX_STANDARD_MINUTES}, bukan '{minutes.strip()}'",
                f"{STANDARD_KEY}: the minutes for {code} must be a number above 0 up to "
                f"{MAX_STANDARD_MINUTES}, not '{minutes.strip()}'",
            )
        if code in dict(entries):
            raise InvalidInput(
                f"{STANDARD_KEY}: layanan {code} disebut dua kali",
                f"{STANDARD_KEY}: service {code} is listed twice",
            )
        entries.append((code, value))
    return entries


_INT_KEYS = {
    "interleave_normal": (1, 20),
    "front_desk_minimum": (0, 100),
    "complaint_response_days": (1, 365),
    "completion_working_days": (0, MAX_COMPLETION_DAYS),
    "wait_target_pct": (1, 100),
    "wait_target_minutes": (0, 480),
    "abk_effective_hours": (1, 8784),
    "notify_max_attempts": (1, 20),
    "notify_near_ahead": (0, 50),
    "notify_retention_days": (1, 3660),
    "pin_min_digits": (4, 12),
}
_BOOL_KEYS = ("board_english",)
_YES = ("1", "yes", "ya", "y", "true", "on")
_NO = ("0", "no", "tidak", "n", "false", "off")
BOARD_VOICES = ("auto", "qt", "espeak", "chime")
KIOSK_LANGUAGES = ("id", "en")
NOTIFY_CHANNELS = ("off", "sms", "webhook")
NOTIFY_SMS_MODES = ("direct", "smsd")
_CHOICE_KEYS = {
    "board_voice": BOARD_VOICES,
    "kiosk_language": KIOSK_LANGUAGES,
    "notify_channel": NOTIFY_CHANNELS,
    "notify_sms_mode": NOTIFY_SMS_MODES,
}
SETTING_KEYS = tuple(f.name for f in fields(OfficeSettings))


def load_settings() -> OfficeSettings:
    values: dict[str, object] = {}
    for key, value in rawsql.fetch_all("SELECT key, value FROM setting"):
        if key not in SETTING_KEYS:
            continue
        if key in _INT_KEYS:
            values[key] = int(value)
        elif key in _BOOL_KEYS:
            values[key] = value == "1"
        else:
            values[key] = value
    return OfficeSettings(**values)  # type: ignore[arg-type]


def validate_setting(key: str, value: str) -> str:
    if key not in SETTING_KEYS:
        raise InvalidInput(
            f"Pengaturan tidak dikenal: {key} (pilihan: {', '.join(SETTING_KEYS)})",
            f"Unknown setting: {key} (choices: {', '.join(SETTING_KEYS)})",
        )
    value = value.strip()
    if key in _INT_KEYS:
        low, high = _INT_KEYS[key]
        if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
            raise InvalidInput(
                f"{key} harus bilangan bulat {low}–{high}, bukan '{value}'",
                f"{key} must be a whole number {low}–{high}, not '{value}'",
            )
        value = str(int(value))
    elif key in _BOOL_KEYS:
        if value.lower() not in _YES + _NO:
            raise InvalidInput(
                f"{key} harus ya atau tidak (1/0), bukan '{value}'",
                f"{key} must be yes or no (1/0), not '{value}'",
            )
        value = "1" if value.lower() in _YES else "0"
    elif key in _CHOICE_KEYS:
        choices = _CHOICE_KEYS[key]
        if value.lower() not in choices:
            raise InvalidInput(
                f"{key} tidak dikenal: '{value}' (pilihan: {', '.join(choices)})",
                f"Unknown {key}: '{value}' (choices: {', '.join(choices)})",
            )
        value = value.lower()
    elif key == "timezone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidInput(
                f"Zona waktu tidak dikenal: {value} (contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
                f"Unknown time zone: {value} (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
            ) from exc
    elif key == STANDARD_KEY:
        value = "; ".join(f"{code}={minutes:g}" for code, minutes in _standard_minutes(value))
    elif key == "wait_target_by_service":
        from loket.models.wait_targets import normalised

        value = normalised(value)
    elif key == UNIT_DAYS_KEY:
        value = "; ".join(f"{name}={days}" for name, days in _unit_days(value))
    elif key.startswith("notify_template_"):
        from loket.models.message_templates import check_template

        check_template(key, value)
    elif key == "notify_webhook_url" and value:
        if not value.lower().startswith(("http://", "https://")) or " " in value:
            raise InvalidInput(
                f"{key} harus alamat http:// atau https://, bukan '{value}'",
                f"{key} must be an http:// or https:// address, not '{value}'",
            )
    elif key in ("office_name", "office_id") and not value:
        raise InvalidInput(f"{key} tidak boleh kosong", f"{key} must not be empty")
    # Shown on the board and printed on tickets: no escapes, no bidi tricks.
    return visible(value, key, key, newlines=key.startswith("board_running_text"))


def update_settings(**changes: str) -> OfficeSettings:
    cleaned = {key: validate_setting(key, str(value)) for key, value in changes.items()}
    with write_transaction():
        for key, value in cleaned.items():
            Setting.insert(key=key, value=value).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value}
            ).execute()
        publish("settings")
    return load_settings()
