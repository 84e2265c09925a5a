"""Every stylesheet is well formed: one unclosed brace silently swallows every rule after it."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "static"
SHEETS = sorted(STATIC.rglob("*.css"))


def unclosed(css: str) -> tuple[int, int]:
    """(open braces left at the end, line of the first stray closing brace or 0)."""
    code = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', code)
    depth = 0
    for number, line in enumerate(code.split("\n"), 1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                return depth, number
    return depth, 0


def test_there_are_stylesheets():
    assert any(sheet.name == "site.css" for sheet in SHEETS)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: str(sheet.relative_to(STATIC)))
def test_braces_and_comments_are_closed(sheet):
    css = sheet.read_text()
    assert css.count("/*") == css.count("*/"), f"{sheet.name}: a comment is left open"
    assert unclosed(css) == (0, 0), f"{sheet.name}: braces do not balance"


def test_an_unclosed_rule_is_caught():
    assert unclosed("a { color: red;\n\nb { color: blue; }") == (1, 0)
    assert unclosed("a { content: '}'; }") == (0, 0)
