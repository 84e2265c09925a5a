"""Commentary is made safe when it is shown, not only when it is saved."""

import pytest

from listening.tracks.models import Cue
from tests.factories import (
    CueFactory,
    PersonPageFactory,
    SoundtrackPageFactory,
    TrackPageFactory,
    home_page,
    people_index,
)

pytestmark = pytest.mark.django_db

# As a shell, a migration or a fixture could store it, past the editor's cleaning.
HOSTILE = (
    '<p>Listen <script>alert("cue")</script>for the bass.</p>'
    '<p><a href="javascript:alert(1)">a link</a> <img src=x onerror="alert(2)"> '
    '<a href="/people/" onclick="alert(3)">people</a></p><style>body{display:none}</style>'
    '<iframe src="https://evil.example/"></iframe><svg onload="alert(4)"></svg>'
)


@pytest.fixture
def track():
    soundtrack = SoundtrackPageFactory(parent=home_page(), intro=HOSTILE, footer=HOSTILE)
    track = TrackPageFactory(parent=soundtrack, intro=HOSTILE)
    cue = CueFactory(track=track, slug="hostile", title="Hostile cue")
    Cue.objects.filter(pk=cue.pk).update(commentary=HOSTILE)
    return track


def assert_harmless(html):
    lowered = html.lower()
    for needle in (
        "<script>alert",
        "javascript:",
        "onerror=",
        "onclick=",
        "onload=",
        "<iframe",
        "<svg onload",
        "display:none",
    ):
        assert needle not in lowered, needle


def test_stored_hostile_commentary_cannot_run_on_the_track_page(client, track):
    html = client.get(track.url).content.decode()
    assert_harmless(html)
    assert "for the bass." in html and ">a link</a>" in html and 'href="/people/"' in html


def test_link_previews_are_plain_text_of_the_cleaned_commentary(client, track):
    html = client.get(track.cue_url(track.cues.get())).content.decode()
    assert_harmless(html)
    assert '<meta property="og:description" content="Listen for the bass. a link people">' in html


def test_every_page_kind_shows_stored_rich_text_harmlessly(client, track):
    person = PersonPageFactory(parent=people_index(), biography=HOSTILE)
    for url in (track.get_parent().url, person.url, home_page().url):
        assert_harmless(client.get(url).content.decode())
