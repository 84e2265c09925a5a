"""The listening chart: a print view of a track with every cue and a QR code that opens its permalink."""

import pytest

from tests.factories import (
    CueFactory,
    PersonPageFactory,
    ScenePageFactory,
    ScenesIndexPageFactory,
    SoundtrackPageFactory,
    TrackPageFactory,
    home_page,
    people_index,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def track():
    soundtrack = SoundtrackPageFactory(parent=home_page(), original_language="fr")
    scene = ScenePageFactory(parent=ScenesIndexPageFactory(parent=soundtrack), title="Night street")
    player = PersonPageFactory(parent=people_index(), title="Pierre Bass")
    track = TrackPageFactory(parent=soundtrack, title="Générique", slug="generique")
    CueFactory(track=track, slug="opening", title="Bass alone", start_ms=0, performers=[player], scene=scene,
               commentary="<p>The bass walks in alone. Then the drums follow.</p>")  # fmt: skip
    CueFactory(track=track, slug="horns", title="Horns enter", start_ms=40_000, layer="film")
    return track


def test_the_chart_lists_every_cue_with_its_time_layer_players_scene_and_first_line(client, track):
    response = client.get(f"{track.url}print/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Bass alone", "Horns enter", "0:00", "0:40", "Pierre Bass", "Night street", "Film",
                 "The bass walks in alone.", '<span lang="fr">Générique</span>'):  # fmt: skip
        assert text in html, text
    assert "Then the drums follow." not in html  # one line of commentary, not all of it
    assert "<script" not in html  # a page for paper: nothing runs


def test_each_cue_has_a_qr_code_for_its_absolute_permalink(client, track):
    html = client.get(f"{track.url}print/").content.decode()
    for cue in track.cues.all():
        url = f"http://testserver{track.cue_url(cue)}"
        assert f'data-qr-url="{url}"' in html
    assert html.count("<svg") == track.cues.count()


def test_the_track_page_links_to_its_chart(client, track):
    assert f'href="{track.url}print/"' in client.get(track.url).content.decode()
