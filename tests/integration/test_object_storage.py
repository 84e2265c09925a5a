"""Media in object storage, against a real S3-compatible server (moto's, on loopback).

Uploads, ingest and renditions go to the bucket; public media (renditions, the audio of a track readers
may see) is served by the storage itself, Range included, and pages point straight at it; private media
(original images, audio of drafts) goes through the app's permission check and a short-lived signed URL.
"""

import urllib.error
import urllib.request

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from listening.tracks.models import AudioFile, TrackPage
from tests import object_storage
from tests.audio_samples import tone
from tests.factories import AudioFileFactory, ImageFactory, TrackPageFactory, publish
from tests.integration.test_production_security import production_env, settings_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3_endpoint():
    reason = object_storage.unavailable()
    if reason:
        if object_storage.IN_CI:
            pytest.fail(reason + " (CI must test object storage)")
        pytest.skip(reason)
    with object_storage.s3_endpoint() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint):
    """A new bucket, made the media storage for the test."""
    name = object_storage.new_bucket(s3_endpoint)
    with override_settings(STORAGES=object_storage.storages_setting(s3_endpoint, name)):
        yield name


@pytest.fixture
def s3(s3_endpoint):
    return object_storage.client(s3_endpoint)


def fetch(url, **headers):
    """(status, headers, body) of a plain HTTP GET, as a browser or a CDN would make it (no credentials)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def is_public_read(s3, bucket, key) -> bool:
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return any(g["Grantee"].get("URI", "").endswith("/global/AllUsers") and g["Permission"] == "READ" for g in grants)


def test_an_uploaded_audio_file_is_read_from_its_bytes_and_kept_private_in_the_bucket(admin_client, bucket, s3):
    content = tone(3.0)
    response = admin_client.post(
        reverse("wagtailsnippets_tracks_audiofile:add"),
        {"title": "Uploaded tone", "file": SimpleUploadedFile("uploaded.mp3", content), "credit": "Test tone"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    audio = AudioFile.objects.get(title="Uploaded tone")
    assert abs(audio.duration_ms - 3000) < 200 and audio.format_name and audio.size == len(content)
    stored = s3.get_object(Bucket=bucket, Key=audio.file.name)
    assert stored["Body"].read() == content and stored["ContentType"] == "audio/mpeg"
    # No track plays it yet: private at the storage, and its URL is the app's, which checks who asks.
    assert not is_public_read(s3, bucket, audio.file.name)
    assert audio.file.url == f"/media/{audio.file.name}"
    assert fetch(default_storage.storage_url(audio.file.name))[0] == 403
    assert audio.file_is_stored


def test_a_published_track_s_audio_is_served_by_the_storage_with_ranges(
    client, guide, s3_endpoint, bucket, s3, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        audio = AudioFileFactory(title="Stored tone", seconds=4.0)
        track = TrackPageFactory(parent=guide.soundtrack, title="Stored take", slug="stored-take", number=9)
        track.audio = audio
        track = publish(track)
    key = audio.file.name
    assert is_public_read(s3, bucket, key)

    page = client.get(track.url).content.decode()
    assert client.get(guide.track.url + "cues.vtt").content.decode().startswith("WEBVTT")  # exports: from the rows
    storage_url = default_storage.storage_url(key)
    assert storage_url.startswith(f"{s3_endpoint}/{bucket}/audio/")
    assert f'src="{storage_url}"' in page and f"/media/{key}" not in page

    size = s3.head_object(Bucket=bucket, Key=key)["ContentLength"]
    status, headers, body = fetch(storage_url, Range="bytes=100-1123")
    assert status == 206 and headers["Content-Range"] == f"bytes 100-1123/{size}" and len(body) == 1024
    assert body == s3.get_object(Bucket=bucket, Key=key)["Body"].read()[100:1124]

    # Unpublished, the storage no longer hands it to anyone, and the app's URL is refused to readers.
    with django_capture_on_commit_callbacks(execute=True):
        track.unpublish()
    assert not is_public_read(s3, bucket, key)
    assert fetch(storage_url)[0] == 403
    assert client.get(f"/media/{key}").status_code == 404


def test_private_audio_is_a_short_lived_signed_url_only_for_those_allowed(
    client, admin_client, guide, bucket, s3, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        audio = AudioFileFactory(title="Draft tone", seconds=2.0)
        draft = TrackPageFactory.build(title="Draft take", slug="draft-take", number=10, audio=audio, live=False)
        guide.soundtrack.add_child(instance=draft)
    key = audio.file.name
    assert not is_public_read(s3, bucket, key)
    assert audio.file.url == f"/media/{key}"

    assert client.get(f"/media/{key}").status_code == 404  # a reader: as if there were no such file
    assert fetch(default_storage.storage_url(key))[0] == 403  # nor may anyone fetch it from the storage

    response = admin_client.get(f"/media/{key}")
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    status, headers, body = fetch(signed, Range="bytes=0-99")
    assert status == 206 and len(body) == 100 and headers["Content-Range"].startswith("bytes 0-99/")


def test_renditions_are_made_from_the_bucket_and_public_while_originals_stay_private(client, admin_client, bucket, s3):
    image = ImageFactory(title="Stored still")
    assert not is_public_read(s3, bucket, image.file.name)
    rendition = image.get_rendition("fill-120x80")
    assert rendition.file.name.startswith("images/")
    assert is_public_read(s3, bucket, rendition.file.name)
    assert rendition.url == default_storage.storage_url(rendition.file.name)
    status, headers, body = fetch(rendition.url, Range="bytes=0-15")
    assert status == 206 and len(body) == 16 and headers["Cache-Control"] == "public, max-age=86400"

    original = image.file.url
    assert original == f"/media/{image.file.name}"
    assert client.get(original).status_code == 404
    response = admin_client.get(original)
    assert response.status_code == 302 and "X-Amz-Signature=" in response["Location"]
    assert fetch(response["Location"])[0] == 200


def test_the_demo_loader_writes_to_the_bucket(bucket, s3, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    tracks = TrackPage.objects.live().filter(audio__file__startswith="audio/demo-").select_related("audio")
    assert len(tracks) >= 8 and all(track.audio.file.name in keys for track in tracks)
    assert all(is_public_read(s3, bucket, track.audio.file.name) for track in tracks)
    assert any(key.startswith("original_images/demo-") for key in keys)
    # Run again, nothing is loaded twice and nothing the database names is swept away.
    call_command("load_demo", verbosity=0)
    assert keys <= {item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]}


def test_production_settings_use_the_bucket_and_let_pages_load_media_from_it(tmp_path):
    env = production_env(tmp_path, **object_storage.storage_env("http://127.0.0.1:9", "listening-media"))
    found = settings_of(env, "STORAGES", "CONTENT_SECURITY_POLICY")
    default = found["STORAGES"]["default"]
    assert default["BACKEND"] == "listening.core.object_storage.MediaObjectStorage"
    assert default["OPTIONS"]["bucket_name"] == "listening-media"
    assert default["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9"
    for directive in ("img-src", "media-src"):
        assert "http://127.0.0.1:9" in found["CONTENT_SECURITY_POLICY"]["DIRECTIVES"][directive]
    without = settings_of(production_env(tmp_path), "STORAGES", "CONTENT_SECURITY_POLICY")
    assert without["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert without["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["media-src"] == ["'self'"]
