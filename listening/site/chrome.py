"""What surrounds a page: the header's links, the footer, the site's name.

Pages inside a soundtrack take them from that soundtrack, so a second soundtrack never shows the
first one's links or credits. Pages outside any (home, people, search) take them from the only
soundtrack when there is one, and from the site's own settings when there are several.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Page, Site

from listening.people.models import PeopleIndexPage
from listening.scenes.models import ScenesIndexPage
from listening.tracks.models import SoundtrackPage

from .models import SiteChrome


@dataclass(frozen=True)
class Chrome:
    site_name: str
    soundtrack: SoundtrackPage | None
    scenes: ScenesIndexPage | None
    people: PeopleIndexPage | None
    footer: str  # rich text


def soundtrack_of(page: Page | None) -> SoundtrackPage | None:
    """The soundtrack a page belongs to (itself, for a soundtrack), or None."""
    if page is None or not page.path:
        return None
    if isinstance(page, SoundtrackPage):
        return page
    return SoundtrackPage.objects.ancestor_of(page).for_readers().first()


def chrome_for(request, page: Page | None) -> Chrome:
    soundtrack = soundtrack_of(page)
    if soundtrack is None:
        live = list(SoundtrackPage.objects.for_readers().order_by("path")[:2])
        soundtrack = live[0] if len(live) == 1 else None
    site = Site.find_for_request(request) if request is not None else None
    return Chrome(
        site_name=(site.site_name if site and site.site_name else "Listening guide"),
        soundtrack=soundtrack,
        scenes=ScenesIndexPage.objects.child_of(soundtrack).for_readers().first() if soundtrack else None,
        people=PeopleIndexPage.objects.for_readers().first(),
        footer=soundtrack.footer if soundtrack is not None else _site_footer(site),
    )


def _site_footer(site: Site | None) -> str:
    return SiteChrome.for_site(site).footer if site else ""
