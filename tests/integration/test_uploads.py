"""Uploads in the admin: hostile images are refused with a clear message, audio replacements warn."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from tests.audio_samples import tone
from tests.factories import AudioFileFactory

pytestmark = pytest.mark.django_db


def png(width=64, height=48):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg(width=320, height=240):
    buffer = io.BytesIO()
    Image.effect_noise((width, height), 64).convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def bomb_png(width=20_000, height=20_000):
    """A small PNG whose header claims 400 million pixels (the limit is 128 million)."""
    data = png(8, 8)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    patched = struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return data[:8] + patched + data[8 + 25 :]


# name, content, and words of the message the editor reads
HOSTILE = {
    "not-an-image": ("notes.png", b"This is a text file pretending to be a PNG.\n" * 10, "Upload a valid image"),
    "truncated-png": ("cut.png", png(400, 300)[:300], "is damaged or incomplete"),
    "truncated-jpeg": ("cut.jpg", jpeg()[:2000], "is damaged or incomplete"),
    "decompression-bomb": ("bomb.png", bomb_png(), "too many pixels"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_images_are_refused_by_the_add_image_view(admin_client, case):
    name, content, words = HOSTILE[case]
    count = get_image_model().objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": case, "file": SimpleUploadedFile(name, content), "collection": 1}
    )
    assert response.status_code == 200, response.status_code
    html = response.content.decode().replace("&#x27;", "'")
    assert words.lower() in html.lower()
    assert get_image_model().objects.count() == count


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_images_are_refused_by_the_multiple_upload_view(admin_client, case):
    name, content, words = HOSTILE[case]
    count = get_image_model().objects.count()
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})
    assert response.status_code == 200, response.status_code
    answer = response.json()
    assert answer["success"] is False
    assert words.lower() in answer["error_message"].replace("&#x27;", "'").lower(), answer["error_message"]
    assert get_image_model().objects.count() == count


def test_a_good_image_is_accepted(admin_client):
    count = get_image_model().objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Fine", "file": SimpleUploadedFile("fine.png", png()), "collection": 1}
    )
    assert response.status_code == 302
    assert get_image_model().objects.count() == count + 1


def test_replacing_audio_with_a_shorter_file_warns_which_cues_fall_past_the_end(admin_client, guide):
    track = guide.track  # 165 s of audio, cues from 0:00 to 1:50
    audio = track.audio
    late = [cue.title for cue in track.cues.all() if cue.start_ms >= 60_000 or (cue.end_ms or 0) > 60_000]
    assert late
    url = reverse("wagtailsnippets_tracks_audiofile:edit", args=[audio.pk])
    form = {"title": audio.title, "file": SimpleUploadedFile("short.mp3", tone(60.0)), "credit": audio.credit}
    # Saving an audio file changes live tracks at once: the first try is refused, naming the cues.
    refused = admin_client.post(url, form).content.decode().replace("&#x27;", "'")
    assert "shorter than these cues" in refused and "Replace it anyway" in refused
    assert all(f"“{title}”" in refused for title in late)
    audio.refresh_from_db()
    assert audio.duration_ms == 165_000
    assert "Replace it anyway" not in admin_client.get(url).content.decode()  # asked only when needed
    form = {**form, "file": SimpleUploadedFile("short.mp3", tone(60.0)), "replace_shorter": "on"}
    response = admin_client.post(url, form, follow=True)
    assert response.status_code == 200
    audio.refresh_from_db()
    assert abs(audio.duration_ms - 60_000) < 200
    text = response.content.decode().replace("&#x27;", "'")
    assert "shorter than these cues" in text
    for title in late:
        assert title.replace("'", "&#x27;") in response.content.decode() or title in text
    early = [cue.title for cue in track.cues.all() if (cue.end_ms or cue.start_ms) < 50_000 and cue.title not in late]
    assert early
    for title in early:
        assert f"“{title}”" not in text


def test_an_unreadable_replacement_keeps_the_old_audio(admin_client):
    audio = AudioFileFactory()
    before = (audio.file.name, audio.duration_ms)
    response = admin_client.post(
        reverse("wagtailsnippets_tracks_audiofile:edit", args=[audio.pk]),
        {"title": audio.title, "file": SimpleUploadedFile("broken.mp3", b"\xff\xfb" + b"\x00" * 50), "credit": ""},
    )
    assert response.status_code == 200
    assert "could not be read as audio" in response.content.decode()
    audio.refresh_from_db()
    assert (audio.file.name, audio.duration_ms) == before
