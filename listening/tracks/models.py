from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from listening.core.fields import MillisecondsField
from listening.core.models import STORY_FEATURES
from listening.core.timecode import TimeRange, format_time, parse_time_range, seconds

from .audio_ingest import AudioMetadata, AudioRejected, read_audio_metadata
from .forms import TrackPageForm
from .panels import CUE_HELP, CueInlinePanel, StampPanel
from .timeline import active_spans, cue_spans, track_length_ms
from .widgets import ExactTimecodeInput

# One rendition of each still for the stage: the player swaps between them without new queries.
STILL_SPEC = "fill-1280x720|format-webp"


class AudioFileForm(WagtailAdminModelForm):
    """Reads an uploaded file with mutagen before anything is saved; refuses what it cannot read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            # An empty title is filled in from the file's tags or name in clean().
            self.fields["title"].required = False
            self.fields["title"].help_text = "Leave empty to use the file's own title, or its name."

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload and "file" in self.changed_data:
            try:
                metadata = read_audio_metadata(upload, upload.name)
            except AudioRejected as error:
                self.add_error("file", str(error))
            else:
                self.instance.apply_metadata(metadata)
                if not cleaned.get("title"):
                    cleaned["title"] = metadata.tags.get("title") or upload.name.rsplit(".", 1)[0]
        if not cleaned.get("title") and not self.has_error("file") and "title" in self.fields:
            self.add_error("title", "Give the audio a title.")
        return cleaned


class AudioFile(index.Indexed, models.Model):
    """A recording a track plays; what mutagen read from it is kept beside the file."""

    title = models.CharField(max_length=255)
    file = models.FileField(upload_to="audio/", max_length=255)
    format_name = models.CharField(max_length=40, editable=False, blank=True)
    mime_type = models.CharField(max_length=60, editable=False, blank=True)
    duration_ms = models.PositiveIntegerField(editable=False, default=0)
    bitrate = models.PositiveIntegerField(null=True, editable=False, help_text="Bits per second.")
    sample_rate = models.PositiveIntegerField(null=True, editable=False)
    channels = models.PositiveSmallIntegerField(null=True, editable=False)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    checksum = models.CharField(max_length=64, editable=False, blank=True, help_text="SHA-256 of the file.")
    tags = models.JSONField(default=dict, editable=False, blank=True)
    credit = models.CharField(max_length=255, blank=True, help_text="Licence or source, e.g. “Synthesised demo audio”.")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    base_form_class = AudioFileForm
    panels = [FieldPanel("title"), FieldPanel("file"), FieldPanel("credit")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = "audio file"

    def __str__(self):
        return self.title

    def apply_metadata(self, metadata: AudioMetadata) -> None:
        self.format_name = metadata.format_name
        self.mime_type = metadata.mime_type
        self.duration_ms = metadata.duration_ms
        self.bitrate = metadata.bitrate
        self.sample_rate = metadata.sample_rate
        self.channels = metadata.channels
        self.size = metadata.size
        self.checksum = metadata.checksum
        self.tags = metadata.tags

    @property
    def duration_display(self) -> str:
        return format_time(self.duration_ms, precise=False)

    @property
    def summary(self) -> str:
        return " · ".join(p for p in (self.format_name, self.duration_display, self.encoding) if p)

    @property
    def encoding(self) -> str:
        """Bitrate, sample rate and channels, e.g. “64 kb/s · 22.05 kHz · mono”."""
        parts = []
        if self.bitrate:
            parts.append(f"{round(self.bitrate / 1000)} kb/s")
        if self.sample_rate:
            parts.append(f"{self.sample_rate / 1000:g} kHz")
        if self.channels:
            parts.append({1: "mono", 2: "stereo"}.get(self.channels, f"{self.channels} channels"))
        return " · ".join(parts)


class TrackPage(RoutablePageMixin, Page):
    """One track of a soundtrack: its audio, who plays on it, and its timed commentary."""

    class Side(models.TextChoices):
        A = "A", "Side A"
        B = "B", "Side B"

    number = models.PositiveSmallIntegerField(help_text="Position on the record.")
    side = models.CharField(max_length=1, choices=Side.choices, blank=True)
    title_en = models.CharField("English title", max_length=255, blank=True)
    session_piece = models.CharField(
        max_length=255, blank=True, help_text="The piece as named at the session; tracks sharing it are takes of it."
    )
    take = models.PositiveSmallIntegerField(null=True, blank=True)
    take_note = models.CharField(max_length=255, blank=True)
    listed_length_ms = MillisecondsField(
        "listed length", null=True, blank=True, help_text="The length printed on the record, e.g. 2:45."
    )
    audio = models.ForeignKey(AudioFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="tracks")
    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [
        FieldPanel("title", heading="French title"),
        FieldPanel("title_en"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("side"), FieldPanel("listed_length_ms")]),
        FieldRowPanel([FieldPanel("session_piece"), FieldPanel("take"), FieldPanel("take_note")], heading="Session"),
        FieldPanel("audio"),
        FieldPanel("intro"),
        MultiFieldPanel([InlinePanel("credits", label="Player")], heading="Who plays"),
        StampPanel(),
        CueInlinePanel("cues", label="Cue", heading="Cues", help_text=CUE_HELP),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("title_en"),
        index.SearchField("intro"),
        index.SearchField("session_piece"),
    ]
    parent_page_types = ["core.SoundtrackPage"]
    subpage_types = []
    base_form_class = TrackPageForm

    @property
    def duration_ms(self) -> int | None:
        return track_length_ms(self.audio, self.listed_length_ms)

    @property
    def length_display(self) -> str:
        return format_time(self.duration_ms, precise=False) if self.duration_ms else ""

    def sibling_takes(self):
        if not self.session_piece:
            return TrackPage.objects.none()
        return (
            TrackPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .filter(session_piece=self.session_piece)
            .order_by("number")
        )

    def cues_for_display(self, request=None):
        """The cues with what their rows need, in a fixed number of queries however many there are.

        A preview shows the draft's cues, which live in memory rather than in the database.
        """
        if getattr(request, "is_preview", False) or not self.pk:
            return list(self.cues.all())
        from listening.scenes.models import SceneStill

        images = get_image_model().objects.prefetch_renditions(STILL_SPEC)
        scene_stills = SceneStill.objects.order_by("sort_order").prefetch_related(Prefetch("image", queryset=images))
        return list(
            Cue.objects.filter(track=self)
            .select_related("scene")
            .prefetch_related(
                Prefetch("still", queryset=images),
                Prefetch("scene__stills", queryset=scene_stills),
                "performers",
            )
        )

    def get_context(self, request, *args, cue_slug: str | None = None, **kwargs):
        """The track at a moment: `?t=`, or the range of the cue named by `cue_slug` (its permalink)."""
        context = super().get_context(request, *args, **kwargs)
        duration = self.duration_ms
        spans = cue_spans(self.cues_for_display(request), duration)
        if cue_slug is not None:
            permalink = next((span for span in spans if span.cue.slug == cue_slug), None)
            if permalink is None:
                raise Http404("No such cue on this track.")
            start = TimeRange(permalink.start_ms, permalink.end_ms if permalink.end_ms > permalink.start_ms else None)
            context.update(self._permalink_context(request, permalink))
        else:
            start = parse_time_range(request.GET.get("t"), duration_ms=duration)
        moment = start.start_ms if start else 0
        active = active_spans(spans, moment)
        active_ids = {id(span.cue) for span in active}
        rows = [
            {
                "cue": span.cue,
                "start": seconds(span.start_ms),
                "end": seconds(span.end_ms),
                "start_display": format_time(span.start_ms, precise=False),
                "end_display": format_time(span.end_ms, precise=False),
                "active": id(span.cue) in active_ids,
                "still": _stage_still(span.cue),
                "performer_slugs": " ".join(p.slug for p in span.cue.performers.all()),
                "left": _percent(span.start_ms, duration),
                "permalink": self.cue_url(span.cue) if self.pk else "",
            }
            for span in spans
        ]
        # The stage shows the newest of the sounding cues: the moment the reader has just reached.
        current_row = next((row for row in reversed(rows) if row["active"]), None)
        sounding = [row for row in rows if row["active"] and row["still"]]
        stage_row = sounding[-1] if sounding else next((row for row in rows if row["still"]), None)
        active_performers = {p.pk for span in active for p in span.cue.performers.all()}
        credits = list(self.credits.select_related("person__portrait")) if self.pk else list(self.credits.all())
        context.update(
            cue_rows=rows,
            stage_row=stage_row,
            deep_link=start,
            deep_link_start=seconds(start.start_ms) if start else "",
            deep_link_end=seconds(start.end_ms) if start and start.end_ms is not None else "",
            deep_link_loop=bool(start and start.end_ms is not None and request.GET.get("loop") in ("1", "true", "on")),
            player_credits=[(credit, credit.person_id in active_performers) for credit in credits],
            scenes=_unique(span.cue.scene for span in spans if span.cue.scene and span.cue.scene.live),
            scene_spans=_scene_spans(spans, duration),
            sibling_takes=self.sibling_takes(),
            player_track=self,
            current_row=current_row,
            duration_seconds=seconds(duration),
        )
        return context

    @path("cues/<slug:cue_slug>/", name="cue")
    def cue_permalink(self, request, cue_slug):
        """A cue's own page: the track, opened at that cue, playing its range; with link previews."""
        return self.render(request, cue_slug=cue_slug)

    def _permalink_context(self, request, span):
        still = _stage_still(span.cue)
        return {
            "permalink_cue": span.cue,
            "permalink_range": "–".join(format_time(ms, precise=False) for ms in (span.start_ms, span.end_ms)),
            "permalink_url": request.build_absolute_uri(self.cue_url(span.cue)),
            "permalink_description": Truncator(strip_tags(span.cue.commentary)).words(40),
            "permalink_image": request.build_absolute_uri(still.url) if still else "",
        }

    def cue_url(self, cue) -> str:
        return self.url + self.reverse_subpage("cue", args=[cue.slug])

    # -- cue files (issue 4): `<track url>cues.vtt` and `<track url>cues.csv` --------------------
    # Routes see the remaining path with a trailing slash, so `cues.vtt` and `cues.vtt/` both match.

    def _public_cue_file(self, kind):
        from .exports import cue_file_response

        cues = Cue.objects.filter(track=self).select_related("scene").prefetch_related("performers")
        return cue_file_response(self, cues, kind, download=False)

    @path("cues.vtt/", name="cues_vtt")
    def cues_vtt(self, request):
        return self._public_cue_file("vtt")

    @path("cues.csv/", name="cues_csv")
    def cues_csv(self, request):
        return self._public_cue_file("csv")


def _percent(ms: int, duration: int | None) -> str:
    """Position on the timeline, as a CSS percentage with a dot decimal whatever the locale."""
    if not duration:
        return "0"
    return f"{min(100.0, 100 * ms / duration):.3f}"


def _scene_spans(spans, duration):
    """Runs of consecutive music cues that accompany the same scene, for the timeline's bands."""
    bands = []
    for span in spans:
        scene = span.cue.scene
        if scene is None or span.cue.layer != Cue.Layer.MUSIC:
            continue
        if bands and bands[-1]["scene"].pk == scene.pk and bands[-1]["end_ms"] >= span.start_ms:
            bands[-1]["end_ms"] = max(bands[-1]["end_ms"], span.end_ms)
        else:
            bands.append({"scene": scene, "start_ms": span.start_ms, "end_ms": span.end_ms})
    for band in bands:
        band["left"] = _percent(band["start_ms"], duration)
        band["width"] = f"{max(0.0, float(_percent(band['end_ms'], duration)) - float(band['left'])):.3f}"
    return bands


def _unique(items):
    seen, result = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            result.append(item)
    return result


def _stage_still(cue):
    """The still a cue shows: its own, else its scene's first. None when neither has one."""
    image = cue.still
    if image is None and cue.scene_id:
        image = cue.scene.first_still
    return image.get_rendition(STILL_SPEC) if image else None


class TrackCredit(Orderable):
    track = ParentalKey(TrackPage, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey("people.PersonPage", on_delete=models.CASCADE, related_name="track_credits")
    role = models.CharField(max_length=120, help_text="What they play on this track, e.g. “Trumpet (muted)”.")

    panels = [FieldPanel("person"), FieldPanel("role")]

    def __str__(self):
        return f"{self.person} – {self.role}"


class CueQuerySet(models.QuerySet):
    def on_live_tracks(self):
        """Cues a reader can reach, in album order: what person and scene pages list."""
        return self.filter(track__live=True).select_related("track").order_by("track__number", "start_ms")


class Cue(ClusterableModel, Orderable):
    """A timed note on a track: what is heard and seen from `start` to `end`."""

    objects = CueQuerySet.as_manager()

    class Layer(models.TextChoices):
        MUSIC = "music", "Music"
        FILM = "film", "Film"
        STORY = "story", "Story"

    track = ParentalKey(TrackPage, on_delete=models.CASCADE, related_name="cues")
    slug = models.SlugField(
        max_length=80,
        blank=True,
        help_text="Permanent name in links to this cue; filled in from the title when empty. "
        "Keep it when you retime or reorder.",
    )
    start_ms = MillisecondsField("start", default=0)
    end_ms = MillisecondsField("end", null=True, blank=True, help_text="Leave empty to run until the next cue.")
    title = models.CharField(max_length=200)
    commentary = RichTextField(features=STORY_FEATURES, blank=True)
    layer = models.CharField(max_length=10, choices=Layer.choices, default=Layer.MUSIC)
    scene = models.ForeignKey("scenes.ScenePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="cues")
    still = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown while the cue plays; the scene's first still when empty.",
    )
    performers = ParentalManyToManyField(
        "people.PersonPage", blank=True, related_name="cues", limit_choices_to={"kind": "musician"}
    )
    sources = models.TextField(blank=True, help_text="One source per line.")

    panels = [
        FieldRowPanel(
            [
                FieldPanel("start_ms", widget=ExactTimecodeInput),
                FieldPanel("end_ms", widget=ExactTimecodeInput),
                FieldPanel("layer"),
            ]
        ),
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("commentary"),
        FieldRowPanel([FieldPanel("scene"), FieldPanel("still")]),
        FieldPanel("performers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sources"),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["track", "slug"], name="unique_cue_slug_per_track")]

    def __str__(self):
        return f"{format_time(self.start_ms)} {self.title}"

    @property
    def start_seconds(self) -> str:
        return seconds(self.start_ms)

    @property
    def start_display(self) -> str:
        return format_time(self.start_ms, precise=False)

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.end_ms is not None and self.end_ms <= self.start_ms:
            raise ValidationError({"end_ms": "The end must come after the start."})
