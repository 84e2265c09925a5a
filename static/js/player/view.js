// What the reader sees: the track page's cues, stage and players, the transport's clock, the dock.
//
// The names are the player contract (docs: "The player contract"): active cues carry
// aria-current="true", `[data-stage] img` shows the active cue's still with that cue's slug in
// `data-cue`, performer marks `[data-performer]` carry `data-active` while an active cue lists them.

import { formatTime } from "../timecode.js";
import { Chart } from "./chart.js";
import { activeAt, boundariesOf, inTimeOrder, newest, nextBoundary } from "./cues.js";
import { momentUrl } from "./sharing.js";

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const ANNOUNCE_KEY = "listening:announce";
// After the reader scrolls, the page leaves the scroll to them this long before following the music.
const USER_SCROLL_GRACE_MS = 4000;
let lastUserScroll = 0;

/** Whole seconds, as the transport and the dock show them. */
const clockText = (seconds) => formatTime(seconds * 1000, { precise: false });

function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(`player:${name}`, { detail }));
}

// ---------------------------------------------------------------------------------------------
// The track page on screen

/** A cue as the page describes it (`[data-cue]`): times in seconds, its permalink from the server. */
function readCue(el) {
  return {
    el,
    slug: el.dataset.slug,
    title: el.dataset.title,
    layer: el.dataset.layer,
    url: el.dataset.cueUrl || "",
    start: parseFloat(el.dataset.start),
    end: parseFloat(el.dataset.end),
    still: el.dataset.still || "",
    stillSrcset: el.dataset.stillSrcset || "",
    stillAlt: el.dataset.stillAlt || "",
    sceneTitle: el.dataset.sceneTitle || "",
    sceneUrl: el.dataset.sceneUrl || "",
    performers: (el.dataset.performers || "").split(" ").filter(Boolean),
  };
}

export class TrackView {
  constructor(root) {
    this.root = root;
    this.url = root.dataset.trackUrl;
    this.title = root.dataset.title;
    this.audioSrc = root.dataset.audioSrc || "";
    this.duration = parseFloat(root.dataset.duration) || 0;
    this.cues = inTimeOrder([...root.querySelectorAll("[data-cue][data-start]")].map(readCue), this.duration);
    this.boundaries = boundariesOf(this.cues);
    // What the server marked: the page starts out right, and show() only touches what changes.
    this.active = new Set(this.cues.filter((cue) => cue.el.getAttribute("aria-current") === "true"));
    this.stage = root.querySelector("[data-stage]");
    this.performers = [...root.querySelectorAll("[data-performer]")];
    this.transport = root.querySelector("[data-transport]");
    // The sticky bar: the controls and the chart under them.
    this.bar = root.querySelector("[data-player-bar]") || this.transport;
    const chart = root.querySelector("[data-chart]");
    this.chart = chart ? new Chart(chart, this.duration) : null;
    this.stageCue = root.querySelector("[data-stage-cue]");
    this.album = root.dataset.album || "";
    this.nextUrl = root.dataset.nextUrl || "";
    this.nextTitle = root.dataset.nextTitle || "";
  }

  /** Is this page's track the one in `audio`? */
  isLoadedIn(audio) {
    const src = audio.getAttribute("src");
    if (!this.audioSrc || !src) return false;
    return new URL(src, location.href).pathname === new URL(this.audioSrc, location.href).pathname;
  }

  activeAt(time) {
    return activeAt(this.cues, time);
  }

  nextBoundary(time) {
    return nextBoundary(this.boundaries, time);
  }

  /** The newest of the sounding cues: what the stage and the dock show. */
  get current() {
    return newest(this.active);
  }

  /** Another track took the player's place: what is marked no longer describes the audio. */
  forget() {
    this.active = new Set();
  }

  /** Mark `active` (the cues sounding at `time`) and everything that follows from it. */
  show(active, time) {
    const changed = active.length !== this.active.size || active.some((cue) => !this.active.has(cue));
    if (!changed) return false;
    const entering = active.filter((cue) => !this.active.has(cue));
    for (const cue of this.cues) {
      if (active.includes(cue)) cue.el.setAttribute("aria-current", "true");
      else cue.el.removeAttribute("aria-current");
    }
    this.active = new Set(active);
    const playing = new Set(active.flatMap((cue) => cue.performers));
    for (const el of this.performers) {
      const on = playing.has(el.dataset.performer);
      el.toggleAttribute("data-active", on);
      const state = el.querySelector("[data-performer-state]");
      if (state) state.textContent = on ? " (playing now)" : "";
    }
    this.showStill(newest(active.filter((cue) => cue.still)));
    const current = newest(active);
    for (const mark of this.root.querySelectorAll("[data-mark-for]")) {
      mark.toggleAttribute("data-active", active.some((cue) => cue.slug === mark.dataset.markFor));
    }
    if (this.stageCue) this.stageCue.textContent = current ? current.title : "";
    if (current && entering.includes(current)) {
      announce(current.title);
      this.reveal(current);
    }
    // After the marks: listeners (the benchmark among them) read the page as the reader sees it.
    emit("cuechange", { time, active: active.map((cue) => cue.slug), current: current?.slug ?? null });
    return true;
  }

  showStill(cue) {
    if (!cue || !this.stage) return;
    let img = this.stage.querySelector("img");
    if (img && img.dataset.cue === cue.slug) return;
    if (!img) {
      img = document.createElement("img");
      img.width = 1280;
      img.height = 720;
      img.sizes = "(min-width: 62rem) 54vw, 100vw"; // as the server writes it (stage_and_cues.html)
      this.stage.prepend(img);
    } else if (img.getAttribute("src") !== cue.still && !reducedMotion.matches) {
      // Crossfade: the old picture fades out on top as a background, never as a second <img>.
      const fade = document.createElement("div");
      fade.className = "stage-fade";
      fade.style.backgroundImage = `url("${img.currentSrc || img.src}")`;
      fade.style.height = `${img.offsetHeight}px`;
      fade.addEventListener("animationend", () => fade.remove(), { once: true });
      this.stage.querySelector(".stage-fade")?.remove();
      this.stage.append(fade);
    }
    if (img.getAttribute("src") !== cue.still) {
      // The srcset first: while it holds the old picture's copies, a new src alone would not show.
      if (cue.stillSrcset) img.srcset = cue.stillSrcset;
      else img.removeAttribute("srcset");
      img.src = cue.still;
    }
    img.alt = cue.stillAlt;
    img.dataset.cue = cue.slug;
    const caption = this.stage.querySelector("[data-stage-caption]");
    if (caption) {
      caption.replaceChildren();
      if (cue.sceneUrl) {
        const link = document.createElement("a");
        link.href = cue.sceneUrl;
        link.textContent = cue.sceneTitle;
        caption.append(link);
      }
    }
  }

  /** Scroll `cue` into view under the sticky bar (and, on a phone, the stage) and above the dock, unless the reader is scrolling. */
  reveal(cue) {
    if (Date.now() - lastUserScroll < USER_SCROLL_GRACE_MS) return;
    const box = cue.el.getBoundingClientRect();
    const top = this.coveredTop(box);
    const bottom = window.innerHeight - (document.querySelector("[data-dock]")?.offsetHeight ?? 0);
    // In view when its head is: a long commentary may run on below the fold.
    if (box.top >= top && Math.min(box.bottom, box.top + 160) <= bottom) return;
    window.scrollBy({ top: box.top - top - 12, behavior: reducedMotion.matches ? "auto" : "smooth" });
  }

  /** How far down the screen the sticky parts above `box` (a cue's) reach once they are stuck. */
  coveredTop(box) {
    let top = 0;
    for (const el of [document.querySelector(".site-header"), this.bar, this.stage]) {
      if (!el) continue;
      const style = getComputedStyle(el);
      if (style.position !== "sticky") continue;
      const rect = el.getBoundingClientRect();
      if (rect.left < box.right && rect.right > box.left) top = Math.max(top, parseFloat(style.top) + rect.height);
    }
    return top;
  }

  /** The transport's clock and seek bar at `time` (the bar is left alone while the reader drags it). */
  showTime(time) {
    this.chart?.showTime(time);
    if (!this.transport) return;
    const current = this.transport.querySelector("[data-current-time]");
    if (current) current.textContent = clockText(time);
    const seek = this.transport.querySelector("[data-seek]");
    if (seek && document.activeElement !== seek) {
      seek.value = String(time);
      seek.setAttribute("aria-valuetext", clockText(time));
    }
  }

  /**
   * The play buttons, the loop button and the notice for the player's state. `other`: this page's
   * track is not the one in the player; `playerTitle`: the title of the track that is ("" if none).
   */
  showPlayback({ playing, other, looping, playerTitle }) {
    for (const button of this.root.querySelectorAll("[data-transport] [data-action=toggle]")) {
      button.setAttribute("aria-label", other ? `Play ${this.title}` : playing ? "Pause" : "Play");
      button.classList.toggle("is-playing", playing && !other);
    }
    this.transport?.querySelector("[data-action=loop]")?.setAttribute("aria-pressed", String(looping));
    const otherAudio = other && Boolean(playerTitle);
    const notice = this.transport?.querySelector("[data-other-track]");
    if (notice) {
      notice.hidden = !(otherAudio && playing);
      notice.textContent = notice.hidden ? "" : `Now playing: ${playerTitle}. Press play to switch to this track.`;
    }
    this.root.classList.toggle("is-other-track", otherAudio);
  }

  /** Scripts run: show the controls that need them. */
  enableControls() {
    if (this.transport) this.transport.hidden = false;
    const extra = this.root.querySelector("[data-transport-extra]");
    if (extra) extra.hidden = false;
    for (const button of this.root.querySelectorAll("[data-copy-cue]")) button.hidden = false;
    const announceBox = this.root.querySelector("[data-announce]");
    if (announceBox) announceBox.checked = announcementsOn();
  }
}

// ---------------------------------------------------------------------------------------------
// The dock: the persistent player's bar, outside the region htmx swaps

export class Dock {
  constructor(el) {
    this.el = el;
  }

  /** Scripts run: the dock's own play button and clock replace the browser's controls. */
  enable() {
    this.el?.querySelector("[data-dock-toggle]")?.removeAttribute("hidden");
    this.el?.querySelector("[data-dock-time]")?.removeAttribute("hidden");
  }

  showTrack(title) {
    const link = this.el?.querySelector("[data-dock-link]");
    if (link) link.textContent = title;
    if (this.el) this.el.hidden = false;
  }

  /** The time of the track in the player, and the dock's link to that moment. */
  showTime(time, duration, trackUrl) {
    const text = this.el?.querySelector("[data-dock-time]");
    if (text) text.textContent = Number.isFinite(duration) && duration ? `${clockText(time)} / ${clockText(duration)}` : clockText(time);
    const link = this.el?.querySelector("[data-dock-link]");
    if (link && trackUrl) link.href = momentUrl(trackUrl, time);
  }

  showCue(title) {
    const cue = this.el?.querySelector("[data-dock-cue]");
    if (cue) cue.textContent = title;
  }

  showPlayback({ playing }) {
    for (const button of document.querySelectorAll("[data-dock-toggle]")) {
      button.setAttribute("aria-label", playing ? "Pause" : "Play");
      button.classList.toggle("is-playing", playing);
    }
    document.documentElement.classList.toggle("is-playing", playing);
  }
}

// ---------------------------------------------------------------------------------------------
// Screen-reader announcements and the reader's own scrolling

export const announcementsOn = () => localStorage.getItem(ANNOUNCE_KEY) !== "off";

export function setAnnouncements(on) {
  localStorage.setItem(ANNOUNCE_KEY, on ? "on" : "off");
}

/** Say `text` through the dock's live region, if the reader keeps cue announcements on. */
export function announce(text) {
  const announcer = document.querySelector("[data-announcer]");
  if (!announcer || !announcementsOn()) return;
  announcer.textContent = text;
}

/** Note when the reader scrolls, so that following the music does not fight them. */
export function watchUserScroll() {
  const note = () => (lastUserScroll = Date.now());
  for (const type of ["wheel", "touchmove"]) window.addEventListener(type, note, { passive: true });
  window.addEventListener("keydown", (event) => {
    if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown"].includes(event.key)) note();
  });
}

/** Sticky parts stack under each other; CSS reads their heights from these variables. */
function recordHeight(el) {
  const header = el.matches(".site-header");
  // A header that scrolls away (a track page on a phone) leaves no room to keep free at the top.
  const height = header && getComputedStyle(el).position !== "sticky" ? 0 : el.offsetHeight;
  document.documentElement.style.setProperty(header ? "--header-height" : "--transport-height", `${height}px`);
}

const heights = new ResizeObserver((entries) => {
  for (const entry of entries) {
    // A part boosted navigation swapped out measures 0: forget it (its successor is observed instead).
    if (entry.target.isConnected) recordHeight(entry.target);
    else heights.unobserve(entry.target);
  }
});

/** Keep the CSS variable of `el`'s height current, starting now (a scroll may follow at once). */
export function observeStickyHeight(el) {
  if (!el) return;
  recordHeight(el);
  heights.observe(el);
}
