"""Officers at a counter, from the command line: the PIN of the officer signed in there
for a break, resume or sign-out (as the counter app asks it), and the officer a queue
action records (whoever is signed in, never an ``--officer`` that disagrees).

PINs and passwords are never taken on the command line, where ``ps`` shows them to
every user of the PC: a prompt on a terminal, or ``LOKET_PIN`` / ``LOKET_PASSWORD``.
"""

from __future__ import annotations

import os
import sys

from loket.models.clock import SYSTEM_CLOCK, Clock

ENV_PIN = "LOKET_PIN"
ENV_PASSWORD = "LOKET_PASSWORD"

# Where the PIN was typed, as the lockout and the audit log name it.
CLI_BREAK = "cli staffing break"
CLI_RESUME = "cli staffing resume"
CLI_SIGN_OUT = "cli staffing sign-out"


def read_secret(env: str, prompt: str) -> str:
    """``$env``, else a prompt on a terminal; otherwise a refusal saying how to give it."""
    value = os.environ.get(env)
    if value:  # an empty one is a variable left blank, not a secret to count as wrong
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(prompt)
        except EOFError:  # Ctrl-D at the prompt: nothing typed
            pass
    from loket.models.errors import InvalidInput

    what_id, what_en = ("PIN", "PIN") if env == ENV_PIN else ("Kata sandi", "A password")
    raise InvalidInput(
        f"{what_id} diperlukan: ketik di terminal atau isi {env}",
        f"{what_en} is needed: type it at a terminal or set {env}",
    )


def read_pin(username: str) -> str:
    return read_secret(ENV_PIN, f"PIN {username}: ")


def read_password(username: str) -> str:
    return read_secret(ENV_PASSWORD, f"Kata sandi / password {username}: ")


def officer_at(number: int | str, clock: Clock = SYSTEM_CLOCK) -> str | None:
    """The username signed in at counter ``number`` (on break or with a lost heartbeat
    too), or ``None``."""
    from loket.models.staffing.desk_state import counter_state

    return counter_state(number, clock).officer


def check_officer_pin(number: int | str, path: str, clock: Clock = SYSTEM_CLOCK) -> None:
    """Ask the PIN of the officer signed in at counter ``number`` and check it under the
    lockout; a counter nobody holds is left to the action itself to refuse."""
    from loket.models.office.staff import authenticate_pin

    officer = officer_at(number, clock)
    if officer is None:
        return
    authenticate_pin(officer, read_pin(officer), path=path, clock=clock)


def _signs_in() -> bool:
    from loket.models import rawsql

    row = rawsql.fetch_one("SELECT 1 FROM staffing_event WHERE kind = ? LIMIT 1", ("sign_in",))
    return row is not None


def counter_officer(
    number: int | str, given: str | None, clock: Clock = SYSTEM_CLOCK
) -> str | None:
    """The officer a counter action records: whoever is signed in at the counter when the
    office signs its officers in; an ``--officer`` that disagrees is refused. An office
    that never signs in keeps the ``--officer`` it is given."""
    wanted = given.strip().lower() if given else None
    if not _signs_in():
        return wanted
    from loket.models.errors import PermissionDenied
    from loket.models.staffing.desk_state import counter_state

    state = counter_state(number, clock)
    if wanted is not None and wanted != state.officer:
        if state.officer is None:
            raise PermissionDenied(
                f"Tidak ada petugas yang masuk di loket {state.number}; {wanted} masuk dulu",
                f"Nobody is signed in at counter {state.number}; {wanted} signs in first",
            )
        raise PermissionDenied(
            f"petugas yang masuk di loket {state.number} adalah {state.officer}",
            f"the officer signed in at counter {state.number} is {state.officer}",
        )
    return state.officer
