// Which cues sound when: pure functions over plain cue objects, no DOM.
//
// The rules are the server's (listening/tracks/timeline.py), so the player marks at every moment what
// the server would have rendered for it:
// - a cue sounds from its start (inclusive) to its end (exclusive), in whole milliseconds;
// - a zero-length cue sounds at its own instant;
// - a cue without an end runs to the next later start in its own layer, or to the track's end.
//
// A cue here is `{ start, end, layer, … }` with times in seconds, as the page's data attributes give
// them. Times are compared in whole milliseconds: the audio clock is a float, the cue times are not,
// and rounding the clock to the nearest millisecond is what lets 82.9996 count as 83.

/** Seconds to the whole milliseconds the server keeps. */
export const toMs = (seconds) => Math.round(seconds * 1000);

const hasEnd = (cue) => typeof cue.end === "number" && Number.isFinite(cue.end);

/** The cues in time order, each with its end filled in as the server fills it. */
export function inTimeOrder(cues, trackEnd = 0) {
  // Array.prototype.sort is stable: cues that start together keep the page's (the server's) order.
  const ordered = [...cues].sort((a, b) => toMs(a.start) - toMs(b.start));
  return ordered.map((cue, index) => {
    if (hasEnd(cue)) return cue;
    const start = toMs(cue.start);
    const next = ordered.slice(index + 1).find((other) => other.layer === cue.layer && toMs(other.start) > start);
    const end = next ? next.start : Math.max(trackEnd || 0, cue.start);
    return { ...cue, end };
  });
}

/** Does `cue` sound at `time` (seconds)? */
export function soundsAt(cue, time) {
  const now = toMs(time);
  const start = toMs(cue.start);
  const end = toMs(cue.end);
  return (start <= now && now < end) || (start === end && start === now);
}

/** The cues that sound at `time`, in the order given. */
export const activeAt = (cues, time) => cues.filter((cue) => soundsAt(cue, time));

/** Every distinct start and end, in order: the times at which the active set can change. */
export function boundariesOf(cues) {
  return [...new Set(cues.flatMap((cue) => [toMs(cue.start), toMs(cue.end)]))].sort((a, b) => a - b).map((ms) => ms / 1000);
}

/** The first boundary after `time` (from boundariesOf), or Infinity when none is left. */
export function nextBoundary(boundaries, time) {
  const now = toMs(time);
  return boundaries.find((boundary) => toMs(boundary) > now) ?? Infinity;
}

/** The newest of some cues (the latest start; the later in order wins a tie): what the stage shows. */
export function newest(cues) {
  let current = null;
  for (const cue of cues) if (!current || cue.start >= current.start) current = cue;
  return current;
}

// Stepping: "next" skips a start the playhead is just on (a double press must move on), and
// "previous" from well inside a cue goes back to its own start first, as media players do.
const ON_A_START_S = 0.05;
const BACK_TO_OWN_START_S = 1.5;

/** The start to jump to for "next cue" from `time`, or null at the last one. */
export function nextStart(cues, time) {
  const starts = distinctStarts(cues);
  return starts.find((start) => start > time + ON_A_START_S) ?? null;
}

/** The start to jump to for "previous cue" from `time`: 0 before the first. */
export function previousStart(cues, time) {
  const starts = distinctStarts(cues);
  return starts.findLast((start) => start < time - BACK_TO_OWN_START_S) ?? 0;
}

const distinctStarts = (cues) => [...new Set(cues.map((cue) => cue.start))].sort((a, b) => a - b);
