"""Range header grammar, ETags and If-Range: every form a client can send."""

import time

import pytest

from listening.core.byte_ranges import (
    RangeNotSatisfiable,
    _http_date_timestamp,
    content_range,
    if_range_allows_range,
    make_etag,
    parse_byte_range,
)

SIZE = 10  # bytes 0..9


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        # int-range: first-last, inclusive.
        ("bytes=0-0", SIZE, (0, 0)),
        ("bytes=0-4", SIZE, (0, 4)),
        ("bytes=3-7", SIZE, (3, 7)),
        ("bytes=9-9", SIZE, (9, 9)),
        ("bytes=0-9", SIZE, (0, 9)),
        # Last position past the end is clamped to the last byte.
        ("bytes=5-10", SIZE, (5, 9)),
        ("bytes=5-999999", SIZE, (5, 9)),
        ("bytes=0-" + "9" * 5000, SIZE, (0, 9)),
        # Open-ended: first to the end.
        ("bytes=0-", SIZE, (0, 9)),
        ("bytes=4-", SIZE, (4, 9)),
        ("bytes=9-", SIZE, (9, 9)),
        # Suffix: the last n bytes; longer than the file means all of it.
        ("bytes=-1", SIZE, (9, 9)),
        ("bytes=-3", SIZE, (7, 9)),
        ("bytes=-10", SIZE, (0, 9)),
        ("bytes=-11", SIZE, (0, 9)),
        ("bytes=-" + "9" * 5000, SIZE, (0, 9)),
        # Leading zeros are still digits.
        ("bytes=0003-0004", SIZE, (3, 4)),
        # The unit is case-insensitive (RFC 9110 §14.1).
        ("Bytes=1-2", SIZE, (1, 2)),
        ("BYTES=1-2", SIZE, (1, 2)),
        # List syntax: OWS after the element and empty elements are allowed.
        ("bytes=1-2 ", SIZE, (1, 2)),
        ("bytes=1-2,", SIZE, (1, 2)),
        ("bytes=1-2, ", SIZE, (1, 2)),
        ("bytes=,1-2", SIZE, (1, 2)),
        # A one-byte file.
        ("bytes=0-0", 1, (0, 0)),
        ("bytes=-5", 1, (0, 0)),
        # Big files: positions beyond 32 bits.
        ("bytes=5000000000-", 6_000_000_000, (5_000_000_000, 5_999_999_999)),
    ],
)
def test_satisfiable_single_range(header, size, expected):
    assert parse_byte_range(header, size) == expected


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        # Empty or nameless ranges.
        "bytes=",
        "bytes=-",
        "bytes=,",
        "bytes= ",
        # Last before first is an invalid range-spec: ignored, not 416.
        "bytes=5-2",
        "bytes=1-0",
        # Other units or no unit.
        "bits=0-1",
        "items=0-1",
        "0-1",
        "bytes",
        "bytes:0-1",
        "=0-1",
        # Non-digits and signs.
        "bytes=a-b",
        "bytes=0-b",
        "bytes=a-1",
        "bytes=0x1-2",
        "bytes=1.5-2",
        "bytes=-1-2",
        "bytes=--1",
        "bytes=+1-2",
        "bytes=1-+2",
        "bytes=1_0-20",
        "bytes=١-٢",  # Arabic-Indic digits: int() would take them, RFC doesn't.
        "bytes=²-3",
        # Whitespace where the grammar has none.
        "bytes= 0-1",
        "bytes =0-1",
        " bytes=0-1",
        "bytes=\t0-1",
        "bytes=0 -1",
        "bytes=0- 1",
        "bytes=0-1 2",
        "bytes=0\n-1",
        # Stray separators.
        "bytes==0-1",
        "bytes=0-1=",
        "bytes=0-1;2-3",
        "bytes=0--1",
        "bytes=1-2-3",
        # Several ranges: deliberately served whole (see byte_ranges docstring).
        "bytes=0-1,3-4",
        "bytes=0-1, 3-4",
        "bytes=0-1,0-1",
        "bytes=-1,0-",
        "bytes=0-1,20-30",
        "bytes=20-30,40-50",  # Even if none is satisfiable.
        "bytes=0-1,garbage",
    ],
)
def test_absent_malformed_or_multiple_means_whole_file(header):
    assert parse_byte_range(header, SIZE) is None


@pytest.mark.parametrize(
    ("header", "size"),
    [
        # First byte at or past the end.
        ("bytes=10-", SIZE),
        ("bytes=10-20", SIZE),
        ("bytes=11-12", SIZE),
        ("bytes=" + "9" * 5000 + "-", SIZE),
        # A zero-length suffix selects nothing.
        ("bytes=-0", SIZE),
        ("bytes=-000", SIZE),
        # Nothing can be selected from an empty file.
        ("bytes=0-", 0),
        ("bytes=0-0", 0),
        ("bytes=-1", 0),
        ("bytes=-0", 0),
    ],
)
def test_unsatisfiable(header, size):
    with pytest.raises(RangeNotSatisfiable):
        parse_byte_range(header, size)


def test_malformed_header_on_empty_file_is_ignored_not_416():
    assert parse_byte_range("bytes=5-2", 0) is None
    assert parse_byte_range("bytes=0-1,2-3", 0) is None


def test_content_range():
    assert content_range(0, 0, 1) == "bytes 0-0/1"
    assert content_range(7, 9, 10) == "bytes 7-9/10"


def test_make_etag_is_strong_and_tracks_size_and_mtime():
    assert make_etag(255, 4096) == '"ff-1000"'
    assert make_etag(0, 0) == '"0-0"'
    etag = make_etag(255, 1_700_000_000_123_456_789)
    assert not etag.startswith("W/")
    assert make_etag(256, 1_700_000_000_123_456_789) != etag
    # A touch within the same second changes the ETag.
    assert make_etag(255, 1_700_000_000_123_456_790) != etag


ETAG = '"a-17"'
LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT"


@pytest.mark.parametrize(
    ("if_range", "allowed"),
    [
        # Absent: Range applies unconditionally.
        (None, True),
        # Entity tags: strong comparison only.
        (ETAG, True),
        (f" {ETAG} ", True),
        ('"a-18"', False),
        ('"A-17"', False),
        ("a-17", False),
        (f"W/{ETAG}", False),
        (f"{ETAG}, {ETAG}", False),
        ("*", False),
        # Dates: must equal Last-Modified, in any of the three HTTP-date forms.
        (LAST_MODIFIED, True),
        ("Sunday, 06-Nov-94 08:49:37 GMT", True),
        ("Sun Nov  6 08:49:37 1994", True),
        ("Sun, 06 Nov 1994 08:49:36 GMT", False),
        ("Sun, 06 Nov 1994 08:49:38 GMT", False),
        ("Mon, 07 Nov 1994 08:49:37 GMT", False),
        # Not valid HTTP-dates, but the same instant is the same instant.
        ("Sun, 06 Nov 1994 10:49:37 +0200", True),
        ("Sun, 06 Nov 1994 08:49:37 +0200", False),
        # Anything else cannot prove the client's copy is current.
        ("", False),
        ("yesterday", False),
        ("Sun, 99 Nov 1994 08:49:37 GMT", False),
    ],
)
def test_if_range(if_range, allowed):
    assert if_range_allows_range(if_range, ETAG, LAST_MODIFIED) is allowed


@pytest.fixture(params=["UTC", "Europe/Paris", "America/Los_Angeles"])
def process_time_zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("date", [LAST_MODIFIED, "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
def test_http_dates_are_gmt_whatever_the_process_time_zone(process_time_zone, date):
    # Django sets TZ from settings.TIME_ZONE; a zone-less asctime date must still be GMT.
    assert _http_date_timestamp(date) == 784111777
    assert if_range_allows_range(date, ETAG, LAST_MODIFIED)
