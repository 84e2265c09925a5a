"""A media folder the site cannot write: reported at start-up and on the dashboard, and every upload
into it is refused on its form in one sentence, never with a server error.

Tests run as root here, which file permissions do not stop; a media folder inside a regular file
cannot be written by anyone, so that stands for the read-only mount or the wrong owner.
"""

import io

import pytest
from django.core.checks import Tags, run_checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from listening.tracks.models import AudioFile
from tests.audio_samples import tone

pytestmark = pytest.mark.django_db
REFUSED = "could not be kept because the site cannot write to its media folder"


@pytest.fixture
def unwritable_media(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    with override_settings(MEDIA_ROOT=blocked / "media"):
        yield blocked / "media"


@pytest.fixture
def writable_media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield tmp_path / "media"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def refusal_on_the_page(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode().replace("&#x27;", "'")
    assert REFUSED in html
    return html


def test_the_system_check_reports_the_folder(unwritable_media):
    warnings = [message for message in run_checks(tags=[Tags.files]) if message.id == "core.W001"]
    assert len(warnings) == 1
    assert str(unwritable_media) in warnings[0].msg and "cannot be written" in warnings[0].msg
    assert not unwritable_media.exists()  # asking made nothing


def test_the_system_check_is_quiet_for_a_folder_it_can_write_or_make(writable_media):
    assert not [message for message in run_checks(tags=[Tags.files]) if message.id == "core.W001"]
    assert not writable_media.exists()  # the first upload makes it, not the check
    writable_media.mkdir()
    (writable_media / "audio").mkdir()
    assert not [message for message in run_checks(tags=[Tags.files]) if message.id == "core.W001"]
    assert [p.name for p in writable_media.rglob("*")] == ["audio"]  # no write-check file left behind


def test_the_dashboard_warns_while_the_folder_cannot_be_written(admin_client, unwritable_media):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-media-folder-warning" in html and str(unwritable_media) in html


def test_the_dashboard_says_nothing_when_it_can(admin_client, writable_media):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-media-folder-warning" not in html


def test_an_image_upload_is_refused_on_the_form(admin_client, unwritable_media):
    count = get_image_model().objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Lift", "file": SimpleUploadedFile("lift.png", png()), "collection": 1}
    )
    assert "“lift.png” " + REFUSED in refusal_on_the_page(response)
    assert get_image_model().objects.count() == count


def test_a_multiple_image_upload_is_refused_with_the_sentence(admin_client, unwritable_media):
    count = get_image_model().objects.count()
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("a.png", png())})
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False and REFUSED in answer["error_message"].replace("&#x27;", "'")
    assert get_image_model().objects.count() == count


def test_a_document_upload_is_refused_on_the_form(admin_client, unwritable_media):
    count = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Notes", "file": SimpleUploadedFile("notes.txt", b"Session notes."), "collection": 1},
    )
    refusal_on_the_page(response)
    assert get_document_model().objects.count() == count


def test_a_multiple_document_upload_is_refused_with_the_sentence(admin_client, unwritable_media):
    count = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("notes.txt", b"Session notes.")}
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False and REFUSED in answer["error_message"].replace("&#x27;", "'")
    assert get_document_model().objects.count() == count


def test_an_audio_upload_is_refused_on_the_form(admin_client, unwritable_media):
    count = AudioFile.objects.count()
    response = admin_client.post(
        reverse("wagtailsnippets_tracks_audiofile:add"),
        {"title": "Take 2", "file": SimpleUploadedFile("take-2.mp3", tone(1.0)), "credit": ""},
    )
    assert "“take-2.mp3” " + REFUSED in refusal_on_the_page(response)
    assert AudioFile.objects.count() == count


def test_uploads_still_work_where_the_folder_can_be_written(admin_client, writable_media):
    response = admin_client.post(
        reverse("wagtailsnippets_tracks_audiofile:add"),
        {"title": "Take 3", "file": SimpleUploadedFile("take-3.mp3", tone(1.0)), "credit": ""},
    )
    assert response.status_code == 302
    assert (writable_media / "audio" / "take-3.mp3").is_file()
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Notes", "file": SimpleUploadedFile("notes.txt", b"Session notes."), "collection": 1},
    )
    assert response.status_code == 302
