"""Odd and hostile requests get a clear answer: never a 500, and only the methods a URL takes."""

import pytest

from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    '""""',
    "'",
    "' OR 1=1 --",
    '"unclosed phrase',
    "AND OR NOT",
    "title:foo^2 ~ * ?",
    "(((",
    "-",
    "NEAR/3",
    "\x00",
    "tone\x00tone",
    "\x07\x1b[31m",
    "\u202eevil",
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "🎺" * 50,
    "x" * 10_000,
    "tone " * 2_000,
]


@pytest.fixture
def track():
    soundtrack = SoundtrackPageFactory(parent=home_page(), title="Tone album")
    track = TrackPageFactory(parent=soundtrack, title="Tone poem")
    CueFactory(track=track, title="A long tone", commentary="<p>Listen to the tone. It holds.</p>")
    return track


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_answers_any_query(client, track, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    htmx = client.get("/search/", {"q": query}, headers={"HX-Request": "true", "HX-Target": "search-results"})
    assert htmx.status_code == 200


def test_search_still_finds_words_beside_the_noise(client, track):
    html = client.get("/search/", {"q": "\x00tone\x00"}).content.decode()
    assert "A long tone" in html


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unsafe_methods_on_pages_answer_405(client, track, method):
    for url in (track.url, track.get_parent().url, track.cue_url(track.cues.first())):
        response = getattr(client, method)(url)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD"


def test_head_works_wherever_get_does(client, track):
    for url in (track.url, "/search/?q=tone", track.cue_url(track.cues.first()), f"{track.url}cues.vtt", "/"):
        assert client.get(url).status_code == 200, url
        assert client.head(url).status_code == 200, url


def test_search_refuses_unsafe_methods(client):
    assert client.post("/search/", {"q": "x"}).status_code == 405
