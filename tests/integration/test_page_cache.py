"""The public page cache: anonymous readers' pages come from the cache, never stale after a change,
with their CSP nonce and header together, Cache-Control, an ETag and 304s; editors and previews bypass it."""

import logging
import re

import pytest
from django.core.cache import cache
from django.db.models import F
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from redis.exceptions import ConnectionError as RedisConnectionError
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


@pytest.fixture
def generation_in_cache():
    """The generation kept in the cache, as with Redis; memory serves here, Django's cache API being one."""
    with override_settings(LISTENING_PAGE_CACHE_GENERATION="cache"):
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
    compressed = HttpResponse("x", content_type="text/html")
    compressed["Vary"] = "Accept-Encoding, HX-Request"
    assert page_cache._storable(compressed)
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


# -- where the generation is kept -------------------------------------------------------------------


def test_with_the_generation_in_the_database_a_hit_asks_it_once(client, guide, django_assert_num_queries):
    url = guide.track.url
    read(client, url)
    with django_assert_num_queries(1):  # the generation; the page itself comes from the cache
        assert read(client, url)[0]["X-Page-Cache"] == "hit"


def test_with_the_generation_in_the_cache_a_hit_asks_the_database_nothing(
    client, guide, generation_in_cache, django_assert_num_queries
):
    url = guide.track.url
    first, first_html = read(client, url)
    with django_assert_num_queries(0):
        second, second_html = read(client, url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit") and second_html == first_html
    assert cache.get(page_cache.GENERATION_KEY) is not None


def test_with_the_generation_in_the_cache_a_change_retires_the_pages_when_it_commits(
    client, guide, generation_in_cache, django_capture_on_commit_callbacks
):
    track, url = guide.track, guide.track.url
    urls = [url, track.url + "cues/last-bars/", guide.bassist.url]
    for page in urls:
        read(client, page)
    cue = Cue.objects.get(track=track, slug="last-bars")
    cue.start_ms = 101_500
    with django_capture_on_commit_callbacks() as callbacks:
        cue.save()
        # Not committed yet: other readers still see the old rows, so the old page is still right.
        assert read(client, url)[0]["X-Page-Cache"] == "hit"
    assert callbacks, "the cache's generation is raised on commit"
    for callback in callbacks:
        callback()
    after = {page: read(client, page) for page in urls}
    assert all(response["X-Page-Cache"] == "miss" for response, _ in after.values())
    assert 'data-start="101.5' in after[url][1]

    # Published through Wagtail, as the admin's Publish does.
    track.title_en = "Opening Titles, revised"
    with django_capture_on_commit_callbacks(execute=True):
        publish(track)
    response, html = read(client, url)
    assert response["X-Page-Cache"] == "miss" and "Opening Titles, revised" in html
    assert read(client, url)[0]["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("where", ["database", "cache"])
def test_a_page_rendered_while_a_change_commits_is_never_served_after_it(where, django_capture_on_commit_callbacks):
    # The generation is read before rendering: what was rendered from the rows before the change is
    # kept under the older number, whatever the moment it is stored.
    contents = iter([b"before the change", b"after the change"])

    def render(request):
        body = next(contents)
        if body == b"before the change":
            with django_capture_on_commit_callbacks(execute=True):
                page_cache.bump_generation()  # another editor's change commits while this page renders
        return HttpResponse(body, content_type="text/html")

    middleware = page_cache.PublicPageCacheMiddleware(render)
    request = RequestFactory().get("/nuit-de-verre/generique/")
    with override_settings(LISTENING_PAGE_CACHE_GENERATION=where):
        first = middleware(request)
        second = middleware(RequestFactory().get("/nuit-de-verre/generique/"))
    assert (first["X-Page-Cache"], first.content) == ("miss", b"before the change")
    assert (second["X-Page-Cache"], second.content) == ("miss", b"after the change")


def test_a_lost_generation_is_made_afresh_and_no_entry_kept_before_matches_it(client, guide, generation_in_cache):
    url = guide.track.url
    read(client, url)
    assert read(client, url)[0]["X-Page-Cache"] == "hit"
    lost = cache.get(page_cache.GENERATION_KEY)
    cache.delete(page_cache.GENERATION_KEY)  # evicted, or Redis restarted with the pages kept on disk
    assert read(client, url)[0]["X-Page-Cache"] == "miss"
    made = cache.get(page_cache.GENERATION_KEY)
    assert made is not None and made != lost
    assert read(client, url)[0]["X-Page-Cache"] == "hit"


def test_a_change_after_the_generation_was_lost_still_retires_the_pages(
    client, guide, generation_in_cache, django_capture_on_commit_callbacks
):
    url = guide.track.url
    read(client, url)
    cache.delete(page_cache.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.bump_generation()  # incr finds nothing: a fresh generation instead
    assert cache.get(page_cache.GENERATION_KEY) is not None
    assert read(client, url)[0]["X-Page-Cache"] == "miss"


def test_an_unreachable_cache_never_fails_the_change_that_raises_the_generation(
    monkeypatch, caplog, generation_in_cache, django_capture_on_commit_callbacks
):
    class Unreachable:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise RedisConnectionError("Error 111 connecting to cache.internal:6379. Connection refused.")

            return fail

    monkeypatch.setattr(page_cache, "cache", Unreachable())
    before = PageCacheGeneration.objects.get(pk=1).value
    with (
        caplog.at_level(logging.WARNING, logger=page_cache.__name__),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        page_cache.bump_generation()
    assert len(callbacks) == 1
    assert "Could not raise the page cache generation in the cache" in caplog.text
    assert PageCacheGeneration.objects.get(pk=1).value == before + 1  # the database's, raised all the same


def test_with_the_generation_in_the_database_nothing_waits_for_the_commit(django_capture_on_commit_callbacks):
    before = PageCacheGeneration.objects.get(pk=1).value
    with django_capture_on_commit_callbacks() as callbacks:
        page_cache.bump_generation()
    assert callbacks == [] and PageCacheGeneration.objects.get(pk=1).value == before + 1


def test_the_generation_is_kept_in_the_cache_by_default_only_with_redis(tmp_path):
    without = settings_of(production_env(tmp_path), "LISTENING_PAGE_CACHE_GENERATION")
    assert without["LISTENING_PAGE_CACHE_GENERATION"] == "database"
    # Settings only: nothing connects to this address.
    redis = production_env(tmp_path, REDIS_URL="redis://127.0.0.1:6399/0")
    assert settings_of(redis, "LISTENING_PAGE_CACHE_GENERATION")["LISTENING_PAGE_CACHE_GENERATION"] == "cache"
    chosen = production_env(tmp_path, REDIS_URL="redis://127.0.0.1:6399/0", LISTENING_PAGE_CACHE_GENERATION="database")
    assert settings_of(chosen, "LISTENING_PAGE_CACHE_GENERATION")["LISTENING_PAGE_CACHE_GENERATION"] == "database"


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"REDIS_URL": "redis://127.0.0.1:6399/0", "LISTENING_PAGE_CACHE_GENERATION": "redis"}, "not 'redis'"),
        ({"LISTENING_PAGE_CACHE_GENERATION": "cache"}, "needs REDIS_URL"),
    ],
)
def test_a_generation_setting_that_would_serve_stale_pages_is_refused(tmp_path, env, said):
    result = manage(production_env(tmp_path, **env), "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "LISTENING_PAGE_CACHE_GENERATION" in result.stderr
    assert said in result.stderr


def test_production_compresses_pages_inside_the_page_cache(tmp_path):
    middleware = settings_of(production_env(tmp_path), "MIDDLEWARE")["MIDDLEWARE"]
    cache_at = middleware.index("listening.site.page_cache.PublicPageCacheMiddleware")
    assert middleware[cache_at + 1] == "listening.site.middleware.CompressPagesMiddleware"
    assert middleware.count("listening.site.middleware.CompressPagesMiddleware") == 1


def with_compression_inside_the_cache():
    from django.conf import settings

    middleware = list(settings.MIDDLEWARE)
    at = middleware.index("listening.site.page_cache.PublicPageCacheMiddleware")
    middleware.insert(at + 1, "listening.site.middleware.CompressPagesMiddleware")
    return override_settings(MIDDLEWARE=middleware)


def test_a_cached_page_is_kept_compressed_and_a_hit_is_not_compressed_again(client, guide, monkeypatch):
    import gzip

    from django.middleware import gzip as django_gzip

    compressed = []
    original = django_gzip.compress_string
    monkeypatch.setattr(django_gzip, "compress_string", lambda *a, **k: compressed.append(1) or original(*a, **k))
    url = guide.track.url
    with with_compression_inside_the_cache():
        first = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
        second = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
        plain = client.get(url)
        plain_again = client.get(url, headers={"Accept-Encoding": "identity"})
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second["Content-Encoding"] == "gzip" and second.content == first.content
    assert "<!doctype html>" in gzip.decompress(second.content).decode()
    assert "Accept-Encoding" in second["Vary"] and second["ETag"] == first["ETag"]
    assert len(compressed) == 1  # on the miss only
    # A reader whose browser takes no gzip has an entry of its own, plain.
    assert (plain["X-Page-Cache"], plain_again["X-Page-Cache"]) == ("miss", "hit")
    assert not plain_again.has_header("Content-Encoding") and b"<!doctype html>" in plain_again.content
    assert plain["ETag"] != first["ETag"]
    assert client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": first["ETag"]}).status_code == 304
