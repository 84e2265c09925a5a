"""Reading an audio file before we keep it: mutagen's view of its format, length and tags.

Used by the admin's audio form and by `manage.py attach_audio`, so both refuse the same files with
the same one-sentence reasons.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import IO

import mutagen
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from listening.core.media_types import AUDIO_CONTAINERS, AUDIO_FORMATS

from .audio_completeness import is_complete

# Tags worth keeping, under our names; the rest of a file's tags stay in the file.
TAG_KEYS = {
    "title": ("TIT2", "title", "\xa9nam", "TITLE"),
    "artist": ("TPE1", "artist", "\xa9ART", "ARTIST"),
    "album": ("TALB", "album", "\xa9alb", "ALBUM"),
    "date": ("TDRC", "date", "\xa9day", "DATE"),
    "track": ("TRCK", "tracknumber", "trkn", "TRACKNUMBER"),
}


class AudioRejected(ValueError):
    """An audio file we will not keep; the message is one sentence for the person who sent it."""


@dataclass(frozen=True)
class AudioMetadata:
    duration_ms: int
    mime_type: str
    format_name: str
    bitrate: int | None
    sample_rate: int | None
    channels: int | None
    size: int
    checksum: str
    tags: dict[str, str] = field(default_factory=dict)


def _file_size(fileobj: IO[bytes]) -> int:
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(0)
    return size


def _sha256(fileobj: IO[bytes]) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    for block in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(block)
    fileobj.seek(0)
    return digest.hexdigest()


def _tag_text(value) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    if hasattr(value, "text"):
        value = value.text[0] if value.text else ""
    if isinstance(value, tuple):  # MP4 track numbers are (number, total)
        value = value[0]
    return str(value).strip()[:200]


def _read_tags(audio) -> dict[str, str]:
    tags = getattr(audio, "tags", None)
    if not tags:
        return {}
    found = {}
    for name, keys in TAG_KEYS.items():
        for key in keys:
            try:
                value = tags.get(key) if hasattr(tags, "get") else None
            except (KeyError, ValueError, TypeError):
                value = None
            if value:
                text = _tag_text(value)
                if text:
                    found[name] = text
                    break
    return found


def read_audio_metadata(fileobj: IO[bytes], name: str, *, max_bytes: int | None = None) -> AudioMetadata:
    """Everything we store about an audio file, or AudioRejected saying why we won't keep it."""
    display_name = PurePath(name).name or "The file"
    limit = settings.LISTENING_AUDIO_MAX_BYTES if max_bytes is None else max_bytes
    extension = PurePath(name).suffix.lower()
    if extension not in AUDIO_CONTAINERS:
        allowed = ", ".join(sorted(AUDIO_CONTAINERS))
        raise AudioRejected(f"“{display_name}” is not a kind of audio file we accept ({allowed}).")

    size = _file_size(fileobj)
    if size == 0:
        raise AudioRejected(f"“{display_name}” is empty.")
    if size > limit:
        raise AudioRejected(f"“{display_name}” is {filesizeformat(size)}, over the limit of {filesizeformat(limit)}.")

    try:
        audio = mutagen.File(fileobj)
    except Exception:  # mutagen raises many error types for damaged files; all mean the same here
        audio = None
    finally:
        fileobj.seek(0)
    if audio is None or getattr(audio, "info", None) is None:
        raise AudioRejected(f"“{display_name}” could not be read as audio; it may be damaged or not audio at all.")

    kind = type(audio).__name__
    if kind not in AUDIO_CONTAINERS[extension]:
        actual = AUDIO_FORMATS.get(kind, (None, kind))[1]
        raise AudioRejected(
            f"“{display_name}” is named {extension} but holds {actual} audio; rename it or export it again."
        )

    length = getattr(audio.info, "length", 0) or 0
    if not length or length != length or length <= 0:  # the middle test catches NaN
        raise AudioRejected(f"“{display_name}” has no playable length.")
    if not is_complete(audio, fileobj, size):
        raise AudioRejected(
            f"“{display_name}” is damaged or incomplete (it may have been cut off while copying or uploading); "
            "export it again."
        )

    bitrate = getattr(audio.info, "bitrate", None) or None
    mime_type, format_name = AUDIO_FORMATS.get(kind, ("application/octet-stream", kind))
    return AudioMetadata(
        duration_ms=round(length * 1000),
        mime_type=mime_type,
        format_name=format_name,
        bitrate=int(bitrate) if bitrate else None,
        sample_rate=getattr(audio.info, "sample_rate", None) or None,
        channels=getattr(audio.info, "channels", None) or None,
        size=size,
        checksum=_sha256(fileobj),
        tags=_read_tags(audio),
    )
