"""Every page of the admin window after the live board, in navigation order."""

from __future__ import annotations

from loket.admin.console.parts import Page

PAGE_TYPES: list[type[Page]] = []
