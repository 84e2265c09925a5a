"""Real audio files in each container the guide accepts, and the same files damaged, for ingest tests."""

import io
import struct

import numpy as np
import soundfile

from tests.audio_samples import tone


def encoded(container: str, seconds: float = 6.0) -> bytes:
    """A sine tone as `container` would hold it: mp3, wav, flac, ogg (Vorbis), opus or m4a."""
    if container in ("mp3", "wav", "flac"):
        return tone(seconds, fmt=container.upper())
    if container == "ogg":
        return _written(seconds, 22050, "OGG", "VORBIS")
    if container == "opus":
        return _written(seconds, 48000, "OGG", "OPUS")
    if container == "m4a":
        return m4a(seconds)
    raise ValueError(container)


def _written(seconds, rate, fmt, subtype):
    t = np.arange(int(seconds * rate)) / rate
    buffer = io.BytesIO()
    soundfile.write(buffer, (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def cut(data: bytes, fraction: float) -> bytes:
    """The first `fraction` of a file, as an interrupted copy leaves it."""
    return data[: int(len(data) * fraction)]


def wav_claiming_more(seconds: float = 2.0, extra_seconds: float = 3.0, rate: int = 22050) -> bytes:
    """A whole-looking WAV whose header promises `extra_seconds` more 16-bit mono samples than it has."""
    data = bytearray(tone(seconds, rate=rate, fmt="WAV"))
    at = data.index(b"data")
    (length,) = struct.unpack_from("<I", data, at + 4)
    struct.pack_into("<I", data, at + 4, length + int(extra_seconds * rate) * 2)
    struct.pack_into("<I", data, 4, len(data) - 8 + int(extra_seconds * rate) * 2)
    return bytes(data)


# -- a minimal MP4 audio file (no encoder for AAC here): the boxes mutagen reads, then the media data


def _box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, *parts: bytes) -> bytes:
    return _box(kind, b"\0\0\0\0", *parts)  # version 0, no flags


def _descriptor(tag: int, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return bytes([tag, len(body)]) + body


def m4a(seconds: float = 6.0, rate: int = 44100, payload_bytes: int = 48_000) -> bytes:
    """An .m4a with the media data last, as "fast start" files have it (so a cut takes from the data)."""
    bitrate = int(payload_bytes * 8 / seconds)
    decoder_config = _descriptor(
        4,
        struct.pack(">BB", 0x40, 0x15) + b"\0\0\0" + struct.pack(">II", bitrate, bitrate),  # AAC, audio, buffer
        _descriptor(5, b"\x12\x10"),  # AAC LC, 44.1 kHz, stereo
    )
    sample_entry = _box(
        b"mp4a",
        b"\0" * 6 + struct.pack(">H", 1),  # reserved, data reference index
        b"\0" * 8 + struct.pack(">HHHH", 2, 16, 0, 0),  # reserved, channels, bits per sample, reserved
        struct.pack(">I", rate << 16),  # sample rate, 16.16 fixed point
        _full_box(b"esds", _descriptor(3, struct.pack(">HB", 1, 0), decoder_config, _descriptor(6, b"\x02"))),
    )
    track = _box(
        b"trak",
        _box(
            b"mdia",
            _full_box(b"mdhd", struct.pack(">IIIIHH", 0, 0, rate, int(seconds * rate), 0x55C4, 0)),
            _full_box(b"hdlr", struct.pack(">I", 0), b"soun", b"\0" * 12, b"Sound\0"),
            _box(b"minf", _box(b"stbl", _full_box(b"stsd", struct.pack(">I", 1), sample_entry))),
        ),
    )
    movie = _box(b"moov", _full_box(b"mvhd", struct.pack(">IIII", 0, 0, rate, int(seconds * rate)), b"\0" * 80), track)
    file_type = _box(b"ftyp", b"M4A ", struct.pack(">I", 0), b"M4A mp42isom")
    return file_type + movie + _box(b"mdat", bytes(range(256)) * (payload_bytes // 256))
