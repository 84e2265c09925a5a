"""The track editor at scale: a 7-cue track and a 300-cue one, side by side, in one run.

    .venv/bin/python tests/bench/admin_scale.py                # 300 cues against the demo's 7, 5 runs each
    .venv/bin/python tests/bench/admin_scale.py --cues 600 --runs 1

In headless Chromium, logged in to the served demo (tests/demo_server.py: gunicorn, DEBUG off), for
each track:

- load: from asking for the edit page to its cue editor being ready (the page's load event, and
  the cue editor's controller connected), as a wall-clock time;
- save: from pressing "Save draft" to the edit page being back with its message (the POST, the
  revision, the redirect and the page again);
- typing: the delay from each key press in a cue's commentary (its Draftail editor, opened first)
  to the next frame the browser could draw, for 40 keys: median and worst;
- the HTML's size and the page's element count.

The 300-cue track is a copy of the demo's first track with cues spread over it (tests/long_track.py),
made in the served database before the runs. A benchmark prints; it does not judge: the targets
(each figure, times and sizes alike, within 2x of the 7-cue track's, and under 1.5 MB of HTML) are
printed as met or missed, and the exit status is 0 unless the benchmark could not run at all.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script, the project root is not on the path
    sys.path.insert(0, str(ROOT))

from tests.demo_server import CHROMIUM_ARGS, chromium_path, serve_demo  # noqa: E402

SHORT_TRACK = "generique"  # the demo's first track: 7 cues
TARGET_RATIO = 2.0
TARGET_HTML_BYTES = 1_500_000
ADMIN = ("admin", "listening")  # load_demo's local account under test settings
TYPED = "the brushes come back under the trumpet"  # 40 keys

# In the page: the delay from each key press to the next frame that could be drawn after it.
KEY_LATENCY_PROBE = """
window.__keyDelays = [];
document.addEventListener('keydown', (event) => {
  const pressed = event.timeStamp;
  requestAnimationFrame(() => setTimeout(() => window.__keyDelays.push(performance.now() - pressed), 0));
}, true);
"""


def make_long_track(folder: Path, cues: int) -> str:
    """Add the long track to the served database; its slug."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "listening.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    code = f"from tests.long_track import make; print('SLUG=' + make({cues}).slug)"
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return re.search(r"SLUG=(\S+)", done.stdout)[1]


def edit_url_of(page, base: str, slug: str) -> str:
    page.goto(f"{base}/ascenseur-pour-lechafaud/{slug}/")
    href = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute("href")
    return base + re.search(r"/admin/pages/\d+/edit/", href)[0]


def log_in(page, base: str) -> None:
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", ADMIN[0])
    page.fill("input[name=password]", ADMIN[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def wait_ready(page) -> None:
    page.wait_for_selector("[data-controller='listening-cue-editor']", state="attached")
    page.wait_for_function("document.querySelector('.cue-editor__shortcuts') && document.readyState === 'complete'")


def measure(page, url: str) -> dict:
    started = time.perf_counter()
    response = page.goto(url)
    wait_ready(page)
    load_s = time.perf_counter() - started
    html_bytes = len(response.body())
    elements = page.evaluate("document.getElementsByTagName('*').length")

    # Typing into a cue's commentary, opened first (its editor is made then).
    page.evaluate(KEY_LATENCY_PROBE)
    page.locator("[data-cue-line]").nth(1).click()
    editor = page.locator("[data-cue-row].cue-row--open .Draftail-Editor [contenteditable='true']")
    editor.wait_for()
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" " + TYPED)
    page.wait_for_function(f"window.__keyDelays.length >= {len(TYPED) + 2}")
    delays = page.evaluate("window.__keyDelays")

    started = time.perf_counter()
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    wait_ready(page)
    save_s = time.perf_counter() - started
    assert "could not be" not in page.locator(".messages").inner_text(), "the save was refused"
    return {
        "load_s": load_s,
        "save_s": save_s,
        "key_median_ms": statistics.median(delays),
        "key_worst_ms": max(delays),
        "html_bytes": html_bytes,
        "elements": elements,
    }


FIGURES = [
    ("load_s", "load the edit page", "{:.2f} s"),
    ("save_s", "save a draft (and load again)", "{:.2f} s"),
    ("key_median_ms", "key press to next frame, median", "{:.0f} ms"),
    ("key_worst_ms", "key press to next frame, worst", "{:.0f} ms"),
    ("html_bytes", "HTML", "{:,.0f} B"),
    ("elements", "elements", "{:,.0f}"),
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cues", type=int, default=300, help="cues on the long track (default 300)")
    parser.add_argument("--runs", type=int, default=5, help="runs per track; the median is printed (default 5)")
    args = parser.parse_args(argv)
    executable = chromium_path()
    if not executable:
        print("Chromium is not installed (apt-get install chromium).", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("Loading the demo and serving it…", flush=True)
        with serve_demo(folder) as base:
            long_slug = make_long_track(folder, args.cues)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
                page = context.new_page()
                log_in(page, base)
                urls = {
                    SHORT_TRACK: edit_url_of(page, base, SHORT_TRACK),
                    long_slug: edit_url_of(page, base, long_slug),
                }
                results = {slug: [] for slug in urls}
                # A first visit to each warms the server's caches, and makes the long track's first
                # revision (it was made in the database): neither is counted against either track.
                for url in urls.values():
                    measure(page, url)
                for run in range(args.runs):
                    for slug, url in urls.items():
                        results[slug].append(measure(page, url))
                        print(f"  run {run + 1}: {slug} measured", flush=True)
                browser.close()
    short = {key: statistics.median(r[key] for r in results[SHORT_TRACK]) for key, *_ in FIGURES}
    long = {key: statistics.median(r[key] for r in results[long_slug]) for key, *_ in FIGURES}
    print(f"\nThe track editor, 7 cues against {args.cues} (median of {args.runs} runs):\n")
    print(f"{'':34} {'7 cues':>14} {f'{args.cues} cues':>14} {'ratio':>7}")
    for key, label, shape in FIGURES:
        ratio = long[key] / short[key] if short[key] else float("inf")
        print(f"{label:34} {shape.format(short[key]):>14} {shape.format(long[key]):>14} {ratio:>6.1f}x")
    print("\nTargets:")
    for key, label, _ in FIGURES:
        ratio = long[key] / short[key] if short[key] else float("inf")
        verdict = "met" if ratio <= TARGET_RATIO else "missed"
        print(f"  {label}: within {TARGET_RATIO:g}x of 7 cues — {verdict} ({ratio:.1f}x)")
    verdict = "met" if long["html_bytes"] < TARGET_HTML_BYTES else "missed"
    size = long["html_bytes"] / 1e6
    print(f"  HTML under {TARGET_HTML_BYTES / 1e6:g} MB at {args.cues} cues — {verdict} ({size:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
