// The player's one playback state, and every way it changes: pure, no DOM, no audio element.
//
// A state is a small frozen object; `mode` says which of these it is:
//
//   idle     the track in the player is paused (or nothing is loaded), and plays on freely when resumed
//   playing  the track in the player plays on freely
//   range    the track plays `range` and pauses at its end (a deep link's range, a cue's permalink);
//            kept while paused inside it, so resuming still stops there
//   loop     the track plays `range` over and over; kept while paused
//   other    the track page on screen is not the track in the player (another track's audio, or
//            none yet): this page's controls wait for its play button. `behind` is the state of
//            the audio meanwhile, so a range or loop running on that track still holds, and comes
//            back when its page does.
//
// `range` and `loop` carry `paused`, mirroring the audio element; `idle` and `playing` are that
// same distinction for playback without a range. The player feeds events in as the audio and the
// reader cause them (see `transition`) and renders from the result.

import { toMs } from "./cues.js";

export const IDLE = "idle";
export const PLAYING = "playing";
export const RANGE = "range";
export const LOOP = "loop";
export const OTHER = "other";

// One object each for the states without a range: an event that changes nothing gives back the
// very state it was given, and the player re-renders only on a real change.
const IDLE_STATE = Object.freeze({ mode: IDLE });
const PLAYING_STATE = Object.freeze({ mode: PLAYING });
const free = (paused) => (paused ? IDLE_STATE : PLAYING_STATE);
const bounded = (mode, range, paused) => Object.freeze({ mode, range: Object.freeze({ ...range }), paused });
const other = (behind) => Object.freeze({ mode: OTHER, behind });

/** The state for an audio element as found: paused or playing, no range. */
export const initialState = ({ paused = true } = {}) => free(paused);

/** Is the audio running in this state (whichever page is on screen)? */
export function isPlaying(state) {
  switch (state.mode) {
    case PLAYING:
      return true;
    case RANGE:
    case LOOP:
      return !state.paused;
    case OTHER:
      return isPlaying(state.behind);
    default:
      return false;
  }
}

/** The state of the audio itself, whichever track page is on screen. */
export const audioState = (state) => (state.mode === OTHER ? state.behind : state);

/** Where the clock must wake besides cue boundaries: the end of a range or loop; Infinity if none. */
export function rangeEnd(state) {
  const own = audioState(state);
  return own.range ? own.range.end : Infinity;
}

/**
 * What playback must do now that the audio clock reads `time` (seconds): "pause" at a range's end,
 * "rewind" at a loop's end, else null. The player does it, and tells `transition` ("range-end").
 */
export function dueAt(state, time) {
  const own = audioState(state);
  if (!own.range || toMs(time) < toMs(own.range.end)) return null;
  return own.mode === LOOP ? "rewind" : "pause";
}

/**
 * The state after `event`. Events, by `type`:
 *
 *   play        the audio started playing (its `play` event)
 *   pause       the audio paused or ended (its `pause` / `ended` events)
 *   seek        the reader moved the playhead to `time`: a range is dropped if `time` is at or past
 *               its end, a loop if `time` is outside it
 *   range       a deep link asks to play `start`–`end` (then pause; with `loop`, go round); no `end`
 *               plays on freely
 *   loop        the loop button: `range` to loop, or null to stop looping
 *   range-end   the clock reached a range's end and the player paused the audio
 *   load        this page's track was put into the player (a new source: no range, paused)
 *   page        a page was bound; `other` says whether it is a track page for another track
 */
export function transition(state, event) {
  if (state.mode === OTHER) return transitionOther(state, event);
  const paused = !isPlaying(state);
  switch (event.type) {
    case "play":
    case "pause":
      return paused === (event.type === "pause") ? state : withPaused(state, event.type === "pause");
    case "seek":
      return state.range && leaves(state, event.time) ? free(paused) : state;
    case "range":
      if (!Number.isFinite(event.end) || event.end <= event.start) return free(paused);
      return bounded(event.loop ? LOOP : RANGE, { start: event.start, end: event.end }, paused);
    case "loop":
      if (event.range) return bounded(LOOP, event.range, paused);
      return state.mode === LOOP ? free(paused) : state;
    case "range-end":
      return state.mode === RANGE ? free(true) : state;
    case "load":
      return free(true);
    case "page":
      return event.other ? other(state) : state;
    default:
      return state;
  }
}

// On another track's page only the audio's own events reach the state behind; this page's controls
// first load this page's track ("load"), which ends the other-track state.
function transitionOther(state, event) {
  switch (event.type) {
    case "play":
    case "pause":
    case "range-end": {
      const behind = transition(state.behind, event);
      return behind === state.behind ? state : other(behind);
    }
    case "load":
      return free(true);
    case "page":
      return event.other ? state : state.behind;
    default:
      return state;
  }
}

const withPaused = (state, paused) => (state.range ? bounded(state.mode, state.range, paused) : free(paused));

/** Does a seek to `time` leave the state's range? A range ends there; a loop must contain it. */
function leaves(state, time) {
  const at = toMs(time);
  if (state.mode === RANGE) return at >= toMs(state.range.end);
  return at < toMs(state.range.start) || at >= toMs(state.range.end);
}
