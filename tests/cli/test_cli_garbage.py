"""Every `loket` command, fed nonsense, answers with a clear refusal — never a crash.

A refusal is a LoketError's own sentence (or argparse's usage line). The generic
"Unexpected error" / "Database error" / "File or network error" lines are the
safety net of run_command: reaching them means some input went unchecked.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Iterator

import pytest

from loket.models.cli import build_parser, main

GARBAGE = ("", "x", "-1", "99999999999999999999", "2026-13-45", "é☃", "nan", "a" * 300)
SAFETY_NET = ("Unexpected error", "Database error", "File or network error")
# Long-running or whole-database commands; their inputs are tested on their own.
SKIPPED = {("demo",), ("backup",), ("init",), ("staffing", "heartbeat")}


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from _commands(sub, (*path, name))


def _argvs(path: tuple[str, ...], parser: argparse.ArgumentParser) -> Iterator[list[str]]:
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

    for junk in GARBAGE:
        yield [*path, *[junk for a in positionals for _ in range(count(a))]]
        tail = [w for a in options for w in (a.option_strings[-1], *[junk] * count(a))]
        yield [*path, *["1" for a in positionals for _ in range(count(a))], *tail]


@pytest.fixture
def demo_office(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOKET_DB", f"sqlite:///{tmp_path / 'garbage.db'}")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["demo", "--apps", "no"]) == 0


def test_every_command_refuses_nonsense_in_its_own_words(demo_office):
    unchecked = []
    runs = 0
    for path, parser in _commands(build_parser()):
        if path in SKIPPED:
            continue
        for argv in _argvs(path, parser):
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    main(argv)
                except SystemExit as done:
                    assert done.code == 2, argv  # argparse: a usage mistake
            runs += 1
            if any(net in err.getvalue() for net in SAFETY_NET):
                unchecked.append((argv[:4], err.getvalue().strip()[:160]))
    assert runs > 1000
    assert unchecked == []
