"""Cue-switch lag: how far behind the audio the player marks a cue, against a `timeupdate` player.

    .venv/bin/python tests/bench/sync_lag.py                 # the whole album: about 3 minutes
    .venv/bin/python tests/bench/sync_lag.py --tracks 1 --cues 2 --boundaries 3   # a quick look

For every cue switch caused by playback crossing a cue's start, the lag is the audio time at the
switch minus the cue's start. Two players watch the same playback in the same page:

- this player (static/js/player.js, which follows the audio clock): `player:cuechange` events, lag =
  `detail.time - start` for each cue that entered the active set;
- a baseline injected into the page that recomputes the active cues on every `timeupdate`, lag =
  `audio.currentTime - start` for each cue that became active.

To collect many switches without playing the whole album, each cue start gets a short trial: seek a
little before it, play until both players have switched (or a second past the start), pause. One
continuous stretch across several starts (on the demo track where that takes least time) checks that
the trials' seek-then-play does not flatter either player. Starts at 0:00 cannot be crossed by
playback and are left out; seeks and the state a page opens in are never counted.

A benchmark prints; it does not judge. The targets are printed as met or missed, and the exit status
is 0 unless the benchmark could not run at all (server or browser failed, no samples).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script, the project root is not on the path
    sys.path.insert(0, str(ROOT))

from listening.core.timecode import parse_time  # noqa: E402
from listening.demo.album import Track, load_album  # noqa: E402

# The browser tests' own launch arguments and helpers, so the benchmark sees what the tests see.
from tests.demo_server import CHROMIUM_ARGS, chromium_path, serve_demo  # noqa: E402

ALBUM = load_album()
TARGET_MEDIAN_MS = 5.0
TARGET_P95_MS = 17.0  # one frame at 60 Hz
TARGET_RATIO = 10.0

# Chromium fires `timeupdate` every 250 ms of wall time from the moment playback starts. A fixed lead
# of 1.5 s (a multiple of 250 ms) would put a `timeupdate` at the same offset from every cue start and
# make the baseline look steady; a random extra lead of up to one period gives it a random phase,
# as in real listening.
LEAD_S = 1.5
LEAD_JITTER_S = 0.25
# A trial stops once both players have switched, or this long after the start, whichever is first.
# Longer than two `timeupdate` periods, so a baseline switch is never cut off by the pause.
TAIL_S = 1.0
PLAYERS = {"player": "this player (audio clock)", "baseline": "baseline (timeupdate)"}


@dataclass
class Sample:
    player: str  # "player" or "baseline"
    run: str  # "trial" or "continuous"
    track: str
    cue: str
    start: float  # seconds
    time: float  # audio.currentTime at the switch, seconds

    @property
    def lag_ms(self) -> float:
        return (self.time - self.start) * 1000


# ---------------------------------------------------------------------------------------------
# In the page: the baseline player and the recorder for both

# Installed once per page, after player.js has bound the track. `window.__syncLag.run(...)` does one
# stretch of playback and returns what each player recorded during it.
RECORDER_JS = r"""
() => {
  const audio = document.querySelector("audio[data-player]");
  const cues = [...document.querySelectorAll("[data-cue][data-start][data-end]")].map((el) => ({
    slug: el.dataset.slug,
    start: parseFloat(el.dataset.start),
    end: parseFloat(el.dataset.end),
  }));
  const bySlug = new Map(cues.map((cue) => [cue.slug, cue]));
  // The baseline's rule: a cue sounds from its start (inclusive) to its end (exclusive).
  const activeAt = (t) => new Set(cues.filter((cue) => cue.start <= t && t < cue.end).map((cue) => cue.slug));
  // What the player shows, as it shows it: show() sets aria-current before it emits player:cuechange.
  const playerShows = () =>
    new Set([...document.querySelectorAll("[data-cue][aria-current=true]")].map((el) => el.dataset.slug));

  const state = {
    armed: false, // only while playback runs in a stretch: never during a seek or a pause
    from: 0,
    targets: null,
    player: new Map(),
    baseline: new Map(),
    playerPrev: new Set(),
    baselinePrev: new Set(),
    hidden: 0, // switches recorded while the page was hidden, where the player falls back to timeupdate
  };

  // Keep a sample only for a cue whose start playback crossed in this stretch (in a trial: the
  // trial's cue), and only its first switch.
  function record(which, slug, time) {
    const cue = bySlug.get(slug);
    if (!cue || !(cue.start > state.from)) return;
    if (state.targets && !state.targets.has(slug)) return;
    if (state[which].has(slug)) return;
    state[which].set(slug, { cue: slug, start: cue.start, time });
    if (document.hidden) state.hidden += 1;
  }

  document.addEventListener("player:cuechange", (event) => {
    const now = new Set(event.detail.active);
    if (state.armed && !audio.seeking) {
      for (const slug of now) if (!state.playerPrev.has(slug)) record("player", slug, event.detail.time);
    }
    state.playerPrev = now;
  });

  audio.addEventListener("timeupdate", () => {
    if (!state.armed || audio.seeking) return;
    const time = audio.currentTime;
    const now = activeAt(time);
    for (const slug of now) if (!state.baselinePrev.has(slug)) record("baseline", slug, time);
    state.baselinePrev = now;
  });

  const seek = (time) => new Promise((resolve) => {
    audio.addEventListener("seeked", resolve, { once: true });
    window.listeningPlayer.seekTo(time); // the player's own seek: it re-syncs, as after a click
  });
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function run({ from, until, targets }) {
    state.armed = false;
    if (!audio.paused) audio.pause();
    await seek(from);
    await pause(50); // let the player's seek-time sync settle: that is not a switch
    // Both players start from what sounds at `from`; only crossings from here on count.
    state.from = audio.currentTime;
    state.targets = targets ? new Set(targets) : null;
    state.player = new Map();
    state.baseline = new Map();
    state.hidden = 0;
    state.playerPrev = playerShows();
    state.baselinePrev = activeAt(state.from);
    const wanted = targets ?? cues.filter((cue) => cue.start > state.from && cue.start <= until).map((cue) => cue.slug);
    const done = () => wanted.every((slug) => state.player.has(slug) && state.baseline.has(slug));
    state.armed = true;
    await audio.play();
    const deadline = performance.now() + ((until - state.from) / (audio.playbackRate || 1)) * 1000 + 10000;
    let timedOut = false;
    while (audio.currentTime < until && !(targets && done())) {
      if (performance.now() > deadline || audio.ended) {
        timedOut = !audio.ended;
        break;
      }
      await pause(20);
    }
    // Disarm first: the pause makes both players sync once more, and that is not playback's doing.
    state.armed = false;
    audio.pause();
    return {
      from: state.from,
      wanted,
      timedOut,
      hidden: state.hidden,
      player: [...state.player.values()],
      baseline: [...state.baseline.values()],
    };
  }

  window.__syncLag = { run, cues, visible: document.visibilityState };
}
"""


def open_track(page, url: str) -> list[dict]:
    """Open a track page, load its audio into the player, install the recorder; return its cues."""
    page.goto(url, wait_until="networkidle")  # the page's own loading (stills, fonts) is not what we measure
    page.bring_to_front()  # a hidden page gets no animation frames: the player would fall back to timeupdate
    page.wait_for_function("window.listeningPlayer && window.listeningPlayer.view")
    # The player loads a page's track on its first seek; wait until the audio's duration is known.
    page.evaluate("window.listeningPlayer.seekTo(0)")
    page.wait_for_function("document.querySelector('audio[data-player]').readyState >= 1")
    page.evaluate(RECORDER_JS)
    # The chart under the player (waveform, lanes, playhead) is part of what every frame costs.
    if not page.evaluate("Boolean(document.querySelector('[data-chart] [data-playhead]'))"):
        raise RuntimeError(f"{url} has no chart with a playhead: the benchmark measures the page as readers get it.")
    if page.evaluate("window.__syncLag.visible") != "visible":
        raise RuntimeError("The page is hidden: the player would fall back to timeupdate.")
    return page.evaluate("window.__syncLag.cues")


def collect(page, run: str, track: str, stretch: dict, samples: list[Sample], warnings: list[str]) -> None:
    result = page.evaluate("(stretch) => window.__syncLag.run(stretch)", stretch)
    for which in PLAYERS:
        got = {row["cue"] for row in result[which]}
        samples.extend(Sample(which, run, track, row["cue"], row["start"], row["time"]) for row in result[which])
        for slug in result["wanted"]:
            if slug not in got:
                warnings.append(f"{PLAYERS[which]} did not switch: {track} {slug}")
    if result["timedOut"]:
        warnings.append(f"timed out: {track} from {result['from']:.3f} s")
    if result["hidden"]:
        warnings.append(f"{result['hidden']} switch(es) recorded while the page was hidden: {track}")


def trial_starts(cues: list[dict], limit: int | None) -> list[tuple[float, list[str]]]:
    """Each distinct cue start playback can cross (not 0:00), with the cues that begin there."""
    starts: dict[float, list[str]] = {}
    for cue in cues:
        if cue["start"] > 0:
            starts.setdefault(cue["start"], []).append(cue["slug"])
    return sorted(starts.items())[:limit]


def continuous_stretch(boundaries: int) -> tuple[str, float, float]:
    """The shortest stretch of any demo track that crosses `boundaries` cue starts: (url, first, last).

    Chosen from the whole album, whatever --tracks says, so that a quick run stays quick.
    """
    best = None
    for track in ALBUM.tracks:
        starts = sorted({parse_time(cue.start) / 1000 for cue in track.cues} - {0})
        for first, last in zip(starts, starts[boundaries - 1 :], strict=False):
            if best is None or last - first < best[2] - best[1]:
                best = (track_url(track), first, last)
    if best is None:
        raise RuntimeError(f"No demo track has {boundaries} cue starts.")
    return best


def track_url(track: Track) -> str:
    return f"/{ALBUM.soundtrack.slug}/{track.slug}/"


CHART_SIZE_JS = """() => ({
  lanes: document.querySelectorAll('[data-chart] .chart-row').length,
  marks: document.querySelectorAll('[data-chart] .chart-mark').length,
  points: (document.querySelector('.chart-wave path')?.getAttribute('d').match(/[ML]/g) || []).length,
})"""

# For 120 frames while playing, after the player's own frame callback: |playhead's time - audio time|.
PLAYHEAD_JS = """(from) => new Promise((resolve) => {
  const audio = document.querySelector('audio[data-player]');
  const chart = document.querySelector('[data-chart]');
  const duration = parseFloat(chart.dataset.duration);
  const head = chart.querySelector('[data-playhead]');
  const lags = [];
  const frame = () => {
    const share = parseFloat(head.style.transform.match(/translateX\\(([\\d.]+)%\\)/)[1]) / 100;
    lags.push(Math.abs(share * duration - audio.currentTime) * 1000);
    if (lags.length < 120) requestAnimationFrame(frame);
    else { audio.pause(); resolve(lags); }
  };
  window.listeningPlayer.seekTo(from, {andPlay: true});
  audio.addEventListener('playing', () => requestAnimationFrame(() => requestAnimationFrame(frame)), {once: true});
})"""

playhead_lags: list[float] = []


def measure_playhead(page, start: float) -> list[float]:
    return page.evaluate(PLAYHEAD_JS, start)


def run_benchmark(base_url: str, args, rng: random.Random) -> tuple[list[Sample], list[str], list[str]]:
    urls = [track_url(track) for track in ALBUM.tracks][: args.tracks]
    samples: list[Sample] = []
    warnings: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            for url in urls:
                cues = open_track(page, base_url + url)
                starts = trial_starts(cues, args.cues)
                print(f"  {url}: {len(starts)} cue starts", flush=True)
                for start, slugs in starts:
                    lead = args.lead + rng.uniform(0, LEAD_JITTER_S)
                    stretch = {"from": max(0.0, start - lead), "until": start + TAIL_S, "targets": slugs}
                    collect(page, "trial", url, stretch, samples, warnings)

            url, first, last = continuous_stretch(args.boundaries)
            stretch = {"from": max(0.0, first - args.lead), "until": last + TAIL_S, "targets": None}
            print(f"  continuous: {url} from {stretch['from']:.1f} s to {stretch['until']:.1f} s", flush=True)
            open_track(page, base_url + url)
            chart = page.evaluate(CHART_SIZE_JS)
            print(f"  the chart on the page: {chart['lanes']} lanes, {chart['marks']} marks, ", end="")
            print(f"{chart['points']} waveform points")
            collect(page, "continuous", url, stretch, samples, warnings)
            playhead_lags.extend(measure_playhead(page, stretch["from"]))
        finally:
            browser.close()
    return samples, warnings, errors


# ---------------------------------------------------------------------------------------------
# Figures


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(samples: list[Sample]) -> dict | None:
    if not samples:
        return None
    signed = [s.lag_ms for s in samples]
    # Absolute lag: a switch a hair early is as far off as one a hair late.
    absolute = [abs(lag) for lag in signed]
    return {
        "n": len(samples),
        "median": statistics.median(absolute),
        "p95": percentile(absolute, 95),
        "signed_median": statistics.median(signed),
        "min": min(signed),
        "max": max(signed),
    }


def print_table(title: str, samples: list[Sample]) -> dict:
    print(f"\n{title}")
    print(f"  {'':28} {'samples':>7} {'median':>8} {'p95':>8} {'signed med':>10} {'min':>8} {'max':>8}")
    figures = {}
    for which, label in PLAYERS.items():
        stats = summarise([s for s in samples if s.player == which])
        figures[which] = stats
        if stats is None:
            print(f"  {label:28} {0:>7}")
            continue
        print(
            f"  {label:28} {stats['n']:>7} {stats['median']:>8.1f} {stats['p95']:>8.1f} "
            f"{stats['signed_median']:>+10.1f} {stats['min']:>+8.1f} {stats['max']:>+8.1f}"
        )
    return figures


def print_distribution(samples: list[Sample]) -> None:
    """Where this player's switches fall: shows whether misses are frame-sized, timer-sized or rare."""
    edges = [-1000, -17, -5, -1, 0, 1, 2, 5, 10, 17, 34, 100, 1000]
    lags = [s.lag_ms for s in samples if s.player == "player"]
    if not lags:
        return
    print("\nThis player's signed lag, ms")
    for low, high in itertools.pairwise(edges):
        count = sum(low <= lag < high for lag in lags)
        if count:
            print(f"  [{low:>+5}, {high:>+5})  {count:>3}  {'#' * count}")
    outside = [lag for lag in lags if not edges[0] <= lag < edges[-1]]
    if outside:
        print(f"  outside ±1 s: {len(outside)}  {sorted(outside)}")


def print_slowest(samples: list[Sample], count: int = 5) -> None:
    """This player's latest switches beside the baseline's for the same crossing.

    When both are late together, the page as a whole was held up (a long task, a stalled frame);
    when only this player is, the cause is in how it follows the clock.
    """
    baseline = {(s.run, s.track, s.cue): s.lag_ms for s in samples if s.player == "baseline"}
    mine = sorted((s for s in samples if s.player == "player"), key=lambda s: -abs(s.lag_ms))[:count]
    if not mine:
        return
    print(f"\nThis player's {len(mine)} largest |lag|, ms (baseline on the same crossing)")
    for s in mine:
        other = baseline.get((s.run, s.track, s.cue))
        other_text = f"{other:+8.1f}" if other is not None else f"{'-':>8}"
        print(f"  {s.lag_ms:+8.1f} {other_text}  {s.run:10} {s.track} {s.cue} @ {s.start:g} s")


def target(what: str, value: float, unit: str, goal: str, ok: bool) -> None:
    print(f"  {what:30} {value:>8.1f} {unit:2}  target {goal:9}  {'met' if ok else 'MISSED'}")


def report(samples: list[Sample], warnings: list[str]) -> None:
    print("\nLag = audio time at the switch - cue start; median and p95 of |lag|, signed median/min/max; in ms.")
    figures = print_table("All switches", samples)
    for run, title in [("trial", "Trials (seek before each start, play across it)"), ("continuous", "Continuous play")]:
        print_table(title, [s for s in samples if s.run == run])
    print_distribution(samples)
    print_slowest(samples)

    player, baseline = figures["player"], figures["baseline"]
    if playhead_lags:
        ordered = sorted(playhead_lags)
        print(
            f"\nThe chart's playhead against the audio clock, {len(ordered)} frames: median "
            f"{statistics.median(ordered):.1f} ms, p95 {percentile(ordered, 95):.1f} ms, max {ordered[-1]:.1f} ms "
            f"(a frame is {1000 / 60:.1f} ms)"
        )
    print("\nTargets (all switches)")
    if player:
        median, p95 = player["median"], player["p95"]
        target("median |lag|", median, "ms", f"<= {TARGET_MEDIAN_MS:g} ms", median <= TARGET_MEDIAN_MS)
        target("p95 |lag|", p95, "ms", f"<= {TARGET_P95_MS:g} ms", p95 <= TARGET_P95_MS)
    if player and baseline:
        ratio = baseline["median"] / player["median"] if player["median"] > 0 else float("inf")
        target("baseline median / this median", ratio, "x", f">= {TARGET_RATIO:g}x", ratio >= TARGET_RATIO)
    if warnings:
        print(f"\nWarnings ({len(warnings)}):")
        for line in warnings:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=None, help="benchmark the first N demo tracks (default: all)")
    parser.add_argument("--cues", type=int, default=None, help="at most N cue starts per track (default: all)")
    parser.add_argument("--lead", type=float, default=LEAD_S, help=f"seconds played before each start ({LEAD_S})")
    parser.add_argument("--boundaries", type=int, default=4, help="cue starts crossed in one continuous stretch (4)")
    parser.add_argument("--seed", type=int, default=1957, help="seed for the random extra lead")
    parser.add_argument("--json", type=Path, help="also write every sample to this file")
    args = parser.parse_args(argv)
    if args.boundaries < 3:
        parser.error("--boundaries must be at least 3")

    if not chromium_path():
        print("Chromium is not installed (apt-get install chromium).", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sync-lag-") as folder:
        print("Serving the demo album...", flush=True)
        try:
            with serve_demo(Path(folder)) as base_url:
                print(f"Served at {base_url} in {time.monotonic() - started:.0f} s; playing:", flush=True)
                samples, warnings, errors = run_benchmark(base_url, args, random.Random(args.seed))
        except (RuntimeError, subprocess.CalledProcessError, PlaywrightError) as error:
            print(f"The benchmark could not run: {error}", file=sys.stderr)
            return 2
    if errors:
        print(f"\nJavaScript errors on the page: {errors}")
    report(samples, warnings)
    if args.json:
        args.json.write_text(json.dumps([{**asdict(s), "lag_ms": s.lag_ms} for s in samples], indent=1))
        print(f"\nSamples written to {args.json}")
    # Frames and timers share the CPUs with whatever else runs here: say how busy the machine was.
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\nRan in {time.monotonic() - started:.0f} s; load average (1, 5, 15 min) {load} on {os.cpu_count()} CPUs.")
    if not any(s.player == "player" for s in samples) or not any(s.player == "baseline" for s in samples):
        print("No samples: the benchmark did not measure anything.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
