"""The rules of a lesson's steps, in one place: ranges typed by editors, what a guess plays and asks.

The blocks (blocks.py) check an editor's input with these rules; the pages (models.py) build what a
reader sees with them. Times are read by the guide's one parser (listening.core.timecode).
"""

from __future__ import annotations

from dataclasses import dataclass

from listening.core.timecode import TimeFormatError, format_time, parse_time
from listening.tracks.models import Cue, TrackPage
from listening.tracks.timeline import CueSpan, cue_spans

# A guess plays this much before its cue when the editor does not say where to start.
GUESS_LEAD_MS = 15_000
# "What changes?" offers the right cue and at most this many others of its layer.
WHAT_CHOICES = 4

WHO = "who"
WHAT = "what"
GUESS_KINDS = [(WHO, "Who comes in?"), (WHAT, "What changes?")]


class StepError(ValueError):
    """An editor's step that cannot be played: `field` names the block field at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def read_time(field: str, text: str) -> int:
    try:
        return parse_time(text or "")
    except TimeFormatError as error:
        raise StepError(field, str(error)) from None


def read_range(start_text: str, end_text: str, duration_ms: int | None) -> tuple[int, int]:
    """A listening step's range from what the editor typed (any form the time parser reads)."""
    start = read_time("start", start_text)
    end = read_time("end", end_text)
    if end <= start:
        raise StepError("end", f"The range must end after it starts ({format_time(start, precise=False)}).")
    if duration_ms:
        length = format_time(duration_ms, precise=False)
        if start >= duration_ms:
            raise StepError("start", f"The track is only {length} long: start the range before its end.")
        if end > duration_ms:
            raise StepError("end", f"The track is only {length} long: end the range by {length}.")
    return start, end


def spans_of(track: TrackPage) -> list[CueSpan]:
    cues = Cue.objects.filter(track=track).prefetch_related("performers")
    return cue_spans(cues, track.duration_ms)


def span_for(spans: list[CueSpan], slug: str) -> CueSpan | None:
    return next((span for span in spans if span.cue.slug == slug), None)


def entrants(spans: list[CueSpan], span: CueSpan) -> list:
    """Who comes in at a cue: its performers that no cue of its layer sounding just before lists."""
    before = {
        person.pk
        for other in spans
        if other.cue.layer == span.cue.layer and other.start_ms < span.start_ms <= other.end_ms
        for person in other.cue.performers.all()
    }
    return [person for person in span.cue.performers.all() if person.pk not in before]


def guess_start(spans: list[CueSpan], span: CueSpan, listen_from: str) -> int:
    """Where a guess starts playing: the editor's time, else the previous cue of the layer (at most
    GUESS_LEAD_MS before the cue), so the listener hears what the cue changes."""
    if listen_from:
        return read_time("listen_from", listen_from)
    earlier = [o.start_ms for o in spans if o.cue.layer == span.cue.layer and o.start_ms < span.start_ms]
    lead = max(0, span.start_ms - GUESS_LEAD_MS)
    return max(max(earlier, default=0), lead)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    correct: bool


def guess_choices(track: TrackPage, spans: list[CueSpan], span: CueSpan, kind: str) -> list[Choice]:
    """The answers a guess offers: the track's players (who), or cues of the cue's layer (what)."""
    if kind == WHO:
        coming_in = {person.pk for person in entrants(spans, span)}
        people = [credit.person for credit in track.credits.select_related("person").order_by("sort_order")]
        return [Choice(person.slug, person.title, person.pk in coming_in) for person in _unique(people)]
    same_layer = [other for other in spans if other.cue.layer == span.cue.layer and other is not span]
    # The nearest other cues of the layer, then all in time order: no place in the list gives it away.
    nearest = sorted(same_layer, key=lambda other: abs(other.start_ms - span.start_ms))[: WHAT_CHOICES - 1]
    offered = sorted([*nearest, span], key=lambda other: other.cue.title.lower())
    return [Choice(other.cue.slug, other.cue.title, other is span) for other in offered]


def check_guess(track: TrackPage, cue_slug: str, kind: str, listen_from: str) -> None:
    """Refuse a guess that cannot be played or answered, naming the field at fault."""
    spans = spans_of(track)
    span = span_for(spans, cue_slug)
    if span is None:
        known = ", ".join(s.cue.slug for s in spans[:12]) or "none yet"
        raise StepError("cue", f"“{cue_slug}” is not a cue of {track.title}. Its cues: {known}.")
    if span.start_ms <= 0:
        raise StepError("cue", "This cue starts at 0:00: there is nothing to play before it. Choose a later cue.")
    start = guess_start(spans, span, listen_from)
    if start >= span.start_ms:
        raise StepError(
            "listen_from", f"Start before the cue, which begins at {format_time(span.start_ms, precise=False)}."
        )
    if kind == WHO and not entrants(spans, span):
        raise StepError("kind", "Nobody comes in at this cue (its players were already playing): ask what changes.")
    if kind == WHAT and len(guess_choices(track, spans, span, kind)) < 2:
        raise StepError("kind", "The track has no other cue of this layer to choose from: ask who comes in.")


def _unique(items):
    seen, result = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            result.append(item)
    return result
