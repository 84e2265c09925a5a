// static/js/lesson.js: the progress a lesson keeps in the browser, and when a range counts as heard.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { emptyProgress, pausedAtEnd, progressText, readProgress } from "../../static/js/lesson.js";

describe("readProgress", () => {
  test("reads what was stored", () => {
    const stored = JSON.stringify({ heard: { a: true }, checks: { a: [0, 2] }, guesses: { b: "barney-wilen" } });
    assert.deepEqual(readProgress(stored), { heard: { a: true }, checks: { a: [0, 2] }, guesses: { b: "barney-wilen" } });
  });

  test("anything unreadable is a fresh start, never an error", () => {
    for (const text of ["", "not json", "null", "42", '"text"', "[]", '{"heard": null}']) {
      const progress = readProgress(text);
      assert.deepEqual(Object.keys(progress).sort(), ["checks", "guesses", "heard"], text);
      assert.deepEqual(progress.heard, {}, text);
    }
  });
});

describe("pausedAtEnd", () => {
  test("a pause at or just before the range's end is the player stopping there", () => {
    assert.equal(pausedAtEnd(52, 52), true);
    assert.equal(pausedAtEnd(51.7, 52), true);
    assert.equal(pausedAtEnd(52.3, 52), true);
  });

  test("a pause earlier is the reader's", () => {
    assert.equal(pausedAtEnd(30, 52), false);
    assert.equal(pausedAtEnd(51.4, 52), false);
  });

  test("without an end nothing counts", () => {
    assert.equal(pausedAtEnd(52, NaN), false);
  });
});

describe("progressText", () => {
  test("counts the steps heard among those with something to hear", () => {
    const progress = { ...emptyProgress(), heard: { a: true, gone: true } };
    assert.equal(progressText(progress, ["a", "b", "c"]), "1 of 3 steps heard in this browser.");
    assert.equal(progressText(progress, ["a"]), "1 of 1 step heard in this browser.");
  });

  test("says nothing before anything happened, and that answers are kept once one is given", () => {
    assert.equal(progressText(emptyProgress(), ["a"]), "");
    assert.equal(progressText({ ...emptyProgress(), checks: { a: [] } }, ["a"]), "");
    assert.equal(progressText({ ...emptyProgress(), guesses: { b: "x" } }, ["a"]), "Your answers are kept in this browser.");
  });
});
