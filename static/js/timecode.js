// Times as the guide writes them: the one time formatter in the browser.
//
// Mirrors listening/core/timecode.py so a time reads the same in the page the server rendered, in
// the player and in the admin: `format_time` → formatTime, `seconds` → seconds. Times are integer
// milliseconds, as on the server. Division floors, as Python's `//` and divmod do, so even a
// negative time formats as the server would format it.

const floorDiv = (a, b) => Math.floor(a / b);
const floorMod = (a, b) => a - b * Math.floor(a / b);
const pad = (n, width) => String(n).padStart(width, "0");

/** `m:ss.s`, or `h:mm:ss.s` past an hour; `precise: false` drops the tenths, for display. */
export function formatTime(ms, { precise = true } = {}) {
  if (ms === null || ms === undefined) return "";
  const whole = Math.trunc(ms); // Python's int(): the server only ever sees whole milliseconds
  const tenths = precise ? floorDiv(whole + 50, 100) : floorDiv(whole, 1000) * 10;
  const hours = floorDiv(tenths, 36000);
  const minutes = floorDiv(floorMod(tenths, 36000), 600);
  const secs = floorDiv(floorMod(tenths, 600), 10);
  const clock = hours ? `${hours}:${pad(minutes, 2)}:${pad(secs, 2)}` : `${minutes}:${pad(secs, 2)}`;
  return precise ? `${clock}.${floorMod(tenths, 10)}` : clock;
}

/** Decimal seconds for data attributes, deep links and media fragments: 83500 → "83.5". */
export function seconds(ms) {
  if (ms === null || ms === undefined) return "";
  const whole = Math.trunc(ms);
  const secs = floorDiv(whole, 1000);
  const frac = floorMod(whole, 1000);
  return frac ? `${secs}.${pad(frac, 3)}`.replace(/0+$/, "") : String(secs);
}

// What `formatTime` writes, and plain seconds: 1:23.5, 0:01:23.5, 83.5, with a dot or a decimal comma
// as the server's parser reads them (1:23,5, SRT's 00:01:23,500). Anything else (83s, 1m23s, npt:…)
// is the server's parser's to read, or refuse, on save.
const SHOWN = /^(?:(\d+):)??(?:(\d+):)?(\d+(?:[.,]\d+)?)$/;

/** Milliseconds for a time as `formatTime` writes it (or plain seconds); null for anything else. */
export function readShownTime(text) {
  const match = SHOWN.exec(String(text ?? "").trim());
  if (!match) return null;
  const [, hours, minutes, secs] = match;
  const ms = ((Number(hours || 0) * 60 + Number(minutes || 0)) * 60 + Number(secs.replace(",", "."))) * 1000;
  return Number.isFinite(ms) ? Math.round(ms) : null;
}
