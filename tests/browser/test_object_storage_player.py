"""With media in object storage, a reader's browser gets the still and the audio from the storage, under
the site's own Content-Security-Policy (not bypassed here), and seeking the audio works there (Range)."""

import pytest

from tests import app_servers, object_storage
from tests.object_storage import IN_CI

TRACK = "/ascenseur-pour-lechafaud/generique/?t=1:10"


@pytest.fixture(scope="module")
def storage_server():
    reason = object_storage.unavailable()
    if reason:
        if IN_CI:
            pytest.fail(reason + " (CI must test object storage)")
        pytest.skip(reason)
    with app_servers.work_folder() as folder, object_storage.s3_endpoint() as s3:
        bucket = object_storage.new_bucket(s3)
        services = {"DATABASE_URL": f"sqlite:///{folder}/db.sqlite3", **object_storage.storage_env(s3, bucket)}
        env = app_servers.production_env(services, folder)
        app_servers.load_demo(env)
        with app_servers.gunicorn(env, folder, "storage") as port:
            yield f"http://127.0.0.1:{port}", f"{s3}/{bucket}/"


def test_the_still_and_the_audio_come_from_the_storage_and_the_audio_seeks(browser, storage_server):
    base_url, bucket_url = storage_server
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, extra_http_headers={"X-Forwarded-Proto": "https"}
    )
    page = context.new_page()
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    try:
        page.goto(base_url + TRACK, wait_until="networkidle")
        found = page.evaluate(
            """async () => {
              const audio = document.querySelector('audio[data-player]');
              const still = document.querySelector('[data-stage] img');
              audio.muted = true;
              try { await audio.play(); } catch (error) {}
              audio.currentTime = 60;
              await new Promise(resolve => setTimeout(resolve, 1500));
              return {audio: audio.currentSrc, time: audio.currentTime, error: audio.error && audio.error.code,
                      still: still.currentSrc, width: still.naturalWidth};
            }"""
        )
    finally:
        context.close()
    assert found["audio"].startswith(bucket_url + "audio/") and found["error"] is None
    assert 60 <= found["time"] < 65  # seeked, not back to 0:00: the storage answered the Range requests
    assert found["still"].startswith(bucket_url + "images/") and found["width"] > 0
    assert refused == []
