"""The public page cache: what anonymous readers get, kept in Django's cache (Redis when configured).

Keyed on the host, the scheme, the path with its query string, `HX-Request` (a page and its htmx
fragment are different responses) and whether the client takes gzip (in production pages are compressed
inside this middleware, so an entry is kept as sent and a hit is not compressed again). Each entry also
carries the cache's *generation* it was rendered under, a number raised by any change readers could see
(a page, cue, person, scene, still, audio or image saved, published, unpublished, moved or deleted; a
view restriction set or lifted): an entry is served only while its generation is the current one, so a
change retires every cached page at once, on every app server and in every worker. Working out which
pages show a retimed cue (its track, its permalinks, the person and scene pages listing it) is then not
needed: none can be stale. The generation is read *before* the page is rendered, so an entry rendered
while a change commits carries the older number and is never served after it.

Where the generation lives (settings.LISTENING_PAGE_CACHE_GENERATION):

- "database" (the default without Redis): one row, `PageCacheGeneration`, raised in the same
  transaction as the change. Each process's own memory cache (several gunicorn workers share no store)
  needs it: every request reads it (one indexed query), so no process can serve a page cached before a
  change it has not heard of, the moment that change commits.
- "cache" (the default when REDIS_URL is set): the row is still raised as above, and a second
  generation is kept in the shared cache itself, beside the pages (`GENERATION_KEY`). A request reads
  the generation and its entry together in one `get_many` (one MGET): a hit is one Redis round trip and
  no database query. The cache's generation is raised once the change's transaction *commits*
  (`transaction.on_commit`, see `bump_generation`); in the moment between the two, readers may still
  get the page from before. A missing one (first use, eviction, a Redis restart) is made afresh from a
  random 62-bit number, which no entry kept from before can carry. Every process that writes content
  must use the same cache (the settings refuse "cache" without REDIS_URL). Should a raise be lost (the
  process dies between its commit and the callback, or Redis is unreachable just then), pages may stay
  stale until their entries expire: `LISTENING_PAGE_CACHE_SECONDS` bounds it.

Not cached, and passed through untouched: requests carrying a session or messages cookie (logged-in
editors, readers past a password), Wagtail's previews, the admin, media, static files and documents,
anything but GET and HEAD, and any response that sets a cookie, varies on more than `HX-Request`,
`Accept-Encoding` and `Cookie`, is not a 200, streams, or says `private`/`no-store`/`no-cache` itself.

Content-Security-Policy nonces: a cached response keeps the nonce it was rendered with, in its body
and in its CSP header, stored and replayed together, so its inline scripts still run. A nonce is
there so that markup injected into a page cannot carry it; each entry's nonce is drawn afresh when the
entry is rendered, after any content it shows was written, so nothing written could have guessed it.

Public responses carry `Cache-Control: public, max-age=…, s-maxage=…` (settings) and an ETag (a hash of
the stored body); a conditional GET with a matching `If-None-Match` answers 304.
"""

from __future__ import annotations

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import PageCacheGeneration

logger = logging.getLogger(__name__)

KEY_PREFIX = "listening:page"
GENERATION_KEY = f"{KEY_PREFIX}:generation"  # the generation kept in the cache ("cache" mode)
BYPASS_PREFIXES = ("/admin/", "/django-admin/", "/_util/", "/documents/", "/media/", "/static/")
CACHEABLE_VARY = {"hx-request", "cookie", "accept-encoding"}
HEADER = "X-Page-Cache"  # hit, miss or bypass: for people measuring, and the tests

# Models whose rows readers never see: saving them retires nothing.
WAGTAIL_CONTENT = {
    ("wagtailcore", "page"),
    ("wagtailcore", "pageviewrestriction"),
    ("wagtailcore", "collectionviewrestriction"),
    ("wagtailcore", "collection"),
    ("wagtailcore", "site"),
    ("wagtailcore", "locale"),
}
CONTENT_APPS = {"wagtailimages", "wagtaildocs", "wagtailredirects", "taggit"}
NOT_CONTENT = {("wagtailimages", "rendition"), ("site", "pagecachegeneration")}


# -- the generation ---------------------------------------------------------------------------------


def _generation_in_cache() -> bool:
    return settings.LISTENING_PAGE_CACHE_GENERATION == "cache"


def database_generation() -> int:
    # Asked on every cached request in "database" mode: plain SQL, as the ORM's query building costs more
    # than the query.
    table = connection.ops.quote_name(PageCacheGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1")  # noqa: S608 - our own table name
        row = cursor.fetchone()
    if row is None:
        PageCacheGeneration.objects.get_or_create(pk=1)
        return 0
    return row[0]


def _fresh_generation() -> int:
    # Random, so that no entry kept from before can carry it; 62 bits leave room below Redis's 2**63 - 1
    # for any number of raises.
    return secrets.randbits(62)


def _cache_generation(found: int | None) -> int:
    """The generation kept in the cache, given what a read found there; made afresh when missing."""
    if found is not None:
        return found
    candidate = _fresh_generation()
    cache.add(GENERATION_KEY, candidate, timeout=None)  # another process may have made it first: theirs wins
    return cache.get(GENERATION_KEY, candidate)


def _generation_and_entry(key: str):
    """The current generation, from where the settings keep it, and what the cache holds under `key`."""
    if _generation_in_cache():
        found = cache.get_many([GENERATION_KEY, key])  # one round trip (MGET with Redis)
        return _cache_generation(found.get(GENERATION_KEY)), found.get(key)
    return database_generation(), cache.get(key)


def _raise_cache_generation() -> None:
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # missing (never made, evicted, Redis restarted): a fresh one retires all the same
            cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
    except Exception:  # Redis unreachable, say: the change itself is committed and must not fail now
        logger.warning("Could not raise the page cache generation in the cache.", exc_info=True)


def bump_generation() -> None:
    """Retire every cached page: in the database as part of the current transaction, and (in "cache" mode)
    in the cache once it commits. Call it after bulk writes, which send no signals."""
    try:
        with transaction.atomic():  # a savepoint: a missing table (mid-migration) must not break the caller
            if not PageCacheGeneration.objects.filter(pk=1).update(value=F("value") + 1):
                PageCacheGeneration.objects.create(pk=1, value=1)
    except DatabaseError:
        logger.warning("Could not raise the page cache generation.", exc_info=True)
    if _generation_in_cache():
        # After the commit, not before: a reader that read the old generation before the commit may still
        # be rendering the old content, and stores its entry tagged with that old number, which no request
        # after the raise will serve. Raised before the commit, a reader could read the new number, render
        # the old rows and keep them under it. (Outside a transaction this runs at once.)
        transaction.on_commit(_raise_cache_generation)


def is_content(model) -> bool:
    if model.__module__ == "__fake__":  # a migration's historical model: migrations retire nothing
        return False
    meta = model._meta
    key = (meta.app_label, meta.model_name)
    if key in NOT_CONTENT:
        return False
    return model.__module__.startswith("listening.") or key in WAGTAIL_CONTENT or meta.app_label in CONTENT_APPS


def _content_changed(sender, **kwargs):
    if is_content(sender):
        bump_generation()


def _page_event(sender, **kwargs):
    bump_generation()


def connect() -> None:
    post_save.connect(_content_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_deleted")
    m2m_changed.connect(_content_changed, dispatch_uid="page_cache_m2m")
    page_published.connect(_page_event, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_event, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_event, dispatch_uid="page_cache_moved")  # moves are queryset updates


# -- the middleware ---------------------------------------------------------------------------------


def _bypass(request) -> bool:
    if not settings.LISTENING_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return True
    if getattr(request, "is_dummy", False) or request.path_info.startswith(BYPASS_PREFIXES):
        return True  # a preview, or not a page
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META


def _key(request) -> str:
    """Where a request's entry is kept: not the generation, which the entry carries."""
    parts = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            "htmx" if request.headers.get("HX-Request") == "true" else "page",
            # Pages are compressed inside this middleware in production (settings/production.py): the
            # compressed and the plain response are different entries.
            "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "identity",
        ]
    )
    return f"{KEY_PREFIX}:entry:{hashlib.sha256(parts.encode()).hexdigest()}"


def _storable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= CACHEABLE_VARY


def _public_cache_control(response) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.LISTENING_PAGE_MAX_AGE,
        s_maxage=settings.LISTENING_PAGE_SHARED_MAX_AGE,
    )


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class PublicPageCacheMiddleware:
    """Serves anonymous readers' GETs from the cache; placed outside the CSP middleware, so what it
    keeps is the response as sent, policy header and nonce included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _bypass(request):
            response = self.get_response(request)
            editor = settings.SESSION_COOKIE_NAME in request.COOKIES
            html = response.get("Content-Type", "").startswith("text/html")
            if settings.LISTENING_PAGE_CACHE and editor and html and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)  # a CDN must not keep an editor's page
            response[HEADER] = "bypass"
            return response

        key = _key(request)
        generation, stored = _generation_and_entry(key)  # before rendering: see the module's docstring
        if stored is not None and stored[0] == generation:
            _, status, headers, body = stored
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return get_conditional_response(request, etag=response["ETag"], response=response)

        response = self.get_response(request)
        if request.method != "GET" or not _storable(response):
            response[HEADER] = "bypass"
            return response
        _public_cache_control(response)
        response["ETag"] = _etag(response.content)
        headers = [(name, value) for name, value in response.items() if name.lower() != HEADER.lower()]
        entry = (generation, response.status_code, headers, response.content)
        cache.set(key, entry, settings.LISTENING_PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"
        return get_conditional_response(request, etag=response["ETag"], response=response)
