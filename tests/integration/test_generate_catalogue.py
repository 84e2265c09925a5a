"""`manage.py generate_catalogue`: a synthetic catalogue in bulk, shaped as the admin shapes one, whose
track pages cost what the demo's cost."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from listening.people.models import PersonPage
from listening.scenes.models import ScenePage, SceneStill
from listening.tracks.models import Cue, SoundtrackPage, TrackCredit, TrackPage

pytestmark = pytest.mark.django_db

SIZES = {"soundtracks": 2, "tracks": 5, "cues": 23, "people": 7, "scenes": 4}


@pytest.fixture
def catalogue(demo_album):
    call_command("generate_catalogue", verbosity=0, **SIZES)


def generated(model):
    return model.objects.filter(url_path__contains="/gen-")


def queries_for(client, url) -> int:
    assert client.get(url).status_code == 200  # renditions are made on a first view, not measured
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_it_makes_the_sizes_asked_for_in_a_sound_tree(catalogue):
    assert generated(SoundtrackPage).count() == 2
    tracks = generated(TrackPage)
    assert tracks.count() == 5 and sorted(t.numchild for t in generated(SoundtrackPage)) == [
        3,
        4,
    ]  # tracks, scenes index
    assert Cue.objects.filter(track__in=tracks).count() == 23
    assert PersonPage.objects.filter(slug__startswith="gen-").count() == 7
    assert generated(ScenePage).count() == 4 and SceneStill.objects.filter(scene__in=generated(ScenePage)).count() == 4
    assert all(problems == [] for problems in Page.find_problems())  # paths, depths and child counts agree
    assert TrackCredit.objects.filter(track__in=tracks).count() == 5 * 4
    music = Cue.objects.filter(track__in=tracks, layer=Cue.Layer.MUSIC)
    assert music.exists() and all(cue.performers.exists() for cue in music)
    assert all(
        cue.scene.get_parent().get_parent().pk == cue.track.get_parent().pk
        for cue in Cue.objects.filter(track__in=tracks)
    )
    assert generated(TrackPage).for_readers().count() == 5


def test_its_pages_are_served_and_found(client, catalogue):
    track = generated(TrackPage).first()
    html = client.get(track.url).content.decode()
    assert html.count('id="cue-') >= track.cues.count() and "<audio data-player" in html
    assert client.get(PersonPage.objects.filter(slug__startswith="gen-").first().url).status_code == 200
    assert client.get(generated(ScenePage).first().url).status_code == 200
    found = client.get("/search/?q=Generated+soundtrack").content.decode()
    assert "Generated soundtrack 002" in re.sub(r"</?mark>", "", found)  # matched words come marked


def test_a_generated_track_page_asks_as_many_queries_as_the_demo_s(client, catalogue):
    demo_track = TrackPage.objects.get(url_path__endswith="/ascenseur-pour-lechafaud/generique/")
    generated_track = generated(TrackPage).first()
    assert queries_for(client, generated_track.url) == queries_for(client, demo_track.url)
    demo_person = PersonPage.objects.get(slug="miles-davis")
    generated_person = PersonPage.objects.filter(slug__startswith="gen-").first()
    assert queries_for(client, generated_person.url) == queries_for(client, demo_person.url)


def test_it_refuses_to_generate_twice_but_makes_it_again_with_reset(catalogue):
    with pytest.raises(CommandError, match="already here"):
        call_command("generate_catalogue", verbosity=0, **SIZES)
    call_command("generate_catalogue", verbosity=0, reset=True, **{**SIZES, "tracks": 3})
    assert generated(TrackPage).count() == 3 and generated(SoundtrackPage).count() == 2
    assert all(problems == [] for problems in Page.find_problems())
