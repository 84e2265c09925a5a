"""Embeds for course sites: a framable player per track, cue and range, announced by oEmbed."""

import html
import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from listening.tracks.models import AudioFile
from tests.audio_samples import tone
from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def track():
    track = TrackPageFactory(parent=SoundtrackPageFactory(parent=home_page()), title="Générique", slug="generique")
    CueFactory(track=track, slug="opening", title="Opening", start_ms=0)
    CueFactory(track=track, slug="trumpet-enters", title="Trumpet enters", start_ms=18_000, end_ms=50_000)
    return track


def frame_ancestors(response):
    policy = response.get("Content-Security-Policy", "")
    match = re.search(r"frame-ancestors ([^;]+)", policy)
    return match.group(1).strip() if match else None


def test_embed_pages_carry_the_player_contract_and_may_be_framed(client, track):
    for url in (f"{track.url}embed/", f"{track.url}embed/cues/trumpet-enters/", f"{track.url}embed/?t=10,20"):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "data-track" in page and 'id="cue-opening"' in page and "data-player" in page
        assert "X-Frame-Options" not in response
        assert frame_ancestors(response) == "*"
        assert "Open in the listening guide" in page


def test_a_cue_embed_plays_that_cues_range(client, track):
    page = client.get(f"{track.url}embed/cues/trumpet-enters/").content.decode()
    assert 'data-start-at="18"' in page and 'data-stop-at="50"' in page


def test_every_other_page_refuses_to_be_framed(client, track):
    for url in (track.url, track.cue_url(track.cues.first()), f"{track.url}print/", "/search/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert frame_ancestors(response) == "'none'", url


def test_which_sites_may_frame_embeds_is_a_setting(client, track, settings):
    settings.LISTENING_EMBED_FRAME_ANCESTORS = ["https://lms.example.edu"]
    assert frame_ancestors(client.get(f"{track.url}embed/")) == "https://lms.example.edu"


def oembed(client, url, **extra):
    return client.get("/oembed/?" + urlencode({"url": url, "format": "json", **extra}))


@pytest.mark.parametrize("path", ["", "cues/trumpet-enters/", "?t=10,20"])
def test_oembed_answers_the_specs_required_fields_and_its_iframe_serves_the_embed(client, track, path):
    response = oembed(client, f"http://testserver{track.url}{path}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    src = html.unescape(re.search(r'<iframe src="([^"]+)"', data["html"]).group(1))
    embed = urlsplit(src)
    served = client.get(embed.path + (f"?{embed.query}" if embed.query else ""))
    assert served.status_code == 200 and "data-track" in served.content.decode()
    if path.startswith("cues/"):
        assert embed.path.endswith("/embed/cues/trumpet-enters/")
    if path.startswith("?t="):
        assert embed.query == "t=10%2C20"


def test_oembed_keeps_within_the_size_asked_for(client, track):
    data = oembed(client, f"http://testserver{track.url}", maxwidth=400, maxheight=360).json()
    assert data["width"] <= 400 and data["height"] <= 360
    assert f'width="{data["width"]}"' in data["html"]


@pytest.mark.parametrize(
    "url",
    ["http://testserver/", "http://testserver/search/", "http://elsewhere.example/generique/", "javascript:alert(1)",
     "", "http://testserver/nowhere/at/all/"],
)  # fmt: skip
def test_oembed_finds_nothing_but_tracks_of_this_site(client, track, url):
    assert oembed(client, url).status_code == 404


def test_oembed_finds_no_track_a_reader_may_not_see(client, track):
    PageViewRestriction.objects.create(page=track, restriction_type=PageViewRestriction.LOGIN)
    assert oembed(client, f"http://testserver{track.url}").status_code == 404


def test_oembed_serves_json_only(client, track):
    assert oembed(client, f"http://testserver{track.url}", format="xml").status_code == 501


def test_track_and_cue_pages_announce_oembed_and_offer_the_embed_code(client, track):
    audio = AudioFile(title="Tone")
    audio.ingest(ContentFile(tone(seconds=1.0), name="tone.mp3"), "tone.mp3")
    audio.save()
    track.audio = audio
    track.save()
    for url in (track.url, track.cue_url(track.cues.get(slug="opening"))):
        page = client.get(url).content.decode()
        link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
        assert link, url
        assert client.get(html.unescape(link.group(1))).status_code == 200
        assert 'data-action="copy-embed"' in page
        assert 'data-embed-code="&lt;iframe src=&quot;http://testserver' in page  # escaped inside its attribute
