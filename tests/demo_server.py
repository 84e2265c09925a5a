"""The demo album served as a reader gets it: gunicorn with DEBUG off, on its own database and media.

Used by the browser tests' fixture and by the benchmarks, so both measure the same thing.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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
    port = free_port()
    log_path = folder / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "listening.wsgi:application"),
                *("--bind", f"127.0.0.1:{port}", "--worker-class", "gthread", "--threads", "16", "--timeout", "60"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base_url + "/", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("The demo server did not start:\n" + log_path.read_text()) from None
                time.sleep(0.2)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
