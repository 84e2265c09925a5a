"""What production sends a browser beyond the page itself: scripts with hashed names all the way down
(so each gets a year's cache), and pages compressed, while audio byte ranges stay untouched."""

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
PASSED_DOWN = ("PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV", "TMPDIR")
COMPRESSING = ["listening.site.middleware.CompressPagesMiddleware", *settings.MIDDLEWARE]


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    folder = tmp_path_factory.mktemp("collected")
    env = {name: os.environ[name] for name in PASSED_DOWN if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="listening.settings.production",
        DJANGO_SECRET_KEY="a-long-random-value-for-collecting-static-files-0123456789",
        DJANGO_ALLOWED_HOSTS="guide.example",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return folder / "static"


def test_the_players_modules_import_each_other_by_hashed_name(collected):
    (player,) = [p for p in (collected / "js").glob("player.*.js") if re.fullmatch(r"player\.[0-9a-f]{12}\.js", p.name)]
    source = player.read_text()
    imports = re.findall(r'from\s*"([^"]+)"', source)
    assert len(imports) >= 6
    for name in imports:
        assert re.fullmatch(r"\./player/\w+\.[0-9a-f]{12}\.js", name), name
        assert (collected / "js" / name).exists(), name
    # Modules the submodules import (the shared time formatter) are hashed too.
    view = next((collected / "js" / "player").glob("view.*.js"))
    assert re.search(r'from\s*"\.\./timecode\.[0-9a-f]{12}\.js"', view.read_text())
    assert (player.parent / (player.name + ".gz")).exists()


@pytest.mark.django_db
@override_settings(MIDDLEWARE=COMPRESSING)
def test_pages_are_compressed_for_browsers_that_ask(client, guide):
    response = client.get(guide.track.url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"] and "HX-Request" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<!doctype html>" in html
    plain = client.get(guide.track.url)
    assert not plain.has_header("Content-Encoding") and b"<!doctype html>" in plain.content


@pytest.mark.django_db
@override_settings(MIDDLEWARE=COMPRESSING)
def test_audio_ranges_are_never_compressed(client, guide):
    url = guide.track.audio.file.url
    whole = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert whole.status_code == 200 and not whole.has_header("Content-Encoding")
    part = client.get(url, headers={"Accept-Encoding": "gzip", "Range": "bytes=100-199"})
    assert part.status_code == 206 and not part.has_header("Content-Encoding")
    assert part["Content-Range"].startswith("bytes 100-199/")
    assert len(b"".join(part.streaming_content) if part.streaming else part.content) == 100
