// Listening beyond one page: the Media Session (lock screen, media keys), the next track at the end
// of one (and continuous play, if the reader chose it), and "resume where you left off" per track.
//
// What is remembered stays in this browser (localStorage): the reader's choice of continuous play,
// and for each track the moment they last reached. Nothing is sent anywhere.

import { formatTime } from "../timecode.js";

const CONTINUOUS_KEY = "listening:continuous";
const RESUME_PREFIX = "listening:resume:";
const AUTOPLAY_KEY = "listening:autoplay";
// A moment is worth resuming past the first seconds and before the last ones.
const RESUME_MIN_S = 5;
const REMEMBER_EVERY_MS = 2000;

const clockText = (seconds) => formatTime(seconds * 1000, { precise: false });
const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage refused (privacy settings): nothing is remembered
  }
};

/** Whether `time` (seconds) of a track `duration` long is a moment worth offering to resume. */
export function worthResuming(time, duration) {
  return Number.isFinite(time) && time >= RESUME_MIN_S && (!duration || time < duration - RESUME_MIN_S);
}

export class Listening {
  constructor(audio) {
    this.audio = audio;
    this.lastSaved = 0;
    this.cueSlug = null;
    this.trackTitle = "";
    this.album = "";
  }

  get continuous() {
    return storage()?.getItem(CONTINUOUS_KEY) === "on";
  }

  setContinuous(on) {
    storage()?.setItem(CONTINUOUS_KEY, on ? "on" : "off");
  }

  /** A page was bound: its continuous-play box shows the reader's choice. */
  bindView(view) {
    const box = view.root.querySelector("[data-continuous]");
    if (box) box.checked = this.continuous;
  }

  // -- resume ------------------------------------------------------------------------------------

  /** Keep the moment reached in the track at `trackUrl` (now and then, not every frame). */
  remember(trackUrl, time) {
    if (!trackUrl || this.audio.paused) return;
    const now = Date.now();
    if (now - this.lastSaved < REMEMBER_EVERY_MS) return;
    this.lastSaved = now;
    storage()?.setItem(RESUME_PREFIX + trackUrl, String(Math.round(time * 10) / 10));
  }

  forget(trackUrl) {
    storage()?.removeItem(RESUME_PREFIX + trackUrl);
  }

  /** Offer to resume `view`'s track where the reader left off, if they did; `resume(time)` does it. */
  offerResume(view, resume) {
    const button = view.root.querySelector("[data-resume]");
    if (!button) return;
    const time = parseFloat(storage()?.getItem(RESUME_PREFIX + view.url));
    button.hidden = !worthResuming(time, view.duration);
    if (button.hidden) return;
    button.textContent = `Resume at ${clockText(time)}`;
    button.onclick = () => {
      button.hidden = true;
      resume(time);
    };
  }

  // -- the end of a track ------------------------------------------------------------------------

  /** The track at `trackUrl` ended; `view` is its page when it is on screen. */
  ended(trackUrl, view) {
    if (trackUrl) this.forget(trackUrl);
    if (!view?.nextUrl) return;
    const offer = view.root.querySelector("[data-next-offer]");
    if (offer) offer.hidden = false;
    if (!this.continuous) return;
    // The next page starts playing once it is bound (takeAutoplay): boosted navigation keeps the player.
    sessionStorage.setItem(AUTOPLAY_KEY, new URL(view.nextUrl, location.href).pathname);
    const link = view.root.querySelector("[data-next-track]");
    if (link) link.click();
    else location.assign(view.nextUrl);
  }

  /** Was the page at `url` opened by continuous play? Then it plays at once (asked once). */
  takeAutoplay(url) {
    const wanted = sessionStorage.getItem(AUTOPLAY_KEY);
    if (!wanted) return false;
    sessionStorage.removeItem(AUTOPLAY_KEY);
    return wanted === new URL(url, location.href).pathname;
  }

  // -- Media Session -----------------------------------------------------------------------------

  /** The lock screen's and media keys' buttons do what the page's do. */
  bindMediaSession({ play, pause, seekTo, seekBy, stepCue }) {
    const session = navigator.mediaSession;
    if (!session) return;
    const handlers = {
      play,
      pause,
      seekto: (details) => seekTo(details.seekTime),
      seekbackward: (details) => seekBy(-(details.seekOffset || 5)),
      seekforward: (details) => seekBy(details.seekOffset || 5),
      previoustrack: () => stepCue(-1),
      nexttrack: () => stepCue(1),
    };
    for (const [action, handler] of Object.entries(handlers)) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know: the others still work.
      }
    }
    for (const type of ["play", "pause", "ratechange", "loadedmetadata", "seeked"]) {
      this.audio.addEventListener(type, () => this.showPosition());
    }
  }

  /** The track now in the player, as the lock screen names it. */
  showTrack(view) {
    this.trackTitle = view.title;
    this.album = view.album;
    this.cueSlug = undefined;
    this.chapters = view.cues.map((cue) => ({ title: cue.title, startTime: cue.start, artwork: cue.still ? [{ src: cue.still }] : [] }));
    this.showCue(view.current, view);
  }

  /** The current cue as the chapter, its still as the artwork: set when the page is idle. */
  showCue(cue, view) {
    if (!navigator.mediaSession || typeof MediaMetadata === "undefined" || !this.trackTitle) return;
    if (view && view.title !== this.trackTitle) return;
    const slug = cue?.slug ?? null;
    if (slug === this.cueSlug) return;
    this.cueSlug = slug;
    // The browser fetches and decodes the artwork on the page's thread: never in the frame that
    // switches a cue, nor before the first sound (measured: up to a second on a busy machine).
    this.pending = { cue, still: cue?.still || view?.cues.find((c) => c.still)?.still || "" };
    if (this.idle) return;
    const later = window.requestIdleCallback || ((run) => setTimeout(run, 200));
    this.idle = later(() => this.applyMetadata(), { timeout: 1500 });
  }

  applyMetadata() {
    this.idle = 0;
    const { cue, still } = this.pending || {};
    this.pending = null;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: this.trackTitle,
      artist: cue ? cue.title : "",
      album: this.album,
      artwork: still ? [{ src: new URL(still, location.href).href, sizes: "1280x720", type: "image/webp" }] : [],
      chapterInfo: this.chapters,
    });
  }

  showPosition() {
    const session = navigator.mediaSession;
    const { duration, currentTime, playbackRate } = this.audio;
    if (!session?.setPositionState || !Number.isFinite(duration) || duration <= 0) return;
    try {
      session.setPositionState({ duration, position: Math.min(currentTime, duration), playbackRate: playbackRate || 1 });
    } catch {
      // A position the browser refuses (during a source change): the next event sets it.
    }
  }
}
