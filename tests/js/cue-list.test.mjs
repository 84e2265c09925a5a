// static/js/admin/cue-list.js: the cue editor's keys, filter, order, timeline geometry and sounding cue.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  barGeometry,
  cueMatches,
  insertionIndex,
  isTypingTarget,
  nudgeStep,
  shortcutAction,
  soundingIndex,
  withEnds,
} from "../../static/js/admin/cue-list.js";

function element(tagName, props = {}) {
  return { tagName, closest: () => null, isContentEditable: false, ...props };
}

function key(name, target = element("BODY"), mods = {}) {
  return { key: name, target, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...mods };
}

describe("shortcuts", () => {
  test("each shortcut key names its action", () => {
    assert.equal(shortcutAction(key("a")), "addCue");
    assert.equal(shortcutAction(key("S")), "setStart"); // with Caps Lock or Shift
    assert.equal(shortcutAction(key("e")), "setEnd");
    assert.equal(shortcutAction(key("ArrowLeft")), "nudgeEarlier");
    assert.equal(shortcutAction(key("ArrowRight")), "nudgeLater");
    assert.equal(shortcutAction(key("p")), "playFromOpen");
    assert.equal(shortcutAction(key("k")), "playPause");
    assert.equal(shortcutAction(key("j")), "nextCue");
    assert.equal(shortcutAction(key("u")), "previousCue");
    assert.equal(shortcutAction(key("c")), "jumpToSounding");
    assert.equal(shortcutAction(key("x")), null);
  });

  test("none fires while typing in a field, a list box, an editor or the audio's controls", () => {
    for (const target of [
      element("INPUT", { type: "text" }),
      element("INPUT", { type: "search" }),
      element("INPUT", { type: "radio" }),
      element("TEXTAREA"),
      element("SELECT"),
      element("AUDIO"),
      element("DIV", { isContentEditable: true }),
      element("SPAN", { closest: (selector) => (selector.includes("contenteditable") ? {} : null) }),
    ]) {
      assert.equal(shortcutAction(key("a", target)), null, target.tagName);
      assert.equal(isTypingTarget(target), true);
    }
  });

  test("keys on buttons and checkboxes are free for the shortcuts; Ctrl, Alt and Meta never are", () => {
    assert.equal(shortcutAction(key("s", element("BUTTON"))), "setStart");
    assert.equal(shortcutAction(key("s", element("INPUT", { type: "checkbox" }))), "setStart");
    assert.equal(shortcutAction(key("s", element("BODY"), { ctrlKey: true })), null);
    assert.equal(shortcutAction(key("a", element("BODY"), { metaKey: true })), null);
    assert.equal(shortcutAction(key("e", element("BODY"), { altKey: true })), null);
  });

  test("a nudge is a tenth of a second, a whole one with Shift", () => {
    assert.equal(nudgeStep("nudgeEarlier", false), -100);
    assert.equal(nudgeStep("nudgeLater", false), 100);
    assert.equal(nudgeStep("nudgeEarlier", true), -1000);
    assert.equal(nudgeStep("nudgeLater", true), 1000);
  });
});

describe("filter", () => {
  const cue = { layer: "music", words: "0:12.0 Music Élévateur en panne Miles Davis The lift" };
  test("by layer", () => {
    assert.equal(cueMatches(cue, { layer: "music" }), true);
    assert.equal(cueMatches(cue, { layer: "film" }), false);
  });
  test("by every word, without case or accents", () => {
    assert.equal(cueMatches(cue, { text: "elevateur LIFT" }), true);
    assert.equal(cueMatches(cue, { text: "elevateur motel" }), false);
    assert.equal(cueMatches(cue, { text: "   " }), true);
  });
});

describe("time order", () => {
  test("a new cue goes after those starting before or with it, before cues without a start", () => {
    assert.equal(insertionIndex([], 5), 0);
    assert.equal(insertionIndex([0, 10, 20], 15), 2);
    assert.equal(insertionIndex([0, 10, 20], 10), 2);
    assert.equal(insertionIndex([0, 10, 20], 25), 3);
    assert.equal(insertionIndex([0, 10, null], 25), 2);
  });
});

describe("timeline", () => {
  test("a cue without an end runs to the next start of its layer, or the track's end", () => {
    const spans = withEnds(
      [
        { start: 0, end: null, layer: "music" },
        { start: 5000, end: 6000, layer: "film" },
        { start: 10000, end: null, layer: "music" },
        { start: null, end: null, layer: "music" },
      ],
      30000,
    );
    assert.deepEqual(
      spans.map((span) => span.until),
      [10000, 6000, 30000, null],
    );
  });

  test("bars are placed in percent of the track, clamped to it", () => {
    assert.deepEqual(barGeometry(15000, 30000, 60000), { left: 25, width: 25 });
    assert.deepEqual(barGeometry(50000, 90000, 60000), { left: 83.33333333333333, width: 16.66666666666667 });
    assert.deepEqual(barGeometry(0, 1000, 0), { left: 0, width: 0 });
  });

  test("the sounding cue is the latest to have started and not ended", () => {
    const spans = [
      { start: 0, until: 10000 },
      { start: 4000, until: 6000 },
      { start: 10000, until: 20000 },
    ];
    assert.equal(soundingIndex(spans, 5000), 1);
    assert.equal(soundingIndex(spans, 7000), 0);
    assert.equal(soundingIndex(spans, 10000), 2);
    assert.equal(soundingIndex(spans, 25000), -1);
  });
});
