"""The embeddable player inside a course site's page on another origin."""

import contextlib
import http.server
import socketserver
import threading

import pytest

from tests.demo_server import free_port

pytestmark = pytest.mark.browser

TRACK = "/ascenseur-pour-lechafaud/generique/"
AUDIO = "document.querySelector('audio[data-player]')"


@contextlib.contextmanager
def course_site(tmp_path, pages: dict[str, str]):
    """Another origin (another port on loopback) serving the given pages, as a course site would."""
    for name, body in pages.items():
        (tmp_path / name).write_text(body)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, *args):
            pass

    port = free_port()
    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


def iframe_page(src):
    return f'<!doctype html><title>Course</title><h1>Week 3</h1><iframe src="{src}" width="640" height="480"></iframe>'


def test_an_embedded_range_plays_and_stops_at_its_end_inside_another_sites_page(page, demo_server, tmp_path):
    with course_site(tmp_path, {"lesson.html": iframe_page(demo_server + TRACK + "embed/?t=1:23,1:26")}) as site:
        page.goto(site + "/lesson.html")
        page.wait_for_function("document.querySelector('iframe').contentWindow !== null")
        embed = next(f for f in page.frames if "/embed/" in f.url)
        # A range link starts playing by itself (as on the track page); press play if the browser held it.
        embed.wait_for_function("window.listeningPlayer !== undefined", timeout=8000)
        if embed.evaluate(f"{AUDIO}.paused && {AUDIO}.currentTime < 83.5"):
            embed.locator("[data-action=toggle]").click()
        embed.wait_for_function(f"{AUDIO}.currentTime >= 83.2", timeout=8000)
        embed.wait_for_function(f"{AUDIO}.paused && {AUDIO}.currentTime > 85", timeout=8000)
        assert 85.8 <= embed.evaluate(f"{AUDIO}.currentTime") <= 86.4


def test_a_page_that_is_not_an_embed_is_refused_inside_another_site(page, demo_server, tmp_path):
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "frame" in message.text.lower() else None)
    with course_site(tmp_path, {"copy.html": iframe_page(demo_server + TRACK)}) as site:
        page.goto(site + "/copy.html")
        page.wait_for_timeout(1500)
        framed = [f for f in page.frames if f is not page.main_frame]
        assert framed, "the iframe exists"
        assert not framed[0].url.startswith(demo_server), f"the track page was framed: {framed[0].url}"
        assert refused, "Chromium says why it refused the frame"
