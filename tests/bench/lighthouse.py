"""Lighthouse on the demo album as production serves it: a track page, the story and a person page.

    .venv/bin/python tests/bench/lighthouse.py             # the three pages, about two minutes
    .venv/bin/python tests/bench/lighthouse.py --pages /people/miles-davis/ --audits

The demo is loaded into a folder of its own, its static files collected and compressed as in production
(whitenoise's CompressedManifestStaticFilesStorage: hashed names, served with a year's Cache-Control),
and served by gunicorn with the production settings. npm's `lighthouse` (12.2.3, the last that runs
on Node 20) audits each page in the system Chromium, headless, with its default mobile emulation and
simulated throttling. Printed per page: each category's score, LCP, CLS and TBT, and with `--audits`
the audits that lost points. The baseline, from the same run, is a bare HTML page served by the same
server: what this machine and Lighthouse give a page that does nothing.

Targets (issue 10): Performance ≥ 95; Accessibility, Best Practices and SEO 100; CLS ≤ 0.02. They are
printed as met or missed; the exit status is 0 unless the benchmark could not run. Without Node's npm
or Chromium it says so and exits 0, so `make bench` runs on any machine.

Lighthouse is found as `$LIGHTHOUSE`, on PATH, or installed once by npm into
`~/.cache/listening-bench/` (outside the repository; `LISTENING_BENCH_CACHE` moves it).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script, the project root is not on the path
    sys.path.insert(0, str(ROOT))

from tests.demo_server import chromium_path, gunicorn  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
PAGES = {
    "track": "/ascenseur-pour-lechafaud/generique/",
    "story": "/ascenseur-pour-lechafaud/",
    "person": "/people/miles-davis/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TARGET_CLS = 0.02
BASELINE_HTML = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title>'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<meta name="description" content="A bare page: what this machine gives a page that does nothing.">'
    '<link rel="icon" href="favicon.svg">'
    "</head><body><h1>Baseline</h1><p>A bare page served by the same server.</p></body></html>"
)


def cache_dir() -> Path:
    return Path(os.environ.get("LISTENING_BENCH_CACHE", Path.home() / ".cache" / "listening-bench"))


def find_lighthouse() -> tuple[str | None, str]:
    """The lighthouse command, installing it with npm when needed; or None and why not."""
    given = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if given:
        return given, ""
    installed = cache_dir() / "node_modules" / ".bin" / "lighthouse"
    if installed.exists():
        return str(installed), ""
    if not (shutil.which("node") and shutil.which("npm")):
        return None, "Node's npm, which installs Lighthouse, is not installed (apt-get install nodejs npm)"
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} with npm into {cache_dir()} (once)…", flush=True)
    cache_dir().mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(cache_dir()), f"lighthouse@{LIGHTHOUSE_VERSION}"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not installed.exists():
        return None, f"npm could not install lighthouse@{LIGHTHOUSE_VERSION}:\n{done.stderr[-2000:]}"
    return str(installed), ""


@contextlib.contextmanager
def serve_production(folder: Path):
    """The demo album loaded into `folder` and served by gunicorn with the production settings."""
    database = f"sqlite:///{folder / 'db.sqlite3'}"
    common = {**os.environ, "DATABASE_URL": database, "MEDIA_ROOT": str(folder / "media")}
    manage = [sys.executable, "manage.py"]
    # The demo loader lives in a dev/test app: the data is made with the test settings, then served
    # with the production ones, as a site's database would be.
    load_env = {**common, "DJANGO_SETTINGS_MODULE": "listening.settings.test"}
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=load_env, check=True)
    subprocess.run([*manage, "load_demo", "-v", "0"], cwd=ROOT, env=load_env, check=True)
    env = {
        **common,
        "DJANGO_SETTINGS_MODULE": "listening.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(folder / "static"),
        # Lighthouse reaches the server over plain HTTP on loopback.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    (folder / "static" / "bench-baseline.html").write_text(BASELINE_HTML)
    with gunicorn(env, folder / "server.log", ready_path=PAGES["story"]) as port:
        yield f"http://127.0.0.1:{port}"


def run_lighthouse(lighthouse: str, url: str, out: Path) -> dict:
    chrome_flags = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
    subprocess.run(
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={chrome_flags}",
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        check=True,
        timeout=300,
    )
    return json.loads(out.read_text())


def figures(report: dict) -> dict:
    audits = report["audits"]
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    return {
        **scores,
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
    }


def lost_points(report: dict) -> list[str]:
    """The audits that cost a category points, as lines to read."""
    lines = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                detail = audit.get("displayValue", "")
                items = [
                    item.get("node", {}).get("snippet") or item.get("url") or ""
                    for item in (audit.get("details") or {}).get("items", [])[:3]
                ]
                where = "; ".join(str(i)[:110] for i in items if i)
                lines.append(f"    {name}: {audit['id']} ({audit['score']:.2f}) {detail} {where}".rstrip())
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", help="paths to audit instead of the track, story and person pages")
    parser.add_argument("--audits", action="store_true", help="list the audits that lost points")
    parser.add_argument("--keep", type=Path, help="a folder to keep the JSON reports in")
    args = parser.parse_args(argv)

    if not chromium_path():
        print("Skipping the Lighthouse benchmark: Chromium is not installed (apt-get install chromium).")
        return 0
    lighthouse, why = find_lighthouse()
    if lighthouse is None:
        print(f"Skipping the Lighthouse benchmark: {why}.")
        return 0
    pages = {path: path for path in args.pages} if args.pages else dict(PAGES)

    results = {}
    with tempfile.TemporaryDirectory(prefix="listening-lighthouse-") as tmp:
        folder = Path(tmp)
        reports = args.keep or folder / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        with serve_production(folder) as base_url:
            print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile emulation, production settings at {base_url}", flush=True)
            for name, path in {"baseline": "/static/bench-baseline.html", **pages}.items():
                # Once before the audit: a page's first view makes its image renditions, once for ever.
                urllib.request.urlopen(base_url + path, timeout=60).read()
                slug = name.strip("/").replace("/", "-") or "home"
                report = run_lighthouse(lighthouse, base_url + path, reports / f"{slug}.json")
                results[name] = (figures(report), lost_points(report))
                print(f"  audited {name} ({path})", flush=True)

    header = f"{'page':<40}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'LCP ms':>9}{'CLS':>8}{'TBT ms':>8}"
    print("\n" + header + "\n" + "-" * len(header))
    for name, (row, _) in results.items():
        print(
            f"{name:<40}{row['performance']:>6}{row['accessibility']:>6}{row['best-practices']:>6}{row['seo']:>6}"
            f"{row['lcp_ms']:>9.0f}{row['cls']:>8.3f}{row['tbt_ms']:>8.0f}"
        )
    print("\nTargets: Performance ≥ 95, Accessibility / Best Practices / SEO 100, CLS ≤ 0.02")
    for name, (row, lost) in results.items():
        if name == "baseline":
            continue
        missed = [f"{cat} {row[cat]}" for cat, target in TARGETS.items() if row[cat] < target]
        if row["cls"] > TARGET_CLS:
            missed.append(f"CLS {row['cls']:.3f}")
        print(f"  {name}: {'met' if not missed else 'missed: ' + ', '.join(missed)}")
        if args.audits and lost:
            print("\n".join(lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())
