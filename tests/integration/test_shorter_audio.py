"""A track's audio replaced by a shorter one: the cues past its end are named before anyone publishes."""

import html
import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.admin_forms import edit_data, edit_url, form_values
from tests.factories import AudioFileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def short_audio():
    return AudioFileFactory(title="Short take", seconds=60.0)


def edit_page(client, track):
    return html.unescape(client.get(reverse("wagtailadmin_pages:edit", args=[track.pk])).content.decode())


def test_choosing_a_shorter_audio_names_the_cues_past_its_end_at_once(admin_client, guide, short_audio):
    # What the editor's page asks when the audio chooser changes (static/js/admin/audio-length.js).
    track = guide.track
    url = reverse("tracks_admin:audio_source", args=[short_audio.pk]) + f"?page={track.pk}"
    warning = json.loads(admin_client.get(url).content)["past_the_end"]
    assert warning.startswith("The audio, “Short take”, ends at 1:00.0; these cues run past it: ")
    for cue in track.cues.all():
        assert (f"“{cue.title}”" in warning) == (cue.start_ms >= 60_000), cue.title
    assert "before you publish" in warning
    # The same track's own, longer audio: nothing to say.
    own = reverse("tracks_admin:audio_source", args=[track.audio.pk]) + f"?page={track.pk}"
    assert json.loads(admin_client.get(own).content)["past_the_end"] == ""


def test_the_warning_script_is_on_the_editor(admin_client, guide):
    page = edit_page(admin_client, guide.track)
    assert "js/admin/audio-length.js" in page
    assert f'data-audio-source-url="{reverse("tracks_admin:audio_source", args=[0])}"' in page


def test_the_check_needs_edit_permission_on_the_track(client, django_user_model, guide, short_audio):
    user = django_user_model.objects.create_user("listener", "", "pw")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_audiofile"]))
    client.force_login(user)
    url = reverse("tracks_admin:audio_source", args=[short_audio.pk]) + f"?page={guide.track.pk}"
    answer = json.loads(client.get(url).content)
    assert "past_the_end" not in answer and answer["duration_ms"] == short_audio.duration_ms


def test_opening_a_track_whose_draft_audio_is_too_short_names_the_cues(admin_client, guide, short_audio):
    track = guide.track
    assert "these cues run past it" not in edit_page(admin_client, track)
    draft = track.get_latest_revision_as_object()
    draft.audio = short_audio
    draft.save_revision()  # as a draft saved before the cues were checked, or an audio replaced in place
    page = edit_page(admin_client, track)
    said = "The audio, “Short take”, ends at 1:00.0; these cues run past it: “The lift stops” (1:10.0); “Trumpet"
    assert said in page
    assert "“Last bars” (1:40.0); “Why a lift” (1:50.0)" in page


@pytest.mark.parametrize("opened", [True, False], ids=["every-cue-opened", "no-cue-opened"])
def test_publishing_with_the_shorter_audio_is_refused_and_the_live_track_keeps_its_audio(
    admin_client, guide, short_audio, opened
):
    track = guide.track
    data = edit_data(admin_client, track, opened=opened)
    data["audio"] = str(short_audio.pk)
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url(track), data)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "The page could not be saved due to validation errors" in page
    assert "This cue starts at 1:40.0, but the audio ends at 1:00.0." in page
    track.refresh_from_db()
    assert track.audio_id != short_audio.pk
    # The page comes back holding every cue as it was, those at fault drawn in full: saving again loses none.
    again = form_values(response.content.decode())
    titles = {again[f"cues-{i}-title"] for i in range(int(again["cues-TOTAL_FORMS"]))}
    assert titles == set(track.cues.values_list("title", flat=True))
    assert 'id="id_cues-' in page and "-start_ms" in page
