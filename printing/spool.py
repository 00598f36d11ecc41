"""A folder of print jobs, one JSON file per job, so that no ticket or receipt is lost.

Every job is written (atomically) *before* it is sent. A job that printed and was confirmed
moves to ``done/`` (kept for reprints); anything else stays pending until a retry succeeds.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from loket.printing.atomic import write_atomic
from loket.printing.layouts import Layout, layout_from_dict, layout_to_dict

log = logging.getLogger(__name__)
DONE = "done"


@dataclass(frozen=True)
class SpoolJob:
    job_id: str
    uri: str
    created_at: datetime
    layout: Layout | None = None
    payload: bytes | None = None
    profile: str | None = None
    attempts: int = 0
    problems: tuple[str, ...] = ()
    last_message_id: str = ""
    last_message_en: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> bytes:
        data = {
            "job_id": self.job_id,
            "uri": self.uri,
            "created_at": self.created_at.isoformat(),
            "layout": layout_to_dict(self.layout) if self.layout else None,
            "payload_b64": base64.b64encode(self.payload).decode() if self.payload else None,
            "profile": self.profile,
            "attempts": self.attempts,
            "problems": list(self.problems),
            "last_message_id": self.last_message_id,
            "last_message_en": self.last_message_en,
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> SpoolJob:
        data = json.loads(raw)
        return cls(
            job_id=data["job_id"],
            uri=data["uri"],
            created_at=datetime.fromisoformat(data["created_at"]),
            layout=layout_from_dict(data["layout"]) if data.get("layout") else None,
            payload=base64.b64decode(data["payload_b64"]) if data.get("payload_b64") else None,
            profile=data.get("profile"),
            attempts=data.get("attempts", 0),
            problems=tuple(data.get("problems", ())),
            last_message_id=data.get("last_message_id", ""),
            last_message_en=data.get("last_message_en", ""),
        )


def new_job_id() -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{secrets.token_hex(3)}"


# What new_job_id makes, with room to spare; anything else is no job (and no file name).
_JOB_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,63}")


class Spool:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        (self.folder / DONE).mkdir(parents=True, exist_ok=True)

    def _path(self, job_id: str, *, done: bool = False) -> Path:
        if not _JOB_ID.fullmatch(job_id):
            raise KeyError(job_id)
        return (self.folder / DONE if done else self.folder) / f"{job_id}.json"

    def add(self, uri: str, payload: bytes | Layout, *, profile: str | None = None) -> SpoolJob:
        layout = None if isinstance(payload, bytes | bytearray) else payload
        raw = bytes(payload) if isinstance(payload, bytes | bytearray) else None
        job = SpoolJob(new_job_id(), uri, datetime.now(UTC), layout, raw, profile)
        self.save(job)
        return job

    def save(self, job: SpoolJob) -> None:
        write_atomic(self._path(job.job_id), job.to_json())

    def get(self, job_id: str) -> SpoolJob:
        """A pending job, or a finished one from ``done/`` (for reprints)."""
        for done in (False, True):
            path = self._path(job_id, done=done)
            if path.exists():
                return SpoolJob.from_json(path.read_bytes())
        raise KeyError(job_id)

    def is_pending(self, job_id: str) -> bool:
        return self._path(job_id).exists()

    def record_failure(
        self, job: SpoolJob, problems: tuple[str, ...], msg_id: str, msg_en: str
    ) -> SpoolJob:
        updated = replace(
            job,
            attempts=job.attempts + 1,
            problems=problems,
            last_message_id=msg_id,
            last_message_en=msg_en,
        )
        self.save(updated)
        return updated

    def complete(self, job: SpoolJob) -> None:
        """Move a printed job to ``done/``: written there first, then removed from pending."""
        finished = replace(job, attempts=job.attempts + 1, problems=())
        write_atomic(self._path(job.job_id, done=True), finished.to_json())
        self._path(job.job_id).unlink(missing_ok=True)

    def list_pending(self) -> list[SpoolJob]:
        jobs = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                jobs.append(SpoolJob.from_json(path.read_bytes()))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                # Left in place for a person to look at; never deleted here.
                log.warning("unreadable spool file %s: %s", path, exc)
        return sorted(jobs, key=lambda j: j.created_at)
