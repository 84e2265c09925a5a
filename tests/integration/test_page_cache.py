"""The public page cache: anonymous readers' pages come from the cache, never stale after a change,
with their CSP nonce and header together, Cache-Control, an ETag and 304s; editors and previews bypass it."""

import re

import pytest
from django.db.models import F
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.images import get_image_model

from listening.site import page_cache
from listening.site.models import PageCacheGeneration
from listening.tracks.models import Cue
from tests.factories import publish
from tests.integration.test_production_security import manage, production_env, settings_of

pytestmark = pytest.mark.django_db

NONCE = re.compile(r'<script nonce="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on():
    with override_settings(LISTENING_PAGE_CACHE=True, LISTENING_PAGE_MAX_AGE=0, LISTENING_PAGE_SHARED_MAX_AGE=60):
        yield


def read(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.content.decode()


def test_a_second_reader_gets_the_same_response_from_the_cache_with_its_nonce_and_policy(client, guide):
    url = guide.track.url
    first, first_html = read(client, url)
    second, second_html = read(client, url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first_html == second_html and first["Content-Type"] == second["Content-Type"]
    nonce = NONCE.search(second_html)[1]
    # The nonce in the body is the one the replayed policy allows: the inline script still runs.
    assert f"'nonce-{nonce}'" in second["Content-Security-Policy"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Cache-Control"] == first["Cache-Control"]
    assert set(second["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=60"}
    assert second["ETag"] == first["ETag"] and second["ETag"].startswith('"')
    assert "HX-Request" in second["Vary"]


def test_a_conditional_get_with_the_etag_answers_304(client, guide):
    url = guide.track.url
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response.content == b"" and response["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_the_query_string_and_htmx_are_part_of_the_key(client, guide):
    url = guide.track.url
    whole, whole_html = read(client, url)
    at_time, at_time_html = read(client, url + "?t=1:15")
    fragment, fragment_html = read(client, url, HX_Request="true")
    assert [r["X-Page-Cache"] for r in (whole, at_time, fragment)] == ["miss", "miss", "miss"]
    assert whole_html != at_time_html and fragment_html != whole_html and "</html>" not in fragment_html
    assert read(client, url, HX_Request="true")[1] == fragment_html
    assert read(client, url + "?t=1:15")[1] == at_time_html
    assert read(client, url + "?t=1:16")[0]["X-Page-Cache"] == "miss"


def test_editors_bypass_the_cache_and_never_fill_it(client, admin_client, guide):
    url = guide.track.url
    response = admin_client.get(url)
    assert response["X-Page-Cache"] == "bypass" and "private" in response["Cache-Control"]
    assert "ETag" not in response
    assert client.get(url)["X-Page-Cache"] == "miss"  # what the editor saw was not kept for readers


def test_previews_and_the_admin_are_not_cached():
    factory = RequestFactory()
    preview = factory.get("/nuit-de-verre/generique/")
    preview.is_dummy = True
    assert page_cache._bypass(preview)
    assert page_cache._bypass(factory.get("/admin/pages/"))
    assert page_cache._bypass(factory.post("/search/"))
    assert not page_cache._bypass(factory.get("/nuit-de-verre/generique/?t=10"))


def test_a_cue_retimed_retires_its_track_its_permalink_and_the_pages_listing_it(client, guide):
    track, bassist, lift = guide.track, guide.bassist, guide.lift
    urls = [track.url, track.url + "cues/last-bars/", bassist.url, lift.url]
    before = {url: read(client, url)[1] for url in urls}
    assert all(read(client, url)[0]["X-Page-Cache"] == "hit" for url in urls)
    assert 'data-start="100' in before[track.url]

    cue = Cue.objects.get(track=track, slug="last-bars")
    cue.start_ms = 101_500
    cue.save()

    after = {url: read(client, url) for url in urls}
    assert all(response["X-Page-Cache"] == "miss" for response, _ in after.values())
    assert 'data-start="101.5' in after[track.url][1] and 'data-start="100' not in after[track.url][1]


def test_publishing_unpublishing_and_moving_a_page_retire_what_was_cached(client, guide):
    track, url = guide.track, guide.track.url
    read(client, url)
    track.title_en = "Opening Titles, revised"
    publish(track)
    response, html = read(client, url)
    assert response["X-Page-Cache"] == "miss" and "Opening Titles, revised" in html
    soundtrack_html = read(client, guide.soundtrack.url)[1]
    assert "Opening Titles, revised" in soundtrack_html

    guide.other_take.unpublish()
    assert client.get(guide.other_take.url).status_code == 404
    assert guide.other_take.title_en not in read(client, guide.soundtrack.url)[1]

    read(client, guide.streets.url)
    guide.streets.move(guide.people, pos="last-child")
    moved = client.get(guide.streets.url)  # its old address: Wagtail's redirect, not the cached page
    assert moved.status_code == 301 and moved["Location"].startswith(guide.people.url)


def test_a_still_changed_or_deleted_retires_the_pages_showing_it(client, guide):
    url = guide.track.url
    read(client, url)
    image = get_image_model().objects.get(title="The lift stops (still)")
    image.title = "The lift stops, between floors"
    image.save()
    response, html = read(client, url)
    assert response["X-Page-Cache"] == "miss" and "The lift stops, between floors" in html


def test_another_process_s_change_retires_this_process_s_entries(client, guide):
    # Each worker keeps its own memory cache without Redis; the generation lives in the database, so a
    # change committed by any process (here, written straight to the row) retires this one's entries.
    url = guide.track.url
    read(client, url)
    assert read(client, url)[0]["X-Page-Cache"] == "hit"
    PageCacheGeneration.objects.filter(pk=1).update(value=F("value") + 1)
    assert read(client, url)[0]["X-Page-Cache"] == "miss"


def test_responses_that_set_cookies_or_vary_otherwise_are_not_kept():
    ok = HttpResponse("x", content_type="text/html")
    ok["Vary"] = "HX-Request, Cookie"
    assert page_cache._storable(ok)
    with_cookie = HttpResponse("x")
    with_cookie.set_cookie("csrftoken", "abc")
    varying = HttpResponse("x")
    varying["Vary"] = "Accept-Language"
    private = HttpResponse("x")
    private["Cache-Control"] = "private"
    missing = HttpResponse("x", status=404)
    assert not any(page_cache._storable(r) for r in (with_cookie, varying, private, missing))


def test_with_the_cache_off_nothing_is_kept(client, guide):
    with override_settings(LISTENING_PAGE_CACHE=False):
        response = client.get(guide.track.url)
        assert "ETag" not in response and client.get(guide.track.url)["X-Page-Cache"] == "bypass"


def test_a_purge_url_turns_on_wagtails_front_end_cache_invalidation(tmp_path):
    env = production_env(tmp_path, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081/")
    found = settings_of(env, "INSTALLED_APPS", "WAGTAILFRONTENDCACHE", "LISTENING_PAGE_CACHE")
    assert "wagtail.contrib.frontend_cache" in found["INSTALLED_APPS"] and found["LISTENING_PAGE_CACHE"] is True
    assert found["WAGTAILFRONTENDCACHE"]["http"]["LOCATION"] == "http://127.0.0.1:6081/"
    assert manage(env, "check").returncode == 0
    without = settings_of(production_env(tmp_path), "INSTALLED_APPS")
    assert "wagtail.contrib.frontend_cache" not in without["INSTALLED_APPS"]
