// The listening guide's player: keeps the cue list, the stage and the players in step with the audio.
//
// One <audio data-player> lives in the dock, outside the region htmx swaps, so it keeps playing while
// the reader browses. Each track page's <article data-track> describes that track; when it is the
// track in the player, the player follows the audio clock and marks what sounds now.
//
// This module wires the parts together and owns the one playback state:
//   player/state.js     the playback state and its transitions (pure)
//   player/cues.js      which cues sound when (pure, the server's rules)
//   player/clock.js     when to look at the audio clock
//   player/view.js      what the reader sees: marks, stage, performers, transport, dock
//   player/controls.js  buttons, clicks and keyboard shortcuts
//   player/sharing.js   links to moments, copying links
//   timecode.js         times written as the server writes them

import { followAudioClock } from "./player/clock.js";
import { bindControls } from "./player/controls.js";
import { activeAt, nextStart, newest, previousStart } from "./player/cues.js";
import { Listening } from "./player/listening.js";
import { copyLink, copyText, momentUrl, rangeUrl } from "./player/sharing.js";
import { LOOP, OTHER, audioState, dueAt, initialState, isPlaying, rangeEnd, transition } from "./player/state.js";
import { Dock, TrackView, announce, observeStickyHeight, setAnnouncements, watchUserScroll } from "./player/view.js";

const audio = document.querySelector("audio[data-player]");
const dock = new Dock(document.querySelector("[data-dock]"));

/** The track page on screen, if any. */
let view = null;
/** The one playback state (player/state.js); changed only by `dispatch`. */
let state = initialState({ paused: audio?.paused ?? true });
let clock = null;
/** The cues of the track in the player (plain objects), so the dock names the cue on every page. */
let loadedCues = [];
/** Media Session, continuous play and resume (player/listening.js). */
const listening = new Listening(audio);

function dispatch(event) {
  const before = state;
  state = transition(state, event);
  if (state !== before) render();
}

/** Buttons, notices and the loop button, from the state. */
function render() {
  const playing = isPlaying(state);
  dock.showPlayback({ playing });
  view?.showPlayback({
    playing,
    other: state.mode === OTHER,
    looping: state.mode === LOOP,
    playerTitle: audio.getAttribute("src") ? audio.dataset.trackTitle || "another track" : "",
  });
}

/** Bring the page up to the audio's time: range ends, marks, clocks. The clock calls it. */
function sync() {
  const due = dueAt(state, audio.currentTime);
  if (due === "rewind") {
    audio.currentTime = audioState(state).range.start;
  } else if (due === "pause") {
    dispatch({ type: "range-end" });
    audio.pause();
  }
  const time = audio.currentTime;
  if (view && state.mode !== OTHER) view.show(view.activeAt(time), time);
  showTime(time);
}

/** When the clock must look again: the next cue boundary on screen, or a range's end. */
function nextWake(time) {
  const boundary = view && state.mode !== OTHER ? view.nextBoundary(time) : Infinity;
  return Math.min(boundary, rangeEnd(state));
}

function showTime(time = audio.currentTime || 0) {
  dock.showTime(time, audio.duration, audio.dataset.trackUrl);
  if (view && state.mode !== OTHER) {
    view.showTime(time);
    const current = view.current;
    dock.showCue(current?.title ?? "");
    listening.showCue(current, view);
  } else {
    // Another page (a person, a scene, another track): the cues of the track in the player still say.
    dock.showCue(newest(activeAt(loadedCues, time))?.title ?? "");
  }
  listening.remember(audio.dataset.trackUrl, time);
}

// ---------------------------------------------------------------------------------------------
// What the controls do

/** The audio's time, as this page's track sees it: 0 when another track is in the player. */
const ownTime = () => (state.mode === OTHER ? 0 : audio.currentTime);

/** Load this page's track into the player (the reader pressed play here). */
function loadViewTrack() {
  if (!view || state.mode !== OTHER || !view.audioSrc) return;
  audio.src = view.audioSrc;
  audio.dataset.trackUrl = view.url;
  audio.dataset.trackTitle = view.title;
  dock.showTrack(view.title);
  view.forget();
  rememberCues(view);
  dispatch({ type: "load" });
}

function rememberCues(trackView) {
  loadedCues = trackView.cues.map(({ el, ...cue }) => cue);
  listening.showTrack(trackView);
}

function play() {
  const attempt = audio.play();
  if (attempt) attempt.catch(render); // autoplay refused: the play button stays
}

/** This page's play button: on another track's page it switches the player to this track. */
function togglePlay() {
  if (state.mode === OTHER) {
    // A deep link followed while another track played: its moment starts when the reader presses play.
    const start = parseFloat(view?.root.dataset.startAt);
    if (view && !Number.isNaN(start)) return startMoment(view.root, start);
    loadViewTrack();
    play();
  } else {
    togglePlayer();
  }
}

/** The dock's button: play or pause the track in the player, whichever page is on screen. */
function togglePlayer() {
  if (audio.paused) play();
  else audio.pause();
}

function seekTo(seconds, { andPlay = false } = {}) {
  // Another track is playing: only an explicit "play from here" switches to this page's track.
  if (state.mode === OTHER) {
    if (!andPlay && audio.getAttribute("src")) return;
    loadViewTrack();
  }
  const limit = audio.duration || view?.duration || Infinity;
  audio.currentTime = Math.max(0, Math.min(seconds, limit - 0.01));
  dispatch({ type: "seek", time: seconds });
  clock.check();
  if (andPlay) play();
}

function stepCue(direction) {
  if (!view) return;
  const target = direction > 0 ? nextStart(view.cues, ownTime()) : previousStart(view.cues, ownTime());
  if (target !== null) seekTo(target);
}

/** Play `range` ({start, end} seconds) and stop at its end, or go round with `loop`. */
function playRange(range, { loop = false } = {}) {
  if (!range || !view) return;
  if (state.mode === OTHER) loadViewTrack();
  audio.currentTime = range.start;
  dispatch({ type: "range", start: range.start, end: range.end, loop });
  clock.check();
  play();
}

/** Loop the cue sounding now (the newest music cue, else the newest cue), or stop looping. */
function setLoop(on) {
  let range = null;
  if (on && view && state.mode !== OTHER) {
    const active = [...view.active];
    const cue = newest(active.filter((c) => c.layer === "music")) || newest(active);
    if (cue) range = { start: cue.start, end: cue.end };
  }
  dispatch({ type: "loop", range });
  clock.arm();
}

const player = {
  get view() {
    return view;
  },
  ownTime,
  playRange,
  rangeAction(action, button) {
    const chart = view?.chart;
    if (!chart) return;
    const here = ownTime();
    if (action === "range-play") playRange(chart.selection);
    else if (action === "range-loop") {
      const on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      if (on) playRange(chart.selection, { loop: true });
      else dispatch({ type: "loop", range: null });
    } else if (action === "range-copy" && chart.selection) {
      player.copyLink(rangeUrl(view.url, chart.selection.start, chart.selection.end));
    } else if (action === "range-clear") chart.select(null);
    else if (action === "range-from-here") {
      chart.anchor = here;
      chart.select(orderedOr(chart.selection ? { start: here, end: Math.max(here + 5, chart.selection.end) } : { start: here, end: Math.min(here + 10, view.duration) }));
    } else if (action === "range-to-here") {
      const start = chart.selection?.start ?? chart.anchor ?? 0;
      chart.select(orderedOr({ start: Math.min(start, here), end: Math.max(start, here) }));
    }
  },
  setContinuous: (on) => listening.setContinuous(on),
  togglePlay,
  togglePlayer,
  seekTo,
  seekBy: (delta) => seekTo(ownTime() + delta),
  stepCue,
  setLoop,
  setRate(rate) {
    audio.preservesPitch = true;
    audio.playbackRate = rate;
  },
  setAnnouncements,
  copyLink: (url) => copyLink(url, { root: view?.root, announce }),
  copyMomentLink: () => player.copyLink(momentUrl(view.url, ownTime())),
  // The iframe code the server wrote for this page (track or cue), for a course site.
  copyEmbedCode: () => copyText(view.root.dataset.embedCode, { root: view?.root, announce, what: "Embed code" }),
  // The cue sounding now, else the first: its permalink as the page gives it.
  copyCueLink() {
    const cue = state.mode === OTHER ? view.cues[0] : view.current;
    player.copyLink(cue?.url || view.url);
  },
};

const orderedOr = (range) => (range.end - range.start >= 0.1 ? range : null);

// ---------------------------------------------------------------------------------------------
// Wiring a page

/** Open `root`'s track at `start` (a deep link or a cue's permalink), with its range, and play. */
function startMoment(root, start) {
  loadViewTrack();
  // The src's #t= fragment serves pages without scripts; here the player owns the range, and
  // Chromium's own pause at the fragment's end would race the loop.
  const src = audio.getAttribute("src") || "";
  if (src.includes("#")) audio.src = src.split("#")[0];
  const begin = () => {
    audio.currentTime = start;
    dispatch({ type: "range", start, end: parseFloat(root.dataset.stopAt), loop: root.hasAttribute("data-loop") });
    clock.check();
    play();
    // Bring the moment into view: a permalink or a ?t= link opens the page at its top.
    const current = view?.root === root ? view.current : null;
    if (current) view.reveal(current);
  };
  if (audio.readyState >= 1) begin();
  else audio.addEventListener("loadedmetadata", begin, { once: true });
}

function bindView(root, { restoring = false } = {}) {
  view = root ? new TrackView(root) : null;
  dispatch({ type: "page", other: Boolean(view) && !view.isLoadedIn(audio) });
  if (!view) return;
  view.enableControls();
  observeStickyHeight(view.bar);
  view.chart?.bind(player);
  const stopAt = parseFloat(root.dataset.stopAt);
  const startAt = parseFloat(root.dataset.startAt);
  if (view.chart && !Number.isNaN(stopAt) && !Number.isNaN(startAt)) view.chart.select({ start: startAt, end: stopAt });
  if (view.isLoadedIn(audio)) rememberCues(view);
  // Nothing of this track has played yet on this visit: offer to resume where the reader left off.
  const fresh = state.mode === OTHER || (audio.paused && audio.currentTime < 1);
  if (fresh && Number.isNaN(startAt)) listening.offerResume(view, (time) => seekTo(time, { andPlay: true }));
  listening.bindView(view);
  if (listening.takeAutoplay(view.url)) {
    loadViewTrack();
    play();
  }

  // A page opened for a moment (a deep link or a cue's permalink) starts there.
  const start = parseFloat(root.dataset.startAt);
  // Back and forward restore a page as it was left: they never move the audio.
  if (!restoring && !Number.isNaN(start) && (state.mode !== OTHER || !audio.getAttribute("src") || !isPlaying(state))) {
    startMoment(root, start);
  } else if (state.mode !== OTHER) {
    clock.check(); // the server marked 0:00; the audio may be elsewhere (back on the playing track's page)
  }
  render();
}

function init() {
  if (!audio) return;
  // Scripts give the player its own controls; the browser's stay for pages without scripts.
  audio.controls = false;
  observeStickyHeight(document.querySelector(".site-header"));
  dock.enable();

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

  // The state follows the audio's own events (whoever started or paused it), before the clock's
  // listeners, registered next, read it.
  audio.addEventListener("play", () => dispatch({ type: "play" }));
  for (const type of ["pause", "ended"]) audio.addEventListener(type, () => dispatch({ type: "pause" }));
  // At the end of a track: offer the next one, and go on to it if the reader chose continuous play.
  audio.addEventListener("ended", () => listening.ended(audio.dataset.trackUrl, view && state.mode !== OTHER ? view : null));
  listening.bindMediaSession({
    play,
    pause: () => audio.pause(),
    seekTo: (time) => seekTo(time),
    seekBy: (delta) => seekTo(audio.currentTime + delta),
    stepCue: (direction) => stepCue(direction),
  });
  clock = followAudioClock(audio, { onTick: sync, nextWake });
  // Visible, the clock ticks every frame while playing; `timeupdate` still keeps the dock's time
  // right when something else moves the audio.
  audio.addEventListener("timeupdate", () => {
    if (!document.hidden) showTime();
  });

  bindControls(player);
  watchUserScroll();

  // Boosted navigation swaps <main>: find the new page's track, if any, and focus its heading.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target?.id !== "main" && event.detail.elt?.id !== "main") return;
    // History restores settle too, without `boosted`: they must not re-apply a page's deep link.
    observeStickyHeight(document.querySelector(".site-header")); // the header is swapped out of band
    bindView(document.querySelector("[data-track]"), { restoring: !event.detail.boosted });
    const main = document.querySelector("#main");
    // A link to a part of a page (the header's "Tracks": the story's #tracks) lands on that part. htmx
    // scrolls there, then the swap's `show:window:top` (for every other link) takes the page back up:
    // scroll again once htmx is done.
    const id = event.detail.pathInfo?.anchor || "";
    const part = id && !id.startsWith("t=") ? document.getElementById(decodeURIComponent(id)) : null;
    if (part && main.contains(part)) {
      if (!part.hasAttribute("tabindex")) part.setAttribute("tabindex", "-1");
      part.focus({ preventScroll: true });
      setTimeout(() => part.scrollIntoView({ block: "start" }));
    } else {
      (main.querySelector("h1") || main).focus({ preventScroll: true });
    }
  });

  bindView(document.querySelector("[data-track]"));
  window.listeningPlayer = {
    audio,
    seekTo,
    togglePlay,
    get view() {
      return view;
    },
    get state() {
      return state;
    },
  };
}

init();
