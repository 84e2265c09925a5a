"""oEmbed (https://oembed.com): a course site or an LMS asks how to embed a page of the guide.

`/oembed/?url=<a track page, a cue's permalink, or a track page with ?t=a,b>&format=json` answers with
a `rich` embed: an iframe of the track's embeddable player (tracks.TrackPage.embed_url); a lesson's URL,
with an iframe of the lesson (lessons.LessonPage.embed_url). Pages a reader may not see, and everything
that is neither a track nor a lesson, are not found.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from listening.core.timecode import parse_time_range
from listening.lessons.models import LessonPage
from listening.tracks.models import Cue, TrackPage

DEFAULT_WIDTH, DEFAULT_HEIGHT = 640, 480
MIN_WIDTH, MIN_HEIGHT = 280, 320
LESSON_HEIGHT = 640  # a lesson's steps need more room than one track's player


def _dimension(request, name: str, default: int, least: int) -> int:
    """The embed's size: the default, or smaller when the consumer asks (never below what still works)."""
    try:
        asked = int(request.GET.get(name, ""))
    except ValueError:
        return default
    return max(least, min(default, asked))


def _route(request, url: str):
    """The page (and its route's arguments) a URL of this site names, or Http404."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in (None, request.get_host().split(":")[0]):
        raise Http404("Not a page of this guide.")
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site.")
    components = [component for component in parts.path.split("/") if component]
    return parts, site.root_page.specific.route(request, components)


def resolve_lesson(request, url: str) -> LessonPage | None:
    """The lesson a URL names, if it names one a reader may see (its own page, not a sub-route)."""
    _parts, result = _route(request, url)
    page = result.page.specific
    if not isinstance(page, LessonPage) or not LessonPage.objects.for_readers().filter(pk=page.pk).exists():
        return None
    return page


def resolve_embeddable(request, url: str) -> tuple[TrackPage, Cue | None, str]:
    """The track (and cue, and `?t=` range) a URL of this site names, or Http404."""
    parts, result = _route(request, url)
    page = result.page.specific
    if not isinstance(page, TrackPage) or not TrackPage.objects.for_readers().filter(pk=page.pk).exists():
        raise Http404("Not an embeddable track.")
    cue = None
    view_kwargs = result.args[2] if len(result.args) == 3 else {}
    if "cue_slug" in view_kwargs:
        cue = page.cues.filter(slug=view_kwargs["cue_slug"]).first()
        if cue is None:
            raise Http404("No such cue.")
    asked = parse_qs(parts.query).get("t", [""])[0]
    # A range the deep link could not play is left out, as the track page itself would ignore it.
    time = asked if asked and cue is None and parse_time_range(asked, duration_ms=page.duration_ms) else ""
    return page, cue, time


@require_safe
def oembed(request):
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only the JSON format is served.", status=501, content_type="text/plain")
    url = request.GET.get("url", "")
    width = _dimension(request, "maxwidth", DEFAULT_WIDTH, MIN_WIDTH)
    lesson = resolve_lesson(request, url)
    if lesson is not None:
        height = _dimension(request, "maxheight", LESSON_HEIGHT, MIN_HEIGHT)
        data = _rich(request, lesson.title, width, height, lesson.embed_html(request, width=width, height=height))
        still = lesson.thumbnail_rendition()
    else:
        track, cue, time = resolve_embeddable(request, url)
        height = _dimension(request, "maxheight", DEFAULT_HEIGHT, MIN_HEIGHT)
        title = f"{cue.title} · {track.title}" if cue else track.title
        html = track.embed_html(request, cue, time=time, width=width, height=height)
        data = _rich(request, title, width, height, html)
        still = track.thumbnail_rendition(cue)
    if still is not None:
        data.update(
            thumbnail_url=request.build_absolute_uri(still.url),
            thumbnail_width=still.width,
            thumbnail_height=still.height,
        )
    return JsonResponse(data)


def _rich(request, title: str, width: int, height: int, html: str) -> dict:
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": Site.find_for_request(request).site_name or "Listening guide",
        "provider_url": request.build_absolute_uri("/"),
        "width": width,
        "height": height,
        "html": html,
    }
