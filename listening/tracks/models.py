from __future__ import annotations

import json
import logging
from pathlib import PurePath
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from listening.core.fields import ExactTimecodeInput, MillisecondsField
from listening.core.media_folder import RefusesUploadsIntoUnwritableMedia
from listening.core.renditions import rendition_or_none
from listening.core.rich_text import STORY_FEATURES, plain_text
from listening.core.search_text import FoldedSearchText, with_folded_text
from listening.core.sharing import (
    SCHEMA_CONTEXT,
    WIDE_IMAGE_SPEC,
    Shareable,
    iso_duration,
    offset_seconds,
    without_empty,
)
from listening.core.timecode import TimeRange, format_time, parse_time_range, seconds
from listening.core.visibility import ReaderPageManager, ReaderPageQuerySet
from listening.people.models import PersonPage
from listening.scenes.models import ScenePage, SceneStill

from .audio_ingest import AudioMetadata, AudioRejected, read_audio_metadata
from .blocks import ChapterBlock, MythsChapterBlock
from .chart import build_chart
from .cue_file_responses import cue_file_response
from .cue_rules import SLUG_MAX_LENGTH, check_cues, cues_past_the_end, is_valid_slug, slug_for
from .forms import TrackPageForm
from .layers import CueLayer
from .panels import CueEditorPanel
from .timeline import active_spans, cue_spans, track_length_ms
from .waveform import decode_peaks, is_peaks

logger = logging.getLogger(__name__)

# One rendition of each still for the stage: the player swaps between them without new queries.
STILL_SPEC = "fill-1280x720|format-webp"
# Narrower copies offered beside it (the stage's srcset): a phone need not fetch 1280 pixels.
STILL_NARROWER_SPECS = ("fill-640x360|format-webp", "fill-960x540|format-webp")


class AudioFileForm(RefusesUploadsIntoUnwritableMedia, WagtailAdminModelForm):
    """Reads an uploaded file with mutagen before anything is saved; refuses what it cannot read,
    and what the media folder cannot take.

    A replacement shorter than cues of the tracks playing it is refused once, naming those cues:
    saving an audio file changes live tracks at once, so the warning has to come before.
    """

    replace_shorter = forms.BooleanField(
        required=False,
        label="Replace it anyway",
        help_text="The new file is shorter than the cues named above; readers will not hear them until they are "
        "retimed, and their tracks cannot be saved until then.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            # An empty title is filled in from the file's tags or name in clean().
            self.fields["title"].required = False
            self.fields["title"].help_text = "Leave empty to use the file's own title, or its name."

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload and "file" in self.changed_data and not self.has_error("file"):
            try:
                # The form keeps the file itself when it saves; here it is only read.
                self.instance.ingest(upload, upload.name, title=cleaned.get("title") or "", store=False)
            except AudioRejected as error:
                self.add_error("file", str(error))
            else:
                cleaned["title"] = self.instance.title
                self._check_cues_still_fit(cleaned)
        if not cleaned.get("title") and not self.has_error("file") and "title" in self.fields:
            self.add_error("title", "Give the audio a title.")
        return cleaned

    shorter_than_cues: list[str] = []  # the cues a refused shorter replacement would leave past its end

    def _check_cues_still_fit(self, cleaned):
        if not self.instance.pk or cleaned.get("replace_shorter"):
            return
        self.shorter_than_cues = self.instance.cues_past_its_end()
        if self.shorter_than_cues:
            self.add_error(
                "file",
                f"This file is {self.instance.duration_display} long, shorter than these cues: "
                f"{shown_list(self.shorter_than_cues)}. Retime them first; or choose the file again and tick "
                "“Replace it anyway”.",
            )


def shown_list(items: list[str], limit: int = 10) -> str:
    return "; ".join(items[:limit]) + (f"; and {len(items) - limit} more" if len(items) > limit else "")


class ShorterAudioPanel(FieldPanel):
    """The “Replace it anyway” box: shown only once a shorter replacement has been refused."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return bool(getattr(self.form, "shorter_than_cues", None)) and super().is_shown()


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
    # The waveform, computed once at ingest (waveform.py), kept beside the audio as audiowaveform JSON.
    peaks = models.FileField(upload_to="audio/", max_length=255, blank=True, editable=False)
    credit = models.CharField(max_length=255, blank=True, help_text="Licence or source, e.g. “Synthesised demo audio”.")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    base_form_class = AudioFileForm
    panels = [FieldPanel("title"), FieldPanel("file"), ShorterAudioPanel("replace_shorter"), FieldPanel("credit")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = "audio file"

    def __str__(self):
        return self.title

    def ingest(self, fileobj, name: str, *, title: str = "", store: bool = True) -> AudioMetadata:
        """Read an audio file into this record: what mutagen finds, and a title (given, tagged, or the name).

        The one road from an uploaded or local file to an audio record: the admin form, `attach_audio`
        and the demo loader all come through here. AudioRejected says in one sentence why a file is
        refused. With `store`, the file is also kept in media storage (the record itself is not saved).
        """
        metadata = read_audio_metadata(fileobj, name)
        self.apply_metadata(metadata)
        self.title = title or self.title or metadata.tags.get("title") or PurePath(name).stem
        self._pending_peaks = decode_peaks(
            fileobj, name, duration_ms=metadata.duration_ms, sample_rate=metadata.sample_rate
        )
        if store:
            fileobj.seek(0)
            self.file.save(PurePath(name).name, File(fileobj, name=PurePath(name).name), save=False)
            self.__dict__.pop("file_is_stored", None)  # asked again of the new file
            self.store_peaks()
        return metadata

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The admin form reads the upload (ingest with store=False) before the file has its stored name.
        if getattr(self, "_pending_peaks", None) is not None and self.file:
            self.store_peaks()
            super().save(update_fields=["peaks"])

    def store_peaks(self, peaks: dict | None = None) -> bool:
        """Keep `peaks` (or those ingest computed) beside the audio file: `<audio name>.peaks.json`."""
        peaks = peaks if peaks is not None else getattr(self, "_pending_peaks", None)
        self._pending_peaks = None
        if peaks is None or not self.file:
            return False
        if self.peaks:
            self.peaks.storage.delete(self.peaks.name)
        name = PurePath(self.file.name).name + ".peaks.json"
        self.peaks.save(name, ContentFile(json.dumps(peaks, separators=(",", ":")).encode()), save=False)
        self.__dict__.pop("waveform", None)
        return True

    @cached_property
    def waveform(self) -> dict | None:
        """The stored peaks, or None (none computed, file gone or unreadable: the chart draws no waveform)."""
        if not self.peaks:
            return None
        try:
            with self.peaks.open("rb") as handle:
                data = json.loads(handle.read())
        except Exception:  # each storage backend has its own errors; all mean no waveform now
            logger.warning("Could not read waveform peaks %s.", self.peaks.name, exc_info=True)
            return None
        return data if is_peaks(data) else None

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

    @cached_property
    def file_is_stored(self) -> bool:
        """Whether the file is in media storage: a wiped or partly restored media folder can lose it."""
        if not self.file:
            return False
        try:
            return self.file.storage.exists(self.file.name)
        except Exception:  # each storage backend has its own errors; all mean it cannot be played now
            logger.warning("Could not ask storage for audio file %s (%s).", self.pk, self.file.name, exc_info=True)
            return False

    @property
    def duration_display(self) -> str:
        return format_time(self.duration_ms, precise=False)

    @property
    def summary(self) -> str:
        return " · ".join(p for p in (self.format_name, self.duration_display, self.encoding) if p)

    def cues_past_its_end(self) -> list[str]:
        """Cues of the tracks playing this audio (published or in their latest draft) that its length
        no longer holds, as “Track: “Cue” (1:23.0)”."""
        found = []
        for track in TrackPage.objects.filter(audio=self).order_by("number"):
            versions = [list(track.cues.all())]
            if track.has_unpublished_changes:
                versions.append(list(track.get_latest_revision_as_object().cues.all()))
            seen = set()
            for cues in versions:
                for cue in cues_past_the_end(cues, self.duration_ms):
                    if cue.slug not in seen:
                        seen.add(cue.slug)
                        found.append(f"{track.title}: “{cue.title}” ({format_time(cue.start_ms)})")
        return found

    @property
    def size_display(self) -> str:
        """The file's size as people read it, e.g. “2.6 MB”."""
        return filesizeformat(self.size) if self.size else ""  # with a no-break space: one line in a table

    @property
    def file_name(self) -> str:
        return PurePath(self.file.name).name if self.file else ""

    @property
    def chooser_label(self) -> str:
        """What the audio chooser shows: enough to tell apart two files with one title."""
        details = [self.format_name, self.duration_display if self.duration_ms else "", self.size_display]
        return f"{self.title} ({' · '.join(d for d in details if d)}; {self.file_name})" if self.file else self.title

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


class SoundtrackPage(Shareable, FoldedSearchText, Page):
    """An album: its facts, its story in chapters, and its tracks as children in LP order.

    Pages under it take their header links, footer and the language of their original titles from it,
    so each soundtrack of the guide reads as its own.
    """

    objects = ReaderPageManager()

    subtitle = models.CharField(max_length=200, blank=True)
    original_language = models.CharField(
        max_length=35,
        blank=True,
        help_text="The language its original titles are in, as a language tag (e.g. “fr”, “pt-BR”); "
        "leave empty when they are in English.",
    )
    label = models.CharField(max_length=100, blank=True)
    catalogue_number = models.CharField(max_length=60, blank=True)
    release_format = models.CharField(max_length=120, blank=True)
    recorded = models.CharField(max_length=120, blank=True, help_text="When it was recorded, as words.")
    studio = models.CharField(max_length=200, blank=True)
    cover = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    intro = RichTextField(features=STORY_FEATURES, blank=True)
    story = StreamField([("chapter", ChapterBlock()), ("myths", MythsChapterBlock())], blank=True)
    sources = RichTextField(features=["link", "italic", "ul"], blank=True)
    footer = RichTextField(
        features=["link", "italic"],
        blank=True,
        help_text="Shown at the foot of this soundtrack's pages: credits, and where its media come from.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("original_language"),
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
        FieldPanel("footer"),
    ]
    search_fields = with_folded_text(
        *Page.search_fields, index.SearchField("subtitle"), index.SearchField("intro"), index.SearchField("story")
    )
    parent_page_types = ["site.HomePage"]
    # Lessons (an app above this one) may sit under a soundtrack: named here, never imported.
    subpage_types = ["tracks.TrackPage", "scenes.ScenesIndexPage", "lessons.LessonPage"]

    class Meta:
        db_table = "core_soundtrackpage"  # the table it was created with, when it lived in `core`

    og_type = "music.album"

    @property
    def title_language(self) -> str:
        return self.original_language

    def describe(self, **subject):
        return [f"{self.subtitle}." if self.subtitle else "", plain_text(self.intro)]

    def share_image(self, **subject):
        return self.cover

    def structured_data(self, request, **context):
        """The album as a schema.org MusicAlbum, with its tracks (those readers may see) in order."""
        cover = rendition_or_none(self.cover, WIDE_IMAGE_SPEC)
        tracks = list(self.tracks().select_related("audio"))
        return without_empty(
            {
                "@context": SCHEMA_CONTEXT,
                "@type": "MusicAlbum",
                "name": self.title,
                "alternateName": self.subtitle,
                "url": request.build_absolute_uri(self.url),
                "description": self.meta_description(),
                "image": request.build_absolute_uri(cover.url) if cover else "",
                "recordLabel": {"@type": "Organization", "name": self.label} if self.label else None,
                "numTracks": len(tracks),
                "track": [track.recording_node(request) for track in tracks],
            }
        )

    def tracks(self):
        return TrackPage.objects.child_of(self).for_readers().order_by("number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = self.tracks().select_related("audio")
        return context


def soundtrack_language_of(track_path) -> Subquery:
    """The original language of the soundtrack a track (at `track_path`) belongs to, as a subquery.

    A track's parent is its soundtrack: its tree path is the track's without the last step.
    """
    parent_path = Substr(track_path, 1, Length(track_path) - Page.steplen)
    return Subquery(SoundtrackPage.objects.filter(path=parent_path).values("original_language")[:1])


class TrackPageQuerySet(ReaderPageQuerySet):
    def with_title_language(self):
        """Tracks that know their titles' language without a query each (see TrackPage.title_language)."""
        return self.annotate(soundtrack_language=soundtrack_language_of(OuterRef("path")))


class TrackPage(Shareable, FoldedSearchText, RoutablePageMixin, Page):
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
    accepted_clashes = models.JSONField(
        default=list,
        blank=True,
        help_text="Clashes between cues the editor chose to keep (keys from cue_rules.find_clashes).",
    )

    objects = PageManager.from_queryset(TrackPageQuerySet)()

    content_panels = [
        # TitleFieldPanel fills in a new track's slug from its title, as on other pages (a plain
        # FieldPanel did not); TrackPageForm names the soundtrack's language beside it.
        TitleFieldPanel("title"),
        FieldPanel("title_en"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("side"), FieldPanel("listed_length_ms")]),
        FieldRowPanel([FieldPanel("session_piece"), FieldPanel("take"), FieldPanel("take_note")], heading="Session"),
        FieldPanel("audio"),
        FieldPanel("intro"),
        MultiFieldPanel([InlinePanel("credits", label="Player")], heading="Who plays"),
        CueEditorPanel("cues", label="Cue", heading="Cues"),
    ]
    search_fields = with_folded_text(
        *Page.search_fields,
        index.SearchField("title_en"),
        index.SearchField("intro"),
        index.SearchField("session_piece"),
    )
    parent_page_types = ["tracks.SoundtrackPage"]
    subpage_types = []
    base_form_class = TrackPageForm
    og_type = "music.song"

    @property
    def title_language(self) -> str:
        """The language of the track's title: its soundtrack's original language ("" for the page's own)."""
        if hasattr(self, "soundtrack_language"):
            return self.soundtrack_language or ""
        parent = SoundtrackPage.objects.filter(path=self.path[: -self.steplen]).values("original_language").first()
        self.soundtrack_language = parent["original_language"] if parent else ""
        return self.soundtrack_language

    @property
    def duration_ms(self) -> int | None:
        return track_length_ms(self.audio, self.listed_length_ms)

    @property
    def length_display(self) -> str:
        return format_time(self.duration_ms, precise=False) if self.duration_ms else ""

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """A track from a revision, in a fixed number of queries however many cues it has.

        modelcluster would check each cue's scene, still and track, and fetch its performers, one
        query each (1,200 queries for 300 cues, on every opening, save and preview in the editor).
        Here the references are checked for all cues at once, with the same outcome: a scene or
        still that is gone is cleared, a performer who is gone is dropped.
        """
        cues = data.get("cues")
        if not check_fks or not cues:
            return super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)
        track = super().from_serializable_data({**data, "cues": []}, check_fks=check_fks, strict_fks=strict_fks)
        if track is None:
            return None

        def existing(model, key):
            ids = {value for cue in cues for value in _as_list(cue.get(key)) if value is not None}
            return model._default_manager.in_bulk(list(ids)) if ids else {}

        scenes = existing(ScenePage, "scene")
        stills = existing(get_image_model(), "still")
        people = existing(Cue._meta.get_field("performers").related_model, "performers")
        rebuilt = []
        for data_of_cue in cues:
            # The performers are left out (modelcluster would query for them) and set from those loaded above.
            fields = {key: value for key, value in data_of_cue.items() if key != "performers"}
            fields["scene"] = fields.get("scene") if fields.get("scene") in scenes else None
            fields["still"] = fields.get("still") if fields.get("still") in stills else None
            cue = Cue.from_serializable_data(fields, check_fks=False)
            cue.performers = [people[pk] for pk in data_of_cue.get("performers") or [] if pk in people]
            rebuilt.append(cue)
        track.cues = rebuilt
        return track

    def sibling_takes(self):
        if not self.session_piece:
            return TrackPage.objects.none()
        return (
            TrackPage.objects.sibling_of(self, inclusive=False)
            .for_readers()
            .filter(session_piece=self.session_piece)
            .order_by("number")
        )

    def cues_for_display(self, request=None):
        """The cues with what their rows need, in a fixed number of queries however many there are.

        A preview shows the draft's cues, which live in memory rather than in the database.
        """
        if getattr(request, "is_preview", False) or not self.pk:
            return list(self.cues.all())
        images = get_image_model().objects.prefetch_renditions(STILL_SPEC, *STILL_NARROWER_SPECS)
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

    def chart_for_editors(self):
        """The chart as an editor sees this (revision of the) track: its cues as they stand, drafted
        scenes named, no moment or range chosen. For the lesson editor's range picker."""
        duration = self.duration_ms
        spans = cue_spans(_renderable(self, list(self.cues.all())), duration)
        scenes = _readable_scenes((span.cue.scene for span in spans if span.cue.scene), preview=True)
        audio_available = self.audio is not None and self.audio.file_is_stored
        return build_chart(
            spans,
            duration,
            peaks=self.audio.waveform if audio_available else None,
            people=[credit.person for credit in self.credits.all()],
            readable_scenes={scene.pk for scene in scenes},
        )

    def get_context(self, request, *args, cue_slug: str | None = None, **kwargs):
        """The track at a moment: `?t=`, or the range of the cue named by `cue_slug` (its permalink)."""
        context = super().get_context(request, *args, **kwargs)
        duration = self.duration_ms
        spans = cue_spans(_renderable(self, self.cues_for_display(request)), duration)
        # A preview is for editors: it shows the scenes they chose, drafts included.
        scenes = _readable_scenes(
            (span.cue.scene for span in spans if span.cue.scene), preview=getattr(request, "is_preview", False)
        )
        readable = {scene.pk for scene in scenes}
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
                "scene": span.cue.scene if span.cue.scene_id in readable else None,
                "still": _stage_still(span.cue, readable),
                "still_srcset": _stage_srcset(span.cue, readable),
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
        audio_available = self.audio is not None and self.audio.file_is_stored
        chart = build_chart(
            spans,
            duration,
            peaks=self.audio.waveform if audio_available else None,
            people=[credit.person for credit in credits],
            readable_scenes=readable,
            active=active,
            moment_ms=moment,
            selection=(start.start_ms, start.end_ms) if start else None,
        )
        siblings = list(TrackPage.objects.sibling_of(self).for_readers().order_by("number", "path")) if self.pk else []
        position = next((index for index, track in enumerate(siblings) if track.pk == self.pk), None)
        context.update(
            previous_track=siblings[position - 1] if position else None,
            next_track=siblings[position + 1] if position is not None and position + 1 < len(siblings) else None,
            chart=chart,
            cue_rows=rows,
            stage_row=stage_row,
            deep_link=start,
            deep_link_start=seconds(start.start_ms) if start else "",
            deep_link_end=seconds(start.end_ms) if start and start.end_ms is not None else "",
            deep_link_loop=bool(start and start.end_ms is not None and request.GET.get("loop") in ("1", "true", "on")),
            player_credits=[(credit, credit.person_id in active_performers) for credit in credits],
            scenes=scenes,
            scene_spans=_scene_spans(spans, duration, readable),
            sibling_takes=self.sibling_takes(),
            embed_code=self.embed_html(request, permalink.cue if cue_slug is not None else None) if self.pk else "",
            oembed_url=self._oembed_url(request, cue_slug) if self.pk and self.live else "",
            # A track whose audio file is gone from storage shows a notice; the player stays empty.
            audio_available=audio_available,
            player_track=self if audio_available else None,
            current_row=current_row,
            duration_seconds=seconds(duration),
            json_ld=self.structured_data(request, spans=spans),
        )
        return context

    @path("cues/<slug:cue_slug>/", name="cue")
    def cue_permalink(self, request, cue_slug):
        """A cue's own page: the track, opened at that cue, playing its range; with link previews."""
        return self.render(request, cue_slug=cue_slug)

    def _permalink_context(self, request, span):
        return {
            "permalink_cue": span.cue,
            "permalink_range": "–".join(format_time(ms, precise=False) for ms in (span.start_ms, span.end_ms)),
            "permalink_url": request.build_absolute_uri(self.cue_url(span.cue)),
            "share_card": self.share_card(request, cue=span.cue),
        }

    @path("embed/", name="embed")
    def embed(self, request):
        """The player alone, for an iframe in a course site: the track, or a range given by `?t=a,b`."""
        return self._framable(self.render(request, template="tracks/track_embed.html"))

    @path("embed/cues/<slug:cue_slug>/", name="embed_cue")
    def embed_cue(self, request, cue_slug):
        """The player alone, playing one cue's range."""
        return self._framable(self.render(request, cue_slug=cue_slug, template="tracks/track_embed.html"))

    def _oembed_url(self, request, cue_slug) -> str:
        page_url = self.url + (self.reverse_subpage("cue", args=[cue_slug]) if cue_slug else "")
        return reverse("oembed") + "?" + urlencode({"url": request.build_absolute_uri(page_url), "format": "json"})

    @staticmethod
    def _framable(response):
        # Only embed views may be framed by other sites, and only by those the setting names.
        response.xframe_options_exempt = True
        response._csp_replace = {"frame-ancestors": settings.LISTENING_EMBED_FRAME_ANCESTORS}
        return response

    # -- link previews (listening.core.sharing): the track, or one of its cues on its permalink ----

    def share_title(self, cue=None) -> str:
        return f"{cue.title} · {self.title}" if cue is not None else (self.seo_title or self.title)

    def share_url(self, cue=None) -> str:
        return self.cue_url(cue) if cue is not None else self.url

    def describe(self, cue=None):
        if cue is not None:
            return [plain_text(cue.commentary)]
        soundtrack = self.get_parent()
        english = f" ({self.title_en})" if self.title_en else ""
        first = self.intro or next((c.commentary for c in self.cues.all() if c.commentary), "")
        intro = f"{self.title}{english}, track {self.number} of {soundtrack.title}, with a listening guide."
        return [intro, plain_text(first)]

    def share_image(self, cue=None):
        """The cue's still (or its scene's first), else the first cue's, else the soundtrack's cover."""
        cues = [cue] if cue is not None else list(self.cues.select_related("still", "scene")[:1])
        scene_ids = [candidate.scene_id for candidate in cues if candidate.scene_id]
        # Only the scenes in question: a catalogue's every scene id would grow with the catalogue.
        readable = set(ScenePage.objects.for_readers().filter(pk__in=scene_ids).values_list("pk", flat=True))
        for candidate in cues:
            image = _still_image(candidate, readable)
            if image is not None and rendition_or_none(image, STILL_SPEC) is not None:
                return image
        return self.get_parent().specific.cover

    def recording_node(self, request) -> dict:
        """The track as a schema.org MusicRecording, without its parts (as an album lists it)."""
        return without_empty(
            {
                "@type": "MusicRecording",
                "name": self.title,
                "alternateName": self.title_en,
                "url": request.build_absolute_uri(self.url),
                "position": self.number,
                "duration": iso_duration(self.duration_ms) if self.duration_ms else "",
            }
        )

    def structured_data(self, request, spans=None, **context):
        """The track as a schema.org MusicRecording: its album, who plays (Person), and each cue as a
        Clip with the start and end the page shows (`spans`, from get_context, or worked out here)."""
        if spans is None:
            spans = cue_spans(_renderable(self, self.cues_for_display(request)), self.duration_ms)
        soundtrack = self.get_parent()
        credits = list(self.credits.select_related("person")) if self.pk else list(self.credits.all())
        performers = _unique([credit.person for credit in credits])
        return without_empty(
            {
                "@context": SCHEMA_CONTEXT,
                **self.recording_node(request),
                "description": self.meta_description(),
                "inAlbum": {
                    "@type": "MusicAlbum",
                    "name": soundtrack.title,
                    "url": request.build_absolute_uri(soundtrack.url),
                },
                "byArtist": [person.person_node(request) for person in performers],
                "hasPart": [
                    without_empty(
                        {
                            "@type": "Clip",
                            "name": span.cue.title,
                            "url": request.build_absolute_uri(self.cue_url(span.cue)) if self.pk else "",
                            "startOffset": offset_seconds(span.start_ms),
                            "endOffset": offset_seconds(span.end_ms),
                        }
                    )
                    for span in spans
                ],
            }
        )

    def thumbnail_rendition(self, cue=None):
        """A picture for embeds (oEmbed): the one link previews show, at the stage's size."""
        return rendition_or_none(self.share_image(cue=cue), STILL_SPEC)

    def embed_html(self, request, cue=None, *, time: str = "", width: int = 640, height: int = 480) -> str:
        """The iframe a course site pastes to embed this track (or cue, or `?t=` range): for oEmbed and
        the page's "Copy embed code" alike."""
        src = request.build_absolute_uri(self.embed_url(cue)) + (f"?{urlencode({'t': time})}" if time else "")
        title = f"{cue.title} · {self.title}" if cue else self.title
        return format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" allow="autoplay; fullscreen" '
            'style="border:0;max-width:100%"></iframe>',
            src,
            width,
            height,
            f"Listening guide: {title}",
        )

    def embed_url(self, cue=None) -> str:
        """The embeddable player of this track, or of one of its cues: the one place embed URLs are made."""
        if cue is None:
            return self.url + self.reverse_subpage("embed")
        return self.url + self.reverse_subpage("embed_cue", args=[cue.slug])

    @path("print/", name="print")
    def listening_chart(self, request):
        """A listening chart for paper: each cue's time, layer, players, scene, a line and a QR code."""
        return self.render(request, template="tracks/track_print.html")

    def cue_url(self, cue) -> str:
        """A cue's permalink page: the one place a cue's URL is made (Cue.permalink_url asks here)."""
        return self.url + self.reverse_subpage("cue", args=[cue.slug])

    def moment_url(self, ms: int, *, cue_slug: str = "") -> str:
        """The track opened at a moment (`?t=`), scrolled to the cue there when one is named."""
        return f"{self.url}?t={seconds(ms)}" + (f"#cue-{cue_slug}" if cue_slug else "")

    # -- cue files (issue 4): `<track url>cues.vtt`, `cues.csv`, `cues.txt` (Audacity labels) and
    # `chapters.json` (podcast chapters). Routes see the remaining path with a trailing slash, so
    # `cues.vtt` and `cues.vtt/` both match. Wagtail routes only live pages, past their view
    # restrictions; the people and scenes a file names are those readers may see.

    def _public_cue_file(self, request, kind):
        cues = list(Cue.objects.filter(track=self).select_related("scene").prefetch_related("performers"))
        scene_ids = {cue.scene_id for cue in cues if cue.scene_id}
        people_ids = {person.pk for cue in cues for person in cue.performers.all()}
        readable = set(ScenePage.objects.for_readers().filter(pk__in=scene_ids).values_list("pk", flat=True))
        readable |= set(PersonPage.objects.for_readers().filter(pk__in=people_ids).values_list("pk", flat=True))
        return cue_file_response(
            self,
            cues,
            kind,
            download=False,
            shows=lambda page: page.pk in readable,
            url_for=lambda cue: request.build_absolute_uri(self.cue_url(cue)),
        )

    @path("cues.vtt/", name="cues_vtt")
    def cues_vtt(self, request):
        return self._public_cue_file(request, "vtt")

    @path("cues.csv/", name="cues_csv")
    def cues_csv(self, request):
        return self._public_cue_file(request, "csv")

    @path("cues.txt/", name="cues_audacity")
    def cues_audacity(self, request):
        return self._public_cue_file(request, "audacity")

    @path("chapters.json/", name="cues_chapters")
    def cues_chapters(self, request):
        return self._public_cue_file(request, "chapters")


def _as_list(value):
    return value if isinstance(value, list) else [value]


def _percent(ms: int, duration: int | None) -> str:
    """Position on the timeline, as a CSS percentage with a dot decimal whatever the locale."""
    if not duration:
        return "0"
    return f"{min(100.0, 100 * ms / duration):.3f}"


def _scene_spans(spans, duration, readable):
    """Runs of consecutive music cues that accompany the same (readable) scene, for the timeline's bands."""
    bands = []
    for span in spans:
        scene = span.cue.scene
        if scene is None or scene.pk not in readable or span.cue.layer != Cue.Layer.MUSIC:
            continue
        if bands and bands[-1]["scene"].pk == scene.pk and bands[-1]["end_ms"] >= span.start_ms:
            bands[-1]["end_ms"] = max(bands[-1]["end_ms"], span.end_ms)
        else:
            bands.append({"scene": scene, "start_ms": span.start_ms, "end_ms": span.end_ms})
    for band in bands:
        band["left"] = _percent(band["start_ms"], duration)
        band["width"] = f"{max(0.0, float(_percent(band['end_ms'], duration)) - float(band['left'])):.3f}"
    return bands


def _renderable(track, cues):
    """The cues a page can show; one whose stored data is bad (reached the database by another road
    than the editor) is left out and logged, so the rest of the track still reads."""
    good = []
    for cue in cues:
        if is_valid_slug(cue.slug) and cue.start_ms is not None and cue.start_ms >= 0:
            good.append(cue)
        else:
            logger.warning(
                "Track %s (page %s): cue %s left out, its slug or start is not valid.", track, track.pk, cue.pk
            )
    return good


def _readable_scenes(scenes, *, preview=False):
    """The scenes a reader may open, once each, in the order given."""
    scenes = _unique(scenes)
    if preview:
        return scenes
    readable = set(ScenePage.objects.for_readers().filter(pk__in=[s.pk for s in scenes]).values_list("pk", flat=True))
    return [scene for scene in scenes if scene.pk in readable]


def _unique(items):
    seen, result = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            result.append(item)
    return result


def _still_image(cue, readable_scenes):
    """The image a cue shows: its own still, else its (readable) scene's first; None when neither has one.

    `readable_scenes` is the set of ids of the scenes a reader may see.
    """
    image = cue.still
    if image is None and cue.scene_id and cue.scene_id in readable_scenes:
        image = cue.scene.first_still
    return image


def _stage_still(cue, readable_scenes):
    """The rendition of the still a cue shows (see _still_image); None when it has none, or when the
    rendition cannot be made (the image's file is missing or damaged: see rendition_or_none)."""
    return rendition_or_none(_still_image(cue, readable_scenes), STILL_SPEC)


def _stage_srcset(cue, readable_scenes) -> str:
    """The `srcset` of the still a cue shows: its stage rendition and the narrower copies that could be made."""
    image = _still_image(cue, readable_scenes)
    renditions = [rendition_or_none(image, spec) for spec in (*STILL_NARROWER_SPECS, STILL_SPEC)]
    widths = {rendition.width: rendition.url for rendition in renditions if rendition is not None}
    return ", ".join(f"{url} {width}w" for width, url in sorted(widths.items()))


class TrackCreditQuerySet(models.QuerySet):
    def for_readers(self):
        """Credits on tracks a reader may see, with each track's title language: what person pages list."""
        return (
            self.filter(track__in=TrackPage.objects.for_readers().values("pk"))
            .select_related("track")
            .annotate(track_language=soundtrack_language_of(OuterRef("track__path")))
            .order_by("track__number")
        )


class TrackCredit(Orderable):
    objects = TrackCreditQuerySet.as_manager()

    track = ParentalKey(TrackPage, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey("people.PersonPage", on_delete=models.CASCADE, related_name="track_credits")
    role = models.CharField(max_length=120, help_text="What they play on this track, e.g. “Trumpet (muted)”.")

    panels = [FieldPanel("person"), FieldPanel("role")]

    def __str__(self):
        return f"{self.person} – {self.role}"

    @property
    def track_title_language(self) -> str:
        # Annotated by TrackCreditQuerySet.for_readers; otherwise the track finds it.
        if hasattr(self, "track_language"):
            return self.track_language or ""
        return self.track.title_language


class CueQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def for_readers(self):
        """Cues on tracks a reader may see, in album order, with each track's title language: what pages list."""
        return (
            self.filter(track__in=TrackPage.objects.for_readers().values("pk"))
            .select_related("track")
            .annotate(track_language=soundtrack_language_of(OuterRef("track__path")))
            .order_by("track__number", "start_ms")
        )


class Cue(FoldedSearchText, index.Indexed, ClusterableModel, Orderable):
    """A timed note on a track: what is heard and seen from `start` to `end`."""

    objects = CueQuerySet.as_manager()

    Layer = CueLayer

    track = ParentalKey(TrackPage, on_delete=models.CASCADE, related_name="cues")
    slug = models.SlugField(
        max_length=SLUG_MAX_LENGTH,
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

    # Searched as moments (listening.site.search); which cues a reader may see is asked at query time.
    search_fields = with_folded_text(
        index.SearchField("title", boost=2), index.SearchField("commentary"), index.FilterField("track")
    )

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

    @property
    def permalink_url(self) -> str:
        return self.track.cue_url(self)

    @property
    def moment_url(self) -> str:
        """The track opened at this cue's start: what lists of cues link to."""
        return self.track.moment_url(self.start_ms, cue_slug=self.slug)

    @property
    def track_title_language(self) -> str:
        # Annotated by CueQuerySet.for_readers; otherwise the track finds it.
        if hasattr(self, "track_language"):
            return self.track_language or ""
        return self.track.title_language

    def save(self, *args, **kwargs):
        # The editor and importers give every cue a slug; this covers rows made by other roads (shell, fixtures).
        if not self.slug:
            taken = Cue.objects.filter(track_id=self.track_id).exclude(pk=self.pk).values_list("slug", flat=True)
            self.slug = slug_for("", self.title, taken=set(taken) if self.track_id else set())
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # The rules of one cue on its own; those between cues are checked with the track (TrackPageForm).
        problems = check_cues([self], None)
        if problems:
            raise ValidationError({problem.field or "__all__": problem.message for problem in problems})
