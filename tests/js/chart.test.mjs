// static/js/player/chart.js and player/listening.js: the pure parts (pointer to time, ranges, resume).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { orderedRange, timeAtX } from "../../static/js/player/chart.js";
import { worthResuming } from "../../static/js/player/listening.js";
import { rangeUrl } from "../../static/js/player/sharing.js";

describe("timeAtX", () => {
  const rect = { left: 100, width: 400 };
  test("maps the plot's width onto the track, to the tenth of a second", () => {
    assert.equal(timeAtX(100, rect, 165), 0);
    assert.equal(timeAtX(300, rect, 165), 82.5);
    assert.equal(timeAtX(500, rect, 165), 165);
    assert.equal(timeAtX(133, rect, 165), 13.6);
  });
  test("clamps outside the plot and survives an empty one", () => {
    assert.equal(timeAtX(20, rect, 165), 0);
    assert.equal(timeAtX(900, rect, 165), 165);
    assert.equal(timeAtX(300, { left: 0, width: 0 }, 165), 0);
  });
});

describe("orderedRange", () => {
  test("orders a range dragged either way", () => {
    assert.deepEqual(orderedRange(14, 10), { start: 10, end: 14 });
    assert.deepEqual(orderedRange(10, 14), { start: 10, end: 14 });
  });
  test("a click is not a range", () => {
    assert.equal(orderedRange(10, 10.05), null);
  });
});

describe("rangeUrl", () => {
  test("writes ?t=a,b as the server reads it", () => {
    assert.equal(rangeUrl("/album/track/", 83, 90.25), "/album/track/?t=83,90.3");
    assert.equal(rangeUrl("/album/track/", 0.04, 12), "/album/track/?t=0,12");
  });
});

describe("worthResuming", () => {
  test("past the first seconds and before the last ones", () => {
    assert.equal(worthResuming(2, 165), false);
    assert.equal(worthResuming(83, 165), true);
    assert.equal(worthResuming(162, 165), false);
    assert.equal(worthResuming(Number.NaN, 165), false);
  });
});
