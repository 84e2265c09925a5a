from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from listening.core.rich_text import STORY_FEATURES, plain_text
from listening.core.search_text import FoldedSearchText, with_folded_text
from listening.core.sharing import Shareable
from listening.core.visibility import ReaderPageManager


class ScenesIndexPage(Shareable, FoldedSearchText, Page):
    """The film's scenes, in film order."""

    objects = ReaderPageManager()

    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("intro"))
    parent_page_types = ["tracks.SoundtrackPage"]
    subpage_types = ["scenes.ScenePage"]

    def describe(self, **subject):
        return [plain_text(self.intro) or "The film's scenes, in film order, and the music heard in each."]

    def share_image(self, **subject):
        first = ScenePage.objects.child_of(self).for_readers().order_by("number").first()
        return first.first_still if first else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["scenes"] = (
            ScenePage.objects.child_of(self).for_readers().order_by("number").prefetch_related("stills__image")
        )
        return context


class ScenePage(Shareable, FoldedSearchText, Page):
    """A beat of the film, with one or more stills."""

    objects = ReaderPageManager()

    number = models.PositiveSmallIntegerField(help_text="Order in the film.")
    summary = RichTextField(features=STORY_FEATURES, blank=True)
    characters = models.CharField(max_length=300, blank=True, help_text="Characters on screen, comma-separated.")
    cast = ParentalManyToManyField("people.PersonPage", blank=True, related_name="scenes")

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("characters"),
        FieldPanel("cast"),
        InlinePanel("stills", label="Stills", min_num=0),
    ]
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("summary"), index.SearchField("characters"))
    parent_page_types = ["scenes.ScenesIndexPage"]
    subpage_types = []

    def describe(self, **subject):
        summary = plain_text(self.summary) or f"{self.title}: scene {self.number} of the film, and its music."
        return [summary, f"On screen: {self.characters}." if self.characters else ""]

    def share_image(self, **subject):
        return self.first_still

    @property
    def character_list(self) -> list[str]:
        return [name.strip() for name in self.characters.split(",") if name.strip()]

    @property
    def first_still(self):
        # .all() rather than .first(): it reads stills prefetched with the page's cues.
        stills = list(self.stills.all())
        return stills[0].image if stills else None

    def get_context(self, request, *args, **kwargs):
        # Cues are read back through their relation: scenes know nothing of tracks.
        context = super().get_context(request, *args, **kwargs)
        context["cues"] = self.cues.for_readers()
        context["cast_people"] = self.cast.for_readers().order_by("title")
        return context


class SceneStill(Orderable):
    scene = ParentalKey(ScenePage, on_delete=models.CASCADE, related_name="stills")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
