"""The media types the guide serves and accepts, in one table.

The system's mime.types differs between hosts (audio/x-wav, audio/x-m4a, no avif…), so the types
our media uses are pinned here; media serving, audio ingest and cue-file responses all read them.
"""

from __future__ import annotations

import mimetypes
import os

# File name ending → the Content-Type it is served with.
CONTENT_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".mp4": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".flac": "audio/flac",
    ".wav": "audio/wav",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".vtt": "text/vtt",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".json": "application/json",
}
# Podcast chapters (Podcasting 2.0 JSON Chapters): the type their `<podcast:chapters>` tag names.
PODCAST_CHAPTERS_TYPE = "application/json+chapters"

# Audio file name ending → the mutagen file types that keep that name's promise.
AUDIO_CONTAINERS = {
    ".mp3": ("MP3",),
    ".m4a": ("MP4",),
    ".mp4": ("MP4",),
    ".aac": ("AAC", "MP4"),
    ".ogg": ("OggVorbis", "OggOpus", "OggFLAC", "OggSpeex", "OggTheora"),
    ".oga": ("OggVorbis", "OggOpus", "OggFLAC", "OggSpeex"),
    ".opus": ("OggOpus",),
    ".flac": ("FLAC",),
    ".wav": ("WAVE",),
}

# mutagen file type → (media type, name for people).
AUDIO_FORMATS = {
    "MP3": ("audio/mpeg", "MP3"),
    "MP4": ("audio/mp4", "AAC (MP4)"),
    "AAC": ("audio/aac", "AAC"),
    "OggVorbis": ("audio/ogg", "Ogg Vorbis"),
    "OggOpus": ("audio/ogg", "Ogg Opus"),
    "OggFLAC": ("audio/ogg", "Ogg FLAC"),
    "OggSpeex": ("audio/ogg", "Ogg Speex"),
    "OggTheora": ("audio/ogg", "Ogg"),
    "FLAC": ("audio/flac", "FLAC"),
    "WAVE": ("audio/wav", "WAV"),
}


def content_type_for(filename: str) -> str:
    """Media type from the file name; application/octet-stream if unknown."""
    extension = os.path.splitext(filename)[1].lower()
    if extension in CONTENT_TYPES:
        return CONTENT_TYPES[extension]
    content_type, encoding = mimetypes.guess_type(filename, strict=False)
    # "x.tar.gz" guesses (application/x-tar, gzip); announcing that would
    # need Content-Encoding, which makes clients decompress.  Keep it opaque.
    if content_type is None or encoding is not None:
        return "application/octet-stream"
    return content_type


def text_content_type(extension: str) -> str:
    """The Content-Type of a text file we write, with its charset, e.g. "text/vtt; charset=utf-8"."""
    return f"{CONTENT_TYPES[extension]}; charset=utf-8"
