"""The one time parser and its formatters: every form read, every form written."""

import pytest

from listening.core.timecode import (
    TimeFormatError,
    TimeRange,
    format_exact,
    format_time,
    iso_duration,
    parse_time,
    parse_time_range,
    seconds,
    vtt_timestamp,
)


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("83", 83_000),
        ("83.5", 83_500),
        (" 83.5 ", 83_500),
        ("0", 0),
        (".5", 500),
        ("1:23", 83_000),
        ("1:23.5", 83_500),
        ("01:23.25", 83_250),
        ("0:01:23", 83_000),
        ("1:02:03.5", 3_723_500),
        ("83s", 83_000),
        ("83.5s", 83_500),
        ("1m23s", 83_000),
        ("1m", 60_000),
        ("2m3.5s", 123_500),
        ("1h2m3s", 3_723_000),
        ("1h", 3_600_000),
        ("npt:1:23", 83_000),
        ("NPT:83", 83_000),
        ("83:20", 5_000_000),  # minutes may run past 59 without hours
        ("0.0005", 1),  # rounds half up to the millisecond
        ("1:5", 65_000),
        # Decimal commas, as spreadsheets in many languages and SRT subtitles write them.
        ("83,5", 83_500),
        ("1,5", 1_500),
        (",5", 500),
        ("1:23,5", 83_500),
        ("00:01,5", 1_500),
        ("00:00:01,500", 1_500),  # SRT
        ("01:02:03,004", 3_723_004),
        ("1m23,5s", 83_500),
    ],
)
def test_parse_time_reads_every_accepted_form(text, ms):
    assert parse_time(text) == ms


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "-5",
        "1:60",
        "1:2:3:4",
        "0:60:00",
        "1::23",
        ":23",
        "1:23:",
        "83ss",
        "m",
        "s",
        "1m23",
        "1s23m",
        "nan",
        "inf",
        "1e3",
        "1,5,3",
        "1.5,3",
        "1,",
        "1:23,",
        "11h",
        "99999999999",
        "１２",  # full-width digits are not ASCII times
        "1:23.5.5",
    ],
)
def test_parse_time_refuses_what_it_cannot_read(text):
    with pytest.raises(TimeFormatError):
        parse_time(text)


def test_parse_time_refuses_non_strings():
    with pytest.raises(TimeFormatError):
        parse_time(None)  # type: ignore[arg-type]


def test_error_message_names_the_accepted_forms():
    with pytest.raises(TimeFormatError, match="1:23.5"):
        parse_time("soon")


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "0:00.0"),
        (83_500, "1:23.5"),
        (83_449, "1:23.4"),
        (83_450, "1:23.5"),
        (59_960, "1:00.0"),
        (3_723_500, "1:02:03.5"),
        (None, ""),
    ],
)
def test_format_time(ms, text):
    assert format_time(ms) == text


def test_format_time_round_trips_through_parse_time():
    for ms in range(0, 4_000_000, 3_700):
        assert abs(parse_time(format_time(ms)) - ms) <= 50


def test_format_time_without_tenths():
    assert format_time(83_900, precise=False) == "1:23"


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "0:00.0"),
        (83_500, "1:23.5"),  # tenths say it all: shown as format_time shows it
        (83_400, "1:23.4"),
        (60_000, "1:00.0"),
        (83_456, "1:23.456"),  # anything finer is shown to the millisecond, never rounded away
        (83_450, "1:23.450"),
        (83_001, "1:23.001"),
        (59_999, "0:59.999"),
        (3_723_004, "1:02:03.004"),
        (3_723_500, "1:02:03.5"),
    ],
)
def test_format_exact(ms, text):
    assert format_exact(ms) == text


def test_format_exact_round_trips_through_parse_time_to_the_millisecond():
    for ms in [*range(0, 4_000_000, 3_701), 59_999, 3_599_999, 3_600_001]:
        assert parse_time(format_exact(ms)) == ms


@pytest.mark.parametrize(("ms", "text"), [(83_500, "83.5"), (83_000, "83"), (1, "0.001"), (None, "")])
def test_seconds(ms, text):
    assert seconds(ms) == text


@pytest.mark.parametrize(
    ("ms", "stamp"),
    [
        (0, "00:00:00.000"),
        (83_456, "00:01:23.456"),
        (83_500, "00:01:23.500"),
        (3_723_004, "01:02:03.004"),
        (35_999_999, "09:59:59.999"),  # the longest time the guide keeps
    ],
)
def test_vtt_timestamp(ms, stamp):
    assert vtt_timestamp(ms) == stamp


@pytest.mark.parametrize(
    ("ms", "duration"),
    [
        (165_000, "PT2M45S"),
        (83_500, "PT1M23.5S"),
        (0, "PT0S"),
        (3_600_000, "PT1H"),
        (60_000, "PT1M"),
        (45_000, "PT45S"),
        (1, "PT0.001S"),
        (3_723_500, "PT1H2M3.5S"),
        (3_600_500, "PT1H0.5S"),  # no empty minutes
        (None, ""),
    ],
)
def test_iso_duration(ms, duration):
    assert iso_duration(ms) == duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("83", TimeRange(83_000)),
        ("1:23", TimeRange(83_000)),
        ("83,95", TimeRange(83_000, 95_000)),
        ("1:23,1:30", TimeRange(83_000, 90_000)),
        ("npt:1:23,1:30", TimeRange(83_000, 90_000)),
        (",95", TimeRange(0, 95_000)),
        ("83,", TimeRange(83_000)),
        ("95,83", None),
        ("83,83", None),
        ("abc", None),
        ("83,abc", None),
        ("", None),
        (None, None),
        ("9" * 100, None),
        ("500", None),  # past the end of a 165 s track
        ("100,500", TimeRange(100_000)),  # end past the track: play to the end
    ],
)
def test_parse_time_range(text, expected):
    assert parse_time_range(text, duration_ms=165_000) == expected


def test_parse_time_range_without_duration_accepts_any_start():
    assert parse_time_range("500") == TimeRange(500_000)
