"""Waveform peaks are computed at ingest and kept beside the audio, for the chart and other tools."""

import io
import json
from io import StringIO

import pytest
from django.core.management import call_command

from listening.tracks.models import AudioFile
from tests.audio_samples import tone
from tests.factories import AudioFileFactory

pytestmark = pytest.mark.django_db


def test_ingest_keeps_peaks_beside_the_audio():
    audio = AudioFileFactory(seconds=2.0)
    assert audio.peaks.name == audio.file.name + ".peaks.json"
    stored = json.loads(audio.peaks.read())
    assert stored["version"] == 2 and stored["length"] * 2 == len(stored["data"])
    assert AudioFile.objects.get(pk=audio.pk).waveform == stored


def test_the_admin_path_stores_peaks_when_the_record_is_saved():
    # The admin form reads the upload first (store=False) and keeps the file itself when it saves.
    audio = AudioFile(title="Upload")
    audio.ingest(io.BytesIO(tone(1.0)), "upload.mp3", store=False)
    assert not audio.peaks
    audio.file.save("upload.mp3", io.BytesIO(tone(1.0)), save=False)
    audio.save()
    assert AudioFile.objects.get(pk=audio.pk).waveform["sample_rate"] == 22050


def test_peaks_are_served_to_readers_of_a_public_track(client, guide):
    audio = guide.track.audio
    response = client.get(audio.peaks.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(b"".join(response.streaming_content) if response.streaming else response.content)["version"] == 2


def test_peaks_of_audio_no_track_plays_are_not_served(client):
    audio = AudioFileFactory(seconds=1.0)
    assert client.get(audio.peaks.url).status_code == 404


def test_compute_peaks_fills_in_audio_kept_without_them():
    audio = AudioFileFactory(seconds=1.5)
    audio.peaks.delete(save=False)
    audio.save()
    out = StringIO()
    call_command("compute_peaks", stdout=out, stderr=StringIO())
    audio.refresh_from_db()
    assert audio.peaks and audio.waveform["version"] == 2
    assert "1 audio file" in out.getvalue()
    call_command("compute_peaks", stdout=(again := StringIO()), stderr=StringIO())
    assert "0 audio file" in again.getvalue()
