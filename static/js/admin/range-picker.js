// "Pick the range on the chart" for a lesson's listening steps (and where a guess step starts).
//
// Under each step (found by the class its block's Meta sets, so steps added or duplicated after the
// page loaded get one too) a button fetches the chosen track's chart and recording from the admin
// (lessons/admin_views.track_chart) and opens them under the step. The chart is the reader's
// (player/chart.js): drag across it, or click a moment then shift-click another (Enter then
// shift+Enter on cue marks from the keyboard), and the step's start and end are written in the shared
// time format (timecode.js); "Start/End at the playhead" set them while listening. The times already
// typed are drawn on the chart when it opens, and again as they are typed. Saving checks them
// (steps.py), as it does typed ones.

import { Chart } from "../player/chart.js";
import { formatTime, readShownTime } from "../timecode.js";

const script = document.querySelector("script[data-track-chart-url]");
const STEPS = [
  { selector: ".listening-step-block", fields: ["start", "end"], label: "Pick the range on the chart" },
  { selector: ".guess-step-block", fields: ["listen_from"], label: "Pick where to start on the chart" },
];

const toMs = (secs) => Math.round(secs * 1000);
const chartUrl = (trackId) => script.dataset.trackChartUrl.replace(/\/0\/$/, `/${trackId}/`);

function fieldOf(block, name) {
  return block.querySelector(`[data-contentpath="${name}"] input:not([type="hidden"]), [data-contentpath="${name}"] textarea`);
}

function trackIdOf(block) {
  return block.querySelector('[data-contentpath="track"] input[type="hidden"]')?.value || "";
}

function setField(input, ms) {
  input.value = formatTime(ms);
  // Wagtail's unsaved-changes check and any validation listen for these.
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** The reader's chart, telling the picker when the editor selects a range (not when it is drawn). */
class PickerChart extends Chart {
  constructor(el, onPick) {
    super(el);
    this.onPick = onPick;
  }

  select(range) {
    super.select(range);
    if (range && this.onPick) this.onPick(range);
  }

  /** Draw `range` without treating it as picked: the times typed in the fields. */
  show(range) {
    super.select(range);
  }
}

/** The `<audio>` as the chart's player: seek, play, and the time to shift-click from. */
function playerFor(audio) {
  return {
    ownTime: () => (audio ? audio.currentTime : 0),
    seekTo(time, { andPlay = false } = {}) {
      if (!audio) return;
      audio.currentTime = time;
      if (andPlay) audio.play().catch(() => {});
    },
  };
}

function button(text, action) {
  const el = document.createElement("button");
  el.type = "button";
  el.className = "button button-small button-secondary";
  el.textContent = text;
  el.dataset.pickerAction = action;
  return el;
}

class RangePicker {
  constructor(block, step) {
    this.block = block;
    this.inputs = step.fields.map((name) => fieldOf(block, name));
    this.isRange = this.inputs.length === 2;
    this.root = document.createElement("div");
    this.root.className = "range-picker";
    this.root.dataset.rangePicker = "";
    this.toggle = button(step.label, "toggle");
    this.toggle.setAttribute("aria-expanded", "false");
    this.status = document.createElement("p");
    this.status.className = "range-picker-status";
    this.status.setAttribute("role", "status");
    this.panel = document.createElement("div");
    this.panel.className = "range-picker-panel";
    this.panel.hidden = true;
    this.root.append(this.toggle, this.status, this.panel);
    const last = step.fields[step.fields.length - 1];
    const after = block.querySelector(`[data-contentpath="${last}"]`);
    after.after(this.root);
    this.toggle.addEventListener("click", () => (this.panel.hidden ? this.open() : this.close()));
    for (const input of this.inputs) input.addEventListener("input", () => this.drawTyped());
    // Another track chosen (the chooser fires `change`): an open chart is the old track's, so show the new one.
    block.querySelector('[data-contentpath="track"] input[type="hidden"]')?.addEventListener("change", () => {
      if (this.panel.hidden) return this.say("");
      this.close();
      this.open();
    });
    this.asked = 0;
  }

  say(text) {
    this.status.textContent = text;
  }

  close() {
    this.asked += 1;
    this.audio?.pause();
    this.panel.hidden = true;
    this.panel.replaceChildren();
    this.chart = null;
    this.audio = null;
    this.toggle.setAttribute("aria-expanded", "false");
  }

  async open() {
    const trackId = trackIdOf(this.block);
    if (!trackId) {
      this.say("Choose a track first: its chart opens here.");
      return;
    }
    this.say("Opening the track's chart…");
    const asked = ++this.asked; // a later opening (another track) wins over an answer still on its way
    let response;
    let html;
    try {
      response = await fetch(chartUrl(trackId), { credentials: "same-origin", headers: { Accept: "text/html" } });
      html = await response.text();
    } catch {
      if (asked === this.asked) this.say("The chart could not be fetched. Type the times instead.");
      return;
    }
    if (asked !== this.asked) return;
    if (!response.ok) {
      this.say(response.status === 403 ? "You may not open this track in the admin, so not its chart either." : "That track's chart could not be opened.");
      return;
    }
    this.panel.innerHTML = html;
    this.panel.hidden = false;
    this.toggle.setAttribute("aria-expanded", "true");
    this.say("");
    this.audio = this.panel.querySelector("[data-range-picker-audio]");
    const figure = this.panel.querySelector("[data-chart]");
    if (!figure) return;
    this.bindChart(figure);
  }

  bindChart(figure) {
    const audio = this.audio;
    this.chart = new PickerChart(figure, (range) => this.picked(range));
    const player = playerFor(audio);
    this.chart.bind(player);
    const body = figure.querySelector("[data-chart-body]");
    // A cue's mark is a reader's link (`?t=`): here it plays from the mark's start instead.
    body.addEventListener("click", (event) => {
      const mark = event.target.closest("[data-seek-to]");
      if (!mark) return;
      event.preventDefault();
      if (!event.shiftKey) player.seekTo(parseFloat(mark.dataset.seekTo), { andPlay: true });
    });
    const play = figure.querySelector("[data-action=range-play]");
    play?.classList.replace("tool-button", "button");
    play?.classList.add("button-small", "button-secondary");
    play?.addEventListener("click", () => {
      const range = this.chart?.selection;
      if (!range || !audio) return;
      this.stopAt = range.end;
      player.seekTo(range.start, { andPlay: true });
    });
    if (audio) {
      audio.addEventListener("timeupdate", () => {
        this.chart?.showTime(audio.currentTime);
        if (this.stopAt !== undefined && audio.currentTime >= this.stopAt) {
          audio.pause();
          this.stopAt = undefined;
        }
      });
      audio.addEventListener("seeking", () => this.chart?.showTime(audio.currentTime));
      const tools = document.createElement("div");
      tools.className = "range-picker-tools";
      const labels = this.isRange ? [["Start at the playhead", 0], ["End at the playhead", 1]] : [["Start at the playhead", 0]];
      for (const [text, index] of labels) {
        const el = button(text, index ? "end-here" : "start-here");
        el.addEventListener("click", () => {
          setField(this.inputs[index], toMs(audio.currentTime));
          this.drawTyped();
          this.say(`${this.isRange ? (index ? "End" : "Start") : "Start"} set to ${this.inputs[index].value}.`);
        });
        tools.append(el);
      }
      figure.before(tools);
    }
    this.drawTyped();
  }

  picked(range) {
    const start = toMs(range.start);
    setField(this.inputs[0], start);
    if (this.isRange) {
      setField(this.inputs[1], toMs(range.end));
      this.say(`Range set: ${this.inputs[0].value} to ${this.inputs[1].value}.`);
    } else {
      this.say(`Start set to ${this.inputs[0].value}.`);
    }
  }

  /** Draw what the fields say (times as the chart writes them, or plain seconds); other forms are the server's to read. */
  drawTyped() {
    if (!this.chart) return;
    const start = readShownTime(this.inputs[0].value);
    const end = this.isRange ? readShownTime(this.inputs[1].value) : null;
    if (start === null) return this.chart.show(null);
    if (!this.isRange) {
      this.chart.showTime(start / 1000);
      return;
    }
    this.chart.show(end !== null && end > start ? { start: start / 1000, end: end / 1000 } : null);
  }
}

function setUp(root = document) {
  for (const step of STEPS) {
    for (const block of root.querySelectorAll(`${step.selector}:not([data-has-range-picker])`)) {
      if (step.fields.some((name) => !fieldOf(block, name))) continue; // not rendered yet
      block.dataset.hasRangePicker = "";
      new RangePicker(block, step);
    }
  }
}

if (script) {
  setUp();
  // Steps added, duplicated or moved after the page loaded are rendered by Wagtail's scripts later.
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      setUp();
    });
  }).observe(document.body, { childList: true, subtree: true });
}
