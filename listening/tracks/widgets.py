"""Admin widgets that keep editors' work exact and safe."""

from __future__ import annotations

from listening.core.fields import TimecodeInput
from listening.core.timecode import format_time


def format_exact(ms: int) -> str:
    """`m:ss.s` when tenths say it all, else `m:ss.sss`: showing a time never rounds it away."""
    if ms % 100 == 0:
        return format_time(ms)
    whole, millis = divmod(int(ms), 1000)
    return f"{format_time(whole * 1000, precise=False)}.{millis:03d}"


class ExactTimecodeInput(TimecodeInput):
    """A time input that shows back what was stored: saving a page never rounds an imported 1:23.456."""

    def format_value(self, value):
        if isinstance(value, int):
            return format_exact(value)
        return super().format_value(value)
