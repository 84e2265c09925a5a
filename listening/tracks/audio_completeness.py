"""Is an audio file whole? Each container's own promise about its length, checked against its bytes.

mutagen reads a file's headers, and the headers of a file cut short (an interrupted copy or upload)
still promise the whole recording: an MP3's Xing header counts its bytes, a WAV's data chunk its
samples, a FLAC's stream info its samples. So a file cut in half reads as its full length and would
play half of it. Here each container is checked where its format makes that possible, without a
decoder (production has mutagen only):

- MP3: the byte count of its Xing (or VBRI) header is all there;
- WAV: its data chunk fits in the file;
- FLAC: its last frame is the one that ends the stream, and that frame's checksum holds;
- Ogg (Vorbis, Opus, FLAC, Speex): it ends with a whole page that closes its stream;
- MP4: every top-level box fits in the file, and the media data is among them.

An MP3 without a Xing or VBRI header, and raw AAC, have their length estimated from their size by
mutagen, so what is left of them is itself a shorter file; nothing here refuses them.
"""

from __future__ import annotations

import struct
from typing import IO

from mutagen.mp3._util import VBRIHeader, VBRIHeaderError, XingHeader, XingHeaderError

# An Ogg page is at most 27 + 255 + 255 × 255 bytes.
OGG_MAX_PAGE = 27 + 255 + 255 * 255
# How far back to look for a FLAC file's last frame when its stream info gives no largest frame.
FLAC_TAIL_WITHOUT_MAX_FRAME = 1024 * 1024


def is_complete(audio, fileobj: IO[bytes], size: int) -> bool:
    """False when the file (read by mutagen as `audio`) holds less than its headers promise."""
    check = CHECKS.get(type(audio).__name__)
    try:
        return check is None or check(audio, fileobj, size)
    finally:
        fileobj.seek(0)


def _read_at(fileobj: IO[bytes], offset: int, length: int) -> bytes:
    fileobj.seek(offset)
    return fileobj.read(length)


# -- MP3 ---------------------------------------------------------------------------------------


def _mp3_is_complete(audio, fileobj, size) -> bool:
    info = audio.info
    if getattr(info, "layer", None) != 3:
        return True
    claimed = _mp3_claimed_bytes(info, fileobj)
    # Some encoders count an ID3 tag in front within the claim, so the whole file is compared.
    return claimed is None or size >= claimed


def _mp3_claimed_bytes(info, fileobj) -> int | None:
    """The stream's length in bytes as its Xing or VBRI header states it, or None when none does."""
    fileobj.seek(info.frame_offset + XingHeader.get_offset(info))
    try:
        xing = XingHeader(fileobj)
    except XingHeaderError:
        pass
    else:
        return xing.bytes if xing.bytes > 0 else None
    fileobj.seek(info.frame_offset + VBRIHeader.get_offset(info))
    try:
        vbri = VBRIHeader(fileobj)
    except VBRIHeaderError:
        return None
    return vbri.bytes if vbri.bytes > 0 else None


# -- WAV ---------------------------------------------------------------------------------------


def _wave_is_complete(audio, fileobj, size) -> bool:
    offset = 12  # after "RIFF", its size and "WAVE"
    while offset + 8 <= size:
        chunk_id, length = struct.unpack("<4sI", _read_at(fileobj, offset, 8))
        if chunk_id == b"data":
            return offset + 8 + length <= size
        offset += 8 + length + (length & 1)  # chunks are padded to an even length
    return False  # mutagen found a data chunk; a walk that misses it means the chunks overrun the file


# -- MP4 ---------------------------------------------------------------------------------------


def _mp4_is_complete(audio, fileobj, size) -> bool:
    offset, media_data = 0, False
    while offset + 8 <= size:
        header = _read_at(fileobj, offset, 16)
        length, kind = struct.unpack(">I4s", header[:8])
        media_data = media_data or kind == b"mdat"
        if length == 0:  # the last box, running to the end of the file
            return media_data
        if length == 1:  # a 64-bit length follows the box type
            if len(header) < 16:
                return False
            (length,) = struct.unpack(">Q", header[8:16])
        if length < 8:
            return False
        offset += length
    # Cut between boxes, the media data (kept last by "fast start" files) is gone altogether.
    return offset == size and media_data


# -- Ogg ---------------------------------------------------------------------------------------


def _ogg_is_complete(audio, fileobj, size) -> bool:
    start = max(0, size - OGG_MAX_PAGE)
    tail = _read_at(fileobj, start, size - start)
    at = tail.rfind(b"OggS")
    while at != -1:
        if _ogg_page_closes_file(tail, at):
            return True
        at = tail.rfind(b"OggS", 0, at)
    return False


def _ogg_page_closes_file(tail: bytes, at: int) -> bool:
    """A whole page starts at `at`, ends with the file, and carries the end-of-stream flag."""
    if len(tail) - at < 27 or tail[at + 4] != 0:
        return False
    flags, segments = tail[at + 5], tail[at + 26]
    lacing = tail[at + 27 : at + 27 + segments]
    if len(lacing) != segments:
        return False
    return bool(flags & 0x04) and at + 27 + segments + sum(lacing) == len(tail)


# -- FLAC --------------------------------------------------------------------------------------


def _flac_is_complete(audio, fileobj, size) -> bool:
    info = audio.info
    reach = (info.max_framesize + 64) if info.max_framesize else FLAC_TAIL_WITHOUT_MAX_FRAME
    start = max(0, size - reach)
    tail = _read_at(fileobj, start, size - start)
    if len(tail) >= 128 and tail[-128:-125] == b"TAG":
        tail = tail[:-128]  # an ID3v1 tag some taggers append
    at = len(tail)
    while (at := _rfind_flac_sync(tail, at)) != -1:
        header = _flac_frame_header(tail, at, info.max_blocksize)
        if header is not None:
            first_sample, block_size = header
            if first_sample + block_size == info.total_samples and _crc16(tail[at:-2]) == tail[-2:]:
                return True
    return False


def _rfind_flac_sync(data: bytes, before: int) -> int:
    """Where the last FLAC frame sync code (0xFFF8 or 0xFFF9) before `before` starts, or -1."""
    at = before
    while (at := data.rfind(b"\xff", 0, at)) != -1:
        if at + 1 < len(data) and data[at + 1] in (0xF8, 0xF9):
            return at
    return -1


_FLAC_BLOCK_SIZES = {1: 192, **{code: 576 << (code - 2) for code in range(2, 6)}}
_FLAC_BLOCK_SIZES.update({code: 256 << (code - 8) for code in range(8, 16)})


def _flac_frame_header(data: bytes, at: int, stream_block_size: int) -> tuple[int, int] | None:
    """(first sample, block size) of a valid frame header at `at`, or None when there is none there."""
    if len(data) - at < 6:
        return None
    variable = data[at + 1] & 1
    size_code, rate_code = data[at + 2] >> 4, data[at + 2] & 0x0F
    channels_code, depth_code, reserved = data[at + 3] >> 4, (data[at + 3] >> 1) & 7, data[at + 3] & 1
    if size_code == 0 or rate_code == 15 or channels_code > 10 or depth_code == 3 or reserved:
        return None
    number, after = _flac_coded_number(data, at + 4)
    if number is None:
        return None
    block_size = _FLAC_BLOCK_SIZES.get(size_code)
    if size_code in (6, 7):
        width = size_code - 5
        block_size = int.from_bytes(data[after : after + width], "big") + 1
        after += width
    after += {12: 1, 13: 2, 14: 2}.get(rate_code, 0)
    if after >= len(data) or _crc8(data[at:after]) != data[after]:
        return None
    first_sample = number if variable else number * stream_block_size
    return first_sample, block_size


def _flac_coded_number(data: bytes, at: int) -> tuple[int | None, int]:
    """A frame or sample number in FLAC's UTF-8-like coding: (number, where it ends)."""
    if at >= len(data):
        return None, at
    lead = data[at]
    if lead < 0x80:
        return lead, at + 1
    extra = next((n for n in range(1, 7) if lead >> (6 - n) == (0xFF >> (6 - n)) - 1), None)
    if extra is None or at + extra >= len(data):
        return None, at
    number = lead & (0x3F >> extra)
    for byte in data[at + 1 : at + 1 + extra]:
        if byte >> 6 != 0b10:
            return None, at
        number = (number << 6) | (byte & 0x3F)
    return number, at + 1 + extra


def _crc_table(poly: int, width: int) -> list[int]:
    top, mask = 1 << (width - 1), (1 << width) - 1
    table = []
    for byte in range(256):
        crc = byte << (width - 8)
        for _ in range(8):
            crc = ((crc << 1) ^ poly) if crc & top else crc << 1
        table.append(crc & mask)
    return table


_CRC8 = _crc_table(0x07, 8)
_CRC16 = _crc_table(0x8005, 16)


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc = _CRC8[crc ^ byte]
    return crc


def _crc16(data: bytes) -> bytes:
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC16[(crc >> 8) ^ byte]
    return crc.to_bytes(2, "big")


CHECKS = {
    "MP3": _mp3_is_complete,
    "WAVE": _wave_is_complete,
    "MP4": _mp4_is_complete,
    "FLAC": _flac_is_complete,
    "OggVorbis": _ogg_is_complete,
    "OggOpus": _ogg_is_complete,
    "OggFLAC": _ogg_is_complete,
    "OggSpeex": _ogg_is_complete,
    "OggTheora": _ogg_is_complete,
}
