"""The browser's time formatter (static/js/timecode.js) writes every time as the server's does.

One rule, two languages: the player and the admin's stamping panel show times the page was rendered
with, so `formatTime` and `seconds` must agree with `format_time` and `seconds` to the character.
Node runs the JavaScript over the same sweep of milliseconds; tests/js/ holds its own unit tests.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from listening.core.timecode import MAX_MS, format_time, parse_time, seconds

ROOT = Path(__file__).resolve().parents[2]

# Dense where rounding carries (tenths into seconds, minutes, hours), sparse elsewhere, up to the
# longest time the server accepts.
SWEEP = sorted(
    {*range(0, 2_000, 7)}
    | {edge + d for edge in (60_000, 600_000, 3_600_000, 36_000_000 - 1_000) for d in range(-120, 120, 3)}
    | {*range(0, MAX_MS + 1, 9_973)}
)

FORMAT_IN_NODE = """
import { formatTime, seconds } from "./static/js/timecode.js";
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const rows = JSON.parse(input).map((ms) => [formatTime(ms), formatTime(ms, { precise: false }), seconds(ms)]);
  process.stdout.write(JSON.stringify(rows));
});
"""


@pytest.fixture(scope="module")
def node():
    path = shutil.which("node")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("node is not installed; in CI .ci/run installs it (apt-get install nodejs).")
    pytest.skip("node is not installed (apt-get install nodejs); this check runs in CI.")


def test_javascript_formats_times_as_python_does(node):
    result = subprocess.run(
        [node, "--input-type=module", "--eval", FORMAT_IN_NODE],
        cwd=ROOT,
        input=json.dumps(SWEEP),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = json.loads(result.stdout)
    expected = [[format_time(ms), format_time(ms, precise=False), seconds(ms)] for ms in SWEEP]
    differ = [(ms, got, want) for ms, got, want in zip(SWEEP, rows, expected, strict=True) if got != want]
    assert not differ, f"{len(differ)} of {len(SWEEP)} differ, e.g. (ms, JavaScript, Python): {differ[:5]}"


READ_IN_NODE = """
import { readShownTime } from "./static/js/timecode.js";
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(input).map(readShownTime))));
"""

# What an editor types or pastes into a time field: the forms both parsers read, dots and commas.
TYPED = [
    "83",
    "83.5",
    "83,5",
    "1:23.5",
    "1:23,5",
    "0:01:23",
    "00:00:01,500",
    "01:02:03,004",
    "1:00:00.0",
    "0:00.05",
]


def test_javascript_reads_typed_times_as_python_does(node):
    result = subprocess.run(
        [node, "--input-type=module", "--eval", READ_IN_NODE],
        cwd=ROOT,
        input=json.dumps(TYPED + [format_time(ms) for ms in SWEEP[::50]]),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    texts = TYPED + [format_time(ms) for ms in SWEEP[::50]]
    differ = [
        (t, got, parse_time(t)) for t, got in zip(texts, json.loads(result.stdout), strict=True) if got != parse_time(t)
    ]
    assert not differ, f"(text, JavaScript, Python): {differ[:5]}"
