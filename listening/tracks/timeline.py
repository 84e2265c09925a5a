"""When each cue starts and ends, and which cues sound at a moment: shared by pages and exports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CueSpan:
    cue: Any
    start_ms: int
    end_ms: int

    def contains(self, ms: int) -> bool:
        return self.start_ms <= ms < self.end_ms


def track_length_ms(audio, listed_length_ms: int | None) -> int | None:
    """How long a track is: its audio's length as read at upload, else the length printed on the record."""
    if audio is not None and audio.duration_ms:
        return audio.duration_ms
    return listed_length_ms


def cue_spans(cues: Iterable[Any], duration_ms: int | None) -> list[CueSpan]:
    """Cues in time order with their end filled in.

    A cue without an end runs until the next cue of its layer starts (layers overlap: a film note
    does not cut a music cue short), or to the end of the track.
    """
    ordered = sorted(cues, key=lambda cue: (cue.start_ms, cue.sort_order or 0, cue.pk or 0))
    track_end = duration_ms or 0
    spans = []
    for index, cue in enumerate(ordered):
        end = cue.end_ms
        if end is None:
            later = (c.start_ms for c in ordered[index + 1 :] if c.layer == cue.layer and c.start_ms > cue.start_ms)
            end = next(later, None)
        if end is None:
            end = max(track_end, cue.start_ms)
        spans.append(CueSpan(cue=cue, start_ms=cue.start_ms, end_ms=end))
    return spans


def active_spans(spans: Iterable[CueSpan], ms: int) -> list[CueSpan]:
    """The cues that sound at `ms`; a zero-length cue counts at its own instant."""
    return [span for span in spans if span.contains(ms) or span.start_ms == span.end_ms == ms]
