"""Search across the guide: pages through Wagtail's search backend, cues by their words."""

import unicodedata

from django.db.models import Q
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page

from listening.core.visibility import ReaderPageQuerySet
from listening.tracks.models import Cue

MAX_QUERY = 100
MAX_RESULTS = 20


def clean_query(text: str) -> str:
    """What a query may hold: no control or format characters (NUL ends a PostgreSQL string), single
    spaces, and not more than MAX_QUERY characters. Quotes and operators stay: they are only words here.
    """
    printable = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in text[: MAX_QUERY * 4])
    return " ".join(printable.split())[:MAX_QUERY]


def search_guide(query: str):
    """Pages and cues matching `query`; empty for a blank query."""
    query = clean_query(query)
    if not query:
        return [], []
    # SQLite's full-text engine reads a double quote as the start of a phrase and fails on an unclosed
    # one; readers' quotes are only punctuation here.
    page_query = " ".join(query.replace('"', " ").split())
    pages = list(ReaderPageQuerySet(Page).for_readers().search(page_query)[:MAX_RESULTS]) if page_query else []
    pages = [page for page in pages if page.depth > 2]  # the home page is not a result
    # Commentary is stored as HTML: words shorter than three letters would match its tags (<p>, <li>).
    words = [word for word in query.split()[:8] if len(word) >= 3]
    cues = []
    if words:
        match = Q()
        for word in words:
            match &= Q(title__icontains=word) | Q(commentary__icontains=word)
        cues = list(Cue.objects.for_readers().filter(match)[:MAX_RESULTS])
    return [page.specific for page in pages], cues


@require_safe
def search(request):
    """The search page; htmx asks for it as you type and swaps in only the results."""
    query = clean_query(request.GET.get("q", ""))
    pages, cues = search_guide(query)
    template = (
        "site/search_results.html" if request.htmx and request.htmx.target == "search-results" else "site/search.html"
    )
    context = {"query": query, "pages": pages, "cues": cues, "count": len(pages) + len(cues)}
    return TemplateResponse(request, template, context)
