"""Cue files as HTTP responses: the public `cues.vtt` / `cues.csv` of a track and the admin's downloads."""

from __future__ import annotations

from django.http import HttpResponse

from listening.core.media_types import text_content_type

from .cue_formats import write_csv, write_webvtt
from .timeline import cue_spans

CONTENT_TYPES = {"vtt": text_content_type(".vtt"), "csv": text_content_type(".csv")}


def cue_file_response(track, cues, kind: str, *, download: bool) -> HttpResponse:
    """WebVTT or CSV of `cues` (a track's, live or draft); `download` asks the browser to save it."""
    cues = list(cues)
    if kind == "vtt":
        body = write_webvtt(cue_spans(cues, track.duration_ms), title=track.title)
    else:
        body = write_csv(sorted(cues, key=lambda cue: (cue.start_ms, cue.sort_order or 0)))
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{track.slug}-cues.{kind}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
