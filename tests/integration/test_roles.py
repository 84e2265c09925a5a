"""Who may do what: Editors publish, Contributors submit drafts, visitors see only what is published."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision

from listening.tracks.models import AudioFile, TrackPage
from tests.admin_forms import add_cue, edit_data, edit_url
from tests.audio_samples import tone

pytestmark = pytest.mark.django_db


@pytest.fixture
def track(guide):
    return guide.track


def member(django_user_model, client, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, django_user_model):
    member(django_user_model, client, "Editors", "ed")
    return client


@pytest.fixture
def contributor(client, django_user_model):
    member(django_user_model, client, "Contributors", "cora")
    return client


def fresh(page):
    page.refresh_from_db()
    return page


def test_the_groups_exist_with_their_powers():
    editors, contributors = Group.objects.get(name="Editors"), Group.objects.get(name="Contributors")
    assert {"add_audiofile", "change_audiofile", "delete_audiofile"} <= set(
        editors.permissions.values_list("codename", flat=True)
    )
    assert set(contributors.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "add_audiofile",
        "view_audiofile",
    }
    page_perms = {
        group.name: set(group.page_permissions.values_list("permission__codename", flat=True))
        for group in (editors, contributors)
    }
    assert "publish_page" in page_perms["Editors"] and "publish_page" not in page_perms["Contributors"]


def test_a_contributor_saves_drafts_and_submits_but_cannot_publish(contributor, track):
    live_title = track.title_en
    data = edit_data(contributor, track)
    data["title_en"] = "Changed by a contributor"
    assert contributor.post(edit_url(track), data).status_code == 302
    assert fresh(track).title_en == live_title and track.has_unpublished_changes

    html = contributor.get(edit_url(track)).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    # A hand-made publish is refused and the live page stays as it was.
    data = edit_data(contributor, track)
    data["action-publish"] = "action-publish"
    contributor.post(edit_url(track), data)
    assert fresh(track).title_en == live_title

    data = edit_data(contributor, track)
    data["action-submit"] = "1"
    assert contributor.post(edit_url(track), data).status_code == 302
    assert fresh(track).workflow_in_progress
    assert fresh(track).title_en == live_title


def test_an_editor_publishes(editor, track):
    data = edit_data(editor, track)
    add_cue(data, start="2:20", title="Published by an editor", slug="by-an-editor")
    data["action-publish"] = "action-publish"
    assert editor.post(edit_url(track), data).status_code == 302
    assert fresh(track).cues.filter(slug="by-an-editor").exists()
    assert not track.has_unpublished_changes


def test_editors_upload_and_replace_audio_contributors_only_upload(client, django_user_model, track):
    audio = track.audio
    edit = reverse("wagtailsnippets_tracks_audiofile:edit", args=[audio.pk])
    add = reverse("wagtailsnippets_tracks_audiofile:add")
    member(django_user_model, client, "Contributors", "cora")
    assert client.get(add).status_code == 200
    assert client.get(edit).status_code in (302, 403)  # Wagtail redirects a refusal to the dashboard
    member(django_user_model, client, "Editors", "ed")
    assert client.get(edit).status_code == 200
    assert client.get(reverse("wagtailimages:add")).status_code == 200


def test_contributors_can_upload_images(contributor):
    assert contributor.get(reverse("wagtailimages:add")).status_code == 200


def test_anonymous_visitors_see_only_published_pages(client, track, admin_client):
    # A draft change to a live page is not shown.
    draft = track.get_latest_revision_as_object()
    draft.title_en = "Draft English title"
    draft.save_revision()
    assert "Draft English title" not in client.get(track.url).content.decode()
    # A page that was never published is not found.
    unpublished = TrackPage(title="Unreleased take", slug="unreleased-take", number=42)
    track.get_parent().add_child(instance=unpublished)
    unpublished.unpublish() if unpublished.live else None
    TrackPage.objects.filter(pk=unpublished.pk).update(live=False)
    assert client.get(f"{track.get_parent().url}unreleased-take/").status_code == 404
    # Drafts and previews need a login.
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[track.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[track.pk]),
        reverse("wagtailadmin_pages:edit", args=[track.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    assert (
        "Draft English title"
        in admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[track.pk])).content.decode()
    )


def test_preview_shows_the_drafts_cues(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="2:10", end="2:20", title="Only in the preview", slug="only-in-preview")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[track.pk])
    state = admin_client.post(preview_url, data)
    assert json.loads(state.content)["is_valid"] is True
    html = admin_client.get(preview_url).content.decode()
    assert re.search(r'id="cue-only-in-preview"[^>]*data-start="130"[^>]*data-end="140"', html)
    assert "<audio data-player" in html
    # Nothing was saved by previewing.
    assert not fresh(track).cues.filter(slug="only-in-preview").exists()
    assert "only-in-preview" not in str(track.get_latest_revision().content)


def test_a_locked_page_refuses_another_editors_save(client, django_user_model, track):
    first = member(django_user_model, client, "Editors", "first")
    assert client.post(reverse("wagtailadmin_pages:lock", args=[track.pk])).status_code == 302
    assert fresh(track).locked and track.locked_by == first
    revisions = Revision.objects.for_instance(track).count()

    member(django_user_model, client, "Editors", "second")
    html = client.get(edit_url(track)).content.decode()
    assert "locked" in html.lower()
    data = edit_data(client, track)
    data["title_en"] = "Overwritten"
    response = client.post(edit_url(track), data, follow=True)
    assert "Overwritten" not in fresh(track).title_en
    assert Revision.objects.for_instance(track).count() == revisions
    assert "locked" in response.content.decode().lower()


def test_two_editors_on_one_page_are_told_of_each_other(client, django_user_model, track):
    def ping_url(html):
        return re.search(r'"(/admin/editing-sessions/ping/[^"]+)"', html)[1]

    first = member(django_user_model, client, "Editors", "first")
    first_html = client.get(edit_url(track)).content.decode()
    first_ping = ping_url(first_html)
    loaded = str(track.get_latest_revision().pk)
    assert client.post(first_ping, {"revision_id": loaded, "is_editing": "1"}).status_code == 200

    member(django_user_model, client, "Editors", "second")
    second_html = client.get(edit_url(track)).content.decode()
    answer = client.post(ping_url(second_html), {"revision_id": loaded}).json()
    assert "first" in json.dumps(answer)  # the second editor's page names the first

    # The first editor saves; the second is told a newer revision exists.
    client.force_login(first)
    assert client.post(edit_url(track), edit_data(client, track)).status_code == 302
    client.force_login(django_user_model.objects.get(username="second"))
    answer = client.post(ping_url(second_html), {"revision_id": loaded}).json()
    assert any(session.get("revision_id") for session in answer["other_sessions"]), answer


def test_audio_uploads_go_through_the_mutagen_ingest(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    add = reverse("wagtailsnippets_tracks_audiofile:add")
    bad = SimpleUploadedFile("fake.mp3", b"this is a text file, not audio" * 20, content_type="audio/mpeg")
    response = admin_client.post(add, {"title": "Fake", "file": bad, "credit": ""})
    assert response.status_code == 200
    assert "could not be read as audio" in response.content.decode()
    assert not AudioFile.objects.filter(title="Fake").exists()

    good = SimpleUploadedFile("real.mp3", tone(2.0), content_type="audio/mpeg")
    response = admin_client.post(add, {"title": "", "file": good, "credit": "Test"})
    assert response.status_code == 302, re.findall(
        r'class="error-message"[^>]*>(.*?)</', response.content.decode(), re.S
    )
    audio = AudioFile.objects.get(credit="Test")
    assert audio.format_name == "MP3" and abs(audio.duration_ms - 2000) < 150
