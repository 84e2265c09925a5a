"""The track editor offers a track's own soundtrack first: its language, its people, its scenes."""

import html
import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories import (
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


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return client


def soundtrack_with_player(word, language):
    soundtrack = SoundtrackPageFactory(parent=home_page(), title=f"{word} album", original_language=language)
    scenes = ScenesIndexPageFactory(parent=soundtrack)
    ScenePageFactory(parent=scenes, title=f"{word} scene")
    player = PersonPageFactory(parent=people_index(), title=f"{word} Player")
    track = TrackPageFactory(parent=soundtrack, title=f"{word} tune")
    TrackCreditFactory(track=track, person=player)
    return soundtrack, scenes, player, track


def test_title_is_labelled_with_the_soundtracks_language(admin_client):
    _, _, _, track = soundtrack_with_player("Quillon", "pt-BR")
    page = admin_client.get(f"/admin/pages/{track.pk}/edit/").content.decode()
    assert "Title (Brazilian Portuguese)" in page
    assert "French title" not in page


def test_new_track_form_names_the_language_before_the_first_save(admin_client):
    soundtrack, *_ = soundtrack_with_player("Zanzibar", "fr")
    page = admin_client.get(f"/admin/pages/add/tracks/trackpage/{soundtrack.pk}/").content.decode()
    assert "Title (French)" in page


def test_performers_of_the_tracks_own_soundtrack_come_first(admin_client):
    # "Aardvark" sorts first by name, so only the soundtrack rule can put Zanzibar's player before it.
    soundtrack_with_player("Aardvark", "")
    _, _, _, track = soundtrack_with_player("Zanzibar", "fr")
    page = admin_client.get(f"/admin/pages/{track.pk}/edit/").content.decode()
    template = html.unescape(page[page.index('id="id_cues-__prefix__-performers"') :])
    assert template.index("Zanzibar Player") < template.index("Aardvark Player")


def test_scene_chooser_opens_on_the_tracks_own_scenes(admin_client):
    soundtrack_with_player("Aardvark", "")
    _, scenes, _, track = soundtrack_with_player("Zanzibar", "fr")
    page = html.unescape(admin_client.get(f"/admin/pages/{track.pk}/edit/").content.decode())
    assert re.search(rf'"parentId":\s*{scenes.pk}\b', page)
