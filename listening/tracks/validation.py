"""The rules a track's cues obey, shared by the page editor and the importers.

Each rule gives one sentence an editor can act on, tied to the cue (and field) it concerns, so the
editor shows it beside the field and an import names the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify

from listening.core.models import STORY_FEATURES
from listening.core.timecode import format_time

# Elements whose content is code or embedded media rather than text to keep.
CONTENT_FREE_ELEMENTS = ["script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript"]
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
EMPTY_BLOCK = re.compile(r'<p data-block-key="[^"]*"></p>')


@dataclass(frozen=True)
class CueProblem:
    index: int  # position in the list checked, from 0
    field: str | None  # "start_ms", "end_ms", "slug"…; None for the cue as a whole
    message: str


def slug_for(slug: str | None, title: str | None) -> str:
    """A cue's slug: the one given, else one made from its title."""
    return (slug or "").strip() or slugify(title or "")[:80]


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
            elif duration_ms and start >= duration_ms:
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
        if end is not None and duration_ms and end > duration_ms and (start is None or end > start):
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


def clean_rich_text(html: str, features: Sequence[str] = STORY_FEATURES) -> str:
    """Rich text reduced to the formats the editor allows, as Draftail itself would store it.

    The HTML goes through Wagtail's contentstate converter both ways: elements and attributes outside
    `features` (scripts, event handlers, styles, javascript: links) do not survive.
    """
    if not html or not html.strip():
        return ""
    from bs4 import BeautifulSoup
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    # The converter keeps the text of elements it drops; a script's or style's text is not commentary.
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(CONTENT_FREE_ELEMENTS):
        element.decompose()
    converter = ContentstateConverter(features=list(features))
    cleaned = str(soup)
    # Twice: the first pass can leave what the second drops (a link whose href was refused).
    for _ in range(2):
        cleaned = converter.to_database_format(converter.from_database_format(cleaned))
    return EMPTY_BLOCK.sub("", cleaned)


def without_block_keys(html: str) -> str:
    """Rich text with Draftail's block keys taken out: for comparing and for export to other tools."""
    return BLOCK_KEY.sub("", html or "")
