"""The admin's JSON endpoints ask for the same permissions as the pages they serve."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from listening.tracks.models import AudioFile
from tests.audio_samples import tone

pytestmark = pytest.mark.django_db


@pytest.fixture
def audio():
    record = AudioFile(title="A tone")
    record.ingest(ContentFile(tone(seconds=1.0), name="a-tone.mp3"), "a-tone.mp3")
    record.save()
    return record


def user_in(group):
    user = get_user_model().objects.create_user(f"user-of-{group.name}", password="pw")
    user.groups.add(group)
    return user


def test_audio_source_needs_the_permission_to_see_audio(client, audio):
    admin_only = Group.objects.create(name="Admin, no audio")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user_in(admin_only))
    url = reverse("tracks_admin:audio_source", args=[audio.pk])
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("group", ["Editors", "Contributors"])
def test_audio_source_answers_the_editorial_team(client, audio, group):
    client.force_login(user_in(Group.objects.get(name=group)))
    response = client.get(reverse("tracks_admin:audio_source", args=[audio.pk]))
    assert response.status_code == 200
    assert response.json()["url"] == audio.file.url
