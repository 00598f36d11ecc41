"""One HTML page to review every screen: ``python tests/layout/contact_sheet.py <screens dir>``.

``scripts/screens`` runs the layout test with ``$LOKET_SCREENS_DIR`` set, so every walked
screen is saved as a PNG (and a thumbnail) with a JSON record per case; this script turns the
records into ``index.html``: by app and screen, one thumbnail per display, language and text
mode, linking to the full picture, with the layout problems found listed in red beside it.
"""

from __future__ import annotations

import html
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: tests/ importable

from layout.harness import LANGUAGES, MODES
from layout.walkers import DISPLAYS as SUPPORTED

APPS = ("kiosk", "board", "counter", "admin")
DISPLAYS = tuple(display.name for display in SUPPORTED)
LABELS = {
    "normal": "normal text",
    "large": "large text",
    "large-contrast": "large text, high contrast",
}

STYLE = """
body { font-family: sans-serif; margin: 1.5em; background: #f4f6f8; color: #1a1a1a; }
h1 { margin-top: 0; } h2 { margin-top: 2em; border-bottom: 2px solid #0b4f8a; }
h3 { margin: 1.2em 0 .4em; }
.summary td, .summary th { padding: 2px 10px; text-align: right; }
.sheet { display: flex; flex-wrap: wrap; gap: 14px; }
.shot { background: #fff; border: 1px solid #c5ced9; border-radius: 6px; padding: 8px; }
.shot.bad { border-color: #c62828; box-shadow: 0 0 0 1px #c62828; }
.shot img { border: 1px solid #8a9bb0; display: block; }
.label { font-size: 13px; font-weight: bold; margin: 6px 0 2px; }
.problems { color: #c62828; font-size: 12px; margin: 0; padding-left: 1.2em;
  max-height: 14em; overflow: auto; }
.ok { color: #2e7d32; font-size: 12px; }
.error { color: #c62828; font-weight: bold; }
nav a { margin-right: 1em; }
"""


def _order(record: dict) -> tuple[int, int, int]:
    def index(values: tuple[str, ...], value: str) -> int:
        return values.index(value) if value in values else len(values)

    return (
        index(DISPLAYS, record["display"]),
        index(LANGUAGES, record["language"]),
        index(MODES, record["mode"]),
    )


def load(out: Path) -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted((out / "cases").glob("*.json"))]


def _label(record: dict) -> str:
    return (
        f"{record['display']} · {record['language']} · {LABELS.get(record['mode'], record['mode'])}"
    )


def _card(record: dict, visit: dict) -> str:
    problems = visit["problems"]
    width = 180 if record["portrait"] else 360
    items = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
    verdict = f'<ul class="problems">{items}</ul>' if problems else '<div class="ok">fits</div>'
    return (
        f'<div class="shot{" bad" if problems else ""}" style="width: {width}px">'
        f'<a href="{html.escape(visit["png"])}"><img src="{html.escape(visit["thumb"])}" '
        f'width="{width}" loading="lazy" alt="{html.escape(_label(record))}"></a>'
        f'<div class="label">{html.escape(_label(record))}</div>{verdict}</div>'
    )


def render(records: list[dict], broken: dict[str, str]) -> str:
    by_app: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_app[record["app"]].append(record)
    apps = [app for app in APPS if app in by_app] + sorted(set(by_app) - set(APPS))
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Loket screens</title>",
        f"<style>{STYLE}</style></head><body><h1>Loket: every screen at every display</h1>",
        "<nav>" + "".join(f'<a href="#{app}">{app}</a>' for app in apps) + "</nav>",
        *(
            f'<p class="error">{html.escape(name)} cannot be imported, so its app is missing:</p>'
            f"<pre>{html.escape(trace)}</pre>"
            for name, trace in broken.items()
        ),
        '<table class="summary"><tr><th>app</th><th>cases</th><th>screens</th>'
        "<th>with problems</th><th>walks that stopped</th></tr>",
    ]
    for app in apps:
        visits = [visit for record in by_app[app] for visit in record["visits"]]
        bad = sum(1 for visit in visits if visit["problems"])
        stopped = sum(1 for record in by_app[app] if not record["complete"])
        parts.append(
            f"<tr><td>{app}</td><td>{len(by_app[app])}</td><td>{len(visits)}</td>"
            f"<td>{bad}</td><td>{stopped}</td></tr>"
        )
    parts.append("</table>")
    for app in apps:
        cases = sorted(by_app[app], key=_order)
        parts.append(f'<h2 id="{app}">{app}</h2>')
        for record in cases:
            notes = list(record.get("opening", []))
            if not record["complete"]:
                notes.append(
                    f"the walk stopped after {record.get('visited', [])} of {record['screens']}"
                    + (f": {record['error']}" if record.get("error") else "")
                )
            for note in notes:
                parts.append(
                    f'<p class="error">{html.escape(_label(record))}: {html.escape(note)}</p>'
                )
        screens = list(dict.fromkeys(name for record in cases for name in record["screens"]))
        for screen in screens:
            parts.append(f"<h3>{app} · {html.escape(screen)}</h3><div class='sheet'>")
            for record in cases:
                for visit in record["visits"]:
                    if visit["screen"] == screen:
                        parts.append(_card(record, visit))
            parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "build/screens")
    records = load(out)
    if not records:
        print(f"no screens recorded under {out}/cases: did the layout test run?", file=sys.stderr)
        return 1
    broken_file = out / "broken-walkers.json"
    broken = json.loads(broken_file.read_text()) if broken_file.exists() else {}
    (out / "index.html").write_text(render(records, broken), encoding="utf-8")
    visits = [visit for record in records for visit in record["visits"]]
    bad = sum(1 for visit in visits if visit["problems"])
    stopped = [record for record in records if not record["complete"]]
    print(
        f"{len(visits)} screens in {len(records)} cases, {bad} with layout problems, "
        f"{len(stopped)} walks stopped early, {len(broken)} walkers broken: "
        f"{out.resolve() / 'index.html'}"
    )
    return 1 if stopped or broken else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
