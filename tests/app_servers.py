"""The set-up for many machines, on loopback: PostgreSQL, Redis, object storage and several app servers.

Used by the two-servers test (tests/integration/test_two_app_servers.py) and the cache benchmark
(tests/bench/cache_load.py). Each piece is a throwaway: PostgreSQL from tests/postgres_cluster.py,
a redis-server on a free port, moto's S3 server from tests/object_storage.py, and gunicorn with
production settings.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests import demo_server, object_storage
from tests.postgres_cluster import available as postgres_unavailable
from tests.postgres_cluster import throwaway_postgres

ROOT = Path(__file__).resolve().parents[1]
SECRET = "app-servers-only-" + "k" * 50
# Not the demo's password: production refuses to start while a demo account has that one.
ADMIN = ("operator", "a-long-operator-password-for-loopback-only")


def unavailable() -> str | None:
    """Why the many-machines set-up cannot be made here, or None."""
    reason = postgres_unavailable()
    if reason:
        return reason
    if not (os.environ.get("LISTENING_TEST_REDIS_URL") or shutil.which("redis-server")):
        return "no Redis: install redis-server or set LISTENING_TEST_REDIS_URL"
    return object_storage.unavailable()


@contextlib.contextmanager
def throwaway_redis() -> Iterator[str]:
    named = os.environ.get("LISTENING_TEST_REDIS_URL", "").strip()
    if named:
        yield named
        return
    port = demo_server.free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextlib.contextmanager
def shared_services() -> Iterator[dict[str, str]]:
    """PostgreSQL, Redis and a bucket; yields the environment that names them (README's variables)."""
    with throwaway_postgres() as database_url, throwaway_redis() as redis_url, object_storage.s3_endpoint() as s3:
        bucket = object_storage.new_bucket(s3)
        yield {"DATABASE_URL": database_url, "REDIS_URL": redis_url, **object_storage.storage_env(s3, bucket)}


def manage(env: dict[str, str], *args: str, settings: str = "listening.settings.production", **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": settings},
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def production_env(services: dict[str, str], folder: Path, **extra: str) -> dict[str, str]:
    return {
        **services,
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        **extra,
    }


def load_demo(env: dict[str, str]) -> None:
    """Migrate, load the demo album (test settings: the loader is a dev tool), add an operator account."""
    manage(env, "migrate", "--noinput", "-v", "0", settings="listening.settings.test")
    manage(env, "load_demo", "-v", "0", settings="listening.settings.test")
    username, password = ADMIN
    code = (
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        f"User.objects.filter(username__in=['admin', 'editor', 'contributor']).delete()\n"
        f"User.objects.create_superuser({username!r}, '', {password!r})\n"
    )
    manage(env, "shell", "-c", code)  # production's password hashers, not the tests' fast one
    manage(env, "collectstatic", "--noinput", "-v", "0")


@contextlib.contextmanager
def gunicorn(env: dict[str, str], folder: Path, name: str, workers: int = 2, threads: int = 8) -> Iterator[int]:
    """One app server with production settings; yields its port."""
    production = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "listening.settings.production"}
    with demo_server.gunicorn(
        production, folder / f"{name}.log", workers=workers, threads=threads, headers={"X-Forwarded-Proto": "https"}
    ) as port:
        yield port


@contextlib.contextmanager
def work_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="listening-servers-") as folder:
        yield Path(folder)
