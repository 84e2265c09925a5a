"""The lesson editor's range picker: a track's chart and recording, for those who may edit the track."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from listening.lessons.blocks import GuessStepBlock, ListeningStepBlock
from tests.factories import CueFactory

pytestmark = pytest.mark.django_db


def chart_url(page):
    return reverse("lessons_admin:track_chart", args=[page.pk])


def user_in(group):
    user = get_user_model().objects.create_user(f"user-of-{group.name}", password="pw")
    user.groups.add(group)
    return user


def test_an_editor_gets_the_tracks_chart_with_its_recording_and_nothing_of_other_tracks(client, guide):
    client.force_login(user_in(Group.objects.get(name="Editors")))
    response = client.get(chart_url(guide.track))
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-chart" in page and 'data-duration="165"' in page
    assert "Trumpet enters" in page and "Lena Marsh" in page
    assert f'src="{guide.track.audio.file.url}"' in page
    # The alternate take's cues are its own.
    assert "Faster" not in page and "Fade" not in page
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_chart_is_the_tracks_latest_draft(client, guide):
    track = guide.fresh().track
    CueFactory(track=track, slug="drafted-cue", title="A drafted cue", start_ms=130_000, layer="music")
    track.save_revision()
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    page = client.get(chart_url(track)).content.decode()
    assert "A drafted cue" in page


def test_someone_who_may_not_edit_the_track_is_refused(client, guide):
    admin_only = Group.objects.create(name="Admin, no pages")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user_in(admin_only))
    response = client.get(chart_url(guide.track))
    assert response.status_code == 403
    assert "Trumpet enters" not in response.content.decode()


def test_a_reader_without_the_admin_is_sent_to_log_in(client, guide):
    response = client.get(chart_url(guide.track))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_page_that_is_not_a_track_or_no_page_is_not_found(client, guide):
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    assert client.get(chart_url(guide.soundtrack)).status_code == 404
    assert client.get(reverse("lessons_admin:track_chart", args=[999_999])).status_code == 404


def test_the_lesson_editor_loads_the_picker_and_marks_its_steps(client, guide):
    assert "listening-step-block" in ListeningStepBlock().meta.form_classname
    assert "guess-step-block" in GuessStepBlock().meta.form_classname
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    page = client.get(reverse("wagtailadmin_pages:add", args=["lessons", "lessonpage", guide.soundtrack.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "js/admin/range-picker.js" in html
    assert 'data-track-chart-url="/admin/lessons/track-chart/0/"' in html
    assert "css/chart.css" in html
