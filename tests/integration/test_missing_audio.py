"""A track whose audio file has gone from the media folder: readers get a notice, not a broken
player; the admin dashboard lists it with links to fix it."""

import io
import re

import pytest
from django.urls import reverse

from listening.tracks.models import AudioFile
from tests.audio_samples import tone
from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db
UNAVAILABLE = "The recording of this track is unavailable at the moment"


def track_with_audio(name):
    audio = AudioFile(credit="Test")
    audio.ingest(io.BytesIO(tone(2.0)), f"{name}.mp3")
    audio.save()
    track = TrackPageFactory(parent=SoundtrackPageFactory(parent=home_page()), audio=audio, title=f"Track {name}")
    CueFactory(track=track, slug="opening", start_ms=0)
    return track


def lose_its_audio(track):
    track.audio.file.storage.delete(track.audio.file.name)


def test_a_track_whose_audio_is_gone_renders_a_notice_instead_of_the_player(client):
    track = track_with_audio("gone-for-readers")
    lose_its_audio(track)
    for url in (track.url, track.url + "?t=1", track.cue_url(track.cues.get())):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert UNAVAILABLE in html
        assert "gone-for-readers.mp3" not in html  # no player, source or download link to a missing file
        assert "data-audio-src" not in html and "data-transport" not in html
        assert re.search(r"<audio data-player[^>]*\bsrc=", html) is None
        assert 'id="cue-opening"' in html  # the commentary still reads in full


def test_a_track_with_its_audio_keeps_its_player(client):
    track = track_with_audio("still-here")
    html = client.get(track.url).content.decode()
    assert UNAVAILABLE not in html
    assert "data-transport" in html and f'data-audio-src="{track.audio.file.url}"' in html


def test_the_dashboard_lists_tracks_whose_audio_is_gone(admin_client):
    gone = track_with_audio("gone-for-editors")
    kept = track_with_audio("kept-for-editors")
    lose_its_audio(gone)
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("data-tracks-missing-audio") :]
    panel = panel[: panel.index("</table>")]
    assert reverse("wagtailadmin_pages:edit", args=[gone.pk]) in panel
    assert reverse("wagtailsnippets_tracks_audiofile:edit", args=[gone.audio.pk]) in panel
    assert gone.audio.file.name in panel
    assert reverse("wagtailadmin_pages:edit", args=[kept.pk]) not in panel


def test_the_dashboard_says_nothing_when_every_recording_is_there(admin_client):
    track_with_audio("all-there")
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-tracks-missing-audio" not in html
