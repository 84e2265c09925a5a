// The chart under the player (tracks/includes/chart.html): the server draws it; here the playhead
// follows the audio clock, and the plot is the seek and range-selection control.
//
// Click or tap the plot: play from there (a cue's or a scene's mark plays from its start, through
// controls.js). Drag across it, or shift-click a second point: select a range, then "Play this range",
// "Loop it" or "Copy link" (`?t=a,b`). The selection is also shown for a deep link's range.

import { formatTime } from "../timecode.js";

const DRAG_PX = 6;
const clockText = (seconds) => formatTime(seconds * 1000, { precise: false });

/** Seconds at `clientX` over a plot `rect`, for a track `duration` seconds long. */
export function timeAtX(clientX, rect, duration) {
  if (!rect.width || !duration) return 0;
  const share = Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
  return Math.round(share * duration * 10) / 10;
}

/** A selected range in order, at least a tenth of a second long; null when it is empty. */
export function orderedRange(a, b) {
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end - start >= 0.1 ? { start, end } : null;
}

export class Chart {
  /** `el`: the `[data-chart]` figure; `duration`: the track's length in seconds. */
  constructor(el, duration) {
    this.el = el;
    this.duration = parseFloat(el.dataset.duration) || duration || 0;
    this.body = el.querySelector("[data-chart-body]");
    this.playhead = el.querySelector("[data-playhead]");
    this.selectionEl = el.querySelector("[data-chart-selection]");
    this.actions = el.querySelector("[data-range-actions]");
    this.selection = null;
    this.anchor = null;
    this.lastShare = -1;
    this.sceneMarks = [...el.querySelectorAll("[data-scene-mark]")].map((mark) => ({
      mark,
      start: parseFloat(mark.dataset.seekTo),
      end: parseFloat(mark.closest("li").style.width) / 100 * this.duration + parseFloat(mark.dataset.seekTo),
    }));
  }

  /** The plot's box: every lane's plot shares the same left and width. */
  plotRect() {
    return this.el.querySelector(".chart-plot").getBoundingClientRect();
  }

  /** Move the playhead to `time` (called every frame while playing: a transform only, no layout). */
  showTime(time) {
    if (!this.playhead || !this.duration) return;
    const share = Math.min(1, Math.max(0, time / this.duration));
    if (share === this.lastShare) return;
    this.lastShare = share;
    this.playhead.style.transform = `translateX(${(share * 100).toFixed(3)}%)`;
    for (const scene of this.sceneMarks) scene.mark.toggleAttribute("data-active", time >= scene.start && time < scene.end);
  }

  /** Show `range` ({start, end} seconds, or null) on the chart and offer what to do with it. */
  select(range) {
    this.selection = range;
    if (this.selectionEl) {
      this.selectionEl.hidden = !range;
      if (range) {
        this.selectionEl.style.left = `${(100 * range.start) / this.duration}%`;
        this.selectionEl.style.width = `${(100 * (range.end - range.start)) / this.duration}%`;
      }
    }
    if (this.actions) {
      this.actions.hidden = !range;
      const label = this.actions.querySelector("[data-range-label]");
      if (label && range) label.textContent = `Range ${clockText(range.start)}–${clockText(range.end)}`;
      const loop = this.actions.querySelector("[data-action=range-loop]");
      if (loop && !range) loop.setAttribute("aria-pressed", "false");
    }
  }

  /** The plot answers the pointer: `player` seeks, plays ranges. Bound once per page. */
  bind(player) {
    const hint = this.el.querySelector("[data-chart-hint]");
    if (hint) hint.hidden = false;
    if (!this.body) return;
    let down = null;
    let dragged = false;
    this.body.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      down = { x: event.clientX, time: timeAtX(event.clientX, this.plotRect(), this.duration), id: event.pointerId };
      dragged = false;
    });
    this.body.addEventListener("pointermove", (event) => {
      if (!down || event.pointerId !== down.id) return;
      if (!dragged && Math.abs(event.clientX - down.x) < DRAG_PX) return;
      if (!dragged) {
        dragged = true;
        this.body.setPointerCapture?.(event.pointerId);
      }
      this.select(orderedRange(down.time, timeAtX(event.clientX, this.plotRect(), this.duration)));
    });
    const finish = (event) => {
      if (!down) return;
      if (dragged) {
        this.body.releasePointerCapture?.(event.pointerId);
        // The click that follows a drag must not also seek.
        this.body.addEventListener("click", (click) => {
          click.preventDefault();
          click.stopPropagation();
        }, { capture: true, once: true });
      }
      down = null;
    };
    this.body.addEventListener("pointerup", finish);
    this.body.addEventListener("pointercancel", () => (down = null));
    this.body.addEventListener("click", (event) => {
      if (dragged) return;
      const mark = event.target.closest("[data-seek-to]");
      // A click from the keyboard (Enter on a mark) has no pointer position: the mark's start is meant.
      const time = event.detail === 0 && mark ? parseFloat(mark.dataset.seekTo) : timeAtX(event.clientX, this.plotRect(), this.duration);
      if (event.shiftKey) {
        event.preventDefault();
        event.stopPropagation();
        const from = this.anchor ?? player.ownTime();
        this.select(orderedRange(from, time));
        return;
      }
      this.anchor = mark ? parseFloat(mark.dataset.seekTo) : time;
      if (mark) return; // a mark: controls.js plays from its start
      player.seekTo(time, { andPlay: true });
    });
  }
}
