"""What a reader may see: the one rule every listing, search, export and feed goes through.

A page is for readers when it is live and no view restriction (login, password, group) covers it.
Page models use `ReaderPageManager`, so `Model.objects.for_readers()` and every relation to them
(`person.scenes.for_readers()`) say the same thing; rows that hang off a page (cues, credits) define
`for_readers()` on their own querysets in terms of their page's.
"""

from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class ReaderPageQuerySet(PageQuerySet):
    def for_readers(self):
        """Live pages that no view restriction covers: what an anonymous reader may see."""
        return self.live().public()


ReaderPageManager = PageManager.from_queryset(ReaderPageQuerySet)
