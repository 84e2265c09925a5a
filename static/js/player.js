// The listening guide's player: keeps the cue list, the stage and the players in step with the audio.
//
// One <audio data-player> lives in the dock, outside the region htmx swaps, so it keeps playing while
// the reader browses. Each track page's <article data-track> describes that track; when it is the
// track in the player, this module follows the audio clock and marks what sounds now.
//
// Timing: the `timeupdate` event fires about four times a second, so a highlight driven by it lags
// 100–250 ms. Instead, while playing, we check on every animation frame and also arm a timer for the
// exact moment of the next cue boundary. When the tab is hidden, `timeupdate` takes over.

const audio = document.querySelector("audio[data-player]");
const dock = document.querySelector("[data-dock]");
const announcer = document.querySelector("[data-announcer]");
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const ANNOUNCE_KEY = "listening:announce";
const USER_SCROLL_GRACE_MS = 4000;
const EPSILON = 0.0005; // half a millisecond, in seconds: boundaries are whole milliseconds

/** The track page on screen, if any. */
let view = null;
/** Where playback should pause (deep-link range), and the range to loop, in seconds. */
let stopAt = null;
let loopRange = null;
let frame = 0;
let timer = 0;
let lastUserScroll = 0;

const formatClock = (seconds) => {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
};
const roundTenth = (seconds) => Math.round(seconds * 10) / 10;

function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(`player:${name}`, { detail }));
}

// ---------------------------------------------------------------------------------------------
// The track on screen

class TrackView {
  constructor(root) {
    this.root = root;
    this.url = root.dataset.trackUrl;
    this.title = root.dataset.title;
    this.audioSrc = root.dataset.audioSrc || "";
    this.duration = parseFloat(root.dataset.duration) || 0;
    this.cues = [...root.querySelectorAll("[data-cue]")]
      .map((el) => ({
        el,
        slug: el.dataset.slug,
        title: el.dataset.title,
        layer: el.dataset.layer,
        start: parseFloat(el.dataset.start),
        end: parseFloat(el.dataset.end),
        still: el.dataset.still || "",
        stillAlt: el.dataset.stillAlt || "",
        sceneTitle: el.dataset.sceneTitle || "",
        sceneUrl: el.dataset.sceneUrl || "",
        performers: (el.dataset.performers || "").split(" ").filter(Boolean),
        url: el.dataset.cueUrl || "", // the cue's permalink, as the server writes it
      }))
      .sort((a, b) => a.start - b.start);
    this.starts = [...new Set(this.cues.map((cue) => cue.start))].sort((a, b) => a - b);
    this.boundaries = [...new Set(this.cues.flatMap((cue) => [cue.start, cue.end]))].sort((a, b) => a - b);
    this.active = new Set(this.cues.filter((cue) => cue.el.getAttribute("aria-current") === "true"));
    this.stage = root.querySelector("[data-stage]");
    this.performers = [...root.querySelectorAll("[data-performer]")];
    this.transport = root.querySelector("[data-transport]");
  }

  /** Is this page's track the one loaded in the player? */
  get isLoaded() {
    if (!this.audioSrc || !audio.getAttribute("src")) return false;
    return new URL(audio.getAttribute("src"), location.href).pathname === new URL(this.audioSrc, location.href).pathname;
  }

  cuesAt(time) {
    return this.cues.filter((cue) => (cue.start <= time + EPSILON && time + EPSILON < cue.end) || (cue.start === cue.end && Math.abs(cue.start - time) < EPSILON));
  }

  /** The next time after `time` at which the set of active cues can change. */
  nextBoundary(time) {
    return this.boundaries.find((b) => b > time + EPSILON) ?? Infinity;
  }

  /** The newest of the sounding cues: what the stage and the dock show. */
  static current(active) {
    let current = null;
    for (const cue of active) if (!current || cue.start >= current.start) current = cue;
    return current;
  }

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
    const withStill = active.filter((cue) => cue.still);
    this.showStill(TrackView.current(withStill));
    const current = TrackView.current(active);
    for (const mark of this.root.querySelectorAll("[data-mark-for]")) {
      mark.toggleAttribute("data-active", active.some((cue) => cue.slug === mark.dataset.markFor));
    }
    if (current && entering.includes(current)) {
      announce(current.title);
      this.reveal(current);
    }
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
      this.stage.prepend(img);
    } else if (img.getAttribute("src") !== cue.still && !reducedMotion.matches) {
      // Crossfade: the old picture fades out on top as a background, never as a second <img>.
      const fade = document.createElement("div");
      fade.className = "stage-fade";
      fade.style.backgroundImage = `url("${img.currentSrc || img.src}")`;
      fade.addEventListener("animationend", () => fade.remove(), { once: true });
      this.stage.querySelector(".stage-fade")?.remove();
      this.stage.append(fade);
    }
    if (img.getAttribute("src") !== cue.still) img.src = cue.still;
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

  reveal(cue) {
    if (Date.now() - lastUserScroll < USER_SCROLL_GRACE_MS) return;
    const box = cue.el.getBoundingClientRect();
    const top = (document.querySelector(".site-header")?.offsetHeight ?? 0) + (this.transport?.offsetHeight ?? 0);
    const bottom = window.innerHeight - (dock?.offsetHeight ?? 0);
    if (box.top >= top && box.bottom <= bottom) return;
    cue.el.scrollIntoView({ block: "center", behavior: reducedMotion.matches ? "auto" : "smooth" });
  }
}

// ---------------------------------------------------------------------------------------------
// Following the audio clock

function sync() {
  const time = audio.currentTime;
  if (stopAt !== null && time >= stopAt - EPSILON) {
    if (loopRange) {
      audio.currentTime = loopRange.start;
      return schedule();
    }
    stopAt = null;
    audio.pause();
  }
  if (loopRange && !stopAt && time >= loopRange.end - EPSILON) {
    audio.currentTime = loopRange.start;
  }
  if (view?.isLoaded) view.show(view.cuesAt(audio.currentTime), audio.currentTime);
  updateClock();
  schedule();
}

/** Arm a timer for the next boundary (cue edge, range end or loop end) so the switch is on time. */
function schedule() {
  clearTimeout(timer);
  if (audio.paused || document.hidden) return;
  const time = audio.currentTime;
  let next = view?.isLoaded ? view.nextBoundary(time) : Infinity;
  if (stopAt !== null) next = Math.min(next, stopAt);
  if (loopRange) next = Math.min(next, loopRange.end);
  if (!Number.isFinite(next)) return;
  const wait = ((next - time) / (audio.playbackRate || 1)) * 1000;
  // A timer for the whole distance, re-armed at every frame: it catches the boundary between two
  // frames, and still fires when a busy page skips frames (measured in tests/bench/sync_lag.py).
  timer = setTimeout(sync, Math.max(0, wait));
}

function onFrame() {
  frame = 0;
  if (audio.paused) return;
  sync();
  frame = requestAnimationFrame(onFrame);
}

function startClock() {
  if (!frame) frame = requestAnimationFrame(onFrame);
  schedule();
}

function stopClock() {
  cancelAnimationFrame(frame);
  frame = 0;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// The dock, the clock and the controls

function updateClock() {
  const time = audio.currentTime || 0;
  const dockTime = dock?.querySelector("[data-dock-time]");
  if (dockTime) dockTime.textContent = audio.duration ? `${formatClock(time)} / ${formatClock(audio.duration)}` : formatClock(time);
  const link = dock?.querySelector("[data-dock-link]");
  if (link && audio.dataset.trackUrl) link.href = `${audio.dataset.trackUrl}?t=${roundTenth(time)}`;
  if (view?.isLoaded && view.transport) {
    const current = view.transport.querySelector("[data-current-time]");
    if (current) current.textContent = formatClock(time);
    const seek = view.transport.querySelector("[data-seek]");
    if (seek && document.activeElement !== seek) {
      seek.value = String(time);
      seek.setAttribute("aria-valuetext", formatClock(time));
    }
    const dockCue = dock?.querySelector("[data-dock-cue]");
    const currentCue = TrackView.current([...view.active]);
    if (dockCue) dockCue.textContent = currentCue ? currentCue.title : "";
  }
}

function updatePlayState() {
  const playing = !audio.paused;
  for (const button of document.querySelectorAll("[data-action=toggle], [data-dock-toggle]")) {
    const otherTrack = view && !view.isLoaded && button.closest("[data-transport]");
    button.setAttribute("aria-label", playing && !otherTrack ? "Pause" : otherTrack ? `Play ${view.title}` : "Play");
    button.classList.toggle("is-playing", playing && !otherTrack);
  }
  document.documentElement.classList.toggle("is-playing", playing);
}

function updateOtherTrackNotice() {
  if (!view?.transport) return;
  const notice = view.transport.querySelector("[data-other-track]");
  const other = !view.isLoaded && audio.getAttribute("src") && !audio.paused;
  notice.hidden = !other;
  notice.textContent = other ? `Now playing: ${audio.dataset.trackTitle}. Press play to switch to this track.` : "";
  view.root.classList.toggle("is-other-track", !view.isLoaded && Boolean(audio.getAttribute("src")));
}

function announce(text) {
  if (!announcer || localStorage.getItem(ANNOUNCE_KEY) === "off") return;
  announcer.textContent = text;
}

/** Load this page's track into the player (the reader pressed play here). */
function loadViewTrack() {
  if (!view || view.isLoaded || !view.audioSrc) return;
  audio.src = view.audioSrc;
  audio.dataset.trackUrl = view.url;
  audio.dataset.trackTitle = view.title;
  stopAt = null;
  loopRange = null;
  const link = dock?.querySelector("[data-dock-link]");
  if (link) link.textContent = view.title;
  if (dock) dock.hidden = false;
  view.active = new Set();
}

function play() {
  const attempt = audio.play();
  if (attempt) attempt.catch(() => updatePlayState()); // autoplay refused: the play button stays
}

function togglePlay() {
  if (view && !view.isLoaded) {
    loadViewTrack();
    play();
  } else if (audio.paused) {
    play();
  } else {
    audio.pause();
  }
}

function seekTo(seconds, { andPlay = false } = {}) {
  // Another track is playing: only an explicit "play from here" switches to this page's track.
  if (view && !view.isLoaded) {
    if (!andPlay && audio.getAttribute("src")) return;
    loadViewTrack();
  }
  const limit = audio.duration || view?.duration || Infinity;
  audio.currentTime = Math.max(0, Math.min(seconds, limit - 0.01));
  if (stopAt !== null && seconds >= stopAt) stopAt = null;
  if (loopRange && (seconds < loopRange.start || seconds >= loopRange.end)) setLoop(false);
  sync();
  if (andPlay) play();
}

function stepCue(direction) {
  if (!view) return;
  const time = view.isLoaded ? audio.currentTime : 0;
  let target;
  if (direction > 0) target = view.starts.find((start) => start > time + 0.05);
  else target = [...view.starts].reverse().find((start) => start < time - 1.5) ?? 0;
  if (target !== undefined) seekTo(target);
}

function setLoop(on) {
  const button = view?.transport?.querySelector("[data-action=loop]");
  if (on && view?.isLoaded) {
    const cue = TrackView.current([...view.active].filter((c) => c.layer === "music")) || TrackView.current([...view.active]);
    loopRange = cue ? { start: cue.start, end: cue.end } : null;
  } else {
    loopRange = null;
  }
  button?.setAttribute("aria-pressed", String(Boolean(loopRange)));
  schedule();
}

async function copyLink(url) {
  const absolute = new URL(url, location.href).href;
  try {
    await navigator.clipboard.writeText(absolute);
    announce("Link copied.");
    flash("Link copied");
  } catch {
    // No clipboard (permissions, insecure context): offer the link selected, ready to copy.
    const box = view?.root.querySelector("[data-copy-fallback]");
    const field = box?.querySelector("[data-copy-field]");
    if (!box || !field) return window.prompt("Copy this link", absolute);
    field.value = absolute;
    box.hidden = false;
    field.focus();
    field.select();
  }
}

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

function momentUrl() {
  const time = view?.isLoaded ? audio.currentTime : 0;
  return `${view.url}?t=${roundTenth(time)}`;
}

function currentCueUrl() {
  const cue = view?.isLoaded ? TrackView.current([...view.active]) : view?.cues[0];
  return cue?.url || view.url;
}

// ---------------------------------------------------------------------------------------------
// Wiring a page

/** Sticky parts stack under each other; CSS reads their heights from these variables. */
const heights = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const name = entry.target.matches(".site-header") ? "--header-height" : "--transport-height";
    document.documentElement.style.setProperty(name, `${entry.target.offsetHeight}px`);
  }
});

function bindView(root, { restoring = false } = {}) {
  view = root ? new TrackView(root) : null;
  if (!view) return;
  if (view.transport) {
    view.transport.hidden = false;
    heights.observe(view.transport);
  }
  const extra = view.root.querySelector("[data-transport-extra]");
  if (extra) extra.hidden = false;
  for (const button of view.root.querySelectorAll("[data-copy-cue]")) button.hidden = false;
  const announceBox = view.root.querySelector("[data-announce]");
  if (announceBox) announceBox.checked = localStorage.getItem(ANNOUNCE_KEY) !== "off";

  // A page opened for a moment (a deep link or a cue's permalink) starts there.
  const start = parseFloat(root.dataset.startAt);
  // Back and forward restore a page as it was left: they never move the audio.
  if (!restoring && !Number.isNaN(start) && (view.isLoaded || !audio.getAttribute("src") || audio.paused)) {
    loadViewTrack();
    // The src's #t= fragment serves pages without scripts; here the player owns the range, and
    // Chromium's own pause at the fragment's end would race the loop.
    const src = audio.getAttribute("src");
    if (src.includes("#")) audio.src = src.split("#")[0];
    const stop = parseFloat(root.dataset.stopAt);
    const begin = () => {
      audio.currentTime = start;
      stopAt = Number.isNaN(stop) ? null : stop;
      loopRange = root.hasAttribute("data-loop") && stopAt !== null ? { start, end: stopAt } : null;
      if (loopRange) stopAt = null;
      view.transport?.querySelector("[data-action=loop]")?.setAttribute("aria-pressed", String(Boolean(loopRange)));
      sync();
      play();
      // Bring the moment into view: a permalink or a ?t= link opens the page at its top.
      const current = view?.root === root ? TrackView.current([...view.active]) : null;
      if (current) view.reveal(current);
    };
    if (audio.readyState >= 1) begin();
    else audio.addEventListener("loadedmetadata", begin, { once: true });
  } else if (view.isLoaded) {
    sync(); // the server marked 0:00; the audio may be elsewhere (back on the playing track's page)
  }
  updatePlayState();
  updateOtherTrackNotice();
}

function onClick(event) {
  const target = event.target.closest("[data-action], [data-seek-to], [data-copy-cue], [data-dock-toggle]");
  if (!target) {
    // A click anywhere on a cue (but not its links, buttons or text being selected) plays it.
    const cueEl = event.target.closest("[data-cue]");
    if (cueEl && view && !event.target.closest("a, button, summary, details, input, select, label") && !getSelection()?.toString()) {
      seekTo(parseFloat(cueEl.dataset.start), { andPlay: true });
    }
    return;
  }
  if (target.matches("[data-dock-toggle]")) return togglePlay();
  if (target.matches("[data-copy-cue]")) {
    event.preventDefault();
    return copyLink(target.closest("[data-cue]").dataset.cueUrl);
  }
  if (target.matches("[data-seek-to]")) {
    if (!view) return;
    event.preventDefault();
    return seekTo(parseFloat(target.dataset.seekTo), { andPlay: true });
  }
  switch (target.dataset.action) {
    case "toggle":
      return togglePlay();
    case "previous":
      return stepCue(-1);
    case "next":
      return stepCue(1);
    case "loop":
      return setLoop(target.getAttribute("aria-pressed") !== "true");
    case "link-moment":
      return copyLink(momentUrl());
    case "link-cue":
      return copyLink(currentCueUrl());
  }
}

const isTyping = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

function onKeydown(event) {
  if (!view || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const onControl = event.target.closest?.("button, a, summary");
  switch (event.key) {
    case " ":
      if (onControl) return; // Space presses the focused button or link
    // falls through
    case "k":
    case "K":
      event.preventDefault();
      return togglePlay();
    case "ArrowLeft":
      event.preventDefault();
      return seekTo((view.isLoaded ? audio.currentTime : 0) - 5);
    case "ArrowRight":
      event.preventDefault();
      return seekTo((view.isLoaded ? audio.currentTime : 0) + 5);
    case "[":
    case "j":
    case "J":
      event.preventDefault();
      return stepCue(-1);
    case "]":
    case "l":
    case "L":
      event.preventDefault();
      return stepCue(1);
  }
}

function onInput(event) {
  const target = event.target;
  if (target.matches("[data-seek]")) {
    seekTo(parseFloat(target.value));
    target.setAttribute("aria-valuetext", formatClock(parseFloat(target.value)));
  } else if (target.matches("[data-rate]")) {
    audio.preservesPitch = true;
    audio.playbackRate = parseFloat(target.value) || 1;
  } else if (target.matches("[data-announce]")) {
    localStorage.setItem(ANNOUNCE_KEY, target.checked ? "on" : "off");
  }
}

function init() {
  if (!audio) return;
  // Scripts give the player its own controls; the browser's stay for pages without scripts.
  audio.controls = false;
  const header = document.querySelector(".site-header");
  if (header) heights.observe(header);
  dock?.querySelector("[data-dock-toggle]")?.removeAttribute("hidden");
  dock?.querySelector("[data-dock-time]")?.removeAttribute("hidden");

  // The #t= fragment (W3C Media Fragments) means the same as ?t=: let the server read it, with the
  // one time parser it has, by reloading as ?t= once.
  const fragment = location.hash.match(/^#t=([^&]+)/);
  if (fragment && document.querySelector("[data-track]") && !new URLSearchParams(location.search).has("t")) {
    const url = new URL(location.href);
    url.searchParams.set("t", decodeURIComponent(fragment[1]));
    url.hash = "";
    location.replace(url);
    return;
  }

  audio.addEventListener("play", () => {
    startClock();
    updatePlayState();
    updateOtherTrackNotice();
  });
  audio.addEventListener("pause", () => {
    stopClock();
    sync();
    updatePlayState();
  });
  audio.addEventListener("ended", () => {
    stopClock();
    sync();
    updatePlayState();
  });
  for (const type of ["seeking", "seeked", "ratechange", "loadedmetadata"]) audio.addEventListener(type, sync);
  // Hidden tabs get no animation frames: fall back to the coarse event there.
  audio.addEventListener("timeupdate", () => {
    if (document.hidden) sync();
    else updateClock();
  });
  document.addEventListener("visibilitychange", () => (document.hidden ? schedule() : !audio.paused && startClock()));

  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKeydown);
  document.addEventListener("input", onInput);
  for (const type of ["wheel", "touchmove"]) window.addEventListener(type, () => (lastUserScroll = Date.now()), { passive: true });
  window.addEventListener("keydown", (event) => {
    if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown"].includes(event.key)) lastUserScroll = Date.now();
  });

  // Boosted navigation swaps <main>: find the new page's track, if any, and focus its heading.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target?.id !== "main" && event.detail.elt?.id !== "main") return;
    // History restores settle too, without `boosted`: they must not re-apply a page's deep link.
    bindView(document.querySelector("[data-track]"), { restoring: !event.detail.boosted });
    const main = document.querySelector("#main");
    (main.querySelector("h1") || main).focus({ preventScroll: true });
  });

  bindView(document.querySelector("[data-track]"));
  window.listeningPlayer = { audio, seekTo, togglePlay, get view() { return view; } };
}

init();
