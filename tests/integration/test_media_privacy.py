"""The media URL hands out nothing Wagtail would refuse through its own views."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from listening.tracks.models import AudioFile
from tests.audio_samples import tone
from tests.factories import SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db

SOUND = tone(seconds=1.0)


@pytest.fixture
def track_with_audio():
    audio = AudioFile(title="Quiet tone")
    audio.ingest(ContentFile(SOUND, name="quiet-tone.mp3"), "quiet-tone.mp3")
    audio.save()
    soundtrack = SoundtrackPageFactory(parent=home_page())
    track = TrackPageFactory(parent=soundtrack, audio=audio)
    return track, "/media/" + audio.file.name


def users():
    User = get_user_model()
    return {
        "reader": User.objects.create_user("reader", password="pw"),
        "editor": User.objects.create_user("editor-x", password="pw", is_staff=True),
    }


def test_audio_of_a_public_track_is_public_with_ranges_and_long_caching(client, track_with_audio):
    _, url = track_with_audio
    response = client.get(url, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["ETag"]
    assert client.head(url).status_code == 200


def test_audio_of_a_draft_track_is_refused_to_readers_and_private_to_its_editors(client, track_with_audio):
    track, url = track_with_audio
    track.unpublish()
    assert client.get(url).status_code == 404
    client.force_login(users()["reader"])
    assert client.get(url).status_code == 404
    editor = get_user_model().objects.create_superuser("chief", password="pw")
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_audio_behind_a_password_is_served_once_the_password_is_given(client, track_with_audio):
    track, url = track_with_audio
    restriction = PageViewRestriction.objects.create(
        page=track, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    assert client.get(url).status_code == 404
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_audio_behind_a_login_or_group_restriction(client, track_with_audio):
    track, url = track_with_audio
    seminar = Group.objects.create(name="Seminar")
    restriction = PageViewRestriction.objects.create(page=track, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([seminar])
    people = users()
    client.force_login(people["reader"])
    assert client.get(url).status_code == 404
    people["reader"].groups.add(seminar)
    assert client.get(url).status_code == 200
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    client.logout()
    assert client.get(url).status_code == 404


def test_audio_no_track_plays_is_for_the_editorial_team_only(client):
    audio = AudioFile(title="Loose tone")
    audio.ingest(ContentFile(SOUND, name="loose.mp3"), "loose.mp3")
    audio.save()
    url = "/media/" + audio.file.name
    assert client.get(url).status_code == 404
    editor = get_user_model().objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_original_images_are_not_public_but_renditions_are(client):

    image = get_image_model().objects.create(title="Still", file=get_test_image_file())
    rendition = image.get_rendition("fill-100x100")
    assert client.get(rendition.url).status_code == 200
    assert client.get(image.file.url).status_code == 404
    editor = get_user_model().objects.create_user("ed2", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(image.file.url).status_code == 200


def test_documents_are_served_only_through_wagtails_view_with_its_privacy(client):
    private = Collection.get_first_root_node().add_child(name="Teachers only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Answers", collection=private, file=ContentFile(b"The answers.", name="answers.txt")
    )
    assert client.get("/media/" + document.file.name).status_code == 404
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("path", ["/media/other/notes.txt", "/media/../secret", "/media/audio/missing.mp3"])
def test_anything_else_is_not_served(client, path):
    assert client.get(path).status_code == 404
