from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

# Rich text in commentary, biographies and stories: formatting and links, nothing that runs.
STORY_FEATURES = ["bold", "italic", "link", "ol", "ul", "blockquote"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(required=False)
    attribution = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class ChapterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=STORY_FEATURES)
    quote = QuoteBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "core/blocks/chapter.html"


class MythBlock(blocks.StructBlock):
    claim = blocks.TextBlock(help_text="The claim as it is usually repeated.")
    record = blocks.RichTextBlock(features=STORY_FEATURES, help_text="What the sources say.")


class MythsChapterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Myth and record")
    intro = blocks.RichTextBlock(features=STORY_FEATURES, required=False)
    myths = blocks.ListBlock(MythBlock())

    class Meta:
        icon = "warning"
        template = "core/blocks/myths.html"


class HomePage(Page):
    """The site's front door: the soundtracks it guides, and where to start."""

    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["core.SoundtrackPage", "people.PeopleIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["soundtracks"] = SoundtrackPage.objects.child_of(self).live().public().select_related("cover")
        return context


class SoundtrackPage(Page):
    """An album: its facts, its story in chapters, and its tracks as children in LP order."""

    subtitle = models.CharField(max_length=200, blank=True)
    label = models.CharField(max_length=100, blank=True)
    catalogue_number = models.CharField(max_length=60, blank=True)
    release_format = models.CharField(max_length=120, blank=True)
    recorded = models.CharField(max_length=120, blank=True, help_text="When it was recorded, as words.")
    studio = models.CharField(max_length=200, blank=True)
    cover = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    intro = RichTextField(features=STORY_FEATURES, blank=True)
    story = StreamField([("chapter", ChapterBlock()), ("myths", MythsChapterBlock())], blank=True)
    sources = RichTextField(features=["link", "italic", "ul"], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldPanel("label"),
                FieldPanel("catalogue_number"),
                FieldPanel("release_format"),
                FieldPanel("recorded"),
                FieldPanel("studio"),
            ],
            heading="The record",
        ),
        FieldPanel("cover"),
        FieldPanel("intro"),
        FieldPanel("story"),
        FieldPanel("sources"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("story")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["tracks.TrackPage", "scenes.ScenesIndexPage"]

    def tracks(self):
        from listening.tracks.models import TrackPage

        return TrackPage.objects.child_of(self).live().public().order_by("number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = self.tracks().select_related("audio")
        return context
