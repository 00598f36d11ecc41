"""`loket workload erlang`: the answer a head reads, its JSON, and refusals with exit codes."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from loket.models.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as done:
            code = int(done.code or 0)
    return code, out.getvalue(), err.getvalue()


ERLANG = ("workload", "erlang")


def test_erlang_json_has_the_promised_keys():
    code, out, _ = run(*ERLANG, "--arrivals-per-hour", "200", "--service-minutes", "3",
                       "--target-minutes", "0.33333333", "--target-share", "0.8", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["officers"] == 14
    assert round(data["probability_wait"], 4) == 0.1741
    assert round(data["service_level"], 3) == 0.888
    assert round(60 * data["average_wait_minutes"], 0) == 8


def test_erlang_text_names_the_officers_and_the_one_less_case():
    code, out, _ = run(*ERLANG, "--arrivals-per-hour", "30", "--service-minutes", "5",
                       "--target-minutes", "15", "--target-share", "0.8")  # fmt: skip
    assert code == 0
    assert "Petugas / officers: 3" in out  # 2.5 erlangs: 84.3 % within 15 min
    assert "Dengan 2 petugas / with 2: 0.0%" in out and "∞" in out


@pytest.mark.parametrize(
    ("values", "word"),
    [
        (("-5", "3", "15", "0.8"), "--arrivals-per-hour"),
        (("10", "0", "15", "0.8"), "--service-minutes"),
        (("10", "3", "15", "1.2"), "--target-share"),
        (("10", "3", "15", "0"), "--target-share"),
        (("nan", "3", "15", "0.8"), "finite"),
        (("99999999999999999999", "3", "15", "0.8"), "--arrivals-per-hour"),
        (("x", "3", "15", "0.8"), "not a number"),
    ],
)
def test_nonsense_is_one_bilingual_line_and_exit_1(values, word):
    options = ("--arrivals-per-hour", "--service-minutes", "--target-minutes", "--target-share")
    argv = [w for pair in zip(options, values, strict=True) for w in pair]
    code, out, err = run(*ERLANG, *argv)
    assert code == 1 and out == ""
    assert err.startswith("loket: ") and err.count("\n") == 1 and word in err
    assert " / " in err


def test_a_missing_option_is_a_usage_mistake():
    code, _, err = run(*ERLANG, "--arrivals-per-hour", "10")
    assert code == 2 and "usage: loket workload erlang" in err


def test_report_workload_runs_in_every_format(loket, tmp_path):
    out = loket("report", "workload", "--from", "2026-11-23", "--to", "2026-11-29", "--json")
    assert out.code == 0, out.err
    data = out.json()
    assert data["report"] == "workload" and data["under_staffed_hours"] == 0
    target = tmp_path / "beban.pdf"
    made = loket("report", "workload", "--from", "2026-11-23", "--to", "2026-11-29",
                 "--format", "pdf", "--output", str(target))  # fmt: skip
    assert made.code == 0 and target.read_bytes().startswith(b"%PDF")
    refused = loket("report", "workload", "--from", "2026-11-29", "--to", "2026-11-23")
    assert refused.code == 1 and "Period reversed" in refused.err
