// Links to share: a moment of a track, and copying a link for the reader.
//
// Cue permalinks come from the page (each cue carries its `data-cue-url`): the server owns the form
// of a cue's URL. A moment is the track's URL with a `?t=` deep link, to the tenth of a second.

import { seconds } from "../timecode.js";

/** The track's URL (as the page gives it) opened at `time` seconds. */
export const momentUrl = (trackUrl, time) => `${trackUrl}?t=${seconds(Math.round(time * 10) * 100)}`;

/** The track's URL playing the range `start`–`end` seconds (`?t=a,b`), to the tenth of a second. */
export const rangeUrl = (trackUrl, start, end) =>
  `${trackUrl}?t=${seconds(Math.round(start * 10) * 100)},${seconds(Math.round(end * 10) * 100)}`;

/**
 * Put `url`, made absolute, on the clipboard. Where the clipboard is refused (permissions, an insecure
 * context), show it selected in the page's `[data-copy-fallback]` box under `root`, ready to copy.
 */
export function copyLink(url, { root, announce }) {
  return copyText(new URL(url, location.href).href, { root, announce, what: "Link" });
}

/** Put `text` on the clipboard (or in the fallback box), saying `what` was copied. */
export async function copyText(text, { root, announce, what }) {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied.`);
    flash(`${what} copied`);
  } catch {
    const box = root?.querySelector("[data-copy-fallback]");
    const field = box?.querySelector("[data-copy-field]");
    if (!box || !field) return window.prompt(`Copy this ${what.toLowerCase()}`, text);
    field.value = text;
    box.hidden = false;
    field.focus();
    field.select();
  }
}

/** A short-lived note at the foot of the screen, for those who see it (screen readers hear `announce`). */
function flash(text) {
  let toast = document.querySelector(".toast");
  if (!toast) {
    toast = document.createElement("p");
    toast.className = "toast";
    toast.setAttribute("role", "status");
    document.body.append(toast);
  }
  toast.textContent = text;
  toast.classList.add("is-visible");
  clearTimeout(toast.hideTimer);
  toast.hideTimer = setTimeout(() => toast.classList.remove("is-visible"), 1800);
}
