// A lesson's steps in the browser: answers wait until a step's range has been heard, a guess is
// checked and its cue revealed, and progress (heard steps, ticks, guesses) stays in this browser.
//
// The lesson page works without this module: every step reads in full, answers sit in <details>.
// Playing a range is the player's job (player.js): a step being played holds a `[data-track]` with
// data-start-at / data-stop-at, the player contract. This module only watches the shared
// <audio data-player> for the pause at that range's end; it never reaches into the player.

const PREFIX = "listening:lesson:";
const reducedMotion = globalThis.matchMedia?.("(prefers-reduced-motion: reduce)") ?? { matches: true };
// The player pauses at a range's end on the next animation frame: a pause this close to it is that one.
const END_SLACK_S = 0.5;

// -- progress: pure, so Node's test runner can check it -------------------------------------------

/** A fresh progress record (what localStorage holds for one lesson). */
export const emptyProgress = () => ({ heard: {}, checks: {}, guesses: {} });

/** Progress read from stored text; anything unreadable is a fresh start. */
export function readProgress(text) {
  try {
    const data = JSON.parse(text);
    if (!data || typeof data !== "object") return emptyProgress();
    return {
      heard: typeof data.heard === "object" && data.heard ? data.heard : {},
      checks: typeof data.checks === "object" && data.checks ? data.checks : {},
      guesses: typeof data.guesses === "object" && data.guesses ? data.guesses : {},
    };
  } catch {
    return emptyProgress();
  }
}

/** Did a pause at `time` (seconds) end the range that stops at `stopAt`? */
export const pausedAtEnd = (time, stopAt) => Number.isFinite(stopAt) && time >= stopAt - END_SLACK_S;

/**
 * What the lesson says about progress, from the record and the ids of the steps that have something
 * to hear: "2 of 5 steps heard in this browser.", or "" before anything was heard, ticked or guessed.
 */
export function progressText(progress, stepIds) {
  const heard = stepIds.filter((id) => progress.heard[id]).length;
  if (heard) return `${heard} of ${stepIds.length} step${stepIds.length === 1 ? "" : "s"} heard in this browser.`;
  const started = Object.keys(progress.guesses).length || Object.values(progress.checks).some((ticks) => ticks.length);
  return started ? "Your answers are kept in this browser." : "";
}

// -- the page ---------------------------------------------------------------------------------------

function storage() {
  try {
    return window.localStorage; // a browser that refuses storage still gets a working lesson
  } catch {
    return null;
  }
}

class Lesson {
  constructor(root) {
    this.root = root;
    this.key = PREFIX + root.dataset.lesson;
    this.progress = readProgress(storage()?.getItem(this.key) ?? "");
  }

  save() {
    try {
      storage()?.setItem(this.key, JSON.stringify(this.progress));
    } catch {
      // full or refused: progress lasts as long as the page
    }
  }

  steps() {
    return [...this.root.querySelectorAll("[data-step]")];
  }

  /** Show each step as its progress says. */
  show() {
    for (const step of this.steps()) this.showStep(step);
    const audible = this.steps().filter((step) => step.dataset.stepKind !== "reading" && step.querySelector("[data-listen]"));
    const text = progressText(this.progress, audible.map((step) => step.dataset.step));
    const box = this.root.querySelector("[data-progress]");
    if (box) {
      box.hidden = !text;
      box.querySelector("[data-progress-text]").textContent = text;
    }
  }

  showStep(step) {
    const id = step.dataset.step;
    const heard = Boolean(this.progress.heard[id]);
    const guessed = this.progress.guesses[id];
    step.toggleAttribute("data-done", heard);
    this.root.querySelector(`[data-toc-for="${id}"]`)?.toggleAttribute("data-done", heard);
    for (const [index, box] of step.querySelectorAll("[data-check]").entries()) {
      box.checked = (this.progress.checks[id] || []).includes(index);
    }
    const answer = step.querySelector("[data-answer]");
    if (answer) answer.hidden = !heard;
    const form = step.querySelector("[data-guess]");
    if (!form) {
      const wait = step.querySelector("[data-wait]");
      if (wait) wait.hidden = heard;
      return;
    }
    const choices = form.querySelector("[data-guess-choices]");
    const open = heard || guessed !== undefined || form.dataset.open === "1";
    choices.hidden = !open;
    form.querySelector("[data-wait]").hidden = open;
    form.querySelector("[data-guess-check]").hidden = guessed !== undefined;
    if (guessed !== undefined) this.markGuess(step, guessed);
    else step.querySelector("[data-reveal]").hidden = true;
  }

  markGuess(step, value) {
    const form = step.querySelector("[data-guess]");
    let right = false;
    for (const input of form.querySelectorAll("input[type=radio]")) {
      const label = input.closest("label");
      const correct = input.hasAttribute("data-correct");
      input.checked = input.value === value;
      input.disabled = true;
      label.classList.toggle("is-right", correct);
      label.classList.toggle("is-wrong", input.value === value && !correct);
      if (input.value === value && correct) right = true;
    }
    const answer = step.querySelector(".guess-right strong")?.textContent ?? "";
    form.querySelector("[data-verdict]").textContent = right ? `Right: ${answer}.` : `Not this time: ${answer}.`;
    const reveal = step.querySelector("[data-reveal]");
    reveal.hidden = false;
    reveal.open = true;
  }

  onSubmit(event) {
    const form = event.target.closest("[data-guess]");
    if (!form) return;
    event.preventDefault();
    const step = form.closest("[data-step]");
    const chosen = form.querySelector("input[type=radio]:checked");
    if (!chosen) {
      form.querySelector("[data-verdict]").textContent = "Choose an answer first.";
      return;
    }
    this.progress.guesses[step.dataset.step] = chosen.value;
    this.save();
    this.show();
    step.querySelector("[data-reveal] summary")?.focus();
  }

  onClick(event) {
    const now = event.target.closest("[data-guess-now]");
    if (now) {
      const form = now.closest("[data-guess]");
      form.dataset.open = "1";
      this.showStep(form.closest("[data-step]"));
      form.querySelector("input[type=radio]")?.focus();
      return;
    }
    if (event.target.closest("[data-reset]")) {
      this.progress = emptyProgress();
      this.save();
      for (const form of this.root.querySelectorAll("[data-guess]")) {
        delete form.dataset.open;
        form.querySelector("[data-verdict]").textContent = "";
        for (const input of form.querySelectorAll("input[type=radio]")) {
          input.disabled = false;
          input.checked = false;
          input.closest("label").classList.remove("is-right", "is-wrong");
        }
      }
      this.show();
      return;
    }
    const copy = event.target.closest("[data-copy-lesson-embed]");
    if (copy) {
      navigator.clipboard?.writeText(copy.dataset.copyLessonEmbed).then(
        () => (copy.textContent = "Embed code copied"),
        () => (copy.textContent = "Copying was refused"),
      );
    }
  }

  onChange(event) {
    const box = event.target.closest("[data-check]");
    if (!box) return;
    const step = box.closest("[data-step]");
    const boxes = [...step.querySelectorAll("[data-check]")];
    this.progress.checks[step.dataset.step] = boxes.flatMap((el, index) => (el.checked ? [index] : []));
    this.save();
    this.show();
  }

  /** The audio paused: if it stopped at the end of the step being played, that step was heard. */
  onPause(audio) {
    const player = this.root.querySelector("[data-playing] [data-lesson-player]");
    if (!player || !player.dataset.audioSrc) return;
    const src = audio.getAttribute("src");
    if (!src || new URL(src, location.href).pathname !== new URL(player.dataset.audioSrc, location.href).pathname) return;
    if (!pausedAtEnd(audio.currentTime, parseFloat(player.dataset.stopAt))) return;
    const step = player.closest("[data-step]");
    if (this.progress.heard[step.dataset.step]) return;
    this.progress.heard[step.dataset.step] = true;
    this.save();
    this.show();
    const verdict = step.querySelector("[data-verdict]");
    const choices = step.querySelector("[data-guess-choices]");
    if (verdict && choices && this.progress.guesses[step.dataset.step] === undefined) {
      verdict.textContent = `The music stopped. ${choices.querySelector("legend").firstChild.textContent.trim()}`;
    }
    // What opened (the question, or the answer) comes into view above the dock.
    const opened = choices || step.querySelector("[data-answer]");
    opened?.scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
  }
}

let lesson = null;

function bind() {
  const root = document.querySelector("[data-lesson]");
  lesson = root ? new Lesson(root) : null;
  if (!lesson) return;
  for (const button of root.querySelectorAll("[data-guess-check], [data-copy-lesson-embed]")) button.hidden = false;
  lesson.show();
}

function init() {
  document.addEventListener("submit", (event) => lesson?.onSubmit(event));
  document.addEventListener("click", (event) => lesson?.onClick(event));
  document.addEventListener("change", (event) => lesson?.onChange(event));
  const audio = document.querySelector("audio[data-player]");
  for (const type of ["pause", "ended"]) audio?.addEventListener(type, () => lesson?.onPause(audio));
  // Boosted navigation (a step's "Listen" link among it) swaps <main>: find the lesson again.
  document.body.addEventListener("htmx:afterSettle", bind);
  bind();
}

if (typeof document !== "undefined") init();
