"""HTTP byte ranges (RFC 9110 §14) and the validators they depend on.

Pure functions, no Django: the media view (``media_serving.py``) does the I/O
and builds responses; everything that needs care about the grammar lives here
so it can be unit-tested exhaustively.

Deliberate choices:

* Only a single range is served.  A multi-range request (``bytes=0-1,5-6``)
  is answered with the whole file (200), which RFC 9110 §14.2 allows ("a
  server MAY ignore the Range header field").  Browsers seeking audio or
  video always send exactly one range, and multipart/byteranges bodies are
  complexity nobody here needs.
* Anything that is not valid ``bytes`` range syntax is ignored (200 with the
  whole file), as RFC 9110 §14.2 says a server should treat an invalid
  ranges-specifier.  Only a *valid* header that no byte can satisfy is 416.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_tz

__all__ = [
    "RangeNotSatisfiable",
    "content_range",
    "if_range_allows_range",
    "make_etag",
    "parse_byte_range",
]


class RangeNotSatisfiable(Exception):
    """A well-formed range that selects no byte of the file: answer 416."""


# int-range = first-pos "-" [ last-pos ]; suffix-range = "-" suffix-length.
# ASCII digits only: str.isdigit() and \d would accept "²" or "٣".
_RANGE_SPEC = re.compile(r"([0-9]*)-([0-9]*)")

# Optional whitespace (OWS) in RFC 9110 is spaces and horizontal tabs only.
_OWS = " \t"

# More digits than this cannot be a position in any real file.  Mapping them
# to a huge number keeps the arithmetic right without int() ever parsing a
# megabyte of digits (Python refuses more than 4300 digits anyway).
_MAX_DIGITS = 20
_HUGE = 10**_MAX_DIGITS


def _position(digits: str) -> int:
    digits = digits.lstrip("0") or "0"
    return _HUGE if len(digits) > _MAX_DIGITS else int(digits)


def parse_byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """Return the inclusive ``(first, last)`` byte positions to serve.

    ``None`` means "ignore the header and serve the whole file": the header
    is absent, malformed, uses another unit, or asks for several ranges.

    Raises ``RangeNotSatisfiable`` (→ 416) for a valid single range that
    selects nothing: first byte at or past the end, a zero-length suffix,
    or any range at all on an empty file (there is no way to write a 206
    for zero bytes, so an empty file can only be 416 or a full 200).
    """
    if not header:
        return None
    unit, equals, range_set = header.partition("=")
    # Range units are case-insensitive (RFC 9110 §14.1); no OWS around "=".
    if not equals or unit.lower() != "bytes":
        return None
    # The list grammar allows OWS around commas and empty list elements,
    # but nothing between "=" and the first element.
    if range_set.startswith(tuple(_OWS)):
        return None
    specs = [spec.strip(_OWS) for spec in range_set.split(",")]
    specs = [spec for spec in specs if spec]
    if len(specs) != 1:
        return None  # empty set: malformed; several ranges: see module doc.
    match = _RANGE_SPEC.fullmatch(specs[0])
    if match is None:
        return None
    first_digits, last_digits = match.groups()

    if not first_digits:
        if not last_digits:
            return None  # "bytes=-" names nothing.
        suffix_length = _position(last_digits)
        if suffix_length == 0 or size == 0:
            raise RangeNotSatisfiable
        # A suffix longer than the file means the whole file (as a 206).
        return max(size - suffix_length, 0), size - 1

    first = _position(first_digits)
    if last_digits:
        last = _position(last_digits)
        if last < first:
            return None  # Invalid range-spec: ignore, don't 416.
    else:
        last = size - 1
    if first >= size:
        raise RangeNotSatisfiable
    # A last position past the end is fine; it is clamped to the last byte.
    return first, min(last, size - 1)


def content_range(first: int, last: int, size: int) -> str:
    """``Content-Range`` value for a 206 carrying bytes first..last."""
    return f"bytes {first}-{last}/{size}"


def make_etag(size: int, mtime_ns: int) -> str:
    """Strong ETag for a file: changes whenever its size or mtime does.

    Strong (no ``W/``) because the same size+mtime means the same bytes for
    our uploads, and only a strong ETag can validate If-Range.
    """
    return f'"{size:x}-{mtime_ns:x}"'


def _http_date_timestamp(value: str) -> float | None:
    # email.utils understands all three HTTP-date forms (IMF-fixdate, RFC 850,
    # asctime).  Without a zone the date is GMT, as HTTP dates always are;
    # never local time, which is what email.utils would otherwise assume.
    parsed = parsedate_tz(value)
    if parsed is None:
        return None
    try:
        moment = datetime(*parsed[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None  # "31 Feb" and the like.
    return moment.timestamp() - (parsed[9] or 0)


def if_range_allows_range(if_range: str | None, etag: str, last_modified: str) -> bool:
    """Evaluate If-Range (RFC 9110 §13.1.5): may the Range header be used?

    True when there is no If-Range, or when it names the current
    representation: the same strong ETag (a weak ETag never matches), or an
    HTTP-date equal to our ``Last-Modified``.  False means the client holds
    a stale copy, so it gets the whole new file (200) instead of a slice of
    it that would corrupt what it already has.
    """
    if if_range is None:
        return True
    value = if_range.strip(_OWS)
    if value.startswith('"'):
        return value == etag
    # Not a strong ETag, so a date or nothing useful; a weak W/"..." ends
    # up here too and, as no date, never matches.
    sent = _http_date_timestamp(value)
    return sent is not None and sent == _http_date_timestamp(last_modified)
