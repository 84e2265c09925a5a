"""The demo album served as a reader gets it: gunicorn with DEBUG off, on its own database and media.

Used by the browser tests' fixture and by the benchmarks, so both measure the same thing.
"""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# As root in a closed network Chromium needs these; the background-networking ones stop it
# from trying (and failing) to reach Google's services at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve_demo(folder: Path):
    """Migrate and load the demo into `folder`, serve it, yield its base URL, stop it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "listening.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo", "-v", "0"], cwd=ROOT, env=env, check=True)
    with gunicorn(env, folder / "server.log", threads=16) as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def gunicorn(env, log_path: Path, *, workers: int = 1, threads: int = 8, ready_path: str = "/", headers=None):
    """gunicorn serving the app with `env`, on a free loopback port: yields the port once `ready_path`
    answers 200, and stops the server after. Its output goes to `log_path`, quoted if it fails to start.

    The one way tests and benchmarks start an app server (tests/app_servers.py, tests/bench/*).
    """
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "listening.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads), "--timeout", "60"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    connection.request("GET", ready_path, headers=headers or {})
                    if connection.getresponse().status == 200:
                        break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start:\n{log_path.read_text()[-3000:]}")
                time.sleep(0.2)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
