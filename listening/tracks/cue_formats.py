"""Cues to and from files: WebVTT and CSV, read and written here and nowhere else.

Reading gives CueRecords (what the file says, by line) and FileProblems (the line and the reason);
deciding what an import changes on a track is cue_import's work. Times in CSV go through the shared
parser; WebVTT has its own strict `hh:mm:ss.ttt` grammar, read below.

- WebVTT: a cue's identifier is its slug, its first text line its title (in a `<c.layer>` class
  span, which players may style and which carries the layer), the lines after it its commentary
  (the stored rich text, one block per line, so other tools show readable text). WebVTT carries no
  scene, performers or sources: importing keeps a matching cue's own.
- CSV: one row per cue with every field, so export → import loses nothing. Cells that a spreadsheet
  would run as a formula are written with a leading apostrophe, which reading takes off again.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.utils.html import strip_tags
from django.utils.text import slugify

from listening.core.rich_text import clean_rich_text, without_block_keys
from listening.core.timecode import TimeFormatError, format_exact, parse_time, vtt_timestamp

from .cue_rules import SLUG_MAX_LENGTH
from .layers import CueLayer

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_CUES = 2000
MAX_TITLE = 200
LAYERS = {layer: layer for layer in CueLayer.values}

CSV_COLUMNS = ["slug", "start", "end", "title", "layer", "performers", "scene", "commentary", "sources"]
PERFORMER_SEPARATOR = ";"
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
    scene: str | None = None
    sources: str | None = None


@dataclass(frozen=True)
class FileProblem:
    line: int
    message: str

    def __str__(self):
        return f"Line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ReadResult:
    records: list[CueRecord] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


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
        layer_match = _TITLE_LAYER.fullmatch(payload[0].strip())
        title = html.unescape(strip_tags(payload[0])).strip()
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
                commentary=_commentary_from_lines(payload[1:]),
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
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _commentary_lines(stored: str) -> list[str]:
    """Stored rich text as one line per block, without Draftail's block keys."""

    soup = BeautifulSoup(without_block_keys(stored), "html.parser")
    lines = []
    for node in soup.contents:
        text = str(node).replace("\n", " ").replace("-->", "--&gt;").strip()
        if text and (getattr(node, "name", None) or not text.isspace()):
            lines.append(text)
    return lines


def write_webvtt(spans: Iterable, *, title: str = "") -> str:
    """WebVTT for cue spans (timeline.cue_spans): every cue gets its actual end, as players need."""
    out = ["WEBVTT", ""]
    if title:
        out += [f"NOTE {_vtt_text(title)}", ""]
    for span in spans:
        cue = span.cue
        if cue.slug:
            out.append(cue.slug)
        out.append(f"{vtt_timestamp(span.start_ms)} --> {vtt_timestamp(span.end_ms)}")
        out.append(f"<c.{cue.layer}>{_vtt_text(cue.title)}</c>")
        out += _commentary_lines(cue.commentary or "")
        out.append("")
    return "\n".join(out)


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


def write_csv(cues: Iterable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for cue in cues:
        row = [
            cue.slug,
            format_exact(cue.start_ms),
            format_exact(cue.end_ms) if cue.end_ms is not None else "",
            cue.title,
            cue.layer,
            f"{PERFORMER_SEPARATOR} ".join(person.title for person in cue.performers.all()),
            cue.scene.title if cue.scene_id and cue.scene else "",
            cue.commentary or "",
            cue.sources or "",
        ]
        writer.writerow([guard_cell(str(value)) for value in row])
    return buffer.getvalue()


def _csv_time(value: str, name: str, line: int, problems: list) -> int | None:
    try:
        return parse_time(value)
    except TimeFormatError as error:
        problems.append(FileProblem(line, f"{name}: {error}"))
        return None


def read_csv(text: str) -> ReadResult:
    result = ReadResult()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        result.problems.append(FileProblem(1, "the file is empty; the first row names the columns."))
        return result
    except csv.Error as error:
        result.problems.append(FileProblem(1, f"this is not readable CSV ({error})."))
        return result
    names = [name.strip().lower() for name in header]
    unknown = [name for name in names if name not in CSV_COLUMNS]
    if unknown:
        result.problems.append(
            FileProblem(1, f"unknown column “{unknown[0][:40]}”; the columns are {', '.join(CSV_COLUMNS)}.")
        )
        return result
    missing = [name for name in ("start", "title") if name not in names]
    if missing:
        result.problems.append(FileProblem(1, f"the column “{missing[0]}” is missing."))
        return result
    if len(set(names)) != len(names):
        result.problems.append(FileProblem(1, "a column is named twice."))
        return result

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
        if len(row) > len(names):
            message = f"the row has {len(row)} cells but there are {len(names)} columns."
            result.problems.append(FileProblem(line, message))
            continue
        cells = {name: unguard_cell(row[index]) if index < len(row) else "" for index, name in enumerate(names)}
        problems_before = len(result.problems)
        start_text, end_text = cells["start"].strip(), cells.get("end", "").strip()
        start = _csv_time(start_text, "start", line, result.problems) if start_text else None
        if not start_text:
            result.problems.append(FileProblem(line, "start: every cue needs a start time."))
        end = _csv_time(end_text, "end", line, result.problems) if end_text else None
        title = cells["title"].strip()
        if not title:
            result.problems.append(FileProblem(line, "title: every cue needs a title."))
        elif len(title) > MAX_TITLE:
            result.problems.append(FileProblem(line, f"title: longer than {MAX_TITLE} characters."))
        layer = None
        if "layer" in names:
            layer_text = cells["layer"].strip().lower()
            layer = LAYERS.get(layer_text or CueLayer.MUSIC)
            if layer is None:
                result.problems.append(
                    FileProblem(line, f"layer: “{layer_text[:40]}” is not a layer; use {', '.join(CueLayer.values)}.")
                )
        if len(result.problems) > problems_before:
            continue
        record = CueRecord(line=line, start_ms=start, end_ms=end, title=title, layer=layer)
        record.slug = slugify(cells.get("slug", "").strip())[:SLUG_MAX_LENGTH]
        if "commentary" in names:
            record.commentary = _commentary_from_cell(cells["commentary"])
        if "performers" in names:
            record.performers = [
                name.strip() for name in cells["performers"].split(PERFORMER_SEPARATOR) if name.strip()
            ]
        if "scene" in names:
            record.scene = cells["scene"].strip()
        if "sources" in names:
            record.sources = cells["sources"].strip()
        result.records.append(record)
        if len(result.records) > MAX_CUES:
            result.problems.append(FileProblem(line, f"a track holds at most {MAX_CUES} cues."))
            break
    return result


def _commentary_from_cell(value: str) -> str:
    """HTML as our export writes it, or plain text with paragraphs split by blank lines."""
    value = value.strip()
    if not value:
        return ""
    if _BLOCK_START.match(value):
        return clean_rich_text(value)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", value) if part.strip()]
    return clean_rich_text("".join(f"<p>{html.escape(part)}</p>" for part in paragraphs))
