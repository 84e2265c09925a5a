// static/js/player/cues.js: which cues sound when, by the server's rules
// (listening/tracks/timeline.py: cue_spans and active_spans).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  activeAt,
  boundariesOf,
  inTimeOrder,
  newest,
  nextBoundary,
  nextStart,
  previousStart,
} from "../../static/js/player/cues.js";

const cue = (slug, start, end, layer = "music") => ({ slug, start, end, layer });
const slugs = (cues) => cues.map((c) => c.slug);

// A track of 60 s: two music cues, a film cue across them, a zero-length story cue at 20 s.
const CUES = [
  cue("intro", 0, 10),
  cue("theme", 10, 60),
  cue("credits", 5, 25, "film"),
  cue("cut", 20, 20, "story"),
];

describe("activeAt", () => {
  const cases = [
    [0, ["intro"], "a cue sounds from its start"],
    [4.999, ["intro"], ""],
    [5, ["intro", "credits"], "layers overlap"],
    [9.9994, ["intro", "credits"], "half a millisecond before an edge is still before it"],
    [9.9995, ["theme", "credits"], "the clock rounds to the nearest millisecond"],
    [10, ["theme", "credits"], "a cue's end is exclusive: the next one takes over"],
    [19.9994, ["theme", "credits"], ""],
    [20, ["theme", "credits", "cut"], "a zero-length cue sounds at its own instant"],
    [20.0004, ["theme", "credits", "cut"], ""],
    [20.001, ["theme", "credits"], "and only then"],
    [25, ["theme"], ""],
    [60, [], "nothing sounds at the track's end"],
  ];
  for (const [time, expected, why] of cases) {
    test(`at ${time} s: ${expected.join(", ") || "none"}${why ? ` (${why})` : ""}`, () => {
      assert.deepEqual(slugs(activeAt(CUES, time)).sort(), [...expected].sort());
    });
  }
});

describe("inTimeOrder fills in ends as the server does", () => {
  test("a cue without an end runs to the next later start in its own layer", () => {
    const cues = inTimeOrder(
      [cue("a", 0, null), cue("note", 3, null, "film"), cue("b", 8, null), cue("c", 8, 12), cue("d", 30, undefined)],
      40,
    );
    const ends = Object.fromEntries(cues.map((c) => [c.slug, c.end]));
    // "a" skips the film note; "b" skips "c", which starts with it, not after; "d" and the note
    // (no later film cue) run to the track's end.
    assert.deepEqual(ends, { a: 8, note: 40, b: 30, c: 12, d: 40 });
  });

  test("with no track length, an open last cue ends where it starts", () => {
    assert.equal(inTimeOrder([cue("last", 12, null)], 0)[0].end, 12);
  });

  test("sorts by start and keeps the page's order for cues that start together", () => {
    const cues = inTimeOrder([cue("late", 9, 10), cue("first", 2, 3), cue("second", 2, 4)]);
    assert.deepEqual(slugs(cues), ["first", "second", "late"]);
  });

  test("cues with ends are left as they are", () => {
    assert.equal(inTimeOrder(CUES)[0], CUES[0]);
  });
});

describe("nextBoundary", () => {
  const boundaries = boundariesOf(CUES);

  test("every distinct start and end, in order", () => {
    assert.deepEqual(boundaries, [0, 5, 10, 20, 25, 60]);
  });

  const cases = [
    [0, 5],
    [4.9, 5],
    [5, 10], // on a boundary: the next one
    [9.9994, 10],
    [9.9995, 20], // rounds onto 10: that one has been reached
    [59, 60],
    [60, Infinity],
  ];
  for (const [time, expected] of cases) {
    test(`after ${time} s: ${expected}`, () => assert.equal(nextBoundary(boundaries, time), expected));
  }
});

describe("newest", () => {
  test("the latest start wins; the later in order wins a tie", () => {
    const tie = [cue("one", 5, 9), cue("two", 5, 9), cue("early", 1, 9)];
    assert.equal(newest(tie).slug, "two");
    assert.equal(newest(new Set(CUES)).slug, "cut");
    assert.equal(newest([]), null);
  });
});

describe("stepping between cues", () => {
  // starts: 0, 5, 10, 20
  const cases = [
    ["next", 0, 5],
    ["next", 4.94, 5],
    ["next", 4.96, 10], // within 50 ms of a start counts as on it: move on, so a second press is not lost
    ["next", 20, null],
    ["previous", 0, 0],
    ["previous", 11.4, 5], // early in a cue: the one before
    ["previous", 11.6, 10], // well inside it: its own start
    ["previous", 100, 20],
  ];
  for (const [direction, time, expected] of cases) {
    test(`${direction} from ${time} s: ${expected}`, () => {
      const step = direction === "next" ? nextStart : previousStart;
      assert.equal(step(CUES, time), expected);
    });
  }
});
