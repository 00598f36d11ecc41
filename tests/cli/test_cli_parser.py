"""`loket COMMAND` builds only its own group's parser; the index of groups stays true."""

from __future__ import annotations

import argparse

import pytest

from loket.models.cli import COMMAND_GROUPS, GROUP_MODULES, _group, build_parser, main


def _registered(module_name: str) -> list[str]:
    commands = argparse.ArgumentParser().add_subparsers(dest="command")
    _group(module_name).register(commands)
    return list(commands.choices)


def test_the_index_names_every_command_of_every_group_and_nothing_else():
    registered = {word: name for name in GROUP_MODULES for word in _registered(name)}
    assert registered == COMMAND_GROUPS


def _choices(parser: argparse.ArgumentParser) -> set[str]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def test_a_known_command_builds_only_its_group_and_anything_else_builds_all():
    assert _choices(build_parser("issue")) == {
        w for w, g in COMMAND_GROUPS.items() if g == "queue_commands"
    }
    assert _choices(build_parser("holiday")) == {"staffing", "hours", "holiday"}
    assert _choices(build_parser(None)) == set(COMMAND_GROUPS)
    assert _choices(build_parser("isue")) == set(COMMAND_GROUPS)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--db", "sqlite:///x.db", "issue", "A"], "issue"),
        (["--json", "queue"], "queue"),
        (["--db", "issue"], None),  # "issue" is --db's value here, not a command
        (["-h"], None),
    ],
)
def test_the_command_word_skips_options_and_the_database_url(argv, expected):
    from loket.models.cli import _command_word

    assert _command_word(argv) == expected


def test_help_and_a_mistyped_command_still_list_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert all(word in out for word in ("issue", "holiday", "printers", "audit", "keys"))
    with pytest.raises(SystemExit) as done:
        main(["isue", "A"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'isue'" in err and "'issue'" in err
