"""The admin's audio list and chooser: format, duration and size under readable names, and two
recordings with one title told apart."""

import html
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import AudioFileFactory

pytestmark = pytest.mark.django_db

HEADINGS = ["Title", "Format", "Duration", "Size", "File", "Uploaded"]


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("chief", "chief@example.com", "pw"))
    return client


@pytest.fixture
def two_takes():
    """Two recordings with one title: a 3-second MP3 and a 5-second WAV."""
    return (
        AudioFileFactory(title="Générique", seconds=3.0, name="generique-take-1"),
        AudioFileFactory(title="Générique", seconds=5.0, format="WAV", name="generique-take-2"),
    )


def listing(page: str) -> str:
    """The listing table, not the keyboard shortcuts' table the admin also holds."""
    start = page.index('class="listing')
    return page[start : page.index("</table>", start)]


def headings_of(page: str) -> list[str]:
    table = listing(page)
    table = table[table.index("<thead") : table.index("</thead>")]
    texts = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<th\b.*?</th>", table, re.S)]
    return [text for text in texts if text]


def rows_of(page: str) -> list[str]:
    body = listing(page)
    body = body[body.index("<tbody") : body.index("</tbody>")]
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
        for row in re.findall(r"<tr\b.*?</tr>", body, re.S)
    ]


def test_the_audio_list_shows_format_duration_and_size(admin_client, two_takes):
    mp3, wav = two_takes
    page = admin_client.get(reverse("wagtailsnippets_tracks_audiofile:list")).content.decode()
    assert [h for h in headings_of(page) if h in HEADINGS] == HEADINGS
    rows = rows_of(page)
    assert len(rows) == 2
    for audio, row in zip((mp3, wav), sorted(rows, key=lambda row: "WAV" in row), strict=True):
        for shown in (audio.format_name, audio.duration_display, audio.size_display, audio.file_name):
            assert shown and " ".join(shown.split()) in row, (shown, row)
    assert mp3.size_display != wav.size_display and mp3.file_name != wav.file_name


def test_the_audio_list_sorts_by_duration(admin_client, two_takes):
    page = admin_client.get(reverse("wagtailsnippets_tracks_audiofile:list") + "?ordering=-duration_ms").content
    rows = rows_of(page.decode())
    assert "0:05" in rows[0] and "0:03" in rows[1]


def test_the_audio_chooser_tells_two_files_with_one_title_apart(admin_client, two_takes):
    mp3, wav = two_takes
    response = admin_client.get(reverse("wagtailsnippetchoosers_tracks_audiofile:choose"))
    page = json.loads(response.content)["html"]
    assert [h for h in headings_of(page) if h in HEADINGS] == HEADINGS
    rows = rows_of(page)
    assert len(rows) == 2 and rows[0] != rows[1]
    assert any("WAV" in row and "0:05" in row and wav.file_name in row for row in rows)
    chosen = admin_client.get(reverse("wagtailsnippetchoosers_tracks_audiofile:chosen", args=[mp3.pk]))
    label = json.loads(chosen.content)["result"]["string"]
    assert label == f"Générique (MP3 · 0:03 · {mp3.size_display}; {mp3.file_name})"


def test_a_tracks_chosen_audio_is_named_with_its_details(admin_client, guide):
    audio = guide.track.audio
    page = html.unescape(admin_client.get(reverse("wagtailadmin_pages:edit", args=[guide.track.pk])).content.decode())
    assert audio.chooser_label in page and audio.file_name in audio.chooser_label
