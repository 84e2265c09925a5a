"""Load on loopback: readers, search as you type, ranged audio and editors publishing, at once.

    .venv/bin/python tests/bench/load.py                       # 10 and 50 clients, SQLite and PostgreSQL
    .venv/bin/python tests/bench/load.py --clients 10 --seconds 5 --db sqlite   # a quick look

The demo album is served by gunicorn with production settings (DEBUG off, compressed static files
with long cache headers) on 127.0.0.1. Each client is a thread with one keep-alive connection that
takes requests from a mix (pages of every kind, search as a reader types it, audio by byte ranges);
meanwhile an editor process publishes a track every half second through the ORM, as editors in the
admin would. Every request counts: a status of 500 or more, or a connection failure, is an error.

The baseline, measured in the same run at the same concurrency, is a static file served by the same
gunicorn: what the machine can do with no page to render. Each run is bounded in requests and time.
A benchmark prints; it does not judge: the target (no errors at 50 clients) is printed as met or missed.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script, the project root is not on the path
    sys.path.insert(0, str(ROOT))

from tests.demo_server import gunicorn  # noqa: E402
from tests.postgres_cluster import available as postgres_unavailable  # noqa: E402
from tests.postgres_cluster import throwaway_postgres  # noqa: E402

PAGES = [
    "/",
    "/ascenseur-pour-lechafaud/",
    "/ascenseur-pour-lechafaud/generique/",
    "/ascenseur-pour-lechafaud/generique/?t=1:10",
    "/ascenseur-pour-lechafaud/diner-au-motel/",
    "/ascenseur-pour-lechafaud/scenes/",
    "/people/",
    "/people/miles-davis/",
]
TYPED = ["m", "mi", "mil", "mile", "miles", "b", "ba", "bas", "bass", "lift", "Flo", "Flore", "Florence"]
EDITOR_SCRIPT = """
import time, django
django.setup()
from listening.tracks.models import TrackPage
deadline = time.monotonic() + {seconds}
while time.monotonic() < deadline:
    for track in TrackPage.objects.live():
        track.save_revision().publish()
        time.sleep(0.5)
        if time.monotonic() > deadline:
            break
"""


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, problem: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if problem:
                self.errors += 1
                self.error_kinds[problem] = self.error_kinds.get(problem, 0) + 1


def request_mix(audio_urls: list[str], rng: random.Random):
    """The next request a reader makes: a page, a search keystroke or a piece of audio."""
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(PAGES), {}
    if roll < 0.8:
        query = rng.choice(TYPED)
        return f"/search/?q={query}", {"HX-Request": "true", "HX-Target": "search-results"}
    start = rng.randrange(0, 1_000_000)
    return rng.choice(audio_urls), {"Range": f"bytes={start}-{start + 65_535}"}


def client_loop(port, pick, tally: Tally, stop_at: float, max_requests: int, seed: int) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers_base = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    for _ in range(max_requests):
        if time.monotonic() > stop_at:
            break
        path, headers = pick(rng)
        began = time.perf_counter()
        problem = None
        try:
            connection.request("GET", path, headers={**headers_base, **headers})
            response = connection.getresponse()
            response.read()
            if response.status >= 500:
                problem = f"HTTP {response.status}"
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException) as error:
            problem = type(error).__name__
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        tally.add(time.perf_counter() - began, problem)
    connection.close()


def run_load(port: int, clients: int, seconds: float, pick, max_requests: int = 5_000) -> tuple[Tally, float]:
    tally = Tally()
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client_loop, args=(port, pick, tally, stop_at, max_requests, seed))
        for seed in range(clients)
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return tally, time.monotonic() - began


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(label: str, tally: Tally, elapsed: float) -> str:
    count = len(tally.latencies)
    ms = [value * 1000 for value in tally.latencies]
    kinds = ", ".join(f"{kind} ×{n}" for kind, n in sorted(tally.error_kinds.items())) or "none"
    return (
        f"  {label:<34} {count:6d} req  {count / elapsed:7.1f} req/s  "
        f"p50 {statistics.median(ms) if ms else float('nan'):7.1f} ms  p95 {percentile(ms, 0.95):7.1f} ms  "
        f"p99 {percentile(ms, 0.99):7.1f} ms  errors {tally.errors} ({kinds})"
    )


@contextlib.contextmanager
def production_server(folder: Path, database_url: str):
    """Load the demo into the database, then serve it with production settings; yield (port, audio URLs)."""
    manage = [sys.executable, "manage.py"]
    base_env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(folder / "media")}
    setup_env = {**base_env, "DJANGO_SETTINGS_MODULE": "listening.settings.test"}
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=setup_env, check=True)
    subprocess.run([*manage, "load_demo", "-v", "0"], cwd=ROOT, env=setup_env, check=True)
    production_env = {
        **base_env,
        "DJANGO_SETTINGS_MODULE": "listening.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(folder / "static"),
    }
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=production_env, check=True)
    audio = subprocess.run(
        [*manage, "shell", "-c", "from listening.tracks.models import AudioFile\n"
         "print('\\n'.join(a.file.url for a in AudioFile.objects.all()))"],
        cwd=ROOT, env=setup_env, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    server_headers = {"X-Forwarded-Proto": "https"}
    with gunicorn(production_env, folder / "server.log", workers=2, threads=16, headers=server_headers) as port:
        yield port, audio, setup_env


def static_file_url(folder: Path) -> str:
    css = next((folder / "static" / "css").glob("site.*.css"))  # the hashed name the manifest serves
    return f"/static/css/{css.name}"


def bench_database(name: str, database_url: str, clients_list: list[int], seconds: float) -> list[int]:
    print(f"\n{name}")
    errors_by_clients = []
    with tempfile.TemporaryDirectory() as tmp, production_server(Path(tmp), database_url) as (port, audio, env):
        static = static_file_url(Path(tmp))
        # One reader first: renditions are made on a page's first view, which is not what is measured.
        warm = iter(PAGES * 2)
        run_load(port, 1, 60, lambda rng: (next(warm, "/"), {}), max_requests=len(PAGES) * 2)
        for clients in clients_list:
            baseline, elapsed = run_load(port, clients, min(seconds, 5), lambda rng: (static, {}))
            print(report(f"{clients} clients, static file (baseline)", baseline, elapsed))
            editor = subprocess.Popen(
                [sys.executable, "-c", EDITOR_SCRIPT.format(seconds=seconds)], cwd=ROOT, env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            tally, elapsed = run_load(port, clients, seconds, lambda rng: request_mix(audio, rng))
            editor_errors = editor.communicate(timeout=seconds + 60)[1]
            print(report(f"{clients} clients, readers + an editor", tally, elapsed))
            if editor.returncode:
                print(f"  the editor failed: {editor_errors.strip().splitlines()[-1]}")
                tally.errors += 1
            errors_by_clients.append((clients, tally.errors))
    return errors_by_clients


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--seconds", type=float, default=15.0, help="how long each mix runs (bounded)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    seconds = min(args.seconds, 120.0)
    results = []
    if args.db in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            results += bench_database("SQLite", f"sqlite:///{tmp}/bench.sqlite3", args.clients, seconds)
    if args.db in ("postgres", "both"):
        reason = postgres_unavailable()
        if reason:
            print(f"\nPostgreSQL: skipped, {reason}.")
        else:
            with throwaway_postgres() as url:
                results += bench_database("PostgreSQL", url, args.clients, seconds)
    at_fifty = [errors for clients, errors in results if clients >= 50]
    if at_fifty:
        verdict = "met" if not any(at_fifty) else "missed"
        print(f"\nTarget: no errors at 50 clients: {verdict}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
