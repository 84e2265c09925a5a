"""Public URLs answer any generated input without a server error or unescaped output."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db

MARKER = "<b>zq"  # markup that must never come back unescaped
TIMES = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from(["1", "2:", "3.5", ",", "npt:", "e9", "-", "NaN", MARKER, "9" * 40, "\x00"]), max_size=8
    ).map("".join),
)
SEGMENTS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@pytest.fixture
def track():
    soundtrack = SoundtrackPageFactory(parent=home_page())
    track = TrackPageFactory(parent=soundtrack)
    CueFactory(track=track, slug="opening", start_ms=0)
    CueFactory(track=track, slug="turn", start_ms=60_000)
    return track


@settings(max_examples=40)
@given(t=TIMES, loop=st.sampled_from(["", "1", "true", MARKER]))
def test_a_track_answers_any_deep_link(client, track, t, loop):
    response = client.get(track.url, {"t": t, "loop": loop})
    assert response.status_code == 200
    assert MARKER not in response.content.decode()


@settings(max_examples=40)
@given(segment=SEGMENTS)
def test_any_path_under_a_track_is_a_page_or_not_found(client, track, segment):
    response = client.get(f"{track.url}cues/{segment}/")
    assert response.status_code in (200, 301, 302, 404)
    assert MARKER not in response.content.decode()


@settings(max_examples=40)
@given(query=st.one_of(st.text(max_size=120), st.just(MARKER)))
def test_search_answers_any_query(client, track, query):
    for headers in ({}, {"HX-Request": "true", "HX-Target": "search-results"}):
        response = client.get("/search/", {"q": query}, headers=headers)
        assert response.status_code == 200
        assert MARKER not in response.content.decode()
