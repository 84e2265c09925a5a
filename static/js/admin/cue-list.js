/*
 * The cue editor's pure parts, with no page to run in: which key does what, which cues a filter
 * keeps, where a cue goes in time order, where it sits on the timeline, which one is sounding.
 * Tested by tests/js/cue-list.test.mjs; used by cue-editor.js. The rules about clashes are the
 * server's (listening/tracks/cue_rules.py), asked for over fetch; none of them is repeated here.
 */

// key (as KeyboardEvent.key, lower-cased for letters) → action; Shift with the arrows nudges by 1 s.
export const SHORTCUTS = {
  a: 'addCue',
  s: 'setStart',
  e: 'setEnd',
  arrowleft: 'nudgeEarlier',
  arrowright: 'nudgeLater',
  p: 'playFromOpen',
  k: 'playPause',
  j: 'nextCue',
  u: 'previousCue',
  c: 'jumpToSounding',
};

// Inputs that take no typing: keys pressed on them are free for the shortcuts.
const KEYLESS_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'image']);

/** Whether keys pressed with `element` focused belong to it: a field, a list box, an editor, the audio's controls. */
export function isTypingTarget(element) {
  if (!element || !element.tagName) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'AUDIO' || tag === 'VIDEO') return true;
  if (tag === 'INPUT') return !KEYLESS_INPUTS.has(String(element.type || 'text').toLowerCase());
  if (element.isContentEditable) return true;
  return Boolean(element.closest?.('[contenteditable="true"], [role="textbox"], .modal'));
}

/** The action a key press asks for, or null: none with Ctrl, Alt or Meta, none while typing. */
export function shortcutAction(event) {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  const key = String(event.key || '').toLowerCase();
  return SHORTCUTS[key] || null;
}

/** How far a nudge moves a time: a tenth of a second, or a whole one with Shift. */
export function nudgeStep(action, shiftKey) {
  const step = shiftKey ? 1000 : 100;
  return action === 'nudgeEarlier' ? -step : step;
}

/** Whether a cue (layer and the words on its line) passes the filter; text matches without case or accents. */
export function cueMatches(cue, { layer = '', text = '' } = {}) {
  if (layer && cue.layer !== layer) return false;
  const wanted = fold(text).trim();
  if (!wanted) return true;
  const haystack = fold(cue.words || '');
  return wanted.split(/\s+/).every((word) => haystack.includes(word));
}

function fold(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Where a cue starting at `ms` goes among cues starting at `starts` (in order): after those at the same time. */
export function insertionIndex(starts, ms) {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] === null || starts[middle] > ms) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Each cue's span on the timeline: its set end, else the next start of its layer, else the track's end
 * (as the server's cue_spans reads them). `cues` are {start, end, layer}, any order; returns the same
 * order with `until` added. Cues without a start get none.
 */
export function withEnds(cues, durationMs) {
  const order = cues
    .map((cue, position) => ({ cue, position }))
    .filter(({ cue }) => cue.start !== null)
    .sort((a, b) => a.cue.start - b.cue.start || a.position - b.position);
  const until = new Array(cues.length).fill(null);
  order.forEach(({ cue, position }, i) => {
    if (cue.end !== null && cue.end !== undefined) {
      until[position] = cue.end;
      return;
    }
    const next = order.slice(i + 1).find(({ cue: later }) => later.layer === cue.layer && later.start > cue.start);
    until[position] = next ? next.cue.start : Math.max(durationMs || 0, cue.start);
  });
  return cues.map((cue, position) => ({ ...cue, until: until[position] }));
}

/** Left and width of a span as CSS percentages of the track (clamped to it). */
export function barGeometry(start, end, durationMs) {
  if (!durationMs || durationMs <= 0) return { left: 0, width: 0 };
  const clamp = (ms) => Math.min(100, Math.max(0, (100 * ms) / durationMs));
  const left = clamp(start);
  return { left, width: Math.max(0, clamp(end) - left) };
}

/** The position of the cue sounding at `ms` among spans with `until`, preferring the latest start; -1 for none. */
export function soundingIndex(spans, ms) {
  let found = -1;
  spans.forEach((span, position) => {
    if (span.start === null || span.start > ms) return;
    const inside = ms < span.until || span.start === span.until;
    if (inside && (found === -1 || span.start >= spans[found].start)) found = position;
  });
  return found;
}
