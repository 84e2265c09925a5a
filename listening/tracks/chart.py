"""The chart under the player: the score of the performance, laid out on the server.

One figure of the whole track: the waveform, the cues of each layer as bars, a lane for the film's
scenes, and a lane per musician showing when they play (from the cues' performers). The template
(`tracks/includes/chart.html`) draws it as SVG and links, so it reads with scripts off and prints;
the player script only moves the playhead and marks what is active. Positions are percentages of the
track's length; bars that would overlap within a lane go on rows of their own, so that marks sharing
a time are each reachable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from listening.core.timecode import format_time, seconds

from .layers import CueLayer
from .waveform import envelope

# The SVG's own units: x runs 0…WIDTH over the track, whatever size the chart is drawn at.
WIDTH = 1000
WAVE_HEIGHT = 40
WAVE_COLUMNS = 400
# Bars closer than this (a share of the track) go on separate rows of their lane: a mark is drawn at
# least 24 px wide, and on a phone the whole track is some 270 px.
MIN_SHARE = 0.09


@dataclass
class Bar:
    start_ms: int
    end_ms: int
    title: str
    left: str = ""
    width: str = ""
    x: str = ""
    w: str = ""
    row: int = 0
    slug: str = ""
    layer: str = ""
    active: bool = False

    @property
    def start(self) -> str:
        return seconds(self.start_ms)

    @property
    def end(self) -> str:
        return seconds(self.end_ms)

    @property
    def range_display(self) -> str:
        return f"{format_time(self.start_ms, precise=False)}–{format_time(self.end_ms, precise=False)}"


@dataclass
class Lane:
    kind: str  # "layer", "scenes" or "performer"
    label: str
    bars: list[Bar]
    key: str = ""
    person: object = None
    rows: int = 1
    active: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def spoken(self) -> str:
        """The lane as a sentence, for the text alternative."""
        return ", ".join(bar.range_display for bar in self.bars)


def _place(bar: Bar, duration_ms: int) -> Bar:
    share = lambda ms: min(1.0, max(0.0, ms / duration_ms)) if duration_ms else 0.0  # noqa: E731
    start, end = share(bar.start_ms), share(bar.end_ms)
    bar.left, bar.width = f"{100 * start:.3f}", f"{100 * max(0.0, end - start):.3f}"
    bar.x, bar.w = f"{WIDTH * start:.1f}", f"{max(WIDTH * (end - start), 2):.1f}"
    return bar


def _pack(bars: list[Bar], duration_ms: int) -> int:
    """Give each bar a row so that bars whose marks would overlap never share one; the number of rows."""
    min_ms = MIN_SHARE * duration_ms if duration_ms else 0
    row_ends: list[float] = []
    for bar in sorted(bars, key=lambda b: (b.start_ms, b.end_ms)):
        end = max(bar.end_ms, bar.start_ms + min_ms)
        for row, row_end in enumerate(row_ends):
            if row_end <= bar.start_ms:
                bar.row, row_ends[row] = row, end
                break
        else:
            bar.row = len(row_ends)
            row_ends.append(end)
    return max(1, len(row_ends))


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def waveform_path(peaks: dict | None) -> str:
    """An SVG path of the waveform's envelope in a WIDTH × WAVE_HEIGHT box, or "" without peaks."""
    columns = envelope(peaks, WAVE_COLUMNS) if peaks else []
    if not columns:
        return ""
    step = WIDTH / len(columns)
    middle = WAVE_HEIGHT / 2
    top = [f"{i * step:.1f},{middle - high * middle:.1f}" for i, (_, high) in enumerate(columns)]
    bottom = [f"{i * step:.1f},{middle - low * middle:.1f}" for i, (low, _) in reversed(list(enumerate(columns)))]
    return "M" + " L".join(top + bottom) + " Z"


def build_chart(
    spans, duration_ms: int | None, *, peaks=None, people=(), readable_scenes=(), active=(), moment_ms=0, selection=None
):
    """The chart's lanes for `spans` (timeline.cue_spans).

    `people`: the track's credited people in credit order (musicians named by cues but not credited
    follow); `readable_scenes`: ids of scenes a reader may open; `active`: the spans sounding at the
    page's moment, `moment_ms`; `selection`: a (start_ms, end_ms) range from a deep link, drawn on the chart.
    """
    duration = duration_ms or max((span.end_ms for span in spans), default=0)
    if not duration or not spans:
        return None
    active_ids = {id(span.cue) for span in active}
    lanes: list[Lane] = []
    for layer in CueLayer:
        bars = [
            _place(
                Bar(
                    span.start_ms,
                    span.end_ms,
                    span.cue.title,
                    slug=span.cue.slug,
                    layer=layer.value,
                    active=id(span.cue) in active_ids,
                ),
                duration,
            )
            for span in spans
            if span.cue.layer == layer.value
        ]
        if bars:
            lanes.append(Lane("layer", layer.label, bars, key=layer.value, rows=_pack(bars, duration)))

    by_scene: dict[int, tuple[object, list[tuple[int, int]]]] = {}
    for span in spans:
        scene = span.cue.scene if span.cue.scene_id in readable_scenes else None
        if scene is not None:
            by_scene.setdefault(scene.pk, (scene, []))[1].append((span.start_ms, span.end_ms))
    scene_bars = []
    for scene, intervals in by_scene.values():
        for start, end in _merge(intervals):
            bar = _place(Bar(start, end, scene.title, slug=scene.slug), duration)
            bar.extra_scene = scene
            scene_bars.append(bar)
    if scene_bars:
        lanes.append(Lane("scenes", "Scenes", scene_bars, key="scenes", rows=_pack(scene_bars, duration)))

    playing: dict[int, tuple[object, list[tuple[int, int]]]] = {}
    for span in spans:
        for person in span.cue.performers.all():
            playing.setdefault(person.pk, (person, []))[1].append((span.start_ms, span.end_ms))
    order = [person.pk for person in people if person.pk in playing]
    order += [pk for pk in playing if pk not in order]
    sounding = {person.pk for span in active for person in span.cue.performers.all()}
    # The credited people come with their portraits loaded; a cue's performer would ask for each.
    credited = {person.pk: person for person in people}
    for pk in order:
        person, intervals = playing[pk]
        person = credited.get(pk, person)
        bars = [_place(Bar(start, end, person.title), duration) for start, end in _merge(intervals)]
        lanes.append(Lane("performer", person.title, bars, key=person.slug, person=person, active=pk in sounding))

    chart = {
        "lanes": lanes,
        "wave": waveform_path(peaks),
        "width": WIDTH,
        "wave_height": WAVE_HEIGHT,
        "duration": seconds(duration),
        "playhead": f"{100 * min(1.0, moment_ms / duration):.3f}",
        "selection": None,
    }
    if selection is not None and selection[1] is not None and selection[1] > selection[0]:
        chart["selection"] = _place(Bar(selection[0], selection[1], "Selected range"), duration)
    return chart
