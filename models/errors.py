"""Domain errors: every refusal a person can meet, worded in Indonesian and English."""

from __future__ import annotations

import re

#: Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
#: the text around them on screen, so a name can show something other than what it holds.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What a one-line message never shows raw: C0/C1 control characters (newline, carriage
# return, escape, …), line/paragraph separators and the bidi controls and marks.
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def one_line(text: str, keep: str = "") -> str:
    """``text`` with control characters, escape sequences and bidi controls shown escaped
    (``\\n``, ``\\x1b``, ``\\u202e``): a refusal quoting what someone typed stays one
    readable line and cannot rewrite the terminal or reorder the screen. Characters in
    ``keep`` (a listing's newlines and tabs) are left as they are."""
    if keep:
        return _UNSHOWABLE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return _UNSHOWABLE.sub(_escape, text)


class LoketError(Exception):
    """A refusal with a message for people, never a traceback.

    ``message_id`` is Bahasa Indonesia, ``message_en`` English; ``str()`` gives both.
    """

    code = "error"

    def __init__(self, message_id: str, message_en: str) -> None:
        # Input quoted in a refusal is shown escaped, on screen and in the terminal alike.
        message_id, message_en = one_line(message_id), one_line(message_en)
        super().__init__(f"{message_id} / {message_en}")
        self.message_id = message_id
        self.message_en = message_en

    def message(self, language: str = "id") -> str:
        return self.message_en if language == "en" else self.message_id


class ConfigurationError(LoketError):
    code = "configuration"


class DatabaseUnavailable(LoketError):
    code = "database_unavailable"


class NotFound(LoketError):
    code = "not_found"


class InvalidInput(LoketError):
    code = "invalid_input"


class ServiceClosed(LoketError):
    code = "service_closed"


class QuotaReached(LoketError):
    code = "quota_reached"


class IllegalTransition(LoketError):
    code = "illegal_transition"


class PermissionDenied(LoketError):
    code = "permission_denied"


class DatabaseMissing(LoketError):
    """No Loket database at the path or server given (only ``loket init`` creates one)."""

    code = "database_missing"


class DatabaseDamaged(LoketError):
    """The SQLite file failed its integrity check: Loket reads it but never writes to it."""

    code = "database_damaged"


class DatabaseTooNew(LoketError):
    """The database carries a migration this build does not know."""

    code = "database_too_new"


class ConnectionLost(DatabaseUnavailable):
    """The connection to the database server dropped (server restart, network cut).

    The thread's connection has been dropped and the next database use reconnects by
    itself (see :mod:`loket.models.db`); the action that hit the outage did not finish
    here, or its outcome is unknown. Shown as a one-line refusal; try again shortly.
    """

    code = "connection_lost"

    def __init__(
        self,
        message_id: str = "Sedang menyambung ulang ke server… coba lagi sebentar lagi",
        message_en: str = "Reconnecting to the server… please try again in a moment",
    ) -> None:
        super().__init__(message_id, message_en)


class TooManyConnections(DatabaseUnavailable):
    """The server refused a new connection: ``max_connections`` is used up (SQLSTATE 53300)."""

    code = "too_many_connections"


class DiskFull(LoketError):
    """The disk holding the database (or a file being written) is full; the transaction
    was rolled back, nothing is half-written (see :mod:`loket.models.disk_full`)."""

    code = "disk_full"
