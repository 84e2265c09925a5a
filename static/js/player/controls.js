// The reader's controls: buttons, clicks on cues, the seek bar and speed, keyboard shortcuts.
//
// Listeners sit on the document, so controls that boosted navigation swaps in work without being
// bound again. They only translate input into calls on `player` (see player.js); they hold no state.

import { formatTime } from "../timecode.js";

const SEEK_STEP_S = 5;

// Buttons with `data-action`: what each does.
const ACTIONS = {
  toggle: (player) => player.togglePlay(),
  previous: (player) => player.stepCue(-1),
  next: (player) => player.stepCue(1),
  loop: (player, button) => player.setLoop(button.getAttribute("aria-pressed") !== "true"),
  "link-moment": (player) => player.copyMomentLink(),
  "link-cue": (player) => player.copyCueLink(),
  "copy-embed": (player) => player.copyEmbedCode(),
  // The chart's range (player/chart.js): play it, loop it, copy its link, clear it, or set its ends
  // from the playhead (the keyboard's way to select a range).
  ...Object.fromEntries(
    ["range-play", "range-loop", "range-copy", "range-clear", "range-from-here", "range-to-here"].map((action) => [
      action,
      (player, button) => player.rangeAction(action, button),
    ]),
  ),
};

// Keyboard shortcuts: key → what it does (the track page lists them under "Keyboard shortcuts").
const SHORTCUTS = {
  " ": (player) => player.togglePlay(),
  k: (player) => player.togglePlay(),
  K: (player) => player.togglePlay(),
  ArrowLeft: (player) => player.seekBy(-SEEK_STEP_S),
  ArrowRight: (player) => player.seekBy(SEEK_STEP_S),
  "[": (player) => player.stepCue(-1),
  j: (player) => player.stepCue(-1),
  J: (player) => player.stepCue(-1),
  "]": (player) => player.stepCue(1),
  l: (player) => player.stepCue(1),
  L: (player) => player.stepCue(1),
};
// Space on a focused button or link presses it, as everywhere else.
const LEFT_TO_FOCUSED_CONTROLS = new Set([" "]);

/** Typing in a field is typing, never transport control. */
const isTyping = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
// A click on these inside a cue does what they do, not "play this cue".
const OWN_CLICK = "a, button, summary, details, input, select, label";

export function bindControls(player) {
  document.addEventListener("click", (event) => onClick(player, event));
  document.addEventListener("keydown", (event) => onKeydown(player, event));
  document.addEventListener("input", (event) => onInput(player, event));
}

function onClick(player, event) {
  const target = event.target.closest("[data-action], [data-seek-to], [data-copy-cue], [data-dock-toggle]");
  if (!target) {
    // A click anywhere on a cue (but not its links, buttons or text being selected) plays it.
    const cue = event.target.closest("[data-cue]");
    if (cue && player.view && !event.target.closest(OWN_CLICK) && !getSelection()?.toString()) {
      player.seekTo(parseFloat(cue.dataset.start), { andPlay: true });
    }
    return;
  }
  if (target.matches("[data-dock-toggle]")) return player.togglePlayer();
  if (target.matches("[data-copy-cue]")) {
    event.preventDefault();
    return player.copyLink(target.closest("[data-cue]").dataset.cueUrl);
  }
  if (target.matches("[data-seek-to]")) {
    if (!player.view) return;
    event.preventDefault(); // the link's ?t= is for pages without scripts
    return player.seekTo(parseFloat(target.dataset.seekTo), { andPlay: true });
  }
  ACTIONS[target.dataset.action]?.(player, target);
}

function onKeydown(player, event) {
  if (!player.view || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target)) return;
  const run = SHORTCUTS[event.key];
  if (!run) return;
  if (LEFT_TO_FOCUSED_CONTROLS.has(event.key) && event.target.closest?.("button, a, summary")) return;
  event.preventDefault();
  run(player);
}

function onInput(player, event) {
  const target = event.target;
  if (target.matches("[data-seek]")) {
    const time = parseFloat(target.value);
    player.seekTo(time);
    target.setAttribute("aria-valuetext", formatTime(time * 1000, { precise: false }));
  } else if (target.matches("[data-rate]")) {
    player.setRate(parseFloat(target.value) || 1);
  } else if (target.matches("[data-announce]")) {
    player.setAnnouncements(target.checked);
  } else if (target.matches("[data-continuous]")) {
    player.setContinuous(target.checked);
  }
}
