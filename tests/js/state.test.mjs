// static/js/player/state.js: the one playback state and its transitions.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  IDLE,
  LOOP,
  OTHER,
  PLAYING,
  RANGE,
  audioState,
  dueAt,
  initialState,
  isPlaying,
  rangeEnd,
  transition,
} from "../../static/js/player/state.js";

const idle = initialState();
const playing = initialState({ paused: false });
const range = (paused = false) => transition(paused ? idle : playing, { type: "range", start: 83, end: 90 });
const loop = (paused = false) => transition(paused ? idle : playing, { type: "range", start: 83, end: 90, loop: true });
const other = (behind) => transition(behind, { type: "page", other: true });

/** A state's shape without the noise: mode, range, paused, and what is behind another track's page. */
function shape(state) {
  if (state.mode === OTHER) return { mode: OTHER, behind: shape(state.behind) };
  return state.range ? { mode: state.mode, range: { ...state.range }, paused: state.paused } : { mode: state.mode };
}

const R = { start: 83, end: 90 };

// [name, from, event, expected shape]
const TRANSITIONS = [
  // Playing and pausing
  ["idle plays", idle, { type: "play" }, { mode: PLAYING }],
  ["playing pauses", playing, { type: "pause" }, { mode: IDLE }],
  ["a range is kept while paused", range(), { type: "pause" }, { mode: RANGE, range: R, paused: true }],
  ["and resumes as a range", range(true), { type: "play" }, { mode: RANGE, range: R, paused: false }],
  ["a loop is kept while paused", loop(), { type: "pause" }, { mode: LOOP, range: R, paused: true }],

  // Deep links
  ["a deep link's range", idle, { type: "range", start: 83, end: 90 }, { mode: RANGE, range: R, paused: true }],
  ["a range to loop", playing, { type: "range", start: 83, end: 90, loop: true }, { mode: LOOP, range: R, paused: false }],
  ["a start alone plays on freely", idle, { type: "range", start: 83, end: NaN }, { mode: IDLE }],
  ["a start alone ignores loop", playing, { type: "range", start: 83, end: NaN, loop: true }, { mode: PLAYING }],

  // Seeking
  ["a seek inside a range keeps it", range(), { type: "seek", time: 88.8 }, { mode: RANGE, range: R, paused: false }],
  ["a seek before a range keeps it (it still pauses at its end)", range(), { type: "seek", time: 10 }, { mode: RANGE, range: R, paused: false }],
  ["a seek to a range's end drops it", range(), { type: "seek", time: 90 }, { mode: PLAYING }],
  ["a seek past a paused range drops it", range(true), { type: "seek", time: 95 }, { mode: IDLE }],
  ["a seek half a millisecond short of the end keeps it", range(), { type: "seek", time: 89.9994 }, { mode: RANGE, range: R, paused: false }],
  ["a seek inside a loop keeps it", loop(), { type: "seek", time: 83 }, { mode: LOOP, range: R, paused: false }],
  ["a seek before a loop leaves it", loop(), { type: "seek", time: 82.9 }, { mode: PLAYING }],
  ["a seek after a loop leaves it", loop(true), { type: "seek", time: 90 }, { mode: IDLE }],
  ["a seek without a range changes nothing", playing, { type: "seek", time: 5 }, { mode: PLAYING }],

  // The loop button
  ["loop on", playing, { type: "loop", range: { start: 10, end: 20 } }, { mode: LOOP, range: { start: 10, end: 20 }, paused: false }],
  ["loop on while paused", idle, { type: "loop", range: { start: 10, end: 20 } }, { mode: LOOP, range: { start: 10, end: 20 }, paused: true }],
  ["loop on in a range loops the cue instead", range(), { type: "loop", range: { start: 84, end: 86 } }, { mode: LOOP, range: { start: 84, end: 86 }, paused: false }],
  ["loop off", loop(), { type: "loop", range: null }, { mode: PLAYING }],
  ["loop off leaves a range alone", range(), { type: "loop", range: null }, { mode: RANGE, range: R, paused: false }],
  ["loop on with no cue sounding changes nothing", playing, { type: "loop", range: null }, { mode: PLAYING }],

  // A range's end
  ["a range ends paused", range(), { type: "range-end" }, { mode: IDLE }],
  ["a loop has no end", loop(), { type: "range-end" }, { mode: LOOP, range: R, paused: false }],

  // This page's track into the player
  ["loading drops the range", range(), { type: "load" }, { mode: IDLE }],
  ["loading leaves another track's page", other(loop()), { type: "load" }, { mode: IDLE }],

  // Pages
  ["another track's page", playing, { type: "page", other: true }, { mode: OTHER, behind: { mode: PLAYING } }],
  ["a page without a track changes nothing", loop(), { type: "page", other: false }, { mode: LOOP, range: R, paused: false }],
  ["back to the loaded track's page", other(range()), { type: "page", other: false }, { mode: RANGE, range: R, paused: false }],
  ["from one other track's page to another", other(playing), { type: "page", other: true }, { mode: OTHER, behind: { mode: PLAYING } }],

  // On another track's page, the audio's own events still reach the state behind
  ["the other track pauses", other(playing), { type: "pause" }, { mode: OTHER, behind: { mode: IDLE } }],
  ["the other track's range ends", other(range()), { type: "range-end" }, { mode: OTHER, behind: { mode: IDLE } }],
  ["this page's controls do not reach it: seek", other(loop()), { type: "seek", time: 5 }, { mode: OTHER, behind: { mode: LOOP, range: R, paused: false } }],
  ["this page's controls do not reach it: loop", other(playing), { type: "loop", range: { start: 1, end: 2 } }, { mode: OTHER, behind: { mode: PLAYING } }],
  ["this page's controls do not reach it: range", other(playing), { type: "range", start: 1, end: 2 }, { mode: OTHER, behind: { mode: PLAYING } }],

  ["an unknown event changes nothing", range(), { type: "wobble" }, { mode: RANGE, range: R, paused: false }],
];

describe("transition", () => {
  for (const [name, from, event, expected] of TRANSITIONS) {
    test(name, () => assert.deepEqual(shape(transition(from, event)), expected));
  }

  test("an event that changes nothing gives back the same state (the player re-renders on change only)", () => {
    for (const [from, event] of [
      [playing, { type: "seek", time: 3 }],
      [playing, { type: "play" }],
      [idle, { type: "pause" }],
      [range(), { type: "seek", time: 85 }],
      [other(playing), { type: "seek", time: 1 }],
    ]) {
      assert.equal(transition(from, event), from);
    }
  });

  test("states are frozen: a transition never changes the state it was given", () => {
    const from = loop();
    assert.ok(Object.isFrozen(from) && Object.isFrozen(from.range));
    transition(from, { type: "pause" });
    assert.equal(from.paused, false);
  });
});

describe("what the player reads from a state", () => {
  const cases = [
    // [name, state, isPlaying, rangeEnd, dueAt(89.9), dueAt(90)]
    ["idle", idle, false, Infinity, null, null],
    ["playing", playing, true, Infinity, null, null],
    ["range", range(), true, 90, null, "pause"],
    ["paused range", range(true), false, 90, null, "pause"],
    ["loop", loop(), true, 90, null, "rewind"],
    ["other track's page, its loop running", other(loop()), true, 90, null, "rewind"],
    ["other track's page, paused", other(idle), false, Infinity, null, null],
  ];
  for (const [name, state, running, end, before, at] of cases) {
    test(name, () => {
      assert.equal(isPlaying(state), running);
      assert.equal(rangeEnd(state), end);
      assert.equal(dueAt(state, 89.9), before);
      assert.equal(dueAt(state, 90), at);
      assert.equal(dueAt(state, 89.9996), at, "the end is reached within half a millisecond, as the cues'");
    });
  }

  test("audioState looks through another track's page", () => {
    const behind = loop();
    assert.equal(audioState(other(behind)), behind);
    assert.equal(audioState(behind), behind);
  });
});

describe("a deep link, from the page opening to the range's end", () => {
  test("open, play, seek inside, reach the end, resume freely", () => {
    const events = [
      [{ type: "range", start: 83, end: 90 }, RANGE],
      [{ type: "play" }, RANGE],
      [{ type: "seek", time: 88.8 }, RANGE],
      [{ type: "range-end" }, IDLE],
      [{ type: "pause" }, IDLE],
      [{ type: "play" }, PLAYING],
    ];
    let state = idle;
    for (const [event, mode] of events) {
      state = transition(state, event);
      assert.equal(state.mode, mode, JSON.stringify(event));
    }
  });
});
