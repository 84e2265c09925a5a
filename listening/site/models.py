from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from listening.core.rich_text import STORY_FEATURES
from listening.core.visibility import ReaderPageManager
from listening.tracks.models import SoundtrackPage


class HomePage(Page):
    """The site's front door: every soundtrack it guides, and where to start."""

    objects = ReaderPageManager()

    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["tracks.SoundtrackPage", "people.PeopleIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        db_table = "core_homepage"  # the table it was created with, when it lived in `core`

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

    Raised in the same transaction as any change readers could see; cached pages are keyed on it, so
    every app server and worker stops serving what was cached before the change the moment it commits.
    Kept in the database, not the cache, so that each process's own memory cache is never stale either.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "page cache generation"

    def __str__(self):
        return f"page cache generation {self.value}"
