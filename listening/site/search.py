"""Search across the guide: pages through Wagtail's search backend, cues by their words."""

from django.db.models import Q
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from listening.core.visibility import ReaderPageQuerySet
from listening.tracks.models import Cue

MAX_QUERY = 100
MAX_RESULTS = 20


def search_guide(query: str):
    """Pages and cues matching `query`; empty for a blank query."""
    query = " ".join(query.split())[:MAX_QUERY]
    if not query:
        return [], []
    pages = list(ReaderPageQuerySet(Page).for_readers().search(query)[:MAX_RESULTS])
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


@require_GET
def search(request):
    """The search page; htmx asks for it as you type and swaps in only the results."""
    query = request.GET.get("q", "")
    pages, cues = search_guide(query)
    template = (
        "site/search_results.html" if request.htmx and request.htmx.target == "search-results" else "site/search.html"
    )
    context = {"query": query.strip()[:MAX_QUERY], "pages": pages, "cues": cues, "count": len(pages) + len(cues)}
    return TemplateResponse(request, template, context)
