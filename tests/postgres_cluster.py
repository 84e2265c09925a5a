"""A throwaway PostgreSQL cluster on loopback, for tests and benchmarks that want the real server.

Needs PostgreSQL's `initdb` and `postgres` (Debian: apt-get install postgresql; the binaries live in
/usr/lib/postgresql/<version>/bin, which is searched too). As root, the server runs as `postgres`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

from tests.demo_server import free_port


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def available() -> str | None:
    """None when a cluster can be made here, else the reason it cannot."""
    if not (_binary("initdb") and _binary("postgres")):
        return "PostgreSQL's initdb and postgres are not installed (apt-get install postgresql)"
    if os.geteuid() == 0 and subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
        return "running as root, and there is no postgres user to run the server as"
    return None


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a new cluster, yield its DATABASE_URL, stop it and remove its files."""
    reason = available()
    if reason:
        raise RuntimeError(reason)
    folder = tempfile.mkdtemp(prefix="listening-pg-")
    os.chmod(folder, 0o755)  # noqa: S103 - the server's user must reach its socket folder
    as_postgres = os.geteuid() == 0
    if as_postgres:
        shutil.chown(folder, "postgres")

    def run(*command, **kwargs):
        if as_postgres:
            return subprocess.Popen(["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)], **kwargs)
        return subprocess.Popen(list(command), **kwargs)

    port = free_port()
    data = os.path.join(folder, "data")
    run(_binary("initdb"), "-D", data, "-A", "trust", "-U", "listening", stdout=subprocess.DEVNULL).wait()
    log = open(os.path.join(folder, "log"), "w")  # noqa: SIM115 - closed below
    server = run(
        _binary("postgres"), "-D", data, "-k", folder, "-p", str(port),
        "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200",
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"postgresql://listening@127.0.0.1:{port}/postgres"
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                with open(os.path.join(folder, "log")) as failed:
                    raise RuntimeError("PostgreSQL did not start: " + failed.read()[-2000:])
            time.sleep(0.2)
        time.sleep(0.5)  # the port opens a moment before the server takes connections
        yield url
    finally:
        run(_binary("pg_ctl") or "pg_ctl", "-D", data, "stop", "-m", "fast", stdout=subprocess.DEVNULL).wait()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    """`python -m tests.postgres_cluster COMMAND…`: run COMMAND with DATABASE_URL naming a new cluster."""
    if not argv:
        print("usage: python -m tests.postgres_cluster COMMAND [ARGS…]", file=sys.stderr)
        return 2
    reason = available()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    with throwaway_postgres() as url:
        return subprocess.run(argv, env={**os.environ, "DATABASE_URL": url}).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
