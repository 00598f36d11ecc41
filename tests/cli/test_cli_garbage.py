"""Every `loket` command, fed nonsense, answers with a clear refusal — never a crash.

A refusal is a LoketError's own sentence (or argparse's usage line). The generic
"Unexpected error" / "Database error" / "File or network error" lines are the
safety net of run_command: reaching them means some input went unchecked.

Exit codes are part of the answer (scripts and cron jobs read nothing else): 2 for a usage
mistake (argparse), 1 for a refusal, and 0 only where the command really succeeded.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
from collections.abc import Iterator

import pytest

from loket.models.cli import build_parser, main

GARBAGE = ("", "x", "-1", "99999999999999999999", "2026-13-45", "é☃", "nan", "a" * 300)
# Input that would break a one-line refusal or rewrite the terminal if echoed raw: a newline,
# a carriage return that overwrites the line, escape sequences (clear screen, colour, the
# C1 CSI), a bell and backspaces, bidi overrides and isolates that reorder what is shown.
HOSTILE = (
    "A\nloket: OK / accepted",
    "x\rSPOOF",
    "\x1b[2J\x1b[31mred\x1b[0m",
    "\x9b31mcsi",
    "\x07\x08\x08ok",
    "Budi\u202etxt.exe",
    "\u2066A\u2069\u202a",
    "2026-01-01\u2028x",
)
# What a terminal line must never carry raw (the newline ends the line itself).
RAW = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]")
SAFETY_NET = ("Unexpected error", "Database error", "File or network error")
# Long-running or whole-database commands; their inputs are tested on their own.
SKIPPED = {("demo",), ("backup",), ("init",), ("staffing", "heartbeat")}
# Options whose value is free text: any of the garbage words is a fine value for them.
FREE_TEXT = {("keys", "new", "--label"), ("keys", "rotate", "--label")}


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from _commands(sub, (*path, name))


def _argvs(
    path: tuple[str, ...], parser: argparse.ArgumentParser, words: tuple[str, ...] = GARBAGE
) -> Iterator[list[str]]:
    positionals = [a for a in parser._actions if not a.option_strings and a.nargs != 0]
    options = [
        a
        for a in parser._actions
        if a.option_strings
        and a.nargs != 0
        and a.dest not in ("help", "db", "json", "watch")
        and not a.choices
        and not isinstance(a, argparse._StoreTrueAction | argparse._HelpAction)
    ]

    def count(action: argparse.Action) -> int:
        return action.nargs if isinstance(action.nargs, int) else 1

    for junk in words:
        yield [*path, *[junk for a in positionals for _ in range(count(a))]]
        tail = [w for a in options for w in (a.option_strings[-1], *[junk] * count(a))]
        yield [*path, *["1" for a in positionals for _ in range(count(a))], *tail]


@pytest.fixture
def demo_office(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOKET_DB", f"sqlite:///{tmp_path / 'garbage.db'}")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init"]) == 0  # only init creates a database
        assert main(["demo", "--apps", "no"]) == 0
    # The office has a head now: set-up commands act as her (``--as``, added by
    # _as_head), so the garbage reaches each command's own checks.
    monkeypatch.setenv("LOKET_PASSWORD", "kepala-loket")


def _as_head(path: tuple[str, ...], parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``argv`` acting as the demo head when the command takes ``--as`` (a junk ``--as``
    later in ``argv`` still wins: argparse keeps the last)."""
    if any(a.dest == "as_user" for a in parser._actions):
        return [*path, "--as", "kepala", *argv[len(path) :]]
    return argv


def _may_succeed(path: tuple[str, ...], argv: list[str]) -> bool:
    """Whether exit 0 is a legitimate answer to ``argv``: it holds no garbage (only the command,
    "1" for positionals and empty option values, which mean "not given"), or the garbage is the
    value of a free-text option."""
    words = argv[len(path) :]
    for i, word in enumerate(words):
        if word in ("", "1") or word.startswith("--"):
            continue
        option = words[i - 1] if i and words[i - 1].startswith("--") else None
        if (*path, option) not in FREE_TEXT:
            return False
    return True


def _run(argv: list[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``loket ARGV``."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as done:
            assert isinstance(done.code, int), (argv, done.code)
            code = done.code
            assert code == 2, (argv, code)  # argparse: a usage mistake
            assert "usage: loket" in err.getvalue(), argv
    return code, out.getvalue(), err.getvalue()


def test_every_command_refuses_nonsense_in_its_own_words(demo_office):
    unchecked = []
    wrong_code = []
    codes = {0: 0, 1: 0, 2: 0}
    for path, parser in _commands(build_parser()):
        if path in SKIPPED:
            continue
        for argv in _argvs(path, parser):
            code, out, err = _run(_as_head(path, parser, argv))
            if code not in codes:
                wrong_code.append((argv[:4], code, err.strip()[:160]))
                continue
            codes[code] += 1
            if any(net in err for net in SAFETY_NET):
                unchecked.append((argv[:4], err.strip()[:160]))
            refused = err.startswith("loket: ")
            # A refusal says why on stderr; a check that fails (verify, a test print) on stdout.
            if code == 1 and not (refused or out.strip()):
                wrong_code.append((argv[:4], code, "exit 1 without a word of why"))
            elif code == 0 and (refused or not _may_succeed(path, argv)):
                wrong_code.append((argv[:4], code, err.strip()[:160] or "accepted garbage"))
    assert sum(codes.values()) > 1000
    # Each kind of answer is really there (an all-zero or all-one run proves nothing).
    assert codes[1] > 500 and codes[2] > 100 and codes[0] > 100, codes
    assert wrong_code == []
    assert unchecked == []


EXIT_CODES = [
    (["service", "list"], 0),
    (["holiday", "list"], 0),
    (["counter", "disable", "1", "--as", "kepala"], 0),
    (["keys", "new", "--label", "é☃"], 0),  # free text: a fine label
    (["service", "disable", "1", "--as", "kepala"], 1),  # not a service code
    (["staff", "disable", "nobody", "--as", "kepala"], 1),
    (["holiday", "remove", "2026-13-45", "--as", "kepala"], 1),
    (["counter", "disable", "2"], 2),  # set-up without --as in an office with a head
    (["report", "tickets", "--from", "x"], 1),
    (["ticket", "A-001", "--json", "--db", "nonsense://"], 1),
    (["service", "disable"], 2),  # a positional is missing
    (["staffing", "sign-in"], 2),  # required options are missing
    (["no-such-command"], 2),
    (["service", "list", "--no-such-option"], 2),
]


@pytest.mark.parametrize(("argv", "code"), EXIT_CODES, ids=[" ".join(a) for a, _ in EXIT_CODES])
def test_exit_codes(demo_office, argv: list[str], code: int) -> None:
    got, _, err = _run(argv)
    assert got == code, err
    if code == 1:
        assert err.startswith("loket: ") and err.count("\n") == 1, err


def test_hostile_input_is_shown_escaped_on_one_line(demo_office):
    """Control characters, escape sequences and bidi overrides in any argument: every
    refusal stays one line on stderr with all of them escaped, nothing raw reaches stdout,
    and a name carrying a bidi override is refused, not stored."""
    broken = []
    codes = {0: 0, 1: 0, 2: 0}
    for path, parser in _commands(build_parser()):
        if path in SKIPPED:
            continue
        for argv in _argvs(path, parser, HOSTILE):
            code, out, err = _run(_as_head(path, parser, argv))
            codes[code] = codes.get(code, 0) + 1
            if RAW.search(err) or RAW.search(out):
                broken.append((argv[:4], code, "raw control character", err[:160] or out[:160]))
            elif code == 1 and err and not (err.startswith("loket: ") and err.count("\n") == 1):
                broken.append((argv[:4], code, "not one line", err[:160]))
            elif code == 0 and not _may_succeed(path, argv):
                broken.append((argv[:4], code, "accepted", out[:160]))
            elif any(net in err for net in SAFETY_NET):
                broken.append((argv[:4], code, "unchecked", err[:160]))
    assert codes[1] > 300 and codes[2] > 50, codes
    assert broken == [], "\n".join(map(repr, broken))


NAMES_WITH_BIDI = [
    ["holiday", "add", "2026-08-17", "--name", "Hari\u202eKemerdekaan", "--as", "kepala"],
    ["service", "add", "Q", "--name", "Umum\u2066x\u2069", "--as", "kepala"],
    [
        *("staff", "add", "budi", "--name", "Budi\u202dS"),
        *("--role", "staff", "--pin", "123456", "--as", "kepala"),
    ],
    ["settings", "office_name=Kantor\u202e", "--as", "kepala"],
]


@pytest.mark.parametrize("argv", NAMES_WITH_BIDI, ids=[" ".join(a[:2]) for a in NAMES_WITH_BIDI])
def test_bidi_overrides_are_refused_in_names(demo_office, argv: list[str]) -> None:
    code, _, err = _run(argv)
    assert code == 1, err
    assert "bidi" in err and err.count("\n") == 1 and not RAW.search(err), err


def test_a_long_printer_address_is_refused_without_a_traceback(demo_office) -> None:
    uri = f"network://127.0.0.1:9?profile={'a' * 300}"
    code, out, err = _run(["print", "status", "--printer", uri])
    assert code == 2 and out == "", out  # a usage mistake, as for every printer address
    assert err.startswith("loket: Alamat printer tidak valid") and err.count("\n") == 1, err
    assert "Traceback" not in err and "too long" in err
