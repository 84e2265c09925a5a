"""Every listing shows readers only what they may see: live pages that no view restriction covers."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import (
    CueFactory,
    PersonPageFactory,
    ScenePageFactory,
    ScenesIndexPageFactory,
    SoundtrackPageFactory,
    TrackCreditFactory,
    TrackPageFactory,
    home_page,
    people_index,
)

pytestmark = pytest.mark.django_db

RESTRICTIONS = {
    "password": {"restriction_type": PageViewRestriction.PASSWORD, "password": "letmein"},
    "login": {"restriction_type": PageViewRestriction.LOGIN},
    "groups": {"restriction_type": PageViewRestriction.GROUPS},
}


@pytest.fixture
def guide():
    soundtrack = SoundtrackPageFactory(parent=home_page(), title="Open album", slug="open-album")
    scenes = ScenesIndexPageFactory(parent=soundtrack)
    player = PersonPageFactory(parent=people_index(), title="Ubiquitous Player", slug="ubiquitous-player")
    public_scene = ScenePageFactory(parent=scenes, title="Public street", slug="public-street")
    hidden_scene = ScenePageFactory(parent=scenes, title="Hidden alley", slug="hidden-alley")
    hidden_scene.cast.set([player])
    public_scene.cast.set([player])
    tracks = {}
    for slug in ("open-take", "secret-take"):
        track = TrackPageFactory(
            parent=soundtrack, title=slug.replace("-", " ").title(), slug=slug, session_piece="Piece"
        )
        TrackCreditFactory(track=track, person=player)
        CueFactory(
            track=track,
            slug="entry",
            title=f"Xylophone entry of {slug}",
            start_ms=0,
            performers=[player],
            scene=public_scene,
        )
        CueFactory(track=track, slug="alley", title=f"Alley cue of {slug}", start_ms=30_000, scene=hidden_scene)
        tracks[slug] = track
    return {
        "soundtrack": soundtrack,
        "player": player,
        "tracks": tracks,
        "hidden_scene": hidden_scene,
        "public_scene": public_scene,
    }


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, **RESTRICTIONS[kind])
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Seminar")])


def hide(page, how):
    if how == "draft":
        page.unpublish()
    else:
        restrict(page, how)


HOW = ["draft", "password", "login", "groups"]


@pytest.mark.parametrize("how", HOW)
def test_a_hidden_track_is_in_no_listing(client, guide, how):
    hide(guide["tracks"]["secret-take"], how)
    pages = {
        "person": guide["player"].url,
        "scene": guide["public_scene"].url,
        "sibling take": guide["tracks"]["open-take"].url,
        "soundtrack": guide["soundtrack"].url,
        "search": "/search/?q=Xylophone",
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert "secret-take" not in html, f"the {name} page lists the hidden track"
        assert "Secret Take" not in html, f"the {name} page lists the hidden track"
    assert "Xylophone entry of open-take" in client.get("/search/?q=Xylophone").content.decode()


@pytest.mark.parametrize("how", HOW)
def test_a_hidden_scene_is_in_no_listing(client, guide, how):
    hide(guide["hidden_scene"], how)
    for url in (guide["player"].url, guide["tracks"]["open-take"].url, "/search/?q=Hidden"):
        html = client.get(url).content.decode()
        assert guide["hidden_scene"].url not in html, url


@pytest.mark.parametrize("how", ["password", "login", "groups"])
def test_a_hidden_tracks_cue_files_and_permalinks_are_not_served(client, guide, how):
    track = guide["tracks"]["secret-take"]
    restrict(track, how)
    for url in (track.url, f"{track.url}cues.vtt", f"{track.url}cues.csv", track.cue_url(track.cues.first())):
        response = client.get(url)
        assert response.status_code in (200, 302, 401, 403), url
        assert b"Xylophone" not in response.content, url
