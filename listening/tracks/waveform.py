"""Waveform peaks of a recording, computed once at ingest, in the audiowaveform / peaks.js JSON format.

The format (https://github.com/bbc/audiowaveform/blob/master/doc/DataFormat.md, version 2) is what
peaks.js, wavesurfer and audiowaveform itself read, so other tools can use the file we keep beside the
audio: `{"version": 2, "channels": 1, "sample_rate": …, "samples_per_pixel": …, "bits": 8,
"length": N, "data": [min0, max0, min1, max1, …]}`, one min/max pair per "pixel" (a run of
`samples_per_pixel` frames), channels mixed down to one.

Decoding: production installs `miniaudio` (a pinned wheel that bundles the miniaudio C library, no
system packages), which reads MP3, FLAC, WAV and Ogg Vorbis. Other formats (AAC/M4A, Opus) get no
peaks: the chart then draws no waveform and works as before. `decode_peaks` returns None for them,
and for a file the decoder cannot read, never an error: the audio was already accepted by mutagen.
"""

from __future__ import annotations

import array
import logging
import math
from pathlib import PurePath
from typing import IO

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
BITS = 8
# About this many min/max pairs a second: fine enough for any chart, small enough to keep (a 3-minute
# track is some 30 kB of JSON).
PIXELS_PER_SECOND = 20
# A very long recording keeps at most this many pairs.
MAX_PIXELS = 20_000
# What miniaudio decodes; the rest is left without peaks.
DECODABLE = {".mp3", ".flac", ".wav", ".ogg", ".oga"}
FRAMES_PER_READ = 16384


def decoder_available() -> bool:
    try:
        import miniaudio  # noqa: F401  (optional at import: the chart works without peaks)
    except ImportError:
        return False
    return True


def decode_peaks(fileobj: IO[bytes], name: str, *, duration_ms: int = 0, sample_rate: int | None = None) -> dict | None:
    """The recording's peaks as an audiowaveform JSON dict, or None when it cannot be decoded here."""
    if PurePath(name).suffix.lower() not in DECODABLE or not decoder_available():
        return None
    import miniaudio

    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    # mutagen read the rate and length at ingest; decoding at the file's own rate resamples nothing.
    rate = sample_rate or 44100
    frames = round(duration_ms * rate / 1000)
    per_pixel = samples_per_pixel(frames, rate)
    try:
        stream = miniaudio.stream_memory(
            data,
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=rate,
            frames_to_read=FRAMES_PER_READ,
        )
        pairs = _min_max_pairs(stream, per_pixel)
    except (miniaudio.MiniaudioError, ValueError, OSError) as error:
        logger.warning("No waveform for %s: the decoder could not read it (%s).", name, error)
        return None
    if not pairs:
        return None
    return {
        "version": FORMAT_VERSION,
        "channels": 1,
        "sample_rate": rate,
        "samples_per_pixel": per_pixel,
        "bits": BITS,
        "length": len(pairs) // 2,
        "data": pairs,
    }


def samples_per_pixel(frames: int, rate: int) -> int:
    per_pixel = max(1, rate // PIXELS_PER_SECOND)
    if frames and frames / per_pixel > MAX_PIXELS:
        per_pixel = math.ceil(frames / MAX_PIXELS)
    return per_pixel


def _min_max_pairs(chunks, per_pixel: int) -> list[int]:
    """One (min, max) pair of 8-bit values for every `per_pixel` frames of 16-bit mono chunks."""
    pairs: list[int] = []
    low, high, count = 0, 0, 0
    for chunk in chunks:
        samples = chunk if isinstance(chunk, array.array) else array.array("h", chunk)
        start = 0
        while start < len(samples):
            take = min(per_pixel - count, len(samples) - start)
            part = samples[start : start + take]
            part_low, part_high = min(part), max(part)
            if count == 0:
                low, high = part_low, part_high
            else:
                low, high = min(low, part_low), max(high, part_high)
            count += take
            start += take
            if count == per_pixel:
                pairs += (low >> 8, high >> 8)
                count = 0
    if count:
        pairs += (low >> 8, high >> 8)
    return pairs


def is_peaks(data) -> bool:
    """Does `data` look like audiowaveform JSON we can draw (version 2, one channel or more, pairs)?"""
    return (
        isinstance(data, dict)
        and data.get("version") == FORMAT_VERSION
        and isinstance(data.get("data"), list)
        and isinstance(data.get("channels"), int)
        and data["channels"] >= 1
        and len(data["data"]) == 2 * data["channels"] * data.get("length", -1)
    )


def envelope(peaks: dict, columns: int) -> list[tuple[float, float]]:
    """The waveform reduced to `columns` (low, high) pairs in -1…1, first channel, for drawing."""
    if not is_peaks(peaks) or columns <= 0:
        return []
    channels = peaks["channels"]
    values = peaks["data"]
    length = peaks["length"]
    scale = float(1 << (peaks.get("bits", BITS) - 1))
    result = []
    for column in range(min(columns, length)):
        first = column * length // min(columns, length)
        last = max(first + 1, (column + 1) * length // min(columns, length))
        lows = [values[2 * channels * i] for i in range(first, last)]
        highs = [values[2 * channels * i + 1] for i in range(first, last)]
        result.append((max(-1.0, min(lows) / scale), min(1.0, max(highs) / scale)))
    return result
