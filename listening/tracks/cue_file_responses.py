"""Cue files as HTTP responses: the public cue files of a track (`cues.vtt`, `cues.csv`, `cues.txt`,
`chapters.json`) and the admin's downloads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpResponse

from listening.core.media_types import PODCAST_CHAPTERS_TYPE, text_content_type

from .cue_formats import write_audacity, write_chapters, write_csv, write_webvtt
from .timeline import cue_spans


@dataclass(frozen=True)
class CueFileFormat:
    kind: str
    label: str  # as a button or link names it
    extension: str
    file_stem: str  # the download is "<track slug>-<file_stem>.<extension>"
    public_name: str  # the file's name under the track's URL


CUE_FILE_FORMATS = {
    spec.kind: spec
    for spec in (
        CueFileFormat("vtt", "WebVTT", "vtt", "cues", "cues.vtt"),
        CueFileFormat("csv", "CSV", "csv", "cues", "cues.csv"),
        CueFileFormat("audacity", "Audacity labels", "txt", "cues", "cues.txt"),
        CueFileFormat("chapters", "Podcast chapters", "json", "chapters", "chapters.json"),
    )
}

CONTENT_TYPES = {
    "vtt": text_content_type(".vtt"),
    "csv": text_content_type(".csv"),
    "audacity": text_content_type(".txt"),
    "chapters": f"{PODCAST_CHAPTERS_TYPE}; charset=utf-8",
}


def _everyone(page) -> bool:
    return True


def cue_file_response(
    track, cues, kind: str, *, download: bool, shows: Callable = _everyone, url_for: Callable | None = None
) -> HttpResponse:
    """A cue file of `cues` (a track's, live or draft); `download` asks the browser to save it.

    `shows(page)` says whether a person or scene may be named in it (a reader's file names only
    what readers may see); `url_for(cue)` gives a cue's address, for the formats that carry one.
    """
    cues = list(cues)
    in_order = sorted(cues, key=lambda cue: (cue.start_ms, cue.sort_order or 0))
    if kind == "vtt":
        body = write_webvtt(cue_spans(cues, track.duration_ms), title=track.title, shows=shows)
    elif kind == "csv":
        body = write_csv(in_order, shows=shows)
    elif kind == "audacity":
        body = write_audacity(in_order)
    else:
        body = write_chapters(in_order, title=track.title, url_for=url_for)
    spec = CUE_FILE_FORMATS[kind]
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{track.slug}-{spec.file_stem}.{spec.extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
