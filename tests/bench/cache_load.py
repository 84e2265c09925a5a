"""Load on the many-machines set-up: the page cache on and off, at 10, 50 and 100 clients, in one run.

    .venv/bin/python tests/bench/cache_load.py                          # 10, 50, 100 clients
    .venv/bin/python tests/bench/cache_load.py --clients 10 --seconds 4  # a quick look

Starts a throwaway PostgreSQL, Redis and S3-compatible server (moto) on loopback, loads the demo album
into them, and serves it with gunicorn and production settings twice, side by side: one server with the
public page cache (in Redis), one with it off (LISTENING_PAGE_CACHE=0). Each client is a thread with
keep-alive connections taking requests from the mix of tests/bench/load.py: pages of every kind, search
as a reader types it, and audio by byte ranges, which the page points at the storage for, so those go
to the storage, not the app. Every request counts: a status of 500 or more, or a connection failure,
is an error (a request sent on a kept-alive connection just as the server closed it is sent again once
on a new one, as browsers do). Clients take gzip, as browsers do: pages come compressed (a cached one as
it was kept) and static files as whitenoise's compressed copies. Each run is bounded in requests and time.

Baselines from the same run: a static file served by the same gunicorn (what the machine can do with
no page to render), and the same mix with the cache off. The issue's targets are printed as met or
missed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import http.client
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script, the project root is not on the path
    sys.path.insert(0, str(ROOT))

from tests import app_servers  # noqa: E402
from tests.bench.load import PAGES, TYPED, Tally, percentile, report  # noqa: E402


def mix(audio_urls: list[str]):
    def pick(rng: random.Random):
        roll = rng.random()
        if roll < 0.55:
            return rng.choice(PAGES), {}
        if roll < 0.8:
            return f"/search/?q={rng.choice(TYPED)}", {"HX-Request": "true", "HX-Target": "search-results"}
        start = rng.randrange(0, 1_000_000)
        return rng.choice(audio_urls), {"Range": f"bytes={start}-{start + 65_535}"}

    return pick


RETRIED = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
# As a browser asks behind the TLS-terminating proxy: gzip taken, as every browser does.
BROWSER_HEADERS = {"X-Forwarded-Proto": "https", "Host": "localhost", "Accept-Encoding": "gzip, deflate, br"}


def client_loop(port, pick, tally: Tally, stop_at: float, max_requests: int, seed: int) -> None:
    """Like load.py's, with one keep-alive connection per host: audio goes to the storage, pages to the app."""
    rng = random.Random(seed)
    connections: dict[tuple[str, int], http.client.HTTPConnection] = {}
    for _ in range(max_requests):
        if time.monotonic() > stop_at:
            break
        target, headers = pick(rng)
        parts = urllib.parse.urlsplit(target)
        host, where = (parts.hostname, parts.port) if parts.hostname else ("127.0.0.1", port)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        key = (host, where)
        began = time.perf_counter()
        problem = None
        for attempt in (1, 2):
            reused = key in connections
            try:
                connection = connections.get(key) or connections.setdefault(
                    key, http.client.HTTPConnection(host, where, timeout=30)
                )
                connection.request("GET", path, headers={**BROWSER_HEADERS, **headers})
                response = connection.getresponse()
                response.read()
                if response.status >= 500:
                    problem = f"{'storage' if parts.hostname else 'app'} HTTP {response.status}"
                if response.getheader("Connection", "").lower() == "close":
                    connections.pop(key).close()
                break
            except (OSError, http.client.HTTPException) as error:
                connections.pop(key, None)
                # A kept-alive connection the server closed as the request went out: browsers send it again
                # on a new connection (RFC 9112 §9.3.1), and so do we, once. Anything else is an error.
                if attempt == 1 and reused and isinstance(error, RETRIED):
                    continue
                problem = f"{'storage' if parts.hostname else 'app'} {type(error).__name__}"
                break
        tally.add(time.perf_counter() - began, problem)
    for connection in connections.values():
        connection.close()


def run_load(port: int, clients: int, seconds: float, pick, max_requests: int = 20_000) -> tuple[Tally, float]:
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


def rate(tally: Tally, elapsed: float) -> float:
    return len(tally.latencies) / elapsed if elapsed else 0.0


def median_ms(tally: Tally) -> float:
    return statistics.median(tally.latencies) * 1000 if tally.latencies else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=8.0, help="how long each mix runs (bounded)")
    args = parser.parse_args()
    seconds = min(args.seconds, 60.0)
    reason = app_servers.unavailable()
    if reason:
        print(f"Skipped: {reason}.")
        return 0
    verdicts = []
    with app_servers.work_folder() as folder, app_servers.shared_services() as services:
        print("Setting up PostgreSQL, Redis and object storage, loading the demo album…", flush=True)
        # Connections kept between requests, as the README advises with PostgreSQL: a page rendered afresh
        # opens no new connection. A cached page costs one Redis read (the generation and the page
        # together, LISTENING_PAGE_CACHE_GENERATION="cache" by default with Redis) and no query.
        env = app_servers.production_env(services, folder, DB_CONN_MAX_AGE="60")
        app_servers.load_demo(env)
        static = "/static/css/" + next((folder / "static" / "css").glob("site.*.css")).name
        cached_env = {**env, "LISTENING_PAGE_CACHE": "1"}
        uncached_env = {**env, "LISTENING_PAGE_CACHE": "0"}
        with (
            app_servers.gunicorn(cached_env, folder, "cached", threads=16) as cached,
            app_servers.gunicorn(uncached_env, folder, "uncached", threads=16) as uncached,
        ):
            # The public audio URLs, as the page gives them (the storage's), and a first view of every page.
            audio = set()
            for page in PAGES:
                for port in (cached, uncached):
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    connection.request("GET", page, headers={"X-Forwarded-Proto": "https", "Host": "localhost"})
                    html = connection.getresponse().read().decode()
                    audio.update(re.findall(r'<audio data-player[^>]*\ssrc="([^"#]+)', html))
            audio_urls = sorted(audio)
            print(f"Audio served by the storage: {audio_urls[0].rsplit('/', 2)[0]}/… ({len(audio_urls)} files)\n")
            pages_only = lambda rng: (rng.choice(PAGES), {})  # noqa: E731
            for clients in args.clients:
                print(f"{clients} clients")
                base, base_time = run_load(cached, clients, min(seconds, 4), lambda rng: (static, {}))
                print(report("static file (baseline)", base, base_time))
                page_hits, hits_time = run_load(cached, clients, min(seconds, 4), pages_only)
                print(report("pages, cache on (all hits)", page_hits, hits_time))
                on, on_time = run_load(cached, clients, seconds, mix(audio_urls))
                print(report("mix, cache on", on, on_time))
                off, off_time = run_load(uncached, clients, seconds, mix(audio_urls))
                print(report("mix, cache off", off, off_time))
                page_misses, misses_time = run_load(uncached, clients, min(seconds, 4), pages_only)
                print(report("pages, cache off", page_misses, misses_time))
                errors = base.errors + page_hits.errors + on.errors + off.errors + page_misses.errors
                verdicts.append(("no errors", clients, errors == 0))
                if clients == 50:
                    p95 = percentile(page_hits.latencies, 0.95) * 1000
                    verdicts.append((f"cached pages p95 under 50 ms ({p95:.1f} ms)", clients, p95 < 50))
                    ratio = rate(page_hits, hits_time) / max(rate(page_misses, misses_time), 1e-9)
                    verdicts.append((f"cached throughput 10× uncached ({ratio:.1f}×)", clients, ratio >= 10))
                    within = median_ms(page_hits) / max(median_ms(base), 1e-9)
                    verdicts.append((f"cached page median within 3× of static ({within:.1f}×)", clients, within <= 3))
                print()
    print("Targets:")
    for label, clients, met in verdicts:
        print(f"  {clients:3d} clients, {label}: {'met' if met else 'missed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
