"""The rules a track's cues obey: the one place they are stated.

Used by the Cue model, the track editor's form, both importers and the warning shown when a track's
audio is replaced by a shorter one. Each rule gives one sentence an editor can act on, tied to the cue
(and field) it concerns, so the editor shows it beside the field and an import names the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii
from django.core.validators import slug_re
from django.utils.text import slugify

from listening.core.timecode import format_time

# The longest a cue's slug may be; the model field and slugs made from titles both keep to it.
SLUG_MAX_LENGTH = 80


@dataclass(frozen=True)
class CueProblem:
    index: int  # position in the list checked, from 0
    field: str | None  # "start_ms", "end_ms", "slug"…; None for the cue as a whole
    message: str


# What a slug made from nothing readable (a title of punctuation, or none) starts from.
FALLBACK_SLUG = "cue"


def slug_for(slug: str | None, title: str | None, *, taken=frozenset()) -> str:
    """A cue's slug: the one given, else one made from its title, readable whatever its script.

    A title in any script is transliterated ("Тема" → "tema", "🎺" → "trumpet"); one with nothing to
    read gives "cue". A made slug steers clear of those `taken` by a number ("tema-2"), so cues with
    the same title never clash; a given slug is kept as it is, for the rules to judge.
    """
    given = (slug or "").strip()
    if given:
        return given
    base = slugify(anyascii(title or ""))[:SLUG_MAX_LENGTH].strip("-") or FALLBACK_SLUG
    made, number = base, 2
    while made in taken:
        suffix = f"-{number}"
        made = base[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        number += 1
    return made


def is_valid_slug(slug: str | None) -> bool:
    """Whether a stored slug can be part of a URL: not empty, letters, digits, hyphens, underscores."""
    return bool(slug) and len(slug) <= SLUG_MAX_LENGTH and slug_re.fullmatch(slug) is not None


def is_past_the_end(start_ms: int, end_ms: int | None, duration_ms: int | None) -> bool:
    """Whether a cue starts, or is set to end, after audio of `duration_ms` has finished."""
    if not duration_ms:
        return False
    return start_ms >= duration_ms or (end_ms is not None and end_ms > duration_ms)


def check_cues(cues: Sequence[Any], duration_ms: int | None, *, label=lambda index: f"Cue {index + 1}") -> list:
    """Problems with cues that each have start_ms, end_ms, layer, slug and title; empty when they obey the rules.

    0 ≤ start < end ≤ the audio's duration (an empty end runs to the next cue); two cues of one layer
    never start together; a slug names one cue of the track.
    """
    problems: list[CueProblem] = []
    end_of_audio = format_time(duration_ms) if duration_ms else ""
    first_at: dict[tuple[str, int], int] = {}
    first_slug: dict[str, int] = {}
    for index, cue in enumerate(cues):
        start, end = cue.start_ms, cue.end_ms
        if start is not None:
            if start < 0:
                problems.append(CueProblem(index, "start_ms", "A cue cannot start before 0:00.0."))
            elif is_past_the_end(start, None, duration_ms):
                problems.append(
                    CueProblem(
                        index,
                        "start_ms",
                        f"This cue starts at {format_time(start)}, but the audio ends at {end_of_audio}.",
                    )
                )
            if end is not None and end <= start:
                problems.append(CueProblem(index, "end_ms", "The end must come after the start."))
            key = (cue.layer, start)
            if key in first_at:
                other = first_at[key]
                problems.append(
                    CueProblem(
                        index,
                        "start_ms",
                        f"{label(other)} of the same layer also starts at {format_time(start)}; "
                        "two cues of one layer cannot start together.",
                    )
                )
            else:
                first_at[key] = index
        if end is not None and is_past_the_end(0, end, duration_ms) and (start is None or end > start):
            problems.append(
                CueProblem(index, "end_ms", f"The end, {format_time(end)}, is after the audio ends at {end_of_audio}.")
            )
        slug = cue.slug
        if slug:
            if slug in first_slug:
                problems.append(
                    CueProblem(
                        index,
                        "slug",
                        f"{label(first_slug[slug])} already uses the slug “{slug}”; a slug names one cue.",
                    )
                )
            else:
                first_slug[slug] = index
    return problems


def cues_past_the_end(cues: Sequence[Any], duration_ms: int | None) -> list:
    """The cues (each with start_ms and end_ms) that audio of `duration_ms` no longer holds."""
    return [cue for cue in cues if is_past_the_end(cue.start_ms, cue.end_ms, duration_ms)]


# -- clashes: what the cue editor's timeline draws and lists as warnings -------------------------
# Unlike the problems above, a clash can be intended (a music cue held under the next one, a
# silence written into the score), so the editor may accept it; an accepted overlap is kept.

OVERLAP, GAP, PAST_THE_END = "overlap", "gap", "past-end"
# The layer whose silence is a clash: a gap there means the guide has nothing to say about the music.
MUSIC_LAYER = "music"


@dataclass(frozen=True)
class CueClash:
    kind: str  # OVERLAP, GAP or PAST_THE_END
    layer: str
    start_ms: int  # where the clash begins and ends on the track
    end_ms: int
    indexes: tuple[int, ...]  # the cues concerned, as positions in the list checked
    message: str

    @property
    def key(self) -> str:
        """Names the clash by what it is and where, so an accepted one stays accepted until it moves."""
        return f"{self.kind}:{self.layer}:{self.start_ms}:{self.end_ms}"

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "layer": self.layer,
            "start_ms": self.start_ms,
            "end_ms": self.end_ms,
            "cues": list(self.indexes),
            "message": self.message,
            "key": self.key,
        }


def find_clashes(cues: Sequence[Any], duration_ms: int | None, *, label=None) -> list[CueClash]:
    """Clashes among cues that each have start_ms, end_ms, layer and title, in time order.

    - two cues of one layer overlap: one is set to end after the next of its layer starts (cues
      without an end run to the next of their layer, so never overlap);
    - a gap of silence in the music layer: a music cue set to end before the next music cue starts,
      or before the track ends;
    - a cue past the end of the audio.
    Cues without a start (a field still being typed) are left out.
    """
    label = label or (lambda index: f"“{cues[index].title or 'Untitled'}”")
    timed = sorted(
        (index for index, cue in enumerate(cues) if cue.start_ms is not None and cue.start_ms >= 0),
        key=lambda index: (cues[index].start_ms, index),
    )
    clashes: list[CueClash] = []
    by_layer: dict[str, list[int]] = {}
    for index in timed:
        by_layer.setdefault(cues[index].layer or "", []).append(index)
    for layer, indexes in sorted(by_layer.items()):
        reaching = None  # the earlier cue of this layer whose set end reaches furthest
        for index in indexes:
            cue = cues[index]
            if reaching is not None:
                earlier = cues[reaching]
                if earlier.start_ms < cue.start_ms < earlier.end_ms:
                    end = min(earlier.end_ms, cue.end_ms) if cue.end_ms is not None else earlier.end_ms
                    clashes.append(
                        CueClash(
                            OVERLAP,
                            layer,
                            cue.start_ms,
                            end,
                            (reaching, index),
                            f"{label(reaching)} and {label(index)} ({layer}) overlap from "
                            f"{format_time(cue.start_ms)} to {format_time(end)}.",
                        )
                    )
            has_end = cue.end_ms is not None and cue.end_ms > cue.start_ms
            if has_end and (reaching is None or cue.end_ms > cues[reaching].end_ms):
                reaching = index
        if layer == MUSIC_LAYER:
            clashes.extend(_music_gaps(cues, indexes, duration_ms, label))
    for index in timed:
        cue = cues[index]
        if is_past_the_end(cue.start_ms, cue.end_ms, duration_ms):
            clashes.append(
                CueClash(
                    PAST_THE_END,
                    cue.layer or "",
                    min(cue.start_ms, duration_ms),
                    max(cue.start_ms, cue.end_ms or 0),
                    (index,),
                    f"{label(index)} runs past the end of the audio ({format_time(duration_ms)}).",
                )
            )
    clashes.sort(key=lambda clash: (clash.start_ms, clash.kind))
    return clashes


def _music_gaps(cues, indexes, duration_ms, label) -> list[CueClash]:
    """Stretches where no music cue sounds between the first music cue's start and the track's end."""
    gaps = []
    heard_until = None  # the furthest a music cue so far sounds; None while one runs to the next
    last = None
    for index in indexes:
        cue = cues[index]
        if heard_until is not None and cue.start_ms > heard_until:
            gaps.append(
                CueClash(
                    GAP,
                    MUSIC_LAYER,
                    heard_until,
                    cue.start_ms,
                    (last, index),
                    f"No music cue from {format_time(heard_until)} to {format_time(cue.start_ms)}, "
                    f"between {label(last)} and {label(index)}.",
                )
            )
        if cue.end_ms is None:
            heard_until = None
        elif heard_until is None or cue.end_ms > heard_until:
            heard_until = cue.end_ms
        last = index
    if heard_until is not None and duration_ms and heard_until < duration_ms:
        gaps.append(
            CueClash(
                GAP,
                MUSIC_LAYER,
                heard_until,
                duration_ms,
                (last,),
                f"No music cue from {format_time(heard_until)} to the end ({format_time(duration_ms)}), "
                f"after {label(last)}.",
            )
        )
    return gaps
