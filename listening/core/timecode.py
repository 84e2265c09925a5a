"""Reading and writing times: the one parser and the one set of formatters, for every part of the guide.

Times are kept as integer milliseconds everywhere. Readers and editors type them in any of the
forms people use for audio (`83`, `83.5`, `1:23`, `1:23.5`, `0:01:23`, `83s`, `1m23s`, `npt:1:23`),
with a decimal comma as spreadsheets in many languages and SRT subtitles write it (`83,5`, `1:23,5`,
`00:01:23,500`).
They are written back as `m:ss.s` for display (`format_time`), exactly for editing (`format_exact`),
as decimal seconds for data attributes and media fragments (`seconds`), as WebVTT timestamps
(`vtt_timestamp`) and as ISO 8601 durations for structured data (`iso_duration`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

# Ten hours: far beyond any track; stops absurd numbers before they reach the database or the page.
MAX_MS = 10 * 60 * 60 * 1000
# No accepted form needs more characters than this (`npt:10:00:00.000` has 16); longer input is refused
# before any arithmetic, so a 100 KB number costs nothing.
MAX_TEXT = 32

# A decimal mark is a dot or a comma (`1,5`, SRT's `00:00:01,500`); a range's comma (`83,95`) is split
# off by parse_time_range before a time reaches parse_time.
_SECONDS = re.compile(r"(?P<s>\d+(?:[.,]\d+)?|[.,]\d+)s?", re.ASCII)
_CLOCK = re.compile(r"(?:(?P<h>\d+):(?=\d{1,2}:))?(?P<m>\d+):(?P<s>\d{1,2}(?:[.,]\d+)?)", re.ASCII)
_UNITS = re.compile(r"(?=\d)(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m(?!s))?(?:(?P<s>\d+(?:[.,]\d+)?)s)?", re.ASCII)


class TimeFormatError(ValueError):
    """A time that none of the accepted forms can read."""


def _ms(hours: str | None, minutes: str | None, seconds: str | None) -> int:
    try:
        # Enough digits for any text MAX_TEXT long: the default 28 would refuse to round a long number.
        with localcontext(Context(prec=2 * MAX_TEXT + 8)):
            secs = Decimal((seconds or "0").replace(",", "."))
            total = (Decimal(hours or 0) * 3600 + Decimal(minutes or 0) * 60 + secs) * 1000
            return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError) as error:  # pragma: no cover - the regexes only pass digits
        raise TimeFormatError("Enter a time such as 1:23.5 or 83.5.") from error


def _shown(text: str) -> str:
    """The input as an error message may quote it: printable, and short."""
    printable = "".join(char for char in text.strip() if char.isprintable())
    return printable[:40] + ("…" if len(printable) > 40 else "")


def parse_time(text: str) -> int:
    """Milliseconds for a time in any accepted form; TimeFormatError with a readable reason otherwise."""
    if not isinstance(text, str):
        raise TimeFormatError("Enter a time such as 1:23.5 or 83.5.")
    value = text.strip().lower()
    if value.startswith("npt:"):
        value = value[4:]
    if not value:
        raise TimeFormatError("Enter a time such as 1:23.5 or 83.5.")
    if len(value) > MAX_TEXT:
        raise TimeFormatError(f"“{_shown(text)}” is too long to be a time. Use a form such as 1:23.5 or 83.5.")

    if match := _SECONDS.fullmatch(value):
        ms = _ms(None, None, match["s"])
    elif match := _CLOCK.fullmatch(value):
        if Decimal(match["s"].replace(",", ".")) >= 60:
            raise TimeFormatError(f"“{_shown(text)}”: seconds must be below 60.")
        if match["h"] is not None and int(match["m"]) >= 60:
            raise TimeFormatError(f"“{_shown(text)}”: minutes must be below 60 when hours are given.")
        ms = _ms(match["h"], match["m"], match["s"])
    elif (match := _UNITS.fullmatch(value)) and any(match.groupdict().values()):
        ms = _ms(match["h"], match["m"], match["s"])
    else:
        raise TimeFormatError(f"“{_shown(text)}” is not a time. Use a form such as 1:23.5, 83.5, 0:01:23 or 1m23s.")
    if ms > MAX_MS:
        raise TimeFormatError(f"“{_shown(text)}” is longer than ten hours.")
    return ms


def format_time(ms: int | None, *, precise: bool = True) -> str:
    """`m:ss.s` (or `h:mm:ss.s` past an hour); `precise=False` drops the tenths, for display."""
    if ms is None:
        return ""
    tenths = (int(ms) + 50) // 100 if precise else int(ms) // 1000 * 10
    hours, rest = divmod(tenths, 36000)
    minutes, rest = divmod(rest, 600)
    seconds, tenth = divmod(rest, 10)
    clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return f"{clock}.{tenth}" if precise else clock


def format_exact(ms: int) -> str:
    """`m:ss.s` when tenths say it all, else `m:ss.sss`: showing a time never rounds it away."""
    if ms % 100 == 0:
        return format_time(ms)
    whole, millis = divmod(int(ms), 1000)
    return f"{format_time(whole * 1000, precise=False)}.{millis:03d}"


def vtt_timestamp(ms: int) -> str:
    """WebVTT's `hh:mm:ss.ttt`, e.g. 83500 → "00:01:23.500"."""
    hours, rest = divmod(int(ms), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def iso_duration(ms: int | None) -> str:
    """An ISO 8601 duration as schema.org wants it, e.g. 165000 → "PT2M45S", 83500 → "PT1M23.5S"."""
    if ms is None:
        return ""
    hours, rest = divmod(int(ms), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    if rest or not (hours or minutes):
        parts.append(f"{seconds(rest)}S")
    return "PT" + "".join(parts)


def seconds(ms: int | None) -> str:
    """Decimal seconds for data attributes and media fragments, e.g. 83500 → "83.5"."""
    if ms is None:
        return ""
    whole, frac = divmod(int(ms), 1000)
    return f"{whole}.{frac:03d}".rstrip("0").rstrip(".") if frac else str(whole)


@dataclass(frozen=True)
class TimeRange:
    """Where a deep link asks playback to start, and optionally where it should pause."""

    start_ms: int
    end_ms: int | None = None


def parse_time_range(text: str | None, *, duration_ms: int | None = None) -> TimeRange | None:
    """Read a deep-link time: `83`, `83,95`, `,95`, `npt:1:23,1:30` (W3C Media Fragments style).

    Anything unreadable or outside the track gives None: a bad link opens the track at the start
    rather than an error page. An end beyond the track is dropped (play to the end).
    """
    if not text or len(text) > 64:
        return None
    value = text.strip()
    if value.lower().startswith("npt:"):
        value = value[4:]
    start_text, _, end_text = value.partition(",")
    try:
        start_ms = parse_time(start_text) if start_text.strip() else 0
        end_ms = parse_time(end_text) if end_text.strip() else None
    except TimeFormatError:
        return None
    if duration_ms is not None:
        if start_ms >= duration_ms:
            return None
        if end_ms is not None and end_ms > duration_ms:
            end_ms = None
    if end_ms is not None and end_ms <= start_ms:
        return None
    return TimeRange(start_ms, end_ms)
