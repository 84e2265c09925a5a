"""How cost grows with the catalogue: the same pages on the demo album alone, then beside a generated one.

    .venv/bin/python tests/bench/scale.py                      # SQLite and PostgreSQL, full-size catalogue
    .venv/bin/python tests/bench/scale.py --db sqlite --tracks 60 --cues 6000   # a quicker look

Loads the demo album, measures a track page, a person page, search (a whole page and a keystroke of
search as you type) and a cue export, then generates a synthetic catalogue (`generate_catalogue`:
by default 50 soundtracks, 600 tracks, 60,000 cues, 500 people, 1,000 scenes) and measures the same
URLs again, and a generated track and person besides. Served in-process by Django's test client with
DEBUG off and the page cache off, so every request is rendered. Query counts and median times are
printed with the demo-only run as the baseline; the issue's target (query counts that do not grow,
median within 1.5×) is printed as met or missed for each of the demo's pages. Bounded: a fixed number
of requests per URL.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO_URLS = {
    "track page": "/ascenseur-pour-lechafaud/generique/",
    "person page": "/people/miles-davis/",
    "search page": "/search/?q=bass",
    "search as you type": "/search/?q=flo",
    "cue export (VTT)": "/ascenseur-pour-lechafaud/generique/cues.vtt",
    "cue export (CSV)": "/ascenseur-pour-lechafaud/generique/cues.csv",
}
GENERATED_URLS = {
    "generated track page": "/gen-soundtrack-001/track-01/",
    "generated person page": "/people/gen-player-0001/",
    "generated cue export (VTT)": "/gen-soundtrack-001/track-01/cues.vtt",
}


def measure(urls: dict[str, str], repeats: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client

    client = Client()
    found = {}
    for label, url in urls.items():
        headers = {"HX-Request": "true"} if label == "search as you type" else {}
        first = client.get(url, headers=headers)  # renditions and the like are made on a first view
        assert first.status_code == 200, (url, first.status_code)
        queries = []  # counted as they run: the request's own signals clear Django's query log

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url, headers=headers)
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            client.get(url, headers=headers)
            times.append(time.perf_counter() - began)
        found[label] = {"url": url, "queries": len(queries), "median_ms": statistics.median(times) * 1000}
    return found


def inner(args) -> None:
    """Runs in a process of its own, with DATABASE_URL and MEDIA_ROOT set by main()."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from listening.tracks.models import Cue, TrackPage

    setup_test_environment()  # the test client's ALLOWED_HOSTS, as in the tests
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    before = measure(DEMO_URLS, args.repeats)
    began = time.monotonic()
    call_command(
        "generate_catalogue", verbosity=0, soundtracks=args.soundtracks, tracks=args.tracks, cues=args.cues,
        people=args.people, scenes=args.scenes,
    )  # fmt: skip
    generated_in = time.monotonic() - began
    after = measure({**DEMO_URLS, **GENERATED_URLS}, args.repeats)
    sizes = {"tracks": TrackPage.objects.count(), "cues": Cue.objects.count(), "generated_in_s": generated_in}
    cues_per_track = {
        "demo": TrackPage.objects.get(url_path__endswith="/ascenseur-pour-lechafaud/generique/").cues.count(),
        "generated": TrackPage.objects.get(url_path__endswith="/gen-soundtrack-001/track-01/").cues.count(),
    }
    print(json.dumps({"before": before, "after": after, "sizes": sizes, "cues_per_track": cues_per_track}))


def report(name: str, result: dict) -> list[bool]:
    before, after, sizes = result["before"], result["after"], result["sizes"]
    grown = f"{sizes['tracks']} tracks, {sizes['cues']} cues after generating ({sizes['generated_in_s']:.1f} s)"
    print(f"\n{name}: {grown}")
    print(f"  {'':30} {'demo only':>22}   {'with the catalogue':>22}")
    verdicts = []
    for label, now in after.items():
        base = before.get(label) or before.get(label.replace("generated ", ""))
        ratio = now["median_ms"] / base["median_ms"] if base["median_ms"] else float("nan")
        # No more queries than on the demo alone: fewer happen, for reasons of content, not size. A
        # page outside any soundtrack takes its header and footer from the only soundtrack when there
        # is one (a few queries) and from the site's settings when there are many (one); search
        # loads its results in one query per page type found.
        met = now["queries"] <= base["queries"] and ratio <= 1.5
        mark = ("met" if met else "missed") if label in DEMO_URLS else ""
        print(
            f"  {label:30} {base['queries']:4d} q {base['median_ms']:9.1f} ms   "
            f"{now['queries']:4d} q {now['median_ms']:9.1f} ms   ×{ratio:.2f}  {mark}"
        )
        if label in DEMO_URLS:
            verdicts.append(met)
    cues = result["cues_per_track"]
    print(f"  (a generated track has {cues['generated']} cues, the demo's {cues['demo']}: its page renders more rows)")
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--soundtracks", type=int, default=50)
    parser.add_argument("--tracks", type=int, default=600)
    parser.add_argument("--cues", type=int, default=60_000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--scenes", type=int, default=1_000)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.repeats = max(1, min(args.repeats, 100))
    if args.inner:
        inner(args)
        return 0

    from tests.postgres_cluster import available as postgres_unavailable
    from tests.postgres_cluster import throwaway_postgres

    sizes = ("repeats", "soundtracks", "tracks", "cues", "people", "scenes")
    forwarded = [part for name in sizes for part in (f"--{name}", str(getattr(args, name)))]

    def run(name: str, database_url: str) -> list[bool]:
        with tempfile.TemporaryDirectory() as media:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "listening.settings.test",
                "DATABASE_URL": database_url,
                "MEDIA_ROOT": media,
            }
            result = subprocess.run(
                [sys.executable, __file__, "--inner", *forwarded], cwd=ROOT, env=env, capture_output=True, text=True
            )
            if result.returncode:
                print(f"\n{name}: failed\n{result.stderr[-3000:]}")
                return [False]
            return report(name, json.loads(result.stdout.strip().splitlines()[-1]))

    verdicts = []
    if args.db in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            verdicts += run("SQLite", f"sqlite:///{folder}/scale.sqlite3")
    if args.db in ("postgres", "both"):
        reason = postgres_unavailable()
        if reason:
            print(f"\nPostgreSQL: skipped, {reason}.")
        else:
            with throwaway_postgres() as url:
                verdicts += run("PostgreSQL", url)
    if verdicts:
        print(f"\nTarget: the demo's pages ask no more queries and take at most 1.5× as long with the catalogue: "
              f"{'met' if all(verdicts) else 'missed'}.")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
