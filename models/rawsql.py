"""Hand-written SQL for the hot paths (issuing, calling).

peewee spends ~0.3 ms building each query; the kiosk's tap-to-print path runs a
handful of statements per ticket, so those are written once here with ``?``
placeholders and translated to the driver's style (``%s`` for psycopg) once per
backend.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from loket.models.db import database


@lru_cache(maxsize=256)
def _translate(sql: str, param: str) -> str:
    return sql if param == "?" else sql.replace("?", param)


def execute(sql: str, params: tuple[Any, ...] = ()) -> Any:
    db = database.obj
    return db.execute_sql(_translate(sql, db.param), params)


def fetch_one(sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = execute(sql, params).fetchone()
    return row


def fetch_all(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(execute(sql, params).fetchall())
