"""Lessons: ordered listening steps with prompts and questions, built on the guide's tracks and cues.

A lesson lives under a soundtrack or a lessons index. Readers see only what they may see: a step
whose track is a draft or restricted shows nothing of it. Teacher's notes are shown to editors who
may edit the lesson, and through the lesson's teacher link (`teacher/<key>/`), never to students.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from listening.core.rich_text import STORY_FEATURES, plain_text
from listening.core.search_text import FoldedSearchText, with_folded_text
from listening.core.sharing import Shareable
from listening.core.timecode import TimeRange, format_time, seconds
from listening.core.visibility import ReaderPageManager
from listening.tracks.models import TrackPage

from .blocks import STEP_BLOCKS
from .steps import GUESS_KINDS, StepError, guess_choices, guess_start, read_range, span_for, spans_of

TEACHER_KEY_BYTES = 18


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", "Introductory"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class LessonsIndexPage(Shareable, FoldedSearchText, Page):
    """A list of lessons, with each one's level and length."""

    objects = ReaderPageManager()

    intro = RichTextField(features=STORY_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("intro"))
    parent_page_types = ["site.HomePage"]
    subpage_types = ["lessons.LessonPage"]

    class Meta:
        verbose_name = "lessons index"

    def describe(self, **subject):
        return [plain_text(self.intro) or "Listening lessons: ordered moments of the music, each with a question."]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = lessons_under(self)
        return context


def lessons_under(page):
    """The lessons a reader may see under `page`, in the editor's order."""
    return LessonPage.objects.child_of(page).for_readers()


class LessonPage(Shareable, FoldedSearchText, RoutablePageMixin, Page):
    """A lesson: ordered steps (listening, reading, guessing), a level and a length, teacher's notes."""

    objects = ReaderPageManager()

    intro = RichTextField(features=STORY_FEATURES, blank=True)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.INTRODUCTORY)
    duration_minutes = models.PositiveSmallIntegerField(
        "duration", default=20, help_text="About how long the lesson takes, in minutes."
    )
    steps = StreamField(STEP_BLOCKS, blank=True)
    teacher_notes = RichTextField(
        features=STORY_FEATURES, blank=True, help_text="For teachers only: editors see them, and the teacher link."
    )
    sources = RichTextField(features=["link", "italic", "ul"], blank=True)
    teacher_key = models.CharField(
        max_length=40,
        blank=True,
        help_text="The secret part of the teacher link. Empty it and publish to make a new link "
        "(the old one stops working).",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("intro"),
        FieldPanel("steps"),
        FieldPanel("sources"),
        MultiFieldPanel([FieldPanel("teacher_notes"), FieldPanel("teacher_key")], heading="For teachers"),
    ]
    # The teacher's notes are not searched: students search too.
    search_fields = with_folded_text(*Page.search_fields, index.SearchField("intro"), index.SearchField("steps"))
    parent_page_types = ["tracks.SoundtrackPage", "lessons.LessonsIndexPage"]
    subpage_types = []
    # A copy gets a teacher link of its own (save() makes one).
    exclude_fields_in_copy = ["teacher_key"]

    class Meta:
        verbose_name = "lesson"

    def save(self, *args, **kwargs):
        if not self.teacher_key:
            self.teacher_key = secrets.token_urlsafe(TEACHER_KEY_BYTES)
        super().save(*args, **kwargs)

    def describe(self, **subject):
        return [
            f"A {self.get_level_display().lower()} listening lesson, {self.duration_display}.",
            plain_text(self.intro),
        ]

    @property
    def level_display(self) -> str:
        return self.get_level_display()

    @property
    def duration_display(self) -> str:
        return f"about {self.duration_minutes} min"

    # -- routes -----------------------------------------------------------------------------------

    @path("")
    def lesson(self, request):
        return self.render(request)

    @path("teacher/<str:key>/", name="teacher")
    def teacher_view(self, request, key):
        """The lesson with its teacher's notes, for whoever holds the link (no account needed)."""
        if not self.teacher_key or not secrets.compare_digest(key, self.teacher_key):
            raise Http404("No such teacher link.")
        response = self.render(request, teacher=True)
        # Never kept by a shared cache, never indexed, never sent on as a referrer.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    @path("embed/", name="embed")
    def embed(self, request):
        """The lesson alone, for an iframe in a course site: its steps and the player."""
        return TrackPage._framable(self.render(request, embed=True, template="lessons/lesson_embed.html"))

    @path("print/", name="print")
    def print_view(self, request):
        """The lesson on paper: steps, ranges, prompts, and each range's cues with QR codes."""
        return self.render(request, template="lessons/lesson_print.html", printing=True)

    def teacher_url(self) -> str:
        return self.url + self.reverse_subpage("teacher", args=[self.teacher_key])

    def embed_url(self) -> str:
        return self.url + self.reverse_subpage("embed")

    def embed_html(self, request, *, width: int = 640, height: int = 640) -> str:
        """The iframe a course site pastes to embed this lesson (oEmbed answers with it)."""
        return format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" allow="autoplay; fullscreen" '
            'style="border:0;max-width:100%"></iframe>',
            request.build_absolute_uri(self.embed_url()),
            width,
            height,
            f"Listening lesson: {self.title}",
        )

    def thumbnail_rendition(self):
        """A picture for oEmbed: that of the first track a reader may see among the steps, if any."""
        ids = [
            block.value["track"].pk for block in self.steps if block.block_type != "reading" and block.value["track"]
        ]
        readable = {track.pk: track for track in TrackPage.objects.for_readers().filter(pk__in=ids)}
        first = next((readable[pk] for pk in ids if pk in readable), None)
        return first.thumbnail_rendition() if first else None

    # -- what a page shows -----------------------------------------------------------------------

    def get_context(self, request, *args, teacher=False, embed=False, printing=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        playing = _step_number(request.GET.get("step"))
        steps = self.step_views(playing=playing, printing=printing)
        current = next((step for step in steps if step.get("playing")), None)
        editor = request.user.is_authenticated and self.permissions_for_user(request.user).can_edit()
        # A step's "Listen" stays where the reader is: in the frame, or in the teacher's view.
        base = self.embed_url() if embed else self.teacher_url() if teacher else self.url
        for step in steps:
            step["listen_url"] = f"{base}?step={step['number']}#step-{step['number']}"
        context.update(
            steps=steps,
            current_step=current,
            show_teacher_notes=bool(self.teacher_notes) and (teacher or editor),
            teacher_link=request.build_absolute_uri(self.teacher_url()) if editor and self.pk else "",
            teacher_view=teacher,
            oembed_url=(
                reverse("oembed") + "?" + urlencode({"url": request.build_absolute_uri(self.url), "format": "json"})
                if self.pk and self.live
                else ""
            ),
            embed_code=self.embed_html(request) if self.pk else "",
            **_player_context(current),
        )
        return context

    def step_views(self, *, playing: int | None = None, printing: bool = False) -> list[dict]:
        """Each step as the page shows it; a step whose track a reader may not see shows nothing of it."""
        track_ids = {
            block.value["track"].pk for block in self.steps if block.block_type != "reading" and block.value["track"]
        }
        tracks = {
            track.pk: track
            for track in TrackPage.objects.for_readers().filter(pk__in=track_ids).select_related("audio")
        }
        spans_by_track: dict[int, list] = {}
        views = []
        for number, block in enumerate(self.steps, start=1):
            view = {"number": number, "id": block.id, "kind": block.block_type, "value": block.value}
            views.append(view)
            if block.block_type == "reading":
                continue
            chosen = block.value["track"]
            track = tracks.get(chosen.pk) if chosen else None
            if track is None:
                view["unavailable"] = True
                continue
            if track.pk not in spans_by_track:
                spans_by_track[track.pk] = spans_of(track)
            spans = spans_by_track[track.pk]
            try:
                if block.block_type == "listening":
                    start, end = read_range(block.value["start"], block.value["end"], track.duration_ms)
                else:
                    span = span_for(spans, block.value["cue"].strip())
                    if span is None:
                        raise StepError("cue", "The cue is gone.")
                    start, end = guess_start(spans, span, block.value["listen_from"].strip()), span.start_ms
                    choices = guess_choices(track, spans, span, block.value["kind"])
                    if not any(choice.correct for choice in choices):
                        raise StepError("kind", "The cue's players changed: nobody comes in there now.")
                    view.update(
                        cue=span.cue,
                        cue_at=format_time(span.start_ms, precise=False),
                        right_answer=" and ".join(choice.label for choice in choices if choice.correct),
                        cue_range=_range_display(span.start_ms, span.end_ms),
                        cue_url=track.cue_url(span.cue),
                        choices=choices,
                        question=dict(GUESS_KINDS).get(block.value["kind"], ""),
                    )
            except StepError:
                # A step that no longer fits its track (the audio was replaced, the cue removed): readers
                # get its words without a broken player.
                view["unavailable"] = True
                continue
            view.update(
                track=track,
                range=TimeRange(start, end),
                range_display=_range_display(start, end),
                range_url=f"{track.url}?{urlencode({'t': f'{seconds(start)},{seconds(end)}'})}",
                playing=number == playing,
            )
            if printing:
                view["chart_rows"] = [
                    {"span": span, "range": _range_display(span.start_ms, span.end_ms), "url": track.cue_url(span.cue)}
                    for span in spans
                    # A guess's own cue starts where its range ends: it stays off the paper too.
                    if span.start_ms < end and span.end_ms > start
                ]
        return views


def _step_number(text) -> int | None:
    try:
        number = int(text)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _range_display(start_ms: int, end_ms: int) -> str:
    return f"{format_time(start_ms, precise=False)}–{format_time(end_ms, precise=False)}"


def _player_context(step) -> dict:
    """What the player (the dock and the `[data-track]` article) needs for the step being played."""
    if step is None:
        return {"player_track": None}
    track = step["track"]
    available = track.audio is not None and track.audio.file_is_stored
    return {
        "player_track": track if available else None,
        "audio_available": available,
        "deep_link": step["range"],
        "deep_link_start": seconds(step["range"].start_ms),
        "deep_link_end": seconds(step["range"].end_ms),
        "duration_seconds": seconds(track.duration_ms),
    }
