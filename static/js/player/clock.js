// Following the audio clock: calls `onTick` whenever what the page shows may have to change.
//
// The `timeupdate` event fires about four times a second, so a highlight driven by it lags
// 100–250 ms. Instead, while the audio plays, we tick on every animation frame and also arm a timer
// for the exact moment of the next boundary (`nextWake`), so the switch lands between two frames
// on time. Hidden tabs get no animation frames (and throttled timers): there `timeupdate` takes over.
// A seek, a rate change or new metadata moves the timeline under the timer: tick and re-arm then.
// tests/bench/sync_lag.py measures the result against a `timeupdate` baseline.

/**
 * Follow `audio`'s clock. `onTick()` brings the page up to `audio.currentTime`; `nextWake(time)`
 * is the next time (seconds) after `time` at which a tick is due, or Infinity.
 * Returns `check()`: tick now and re-arm (after the caller moved the playhead or changed what is
 * due), and `arm()`: only re-arm.
 */
export function followAudioClock(audio, { onTick, nextWake }) {
  let frame = 0;
  let timer = 0;

  function check() {
    onTick();
    arm();
  }

  function arm() {
    clearTimeout(timer);
    if (audio.paused || document.hidden) return;
    const time = audio.currentTime;
    const next = nextWake(time);
    if (!Number.isFinite(next)) return;
    const wait = ((next - time) / (audio.playbackRate || 1)) * 1000;
    // A timer for the whole distance, re-armed at every frame: it catches the boundary between two
    // frames, and still fires when a busy page skips frames (measured in tests/bench/sync_lag.py).
    timer = setTimeout(check, Math.max(0, wait));
  }

  function onFrame() {
    frame = 0;
    if (audio.paused) return;
    check();
    frame = requestAnimationFrame(onFrame);
  }

  function start() {
    if (!frame) frame = requestAnimationFrame(onFrame);
    arm();
  }

  function stop() {
    cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(timer);
  }

  audio.addEventListener("play", start);
  for (const type of ["pause", "ended"]) {
    audio.addEventListener(type, () => {
      stop();
      check(); // show where it stopped
    });
  }
  for (const type of ["seeking", "seeked", "ratechange", "loadedmetadata"]) audio.addEventListener(type, check);
  audio.addEventListener("timeupdate", () => {
    if (document.hidden) check();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) arm(); // drops the timer: hidden, `timeupdate` drives
    else if (!audio.paused) start();
  });

  return { check, arm };
}
