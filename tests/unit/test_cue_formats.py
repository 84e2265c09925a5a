"""Reading and writing cue files: the strict WebVTT reader's table, CSV, and the formula guard."""

import csv
import io
import json
from types import SimpleNamespace

import pytest

from listening.core.rich_text import without_block_keys
from listening.tracks.cue_formats import (
    decode,
    guard_cell,
    read_audacity,
    read_chapters,
    read_csv,
    read_webvtt,
    unguard_cell,
    write_audacity,
    write_chapters,
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
    assert '"world"' in text and "data-block-key" not in text  # the editor's bookkeeping stays home
    assert without_block_keys(first.commentary) == '<p>Hello, "world"</p>'  # the stored rich text
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


# -- Files as other tools write them ---------------------------------------------------------------


def read_as_uploaded(data: bytes, reader):
    text, problem = decode(data)
    assert problem is None
    return reader(text)


def test_csv_from_a_spreadsheet_in_french_semicolons_decimal_commas_bom_crlf():
    # LibreOffice Calc and Excel in a French locale: a BOM, CRLF, semicolons, decimal commas.
    data = "\ufeffstart;end;title;layer\r\n0,5;1:23,5;Ouverture;music\r\n00:01:30,25;;Thème;film\r\n".encode()
    result = read_as_uploaded(data, read_csv)
    assert not result.problems and not result.warnings
    assert [(r.line, r.start_ms, r.end_ms, r.title, r.layer) for r in result.records] == [
        (2, 500, 83_500, "Ouverture", "music"),
        (3, 90_250, None, "Thème", "film"),
    ]


def test_csv_from_excel_with_its_separator_hint():
    result = read_as_uploaded(b"sep=;\r\nstart;title;Notes\r\n1,5;First;x\r\nsoon;Bad;y\r\n", read_csv)
    assert [str(w).split(":")[0] for w in result.warnings] == ["Line 2, column C (Notes)"]
    assert str(result.problems[0]).startswith("Line 4, column A (start): “soon” is not a time")


def test_csv_with_tabs_and_srt_times():
    result = read_csv("start\tend\ttitle\n00:00:01,500\t00:00:04,000\tFirst\n")
    assert [(r.start_ms, r.end_ms, r.title) for r in result.records] == [(1500, 4000, "First")]


def test_csv_quoted_decimal_comma_with_comma_delimiter():
    result = read_csv('start,end,title\n"1,5","2,25",Quoted\n')
    assert [(r.start_ms, r.end_ms) for r in result.records] == [(1500, 2250)]


def test_csv_unknown_columns_are_skipped_with_a_warning_naming_the_column():
    result = read_csv("start,Colour,title,,notes\n0:10,red,Kept,,x\n")
    assert not result.problems
    assert [r.title for r in result.records] == ["Kept"]
    assert [str(w).split(":")[0] for w in result.warnings] == ["Line 1, column B (Colour)", "Line 1, column E (notes)"]
    assert "skipped" in result.warnings[0].message


def test_csv_rows_with_empty_trailing_cells_are_fine():
    # Spreadsheets pad rows to the widest one: empty cells past the last column are nothing.
    result = read_csv("start;title\n0:10;T;;\n")
    assert not result.problems and result.records[0].title == "T"


def test_csv_writes_plain_text_beside_the_html():
    cue = fake_cue("a", 0, commentary='<p data-block-key="x">One <b>bold</b> word.</p><ul><li>Two</li></ul>')
    row = list(csv.DictReader(io.StringIO(write_csv([cue]))))[0]
    assert row["commentary_text"] == "One bold word.\n\nTwo"
    assert "<b>bold</b>" in row["commentary"]


def test_csv_plain_text_edited_in_a_spreadsheet_wins_with_a_warning():
    cue = fake_cue("a", 0, commentary="<p>Old words.</p>")
    text = write_csv([cue]).replace("\r\nOld words.\r\n", "\r\n").replace(",Old words.,", ",New words.,")
    result = read_csv(text)
    record = result.records[0]
    assert without_block_keys(record.commentary) == "<p>New words.</p>" and record.commentary_is_plain
    assert "column I (commentary_text)" in str(result.warnings[0])
    untouched = read_csv(write_csv([cue]))
    assert not untouched.warnings and without_block_keys(untouched.records[0].commentary) == "<p>Old words.</p>"


def test_webvtt_voice_tags_name_performers_and_leave_the_text():
    result = read_webvtt(
        HEADER
        + "1\n00:00:01.000 --> 00:00:04.000\n<v Roger Bingham>We are in New York City\n\n"
        + "2\n00:00:05.000 --> 00:00:08.000\n<v.loud Esme>Hello</v> <v Mary; Ann>there</v>\nSecond line\n"
    )
    assert not result.problems
    first, second = result.records
    assert (first.title, first.voices) == ("We are in New York City", ["Roger Bingham"])
    assert (second.title, second.voices) == ("Hello there", ["Esme", "Mary", "Ann"])
    assert without_block_keys(second.commentary) == "<p>Second line</p>"
    plain = read_webvtt(HEADER + "00:00:01.000 --> 00:00:04.000\nNo voice\n").records[0]
    assert plain.voices is None


def test_webvtt_writer_writes_plain_text_and_voice_tags():
    cue = fake_cue(
        "a",
        0,
        title="Solo",
        performers=["Lena Marsh", "Tomas Varga"],
        commentary='<p data-block-key="k1">A <b>muted</b> trumpet &amp; bass.</p><p data-block-key="k2">Then.</p>',
    )
    text = write_webvtt(cue_spans([cue], 10_000))
    assert "<v Lena Marsh; Tomas Varga><c.music>Solo</c></v>\nA muted trumpet &amp; bass.\nThen.\n" in text
    for internal in ("<p", "data-block-key", "<b>"):
        assert internal not in text
    record = read_webvtt(text).records[0]
    assert (record.title, record.layer, record.voices) == ("Solo", "music", ["Lena Marsh", "Tomas Varga"])


AUDACITY_EXPORT = (
    # As Audacity 3 writes "Export Labels": seconds to six places, a point label, a spectral label's
    # frequency line (starting with a backslash), a label with no text.
    "0.000000\t0.000000\tIntro\n"
    "12.345678\t20.500000\tSolo, muted\n"
    "\\\t100.000000\t2000.000000\n"
    "30.000000\t41.250000\tBass & drums\n"
)


def test_audacity_labels_as_audacity_writes_them():
    result = read_as_uploaded(AUDACITY_EXPORT.replace("\n", "\r\n").encode(), read_audacity)
    assert not result.problems
    assert [(r.line, r.start_ms, r.end_ms, r.title, r.layer, r.slug) for r in result.records] == [
        (1, 0, None, "Intro", None, ""),  # a point label runs to the next cue
        (2, 12_346, 20_500, "Solo, muted", None, ""),
        (4, 30_000, 41_250, "Bass & drums", None, ""),
    ]


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("1.0 2.0 spaces\n", "Line 1", "separated by tabs"),
        ("0.5\t1.0\tFine\nsoon\t2.0\tBad\n", "Line 2, column A (start)", "“soon” is not a time"),
        ("1.0\tlater\tBad\n", "Line 1, column B (end)", "“later” is not a time"),
        ("1.0\t2.0\t\n", "Line 1, column C (label)", "give the label a name"),
    ],
)
def test_audacity_problems_name_the_line_and_the_column(text, where, reason):
    problem = read_audacity(text).problems[0]
    assert str(problem).startswith(where + ":") and reason in problem.message


def test_audacity_writer_reads_back_exactly():
    cues = [fake_cue("a", 0, None, title="Open\tend"), fake_cue("b", 83_456, 90_000, title="Two\nlines")]
    text = write_audacity(cues)
    assert text == "0.000000\t0.000000\tOpen end\n83.456000\t90.000000\tTwo lines\n"
    assert [(r.start_ms, r.end_ms, r.title) for r in read_audacity(text).records] == [
        (0, None, "Open end"),
        (83_456, 90_000, "Two lines"),
    ]


# The example of the Podcasting 2.0 JSON Chapters specification (podcastindex-org/podcast-namespace,
# chapters/jsonChapters.md), as podcast hosts publish it: images, links, a hidden chapter with no title.
PODCAST_CHAPTERS = """{
  "version": "1.2.0",
  "chapters":
    [
        {
            "startTime": 0,
            "title": "Intro"
        },
        {
            "startTime": 168,
            "title": "Hearing Aids",
            "img": "https://example.com/images/hearing_aids.jpg"
        },
        {
            "startTime": 260,
            "title": "Progressive Lenses",
            "url": "https://en.wikipedia.org/wiki/Progressive_lens"
        },
        {
            "startTime": 410.5,
            "endTime": 420,
            "title": "Finally"
        },
        {
            "startTime": 500,
            "toc": false,
            "img": "https://example.com/images/hidden.jpg"
        }
    ]
}
"""


def test_podcast_chapters_as_hosts_publish_them():
    result = read_as_uploaded(PODCAST_CHAPTERS.encode(), read_chapters)
    assert not result.problems
    assert [(r.line, r.start_ms, r.end_ms, r.title) for r in result.records] == [
        (5, 0, None, "Intro"),
        (9, 168_000, None, "Hearing Aids"),
        (14, 260_000, None, "Progressive Lenses"),
        (19, 410_500, 420_000, "Finally"),
    ]
    assert [str(w) for w in result.warnings] == [
        "Line 24, chapter 5: it has no title, and a cue needs one: skipped.",
        "The chapters' img, url are not imported: cues have stills and pages of their own.",
    ]


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ('{"chapters": [\n  {"startTime": 0 "title": "x"}\n]}', "Line 2, column 19", "not JSON"),
        ('{"chapters": [\n  {"startTime": "soon", "title": "x"}\n]}', "Line 2, chapter 1, startTime", "not a time"),
        ('{"chapters": [\n  {"startTime": -5, "title": "x"}\n]}', "Line 2, chapter 1, startTime", "not a time"),
        ('{"chapters": [\n  {"startTime": true, "title": "x"}\n]}', "Line 2, chapter 1, startTime", "seconds"),
        ('{"chapters": [{"title": "x"}]}', "Line 1, chapter 1, startTime", "missing"),
        ('{"chapters": [{"startTime": 1, "title": 5}]}', "Line 1, chapter 1, title", "must be text"),
        ('{"chapters": [7]}', "Line 0", "is an object"),
        ("[]", "Line 1", "a list of chapters"),
    ],
)
def test_podcast_chapter_problems_name_the_line_and_the_place(text, where, reason):
    problem = read_chapters(text).problems[0]
    shown = str(problem) if problem.line else f"Line 0, {problem}"
    assert shown.startswith(where) and reason in problem.message, str(problem)


def test_podcast_chapters_writer_follows_the_spec_and_reads_back():
    cues = [fake_cue("a", 0, None, title="Intro"), fake_cue("b", 83_456, 90_000, title="Solo")]
    document = json.loads(write_chapters(cues, title="Track", url_for=lambda cue: f"https://x.example/{cue.slug}/"))
    assert document == {
        "version": "1.2.0",
        "title": "Track",
        "chapters": [
            {"startTime": 0, "title": "Intro", "url": "https://x.example/a/"},
            {"startTime": 83.456, "title": "Solo", "endTime": 90, "url": "https://x.example/b/"},
        ],
    }
    records = read_chapters(write_chapters(cues)).records
    assert [(r.start_ms, r.end_ms, r.title) for r in records] == [(0, None, "Intro"), (83_456, 90_000, "Solo")]
