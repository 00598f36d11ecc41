"""Domain errors: every refusal a person can meet, worded in Indonesian and English."""

from __future__ import annotations


class LoketError(Exception):
    """A refusal with a message for people, never a traceback.

    ``message_id`` is Bahasa Indonesia, ``message_en`` English; ``str()`` gives both.
    """

    code = "error"

    def __init__(self, message_id: str, message_en: str) -> None:
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
