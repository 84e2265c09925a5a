"""An S3-compatible server on loopback for the object-storage tests: moto's standalone server.

`.ci/run` starts one and names it in LISTENING_TEST_S3_ENDPOINT; without that, tests start their own
when moto is installed (requirements-dev.txt pins `moto[server]`). Outside CI they skip, saying why,
when neither is there; in CI (`CI=true`) that is a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.demo_server import free_port

# moto accepts any key; these say plainly that they are not secrets.
ACCESS_KEY = "listening-test-access-key"
SECRET_KEY = "listening-test-secret-key"
REGION = "us-east-1"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def moto_server_command() -> list[str] | None:
    beside_python = Path(sys.executable).with_name("moto_server")
    found = str(beside_python) if beside_python.exists() else shutil.which("moto_server")
    return [found] if found else None


def unavailable() -> str | None:
    """None when an S3-compatible server is named or can be started here, else why not."""
    if os.environ.get("LISTENING_TEST_S3_ENDPOINT", "").strip():
        return None
    if moto_server_command() is None:
        return "no S3-compatible server: install moto[server] (requirements-dev.txt) or set LISTENING_TEST_S3_ENDPOINT"
    return None


@contextlib.contextmanager
def s3_endpoint() -> Iterator[str]:
    """The endpoint URL of a running S3-compatible server: CI's, or a moto server started here and stopped after."""
    named = os.environ.get("LISTENING_TEST_S3_ENDPOINT", "").strip()
    if named:
        yield named
        return
    command = moto_server_command()
    if command is None:
        raise RuntimeError(unavailable())
    port = free_port()
    server = subprocess.Popen(
        [*command, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto_server did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def client(endpoint: str):
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name=REGION
    )


def new_bucket(endpoint: str) -> str:
    name = f"listening-{uuid.uuid4().hex[:16]}"
    client(endpoint).create_bucket(Bucket=name)
    return name


def storage_env(endpoint: str, bucket: str) -> dict[str, str]:
    """The environment the README documents for object storage, naming this server and bucket."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_S3_ADDRESSING_STYLE": "path",
    }


def storages_setting(endpoint: str, bucket: str) -> dict:
    """STORAGES as settings/base.py makes it from storage_env()."""
    return {
        "default": {
            "BACKEND": "listening.core.object_storage.MediaObjectStorage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "addressing_style": "path",
                "querystring_expire": 300,
                "signature_version": "s3v4",
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
