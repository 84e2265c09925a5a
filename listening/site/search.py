"""Search across the guide: pages and cues (as moments) through Wagtail's search backend.

Accents and case do not matter (`echafaud` finds `échafaud`): models index a folded copy of their
words and the query is folded the same way (listening.core.search_text). Only what readers may see
is searched: `for_readers()` pages, and cues of such tracks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe
from wagtail.models import Page

from listening.core.rich_text import plain_text
from listening.core.search_text import fold, marked, marked_snippet, query_terms
from listening.core.visibility import ReaderPageQuerySet
from listening.people.models import PersonPage
from listening.tracks.models import Cue, TrackPage

MAX_QUERY = 100
MAX_RESULTS = 20
# A word being typed completes from this many letters: one or two would match half the guide.
MIN_PREFIX = 3
PREFIX_POOL = 200  # matches of a half-typed word looked at before the first MAX_RESULTS are kept
# Suggestions on an empty search.
SUGGESTED_PEOPLE = 8
SUGGESTED_TRACKS = 12
SUGGESTED_MOMENTS = 4


def clean_query(text: str) -> str:
    """What a query may hold: no control or format characters (NUL ends a PostgreSQL string), single
    spaces, and not more than MAX_QUERY characters. Quotes and operators stay: they are only words here.
    """
    printable = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in text[: MAX_QUERY * 4])
    return " ".join(printable.split())[:MAX_QUERY]


@dataclass
class PageResult:
    page: Page
    title: SafeString
    snippet: SafeString
    kind: str


@dataclass
class Moment:
    """A cue found by a search: its track opened at its start, its words with the query marked."""

    cue: Cue
    title: SafeString
    snippet: SafeString


@dataclass
class Results:
    query: str
    pages: list[PageResult] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.pages) + len(self.moments)


def _search(queryset, terms: list[str]):
    """The engine's best matches for all the terms; else for all of them with the last one as the
    beginning of a word (a reader still typing it); else for any of them."""
    text = " ".join(terms)
    found = list(queryset.search(text, operator="and")[:MAX_RESULTS])
    if not found and len(terms[-1]) >= MIN_PREFIX:
        # The matches of a half-typed word are ranked here, titles that name the terms first: the
        # engine's own ranking of a prefix costs SQLite a full-text query per match (180 ms for
        # three letters in a catalogue of 60,000 cues), and says little about a word not yet typed.
        pool = list(queryset.autocomplete(text, operator="and", order_by_relevance=False)[:PREFIX_POOL])
        found = sorted(pool, key=lambda item: not _names_match(item.title, terms))[:MAX_RESULTS]
    return found or list(queryset.search(text, operator="or")[:MAX_RESULTS])


def _names_match(title: str, terms: list[str]) -> bool:
    """Whether each term begins a word of the title: `varga`, `tomas varga`, `Tomás` all name Tomas Varga."""
    words = re.findall(r"\w+", fold(title))  # `l’échafaud` is two words, `Jean-Pierre` too
    return all(any(word.startswith(term) for word in words) for term in terms)


def _page_rank(page: Page, terms: list[str]) -> int:
    # People first for their own names, then any page whose title the query names, then the engine's order.
    if _names_match(page.title, terms):
        return 0 if isinstance(page, PersonPage) else 1
    return 2


def _page_text(page: Page) -> str:
    if hasattr(page, "searchable_text"):
        return page.searchable_text(title=False)
    return page.search_description or ""


def _specific_in_order(pages: list[Page]) -> list[Page]:
    """The pages as their own types, in the same order: one query per type found, not one per page."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [specific[pk] for pk in ids if pk in specific]


def search_guide(query: str) -> Results:
    """Pages and moments matching `query`; empty for a blank query."""
    query = clean_query(query)
    terms = query_terms(query)
    results = Results(query=query)
    if not terms:
        return results
    found = [page for page in _search(ReaderPageQuerySet(Page).for_readers(), terms) if page.depth > 2]
    pages = _specific_in_order(found)
    pages.sort(key=lambda page: _page_rank(page, terms))  # stable: the engine's order within each rank
    results.pages = [
        PageResult(
            page=page,
            title=marked(page.title, terms),
            snippet=marked_snippet(_page_text(page), terms, length=180),
            kind=page.specific_class.get_verbose_name().removesuffix(" page"),  # “Person”, not “Person page”
        )
        for page in pages
    ]
    # Cues of tracks a reader may see: the filter goes to the engine, so hidden tracks' cues never
    # take the places of readable ones.
    readable_cues = Cue.objects.filter(track__in=TrackPage.objects.for_readers().values("pk"))
    found = [cue.pk for cue in _search(readable_cues, terms)]
    by_pk = {cue.pk: cue for cue in Cue.objects.for_readers().filter(pk__in=found)}
    results.moments = [
        Moment(
            cue=cue,
            title=marked(cue.title, terms),
            snippet=marked_snippet(plain_text(cue.commentary), terms, length=180),
        )
        for cue in (by_pk[pk] for pk in found if pk in by_pk)
    ]
    return results


def suggestions() -> dict:
    """What an empty search offers instead of a blank page: people, tracks, and a few moments."""
    people = PersonPage.objects.for_readers().order_by("path")[: SUGGESTED_PEOPLE * 4]
    people = sorted(people, key=lambda person: person.kind != PersonPage.Kind.MUSICIAN)[:SUGGESTED_PEOPLE]
    tracks = list(TrackPage.objects.for_readers().with_title_language().order_by("path")[:SUGGESTED_TRACKS])
    # One moment from each of the first tracks: the first cue after the opening, where the music has begun.
    moments = []
    for track in tracks[:SUGGESTED_MOMENTS]:
        cue = Cue.objects.for_readers().filter(track=track, start_ms__gt=0).exclude(commentary="").first()
        if cue is not None:
            snippet = marked_snippet(plain_text(cue.commentary), [], length=140)
            moments.append(Moment(cue=cue, title=marked(cue.title, []), snippet=snippet))
    return {"people": people, "tracks": tracks, "moments": moments}


@require_safe
def search(request):
    """The search page; htmx asks for it as you type and swaps in only the results."""
    query = clean_query(request.GET.get("q", ""))
    results = search_guide(query)
    template = (
        "site/search_results.html" if request.htmx and request.htmx.target == "search-results" else "site/search.html"
    )
    context = {
        "query": query,
        "results": results,
        "count": results.count,
        "share_title": "Search",
        "share_description": "Find a musician, a scene, a track or a word in the commentary, and play the moment.",
    }
    if not query:
        context["suggestions"] = suggestions()
    return TemplateResponse(request, template, context)
