"""Cues to and from files: WebVTT, CSV, Audacity labels and podcast chapters, read and written here
and nowhere else.

Reading gives CueRecords (what the file says, by line), FileProblems (the line, the column where the
format has columns, and the reason) and warnings (what was skipped); deciding what an import changes
on a track is cue_import's work. Every time goes through the shared parser (listening.core.timecode),
which also reads decimal commas and SRT's `00:00:01,500`.

- WebVTT: a cue's identifier is its slug, its first text line its title (in a `<c.layer>` class
  span, which players may style and which carries the layer, inside a `<v …>` voice span naming its
  performers), the lines after it its commentary as plain text, a line per paragraph. Voice tags in
  other tools' files name performers where the name is a person's. WebVTT carries no scene or
  sources: importing keeps a matching cue's own.
- CSV: one row per cue with every field, so export → import loses nothing; the commentary as stored
  (HTML, without the editor's block keys) and, beside it, as plain text. Comma, semicolon or tab
  between cells, whichever the header uses. Cells that a spreadsheet would run as a formula are
  written with a leading apostrophe, which reading takes off again.
- Audacity labels (.txt): a line per label, start, end and text separated by tabs, times in seconds;
  a point label (start = end) is a cue that runs to the next.
- Podcast chapters (.json): the Podcasting 2.0 "JSON Chapters" format, version 1.2.0:
  `{"version": "1.2.0", "chapters": [{"startTime": 0, "title": …, "endTime": …}]}`.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.html import strip_tags
from django.utils.text import slugify

from listening.core.rich_text import clean_rich_text, plain_text_lines, without_block_keys
from listening.core.timecode import TimeFormatError, format_exact, parse_time, vtt_timestamp

from .cue_rules import SLUG_MAX_LENGTH
from .layers import CueLayer

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_CUES = 2000
MAX_TITLE = 200
LAYERS = {layer: layer for layer in CueLayer.values}

CSV_COLUMNS = [
    "slug",
    "start",
    "end",
    "title",
    "layer",
    "performers",
    "scene",
    "commentary",
    "commentary_text",
    "sources",
]
CSV_FIELDS = {"start": "start_ms", "end": "end_ms"}  # columns named otherwise than the cue's fields
CSV_DELIMITERS = (",", ";", "\t")
PERFORMER_SEPARATOR = ";"
CHAPTERS_VERSION = "1.2.0"
# What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class CueRecord:
    """One cue as a file gives it. None means the file does not say (WebVTT has no layer, say)."""

    line: int
    start_ms: int
    end_ms: int | None
    title: str
    slug: str = ""
    commentary: str | None = None
    layer: str | None = None
    performers: list[str] | None = None
    voices: list[str] | None = None  # WebVTT voice names: performers where they name a person
    scene: str | None = None
    sources: str | None = None
    commentary_is_plain: bool = False  # plain text: a cue whose words it repeats keeps its formatting
    columns: dict[str, str] = field(default_factory=dict)  # field → where the file gives it, for messages


@dataclass(frozen=True)
class FileProblem:
    line: int
    message: str
    column: str = ""  # e.g. "column B (end)", or "chapter 3, startTime"

    def __str__(self):
        where = ", ".join(part for part in (f"Line {self.line}" if self.line else "", self.column) if part)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ReadResult:
    records: list[CueRecord] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    warnings: list[FileProblem] = field(default_factory=list)  # what was skipped; the import goes ahead


def decode(data: bytes) -> tuple[str | None, FileProblem | None]:
    """The text of an uploaded file, or the reason it is not a text file we can read."""
    if len(data) > MAX_FILE_BYTES:
        return None, FileProblem(0, f"The file is over {MAX_FILE_BYTES // (1024 * 1024)} MB; split it into parts.")
    if b"\x00" in data:
        return None, FileProblem(0, "The file is not text (it holds binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, FileProblem(line, "the file is not UTF-8 text; save it again as UTF-8.")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


# -- WebVTT ------------------------------------------------------------------------------------------

# WebVTT's own strict timestamp shape; the value itself is read by the shared time parser.
_VTT_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_VTT_TIMING = re.compile(rf"({_VTT_TIME})[ \t]+-->[ \t]+({_VTT_TIME})(?:[ \t]+[^\n]*)?", re.ASCII)
_BLOCK_START = re.compile(r"<(p|ul|ol|blockquote|h[1-6])\b", re.IGNORECASE)
_SEQUENCE_NUMBER = re.compile(r"\d+")
_LOOKS_LIKE_TIMING = re.compile(r"[\d:.]+\s*-+>")
EXAMPLE_TIMING = "00:00:01.000 --> 00:00:05.000"
_TITLE_LAYER = re.compile(rf"<c\.({'|'.join(CueLayer.values)})>.*</c>")
# A voice span, `<v Name>` or `<v.class Name>`, and its end tag; group 1 is the voice's name.
_VOICE_TAG = re.compile(r"</v>|<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>")


def _voice_names(line: str) -> list[str]:
    """The names the voice spans of a line give; several performers are written "A; B"."""
    names = []
    for match in _VOICE_TAG.finditer(line):
        annotation = html.unescape(match[1] or "")
        names += [name.strip() for name in annotation.split(PERFORMER_SEPARATOR) if name.strip()]
    return names


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Groups of non-blank lines with the number of their first line."""
    blocks, current, first = [], [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def read_webvtt(text: str) -> ReadResult:
    result = ReadResult()
    lines = text.split("\n")
    first = lines[0] if lines else ""
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        result.problems.append(FileProblem(1, "a WebVTT file starts with the line “WEBVTT”."))
        return result
    blocks = _blocks(text)
    for first_line, block in blocks[1:]:  # the first block is the header
        head = block[0]
        word = head.split(maxsplit=1)[0]
        if word in ("NOTE", "STYLE", "REGION") and head.startswith(word) and (head == word or head[len(word)] in " \t"):
            continue  # comments and styling: nothing a cue needs
        if "-->" in head:
            identifier, timing_index = "", 0
        else:
            identifier, timing_index = head.strip(), 1
        if _LOOKS_LIKE_TIMING.match(identifier):
            shown = head.strip()[:60]
            result.problems.append(
                FileProblem(first_line, f"“{shown}” is not a WebVTT timing; put “-->” between the times.")
            )
            continue
        if timing_index >= len(block):
            result.problems.append(
                FileProblem(first_line, f"expected a timing line such as “{EXAMPLE_TIMING}” after this.")
            )
            continue
        if "-->" not in block[timing_index]:
            result.problems.append(FileProblem(first_line + 1, f"expected a timing line such as “{EXAMPLE_TIMING}”."))
            continue
        timing_line = first_line + timing_index
        match = _VTT_TIMING.fullmatch(block[timing_index].strip())
        if not match:
            shown = block[timing_index].strip()[:60]
            result.problems.append(
                FileProblem(timing_line, f"“{shown}” is not a WebVTT timing; write times as hh:mm:ss.ttt.")
            )
            continue
        try:
            start, end = parse_time(match[1]), parse_time(match[2])
        except TimeFormatError as error:
            result.problems.append(FileProblem(timing_line, str(error)))
            continue
        payload = block[timing_index + 1 :]
        if not payload:
            result.problems.append(FileProblem(timing_line, "the cue has no text; its first line is the title."))
            continue
        voices = [name for line in payload for name in _voice_names(line)]
        title_line = _VOICE_TAG.sub("", payload[0]).strip()
        layer_match = _TITLE_LAYER.fullmatch(title_line)
        title = html.unescape(strip_tags(title_line)).strip()
        if not title:
            result.problems.append(FileProblem(timing_line + 1, "the cue's first line, its title, is empty."))
            continue
        if len(title) > MAX_TITLE:
            result.problems.append(FileProblem(timing_line + 1, f"the title is longer than {MAX_TITLE} characters."))
            continue
        slug = "" if _SEQUENCE_NUMBER.fullmatch(identifier) else slugify(identifier)[:SLUG_MAX_LENGTH]
        result.records.append(
            CueRecord(
                line=first_line,
                start_ms=start,
                end_ms=end,
                title=title,
                slug=slug,
                layer=layer_match[1] if layer_match else None,
                commentary=_commentary_from_lines([_VOICE_TAG.sub("", line) for line in payload[1:]]),
                commentary_is_plain=not _BLOCK_START.match("\n".join(payload[1:]).lstrip()),
                voices=voices or None,
            )
        )
        if len(result.records) > MAX_CUES:
            result.problems.append(FileProblem(first_line, f"a track holds at most {MAX_CUES} cues."))
            break
    return result


def _commentary_from_lines(lines: list[str]) -> str:
    """Our export writes rich-text blocks; other tools write plain lines, each a paragraph here."""
    if not lines:
        return ""
    joined = "\n".join(lines)
    if not _BLOCK_START.match(joined.lstrip()):
        joined = "".join(f"<p>{line}</p>" for line in lines)
    return clean_rich_text(joined)


def _vtt_text(value: str) -> str:
    """Text as WebVTT cue text: escaped (so `-->` cannot end a cue) and on one line."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def write_webvtt(spans: Iterable, *, title: str = "", shows: Callable = lambda page: True) -> str:
    """WebVTT for cue spans (timeline.cue_spans): every cue gets its actual end, as players need.

    Cue text is plain text, as players show it: the title in its layer's class span, inside a voice
    span naming the performers (those `shows` allows), then a line per paragraph of commentary.
    """
    out = ["WEBVTT", ""]
    if title:
        out += [f"NOTE {_vtt_text(title)}", ""]
    for span in spans:
        cue = span.cue
        if cue.slug:
            out.append(cue.slug)
        out.append(f"{vtt_timestamp(span.start_ms)} --> {vtt_timestamp(span.end_ms)}")
        title_line = f"<c.{cue.layer}>{_vtt_text(cue.title)}</c>"
        names = [_vtt_text(name) for name in performer_names(cue, shows)]
        if names:
            title_line = f"<v {f'{PERFORMER_SEPARATOR} '.join(names)}>{title_line}</v>"
        out.append(title_line)
        out += [_vtt_text(line) for line in plain_text_lines(cue.commentary or "")]
        out.append("")
    return "\n".join(out)


def performer_names(cue, shows: Callable = lambda page: True) -> list[str]:
    return [person.title for person in cue.performers.all() if shows(person)]


# -- CSV -----------------------------------------------------------------------------------------


def guard_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: formula starts (and apostrophe starts) get one more apostrophe."""
    if value and (value.startswith(FORMULA_STARTS) or value.startswith("'")):
        return "'" + value
    return value


def unguard_cell(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and (value[1] in "'" or value[1:].startswith(FORMULA_STARTS)):
        return value[1:]
    return value


def write_csv(cues: Iterable, *, shows: Callable = lambda page: True) -> str:
    """CSV of the cues: every field, and the commentary twice, as stored (HTML) and as plain text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for cue in cues:
        scene = cue.scene if cue.scene_id and cue.scene and shows(cue.scene) else None
        row = [
            cue.slug,
            format_exact(cue.start_ms),
            format_exact(cue.end_ms) if cue.end_ms is not None else "",
            cue.title,
            cue.layer,
            f"{PERFORMER_SEPARATOR} ".join(performer_names(cue, shows)),
            scene.title if scene else "",
            without_block_keys(cue.commentary or ""),  # the editor's own bookkeeping is nothing to other tools
            "\n\n".join(plain_text_lines(cue.commentary or "")),
            cue.sources or "",
        ]
        writer.writerow([guard_cell(str(value)) for value in row])
    return buffer.getvalue()


def column_label(index: int, name: str) -> str:
    """A column as a spreadsheet shows it: "column C (end)" for the third."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return f"column {letters} ({name[:40]})"


# Excel's hint for the delimiter, a first line such as `sep=;`.
_SEPARATOR_HINT = re.compile(r"sep=([,;\t|])\n")


def _csv_delimiter(text: str) -> str:
    """The delimiter the header row uses: the one that splits it into the most names we know."""
    header = text.split("\n", 1)[0]

    def score(delimiter):
        names = next(csv.reader([header], delimiter=delimiter), [])
        return (sum(name.strip().lower() in CSV_COLUMNS for name in names), len(names))

    return max(CSV_DELIMITERS, key=score)  # ties keep the first: comma


def read_csv(text: str) -> ReadResult:
    result = ReadResult()
    hint = _SEPARATOR_HINT.match(text)
    delimiter = hint[1] if hint else _csv_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    if hint:
        next(reader)
    header_line = reader.line_num + 1
    try:
        header = next(reader)
    except StopIteration:
        result.problems.append(FileProblem(header_line, "the file is empty; the first row names the columns."))
        return result
    except csv.Error as error:
        result.problems.append(FileProblem(header_line, f"this is not readable CSV ({error})."))
        return result
    names: list[str | None] = []
    for index, cell in enumerate(header):
        name = cell.strip().lower()
        if name in CSV_COLUMNS and name not in names:
            names.append(name)
            continue
        names.append(None)  # skipped
        if name in names:
            result.problems.append(FileProblem(header_line, "this column is named twice.", column_label(index, name)))
        elif name:
            result.warnings.append(
                FileProblem(
                    header_line,
                    f"not a column the guide knows; skipped. The columns are {', '.join(CSV_COLUMNS)}.",
                    column_label(index, cell.strip()),
                )
            )
    missing = [name for name in ("start", "title") if name not in names]
    if missing:
        result.problems.append(FileProblem(header_line, f"the column “{missing[0]}” is missing."))
    if result.problems:
        return result
    where = {name: column_label(index, name) for index, name in enumerate(names) if name}

    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.problems.append(FileProblem(line, f"this row is not readable CSV ({error})."))
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names) and any(cell.strip() for cell in row[len(names) :]):
            hint = (
                " A time with a decimal comma needs quotes in a file whose cells are separated by commas."
                if delimiter == "," and any(re.fullmatch(r"\s*\d+", cell) for cell in row)
                else ""
            )
            message = f"the row has {len(row)} cells but there are {len(names)} columns.{hint}"
            result.problems.append(FileProblem(line, message))
            continue
        cells = {name: unguard_cell(row[index]) if index < len(row) else "" for index, name in enumerate(names) if name}
        problems_before = len(result.problems)

        def problem(name, message, line=line):
            result.problems.append(FileProblem(line, message, where[name]))

        start_text, end_text = cells["start"].strip(), cells.get("end", "").strip()
        start = end = None
        try:
            start = parse_time(start_text) if start_text else None
            if not start_text:
                problem("start", "every cue needs a start time.")
        except TimeFormatError as error:
            problem("start", str(error))
        try:
            end = parse_time(end_text) if end_text else None
        except TimeFormatError as error:
            problem("end", str(error))
        title = cells["title"].strip()
        if not title:
            problem("title", "every cue needs a title.")
        elif len(title) > MAX_TITLE:
            problem("title", f"longer than {MAX_TITLE} characters.")
        layer = None
        if "layer" in cells:
            layer_text = cells["layer"].strip().lower()
            layer = LAYERS.get(layer_text or CueLayer.MUSIC)
            if layer is None:
                problem("layer", f"“{layer_text[:40]}” is not a layer; use {', '.join(CueLayer.values)}.")
        if len(result.problems) > problems_before:
            continue
        columns = {CSV_FIELDS.get(name, name): label for name, label in where.items()}
        record = CueRecord(line=line, start_ms=start, end_ms=end, title=title, layer=layer, columns=columns)
        record.slug = slugify(cells.get("slug", "").strip())[:SLUG_MAX_LENGTH]
        _csv_commentary(record, cells, result.warnings)
        if "performers" in cells:
            record.performers = [
                name.strip() for name in cells["performers"].split(PERFORMER_SEPARATOR) if name.strip()
            ]
        if "scene" in cells:
            record.scene = cells["scene"].strip()
        if "sources" in cells:
            record.sources = cells["sources"].strip()
        result.records.append(record)
        if len(result.records) > MAX_CUES:
            result.problems.append(FileProblem(line, f"a track holds at most {MAX_CUES} cues."))
            break
    return result


def _csv_commentary(record: CueRecord, cells: dict, warnings: list) -> None:
    """The commentary column (HTML, as exported) unless the plain-text one beside it was edited."""
    stored = cells.get("commentary")
    text = cells.get("commentary_text")
    if stored is not None:
        record.commentary = _commentary_from_cell(stored)
        record.commentary_is_plain = not _BLOCK_START.match(stored.strip())
    if text is None or (stored is not None and _words(text) == _words("\n".join(plain_text_lines(record.commentary)))):
        return
    record.commentary = _commentary_from_cell(text, plain=True)
    record.commentary_is_plain = True
    if stored and stored.strip():
        warnings.append(
            FileProblem(
                record.line,
                "the plain text differs from the commentary beside it; it was taken as the commentary, "
                "without formatting.",
                record.columns["commentary_text"],
            )
        )


def _words(text: str) -> str:
    return " ".join((text or "").split())


def _commentary_from_cell(value: str, *, plain: bool = False) -> str:
    """HTML as our export writes it, or plain text with paragraphs split by blank lines."""
    value = value.strip()
    if not value:
        return ""
    if _BLOCK_START.match(value) and not plain:
        return clean_rich_text(value)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", value) if part.strip()]
    return clean_rich_text("".join(f"<p>{html.escape(part)}</p>" for part in paragraphs))


# -- Audacity labels ---------------------------------------------------------------------------------

AUDACITY_COLUMNS = ("start", "end", "label")


def write_audacity(cues: Iterable) -> str:
    """Audacity's label track: `start<TAB>end<TAB>label`, seconds to six places as Audacity writes them.
    A cue that runs to the next is a point label (its end is its start)."""
    lines = []
    for cue in sorted(cues, key=lambda cue: (cue.start_ms, cue.sort_order or 0)):
        end = cue.end_ms if cue.end_ms is not None else cue.start_ms
        label = " ".join(cue.title.split())  # a tab or a line break would end the label
        lines.append(f"{_audacity_seconds(cue.start_ms)}\t{_audacity_seconds(end)}\t{label}\n")
    return "".join(lines)


def _audacity_seconds(ms: int) -> str:
    whole, millis = divmod(int(ms), 1000)
    return f"{whole}.{millis:03d}000"


def read_audacity(text: str) -> ReadResult:
    result = ReadResult()
    for line, row in enumerate(text.split("\n"), start=1):
        if not row.strip():
            continue
        if row.startswith("\\"):
            continue  # the frequency range of a spectral label: nothing a cue holds
        cells = row.split("\t")
        if len(cells) < 2:
            result.problems.append(
                FileProblem(line, "not an Audacity label: expected start, end and label separated by tabs.")
            )
            continue
        if len(cells) == 2:  # Audacity before 1.3 wrote no end
            cells = [cells[0], cells[0], cells[1]]
        where = {name: column_label(index, name) for index, name in enumerate(AUDACITY_COLUMNS)}
        times, problems_before = [], len(result.problems)
        for index, name in enumerate(("start", "end")):
            try:
                times.append(parse_time(cells[index]))
            except TimeFormatError as error:
                result.problems.append(FileProblem(line, str(error), where[name]))
        title = " ".join("\t".join(cells[2:]).split())
        if not title:
            result.problems.append(FileProblem(line, "every cue needs a title: give the label a name.", where["label"]))
        elif len(title) > MAX_TITLE:
            result.problems.append(FileProblem(line, f"longer than {MAX_TITLE} characters.", where["label"]))
        if len(result.problems) > problems_before:
            continue
        start, end = times
        result.records.append(
            CueRecord(
                line=line,
                start_ms=start,
                end_ms=None if end == start else end,
                title=title,
                columns={"start_ms": where["start"], "end_ms": where["end"], "title": where["label"]},
            )
        )
        if len(result.records) > MAX_CUES:
            result.problems.append(FileProblem(line, f"a track holds at most {MAX_CUES} cues."))
            break
    return result


# -- Podcast chapters (JSON Chapters 1.2.0, Podcasting 2.0) -------------------------------------------


def write_chapters(cues: Iterable, *, title: str = "", url_for: Callable | None = None) -> str:
    """Chapters in start order; `endTime` only where a cue has an end of its own, `url` its permalink."""
    chapters = []
    for cue in sorted(cues, key=lambda cue: (cue.start_ms, cue.sort_order or 0)):
        chapter = {"startTime": _json_seconds(cue.start_ms), "title": cue.title}
        if cue.end_ms is not None:
            chapter["endTime"] = _json_seconds(cue.end_ms)
        if url_for is not None:
            chapter["url"] = url_for(cue)
        chapters.append(chapter)
    document = {"version": CHAPTERS_VERSION, **({"title": title} if title else {}), "chapters": chapters}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_seconds(ms: int) -> int | float:
    return ms // 1000 if ms % 1000 == 0 else ms / 1000


class _PlacedDecoder(json.JSONDecoder):
    """A JSON decoder that notes the line each object starts on, so a problem can name it."""

    def __init__(self, text: str):
        super().__init__()
        self.lines: dict[int, int] = {}
        parse = json.decoder.JSONObject

        def parse_object(s_and_end, *args):
            document, end = s_and_end
            value, after = parse(s_and_end, *args)
            self.lines[id(value)] = document.count("\n", 0, end) + 1
            return value, after

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # the C scanner would not call parse_object


def read_chapters(text: str) -> ReadResult:
    result = ReadResult()
    decoder = _PlacedDecoder(text)
    try:
        document = decoder.decode(text)
    except json.JSONDecodeError as error:
        result.problems.append(FileProblem(error.lineno, f"this is not JSON ({error.msg}).", f"column {error.colno}"))
        return result
    except (RecursionError, ValueError):  # nesting, or a number of thousands of digits
        result.problems.append(
            FileProblem(0, "This is not a podcast chapters file (it nests too deep or holds numbers too long).")
        )
        return result
    chapters = document.get("chapters") if isinstance(document, dict) else None
    if not isinstance(chapters, list):
        example = '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}'
        result.problems.append(FileProblem(1, f"podcast chapters are an object with a list of chapters: {example}."))
        return result
    ignored: set[str] = set()
    for number, chapter in enumerate(chapters, start=1):
        line = decoder.lines.get(id(chapter), 0)
        if not isinstance(chapter, dict):
            result.problems.append(
                FileProblem(line, "a chapter is an object with startTime and title.", f"chapter {number}")
            )
            continue
        ignored |= set(chapter) - {"startTime", "endTime", "title"}
        problems_before = len(result.problems)
        start = _chapter_time(chapter, "startTime", number, line, result.problems)
        end = _chapter_time(chapter, "endTime", number, line, result.problems) if "endTime" in chapter else None
        title = chapter.get("title")
        if title is None or (isinstance(title, str) and not title.strip()):
            result.warnings.append(
                FileProblem(line, "it has no title, and a cue needs one: skipped.", f"chapter {number}")
            )
            continue
        if not isinstance(title, str):
            result.problems.append(FileProblem(line, "the title must be text.", f"chapter {number}, title"))
        elif len(title.strip()) > MAX_TITLE:
            result.problems.append(
                FileProblem(line, f"longer than {MAX_TITLE} characters.", f"chapter {number}, title")
            )
        if len(result.problems) > problems_before:
            continue
        where = f"chapter {number}"
        result.records.append(
            CueRecord(
                line=line,
                start_ms=start,
                end_ms=end,
                title=" ".join(title.split()),
                columns={"start_ms": f"{where}, startTime", "end_ms": f"{where}, endTime", "title": f"{where}, title"},
            )
        )
        if len(result.records) > MAX_CUES:
            result.problems.append(FileProblem(line, f"a track holds at most {MAX_CUES} cues."))
            break
    if ignored & {"img", "url", "location"}:
        shown = ", ".join(sorted(ignored & {"img", "url", "location"}))
        result.warnings.append(
            FileProblem(0, f"The chapters' {shown} are not imported: cues have stills and pages of their own.")
        )
    return result


def _chapter_time(chapter: dict, key: str, number: int, line: int, problems: list) -> int | None:
    """A chapter's time in seconds (a number, as the format has it, or a time as text) in milliseconds."""
    value = chapter.get(key)
    where = f"chapter {number}, {key}"
    if value is None:
        problems.append(FileProblem(line, "missing; every chapter has a start time in seconds.", where))
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise TimeFormatError("a time is a number of seconds, such as 83.5.")
        text = value if isinstance(value, str) else format(Decimal(repr(value)), "f")
        return parse_time(text)
    except (TimeFormatError, InvalidOperation) as error:
        message = str(error) if isinstance(error, TimeFormatError) else "a time is a number of seconds, such as 83.5."
        problems.append(FileProblem(line, message, where))
        return None


# -- Every format -------------------------------------------------------------------------------------

READERS = {"vtt": read_webvtt, "csv": read_csv, "audacity": read_audacity, "chapters": read_chapters}
