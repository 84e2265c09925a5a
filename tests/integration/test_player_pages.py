"""What the server gives the player: fragments for htmx, deep-link attributes, cue permalinks."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def track(guide):
    return guide.track


def test_full_page_holds_the_one_audio_element_outside_main(client, track):
    html = client.get(track.url).content.decode()
    assert html.count("<audio data-player") == 1
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert "<audio" not in main  # the player lives in the dock, which boosted navigation never swaps
    assert 'hx-boost="true"' in html and "hx-history-elt" in html


def test_htmx_requests_get_the_title_and_main_only(client, track):
    response = client.get(track.url, headers={"HX-Request": "true", "HX-Boosted": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<title>")
    assert '<main id="main"' in html and "data-track" in html
    assert "<html" not in html and "<audio" not in html
    # The header and footer belong to the soundtrack the reader is in: they come along, swapped out of band.
    assert '<header id="site-header" class="site-header" hx-swap-oob="true">' in html
    assert '<footer id="site-footer" class="site-footer" hx-swap-oob="true">' in html
    assert "HX-Request" in response["Vary"]


def test_plain_responses_vary_on_hx_request_too(client, guide, track):
    for url in [track.url, guide.home.url, guide.people.url]:
        response = client.get(url)
        assert "HX-Request" in response["Vary"], url


def test_history_restore_requests_get_a_restorable_fragment(client, track):
    html = client.get(track.url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}).content.decode()
    assert "hx-history-elt" in html and "data-cue" in html


@pytest.mark.parametrize(
    ("query", "start", "stop", "loop"),
    [
        ("?t=83", "83", None, False),
        ("?t=1:23,1:30", "83", "90", False),
        ("?t=npt:1:23,1:30&loop=1", "83", "90", True),
        ("?t=83&loop=1", "83", None, False),  # nothing to loop without an end
        ("?t=abc", None, None, False),
        ("?t=400", None, None, False),  # past the end of the track
    ],
)
def test_deep_link_attributes(client, track, query, start, stop, loop):
    response = client.get(track.url + query)
    assert response.status_code == 200
    article = re.search(r"<article class=\"track\" data-track[^>]*>", response.content.decode(), re.S).group(0)
    assert (f'data-start-at="{start}"' in article) if start else ("data-start-at" not in article)
    assert (f'data-stop-at="{stop}"' in article) if stop else ("data-stop-at" not in article)
    assert ("data-loop" in article) is (loop and stop is not None)


def test_cue_permalink_opens_the_cue_range_with_link_previews(client, track):
    cue = track.cues.order_by("start_ms")[2]
    url = f"{track.url}cues/{cue.slug}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    assert unescape(meta["og:title"]).startswith(cue.title)
    assert len(meta["og:description"]) > 40
    assert meta["og:image"].startswith("http://testserver/media/images/")
    assert meta["twitter:card"] == "summary_large_image"
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert f'data-start-at="{cue.start_ms / 1000:g}"' in html
    assert "data-stop-at=" in html
    assert re.search(rf'id="cue-{cue.slug}"[^>]*aria-current="true"', html)
    # The preview image is really served.
    image = client.get(meta["og:image"].removeprefix("http://testserver"))
    assert image.status_code == 200 and image["Content-Type"].startswith("image/")


def test_unknown_cue_permalink_is_a_404_not_an_error(client, track):
    assert client.get(f"{track.url}cues/no-such-cue/").status_code == 404


def test_permalink_survives_reordering_and_retiming(client, track):
    cue = track.cues.order_by("start_ms")[1]
    cue.start_ms += 1500
    cue.sort_order = 99
    cue.save()
    response = client.get(f"{track.url}cues/{cue.slug}/")
    assert response.status_code == 200
    assert f'data-start-at="{cue.start_ms / 1000:g}"' in response.content.decode()


def test_media_responses_are_sandboxed(client, track):
    response = client.get(track.audio.file.url, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_every_cue_carries_its_permalink_for_the_player(client, track):
    # The player copies and shares this URL as given: the server alone decides a cue's URL.
    html = client.get(track.url).content.decode()
    cues = re.findall(r'<li data-cue id="cue-([^"]+)"[^>]*?data-cue-url="([^"]+)"', html, re.S)
    assert len(cues) == track.cues.count()
    for slug, url in cues:
        assert url == f"{track.url}cues/{slug}/"
        assert client.get(url).status_code == 200
