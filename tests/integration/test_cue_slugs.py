"""Cue slugs are always valid and non-empty, whatever script a title is in; bad stored data never stops a page."""

import logging
import re

import pytest
from django.contrib.auth import get_user_model

from listening.tracks.cue_rules import slug_for
from listening.tracks.models import Cue
from tests.admin_forms import add_cue, edit_data, edit_url
from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Тема ночи", "tema-nochi"),
        ("Θέμα", "thema"),
        ("夜のテーマ", "yenotema"),
        ("🎺🎷", "trumpetsaxophone"),
        ("Générique", "generique"),
        ("!!!", "cue"),
        ("", "cue"),
        ("x" * 300, "x" * 80),
    ],
)
def test_a_slug_is_made_readable_from_a_title_in_any_script(title, slug):
    assert slug_for("", title) == slug


def test_made_slugs_steer_clear_of_taken_ones():
    assert slug_for("", "Тема", taken={"tema"}) == "tema-2"
    assert slug_for("", "Тема", taken={"tema", "tema-2"}) == "tema-3"
    assert slug_for("", "!!!", taken={"cue"}) == "cue-2"
    assert len(slug_for("", "y" * 300, taken={"y" * 80})) == 80
    assert slug_for("typed", "Тема", taken={"typed"}) == "typed"  # a typed slug is the rules' to judge


@pytest.fixture
def track():
    return TrackPageFactory(parent=SoundtrackPageFactory(parent=home_page()))


def test_cues_saved_without_slugs_get_distinct_ones(track):
    first = Cue.objects.create(track=track, title="🎺", start_ms=0)
    second = Cue.objects.create(track=track, title="🎺", start_ms=1000)
    emptied = Cue.objects.create(track=track, title="", start_ms=2000)
    assert (first.slug, second.slug, emptied.slug) == ("trumpet", "trumpet-2", "cue")


def test_a_cue_with_a_bad_stored_slug_is_left_out_and_the_page_renders(client, track, caplog):
    CueFactory(track=track, slug="fine", title="A fine cue", start_ms=0)
    bad = CueFactory(track=track, slug="ok", title="A broken cue", start_ms=5000)
    Cue.objects.filter(pk=bad.pk).update(slug="has spaces <b>")  # as a shell or a migration might leave it
    with caplog.at_level(logging.WARNING, logger="listening.tracks.models"):
        response = client.get(track.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A fine cue" in html and "A broken cue" not in html
    assert any("left out" in record.getMessage() for record in caplog.records)


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("chief", password="pw"))
    return client


def test_two_cues_with_unreadable_titles_publish_from_the_editor(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="0:00", title="🎺")
    add_cue(data, start="0:10", title="🎺")
    add_cue(data, start="0:20", title="?!")
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url(track), data)
    assert response.status_code == 302
    track.refresh_from_db()
    assert sorted(track.cues.values_list("slug", flat=True)) == ["cue", "trumpet", "trumpet-2"]


@pytest.mark.parametrize("typed", ["has spaces", "<b>bold</b>", 'quote"s', "slash/slug"])
def test_a_typed_slug_with_markup_or_spaces_is_refused_beside_the_field(admin_client, track, typed):
    data = edit_data(admin_client, track)
    index = add_cue(data, start="0:00", title="Typed", slug=typed)
    response = admin_client.post(edit_url(track), data)
    assert response.status_code == 200
    html = response.content.decode()
    marker = re.search(rf'id="panel-child-content-child-cues-{index}-child-panel\d*-child-slug-errors">', html)
    beside_the_field = html[marker.end() :][:600]
    assert "Enter a valid “slug”" in beside_the_field
    assert not track.cues.exists()
