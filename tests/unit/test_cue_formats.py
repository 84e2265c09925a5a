"""Reading and writing cue files: the strict WebVTT reader's table, CSV, and the formula guard."""

from types import SimpleNamespace

import pytest

from listening.core.rich_text import without_block_keys
from listening.tracks.cue_formats import (
    decode,
    guard_cell,
    read_csv,
    read_webvtt,
    unguard_cell,
    write_csv,
    write_webvtt,
)
from listening.tracks.timeline import cue_spans

HEADER = "WEBVTT\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("00:00:01.000 --> 00:00:05.500\nTitle", [(1000, 5500, "", "Title")]),
        ("00:01.000 --> 00:05.500\nNo hours", [(1000, 5500, "", "No hours")]),
        ("intro\n00:00:00.000 --> 00:00:02.000\nWith id", [(0, 2000, "intro", "With id")]),
        ("01:02:03.004 --> 01:02:04.000\nLong", [(3_723_004, 3_724_000, "", "Long")]),
        (
            "09:59:59.000 --> 09:59:59.999\nNear the ten-hour cap",
            [(35_999_000, 35_999_999, "", "Near the ten-hour cap")],
        ),
        ("00:00:01.000 --> 00:00:02.000 align:start line:0\nSettings ignored", [(1000, 2000, "", "Settings ignored")]),
        ("00:00:01.000\t-->\t00:00:02.000\nTabs", [(1000, 2000, "", "Tabs")]),
        ("7\n00:00:01.000 --> 00:00:02.000\nNumbered", [(1000, 2000, "", "Numbered")]),
        ("Spaced Id!\n00:00:01.000 --> 00:00:02.000\nSlugged", [(1000, 2000, "spaced-id", "Slugged")]),
        (
            "NOTE a comment\n--> even with arrows\n\n00:00:01.000 --> 00:00:02.000\nAfter note",
            [(1000, 2000, "", "After note")],
        ),
        (
            "STYLE\n::cue { color: red }\n\n00:00:01.000 --> 00:00:02.000\nAfter style",
            [(1000, 2000, "", "After style")],
        ),
        ("00:00:01.000 --> 00:00:02.000\nA &amp; B &lt;3", [(1000, 2000, "", "A & B <3")]),
        ("00:00:01.000 --> 00:00:02.000\n<v Narrator>Voiced</v>", [(1000, 2000, "", "Voiced")]),
        (
            "a\n00:00:01.000 --> 00:00:02.000\nOne\n\n\n\nb\n00:00:03.000 --> 00:00:04.000\nTwo",
            [(1000, 2000, "a", "One"), (3000, 4000, "b", "Two")],
        ),
    ],
)
def test_webvtt_reader_reads(body, expected):
    result = read_webvtt(HEADER + body)
    assert not result.problems, result.problems
    assert [(r.start_ms, r.end_ms, r.slug, r.title) for r in result.records] == expected


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "starts with the line “WEBVTT”"),
        ("WEBVTTX\n\n", 1, "starts with the line “WEBVTT”"),
        ("webvtt\n\n", 1, "starts with the line “WEBVTT”"),
        (HEADER + "00:00:01 --> 00:00:02\nNo millis", 3, "is not a WebVTT timing"),
        (HEADER + "00:00:01.5 --> 00:00:02.000\nShort millis", 3, "is not a WebVTT timing"),
        (HEADER + "00:61:00.000 --> 01:02:00.000\nBad minutes", 3, "is not a WebVTT timing"),
        (HEADER + "00:00:01.000 -> 00:00:02.000\nOne dash", 3, "between the times"),
        (HEADER + "id\nnot a timing\nText", 4, "expected a timing line"),
        (HEADER + "id\n\n00:00:01.000 --> 00:00:02.000\nSplit", 3, "expected a timing line"),
        (HEADER + "00:00:01.000 --> 00:00:02.000", 3, "the cue has no text"),
        (HEADER + "00:00:01.000 --> 00:00:02.000\n<b></b>", 4, "title, is empty"),
        (HEADER + "00:00:01.000 --> 00:00:02.000\n" + "x" * 201, 4, "longer than 200"),
        # A valid WebVTT timestamp, but past the ten hours every time in the guide is held to.
        (HEADER + "100:00:00.000 --> 100:00:01.000\nHours > 99", 3, "longer than ten hours"),
    ],
)
def test_webvtt_reader_names_the_line_and_the_reason(text, line, reason):
    problems = read_webvtt(text).problems
    assert problems, "expected a problem"
    assert problems[0].line == line
    assert reason in problems[0].message
    assert str(problems[0]).startswith(f"Line {line}: ")


def test_webvtt_commentary_lines():
    result = read_webvtt(HEADER + "00:00:01.000 --> 00:00:02.000\nTitle\nFirst line\nSecond &amp; <i>last</i>")
    commentary = without_block_keys(result.records[0].commentary)
    assert commentary == "<p>First line</p><p>Second &amp; <i>last</i></p>"
    ours = read_webvtt(
        HEADER + "00:00:01.000 --> 00:00:02.000\n<c.film>Title</c>\n<p>A <b>b</b></p>\n<ul><li>x</li></ul>"
    )
    record = ours.records[0]
    assert record.layer == "film" and record.title == "Title"
    assert without_block_keys(record.commentary) == "<p>A <b>b</b></p><ul><li>x</li></ul>"


def test_hostile_webvtt_commentary_is_cleaned():
    text = (
        HEADER
        + '00:00:01.000 --> 00:00:02.000\nT\n<p onclick="x()">hi<script>alert(1)</script></p><img src=x onerror=y>'
    )
    commentary = read_webvtt(text).records[0].commentary
    assert "hi" in commentary
    for bad in ("onclick", "script", "alert", "onerror", "<img"):
        assert bad not in commentary


def fake_cue(slug, start, end=None, title="T", layer="music", commentary="", performers=(), scene=None, sources=""):
    return SimpleNamespace(
        slug=slug,
        start_ms=start,
        end_ms=end,
        title=title,
        layer=layer,
        commentary=commentary,
        performers=SimpleNamespace(all=lambda: [SimpleNamespace(title=name) for name in performers]),
        scene=SimpleNamespace(title=scene) if scene else None,
        scene_id=1 if scene else None,
        sources=sources,
        sort_order=0,
        pk=None,
    )


def test_webvtt_writer_escapes_and_reads_back():
    cues = [
        fake_cue("a", 0, title="Fish & <chips> --> now", commentary='<p data-block-key="k1">One --&gt; two</p>'),
        fake_cue("b", 2500, 4000, title="Second", layer="story"),
    ]
    text = write_webvtt(cue_spans(cues, 10_000), title="Track")
    assert text.startswith("WEBVTT\n\nNOTE Track\n\na\n00:00:00.000 --> 00:00:10.000\n")
    assert "<c.music>Fish &amp; &lt;chips&gt; --&gt; now</c>" in text
    assert "data-block-key" not in text
    records = read_webvtt(text).records
    assert [(r.slug, r.start_ms, r.end_ms, r.title, r.layer) for r in records] == [
        ("a", 0, 10_000, "Fish & <chips> --> now", "music"),
        ("b", 2500, 4000, "Second", "story"),
    ]
    assert without_block_keys(records[0].commentary) == "<p>One --&gt; two</p>"


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://x")', "+1", "-5 dB", "@SUM(A1)", "\tTab", "'quoted", "'=already", "'", "plain"]
)
def test_formula_guard_round_trips(value):
    guarded = guard_cell(value)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard_cell(guarded) == value


def test_csv_export_guards_formulas_and_reads_back_exactly():
    cues = [
        fake_cue(
            "opening",
            0,
            None,
            title="=cmd|' /C calc'!A0",
            layer="film",
            commentary='<p data-block-key="k1">Hello, "world"</p>',
            performers=["Miles Davis", "Kenny Clarke"],
            scene="Night streets",
            sources="Liner notes\nInterview, 1958",
        ),
        fake_cue("exact", 83_456, 90_000, title="-3 dB fade"),
    ]
    text = write_csv(cues)
    assert text.splitlines()[0] == "slug,start,end,title,layer,performers,scene,commentary,commentary_text,sources"
    assert "'=cmd" in text and "'-3 dB" in text
    result = read_csv(text)
    assert not result.problems
    first, second = result.records
    assert (first.slug, first.start_ms, first.end_ms, first.title, first.layer) == (
        "opening",
        0,
        None,
        "=cmd|' /C calc'!A0",
        "film",
    )
    assert first.performers == ["Miles Davis", "Kenny Clarke"]
    assert first.scene == "Night streets"
    assert first.sources == "Liner notes\nInterview, 1958"
    assert first.commentary == '<p data-block-key="k1">Hello, "world"</p>'  # stored rich text, exactly
    assert (second.start_ms, second.end_ms, second.title) == (83_456, 90_000, "-3 dB fade")


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "the file is empty"),
        ("title,end\n", 1, "the column “start” is missing"),
        ("start,start,title\n", 1, "column B (start): this column is named twice"),
        ("start,title\n1:00,Fine\nsoon,Bad time\n", 3, "column A (start): “soon” is not a time"),
        ("start,title\n1:00,\n", 2, "column B (title): every cue needs a title"),
        ("start,title\n,No start\n", 2, "column A (start): every cue needs a start time"),
        ("start,end,title\n0:10,later,T\n", 2, "column B (end): “later” is not a time"),
        ("start,title,layer\n0:10,T,dance\n", 2, "column C (layer): “dance” is not a layer"),
        ("start;title;layer\n0:10;T;dance\n", 2, "column C (layer): “dance” is not a layer"),
        ("start,title\n0:10,T,extra\n", 2, "the row has 3 cells but there are 2 columns"),
        ("start,title\n1,5,T\n", 2, "A time with a decimal comma needs quotes"),
        ('start,title\n0:10,"T\n\n0:20,U\n', 2, "not readable CSV"),
        ('start,title\n0:10,"multi\nline"\n0:20,x y z 1:2:3:4\n0:30,"ok"x\n', 5, "not readable CSV"),
    ],
)
def test_csv_reader_names_the_line_the_column_and_the_reason(text, line, reason):
    problems = read_csv(text).problems
    assert problems, "expected a problem"
    assert problems[0].line == line, problems
    assert str(problems[0]).startswith(f"Line {line}")
    assert reason in str(problems[0]), problems


def test_csv_reads_times_in_any_form_and_plain_commentary():
    result = read_csv('start,end,title,commentary\n1m23.5s,0:01:30,T,"One & two\n\nThree"\n')
    record = result.records[0]
    assert (record.start_ms, record.end_ms) == (83_500, 90_000)
    assert without_block_keys(record.commentary) == "<p>One &amp; two</p><p>Three</p>"
    assert record.layer is None and record.performers is None and record.scene is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01binary", "not text"),
        ("caf\xe9".encode("latin-1"), "not UTF-8"),
        (b"x" * (2 * 1024 * 1024 + 1), "over 2 MB"),
    ],
)
def test_undecodable_files_are_refused(data, reason):
    text, problem = decode(data)
    assert text is None and reason in problem.message


def test_decode_reads_bom_and_crlf():
    text, problem = decode("\ufeffWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nHi\r\n".encode())
    assert problem is None
    assert read_webvtt(text).records[0].title == "Hi"
