"""Every cue file reader takes any text without raising: records it can vouch for, or problems."""

import json

from hypothesis import given
from hypothesis import strategies as st

from listening.core.timecode import MAX_MS
from listening.tracks.cue_formats import MAX_TITLE, READERS

# Pieces of each format, so generated files reach past the first line's checks.
PIECES = st.sampled_from(
    [
        "WEBVTT\n\n",
        "00:00:01.000 --> 00:00:02.000\n",
        "<v Name>",
        "</v>",
        "<c.music>",
        "start,end,title\n",
        "start;title;layer\n",
        "\t",
        ",",
        ";",
        "\n",
        "\r\n",
        '"',
        "1,5",
        "0.000000\t1.500000\tLabel\n",
        "\\\t100\t200\n",
        '{"version": "1.2.0", "chapters": [',
        '{"startTime": ',
        '"title": "x"}',
        "]}",
        "1e999",
        "NaN",
        "-1",
        "9" * 40,
        "é",
        "\x00",
    ]
)
FILES = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=30).map("".join))


@given(st.sampled_from(sorted(READERS)), FILES)
def test_readers_give_sound_records_or_problems(kind, text):
    result = READERS[kind](text)
    for record in result.records:
        assert 0 <= record.start_ms <= MAX_MS
        assert record.end_ms is None or 0 <= record.end_ms <= MAX_MS
        assert record.title.strip() and len(record.title) <= MAX_TITLE
    for problem in [*result.problems, *result.warnings]:
        assert str(problem)


def test_chapters_with_a_number_too_long_for_python_are_refused_not_crashed_on():
    text = '{"chapters": [{"startTime": ' + "9" * 5000 + ', "title": "x"}]}'
    assert READERS["chapters"](text).problems


def test_chapters_nested_too_deep_are_refused_not_crashed_on():
    assert READERS["chapters"]("[" * 100_000 + "]" * 100_000).problems
    nested = READERS["chapters"](json.dumps({"chapters": [{"startTime": 1, "title": "x", "location": [[[]]]}]}))
    assert [record.title for record in nested.records] == ["x"]
