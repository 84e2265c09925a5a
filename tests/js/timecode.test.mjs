// static/js/timecode.js writes times exactly as listening/core/timecode.py does.
// The expected strings are Python's own output (format_time and seconds); tests/integration/
// test_timecode_js.py checks the two against each other over many more values.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { formatTime, readShownTime, seconds } from "../../static/js/timecode.js";

// ms, format_time(ms), format_time(ms, precise=False), seconds(ms)
const TABLE = [
  [0, "0:00.0", "0:00", "0"],
  [49, "0:00.0", "0:00", "0.049"],
  [50, "0:00.1", "0:00", "0.05"], // tenths round half up
  [149, "0:00.1", "0:00", "0.149"],
  [150, "0:00.2", "0:00", "0.15"],
  [999, "0:01.0", "0:00", "0.999"], // without tenths, whole seconds are cut, not rounded
  [1000, "0:01.0", "0:01", "1"],
  [59949, "0:59.9", "0:59", "59.949"],
  [59950, "1:00.0", "0:59", "59.95"], // rounding carries into the minutes
  [83500, "1:23.5", "1:23", "83.5"],
  [83550, "1:23.6", "1:23", "83.55"],
  [599999, "10:00.0", "9:59", "599.999"],
  [3599950, "1:00:00.0", "59:59", "3599.95"], // and into the hours
  [3600000, "1:00:00.0", "1:00:00", "3600"],
  [3661000, "1:01:01.0", "1:01:01", "3661"],
  [36000000, "10:00:00.0", "10:00:00", "36000"],
  [-51, "-1:59:59.9", "-1:59:59", "-1.949"], // floor division, as Python's: no time is negative, but no surprise either
];

describe("formatTime", () => {
  for (const [ms, precise, whole] of TABLE) {
    test(`${ms} ms → ${precise} / ${whole}`, () => {
      assert.equal(formatTime(ms), precise);
      assert.equal(formatTime(ms, { precise: false }), whole);
    });
  }

  test("no time, no text", () => {
    assert.equal(formatTime(null), "");
    assert.equal(formatTime(undefined, { precise: false }), "");
  });

  test("a fraction of a millisecond is dropped first, as Python's int() drops it", () => {
    assert.equal(formatTime(49.9), "0:00.0");
    assert.equal(formatTime(83.9 * 1000, { precise: false }), "1:23");
  });
});

describe("seconds", () => {
  for (const [ms, , , text] of TABLE) {
    test(`${ms} ms → "${text}"`, () => assert.equal(seconds(ms), text));
  }

  test("no time, no text", () => assert.equal(seconds(null), ""));
});

describe("readShownTime", () => {
  const cases = [
    ["1:23.5", 83500],
    ["0:01:23", 83000],
    ["1:00:00.0", 3600000],
    ["83.5", 83500],
    [" 83 ", 83000],
    ["0:00.05", 50],
    ["1:23,5", 83500], // decimal commas, as the server reads them
    ["00:00:01,500", 1500], // SRT
    ["1,5", 1500],
    ["1,5,3", null],
    ["83s", null], // the server's parser reads the other forms, on save
    ["1m23s", null],
    ["", null],
    [null, null],
  ];
  for (const [text, ms] of cases) {
    test(`${JSON.stringify(text)} → ${ms}`, () => assert.equal(readShownTime(text), ms));
  }

  test("reads back everything formatTime writes", () => {
    for (const ms of [0, 100, 83500, 599900, 3599900, 3600000, 36000000]) {
      assert.equal(readShownTime(formatTime(ms)), ms);
    }
  });
});
