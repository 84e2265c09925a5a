from django.db import models
from django.template.defaultfilters import pluralize
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from listening.core.renditions import rendition_or_none
from listening.core.rich_text import STORY_FEATURES, plain_text
from listening.core.search_text import FoldedSearchText, with_folded_text
from listening.core.sharing import SCHEMA_CONTEXT, SQUARE_IMAGE_SPEC, Shareable, without_empty
from listening.core.visibility import ReaderPageManager


class PeopleIndexPage(Shareable, FoldedSearchText, Page):
    objects = ReaderPageManager()

    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("intro"))
    parent_page_types = ["site.HomePage"]
    subpage_types = ["people.PersonPage"]
    max_count = 1

    def describe(self, **subject):
        return [plain_text(self.intro) or "The musicians who recorded the music, and the people of the film."]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = PersonPage.objects.child_of(self).for_readers().select_related("portrait")
        context["musicians"] = [p for p in people if p.kind == PersonPage.Kind.MUSICIAN]
        context["film_people"] = [p for p in people if p.kind != PersonPage.Kind.MUSICIAN]
        return context


class PersonPage(Shareable, FoldedSearchText, Page):
    """A musician, or someone from the film or the record's story."""

    objects = ReaderPageManager()

    class Kind(models.TextChoices):
        MUSICIAN = "musician", "Musician"
        FILM = "film", "Film"
        OTHER = "other", "Other"

    role = models.CharField(max_length=120, help_text="Instrument or role, e.g. “Trumpet” or “Director”.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MUSICIAN)
    born = models.CharField(max_length=20, blank=True)
    died = models.CharField(max_length=20, blank=True)
    nationality = models.CharField(max_length=80, blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    biography = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("kind"), FieldPanel("born"), FieldPanel("died"), FieldPanel("nationality")],
            heading="Who",
        ),
        FieldPanel("portrait"),
        FieldPanel("biography"),
    ]
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("role"), index.SearchField("biography"))
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    og_type = "profile"
    share_image_spec = SQUARE_IMAGE_SPEC

    def describe(self, **subject):
        who = ", ".join(part for part in (self.role, self.dates) if part)
        return [f"{self.title}: {who}." if who else "", plain_text(self.biography)]

    def share_image(self, **subject):
        return self.portrait

    def structured_data(self, request, **context):
        return {"@context": SCHEMA_CONTEXT, **self.person_node(request, description=True)}

    def person_node(self, request, *, description=False) -> dict:
        """The person as a schema.org Person: on their page, and as a performer on a track's."""
        portrait = rendition_or_none(self.portrait, SQUARE_IMAGE_SPEC) if description else None
        return without_empty(
            {
                "@type": "Person",
                "name": self.title,
                "url": request.build_absolute_uri(self.url) if self.url else "",
                "jobTitle": self.role,
                "description": self.meta_description() if description else "",
                "image": request.build_absolute_uri(portrait.url) if portrait else "",
            }
        )

    @property
    def dates(self) -> str:
        if self.born and self.died:
            return f"{self.born}–{self.died}"
        return f"born {self.born}" if self.born else ""

    def get_context(self, request, *args, **kwargs):
        # Credits and cues are read back through their relations: people know nothing of tracks.
        context = super().get_context(request, *args, **kwargs)
        context["credits"] = self.track_credits.for_readers()
        cues = self.cues.for_readers()
        context["cues"] = cues
        context["cues_heading"] = f"Heard in {len(cues)} cue{pluralize(len(cues))}"
        context["scenes"] = self.scenes.for_readers().order_by("number")
        return context
