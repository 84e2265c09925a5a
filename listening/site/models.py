from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from listening.core.rich_text import STORY_FEATURES, plain_text
from listening.core.search_text import FoldedSearchText, with_folded_text
from listening.core.sharing import Shareable
from listening.core.visibility import ReaderPageManager
from listening.tracks.models import SoundtrackPage


class HomePage(Shareable, FoldedSearchText, Page):
    """The site's front door: every soundtrack it guides, and where to start."""

    objects = ReaderPageManager()

    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("intro"))
    subpage_types = ["tracks.SoundtrackPage", "people.PeopleIndexPage", "lessons.LessonsIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        db_table = "core_homepage"  # the table it was created with, when it lived in `core`

    def describe(self, **subject):
        return [plain_text(self.intro) or "A listening guide: press play and the commentary follows the music."]

    def share_image(self, **subject):
        first = SoundtrackPage.objects.child_of(self).for_readers().exclude(cover=None).select_related("cover").first()
        return first.cover if first else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["soundtracks"] = SoundtrackPage.objects.child_of(self).for_readers().select_related("cover")
        return context


@register_setting(icon="site")
class SiteChrome(BaseSiteSetting):
    """What the site shows around every page that belongs to no one soundtrack (home, people, search)."""

    footer = RichTextField(
        features=["link", "italic"],
        blank=True,
        help_text="Shown at the foot of pages outside a soundtrack; each soundtrack has its own footer.",
    )

    panels = [FieldPanel("footer")]

    class Meta:
        verbose_name = "site chrome"


class PageCacheGeneration(models.Model):
    """One row: the generation of the public page cache (listening.site.page_cache).

    Raised in the same transaction as any change readers could see; a cached page is served only while
    the generation it was rendered under is current, so every app server and worker stops serving what
    was cached before the change the moment it commits. Kept in the database, so that each process's own
    memory cache is never stale either; with Redis as the cache, requests read a second generation kept in
    Redis instead (settings.LISTENING_PAGE_CACHE_GENERATION).
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "page cache generation"

    def __str__(self):
        return f"page cache generation {self.value}"
