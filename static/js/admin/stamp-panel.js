/*
 * The stamping player of the track editor: listen, and stamp times into the cue rows.
 *
 * A Stimulus controller registered with Wagtail's own application, as Wagtail's widgets are. The
 * cue rows live in the InlinePanel after this panel (not inside it), so row buttons are handled by
 * delegation on the rows' container, and rows added later (by "Add cue" or "Add a cue here") are
 * equipped on Wagtail's `w-formset:added` event. The server checks every time on save; this only
 * fills in fields.
 *
 * An ES module (loaded by tracks/admin/stamp_panel.html), so that it writes times with the site's one
 * formatter: m:ss.s, as the server's format_time shows them.
 */
import { formatTime, readShownTime } from '../timecode.js';

const FIELD_NAMES = { start_ms: 'start', end_ms: 'end' };

class StampController extends window.StimulusModule.Controller {
  static targets = ['audio', 'clock', 'length', 'empty', 'status', 'rowTools', 'add'];

  static values = { formset: String, sourceUrl: String, audioInput: String };

  connect() {
    this.forms = document.getElementById(`id_${this.formsetValue}-FORMS`);
    this.audioInput = document.getElementById(this.audioInputValue);
    this.pendingStart = null;
    this.onAdded = this.onAdded.bind(this);
    this.onClick = this.onClick.bind(this);
    this.onKeydown = this.onKeydown.bind(this);
    this.onAudioChosen = this.onAudioChosen.bind(this);
    document.addEventListener('w-formset:added', this.onAdded);
    this.forms?.addEventListener('click', this.onClick);
    this.forms?.addEventListener('keydown', this.onKeydown);
    this.audioInput?.addEventListener('change', this.onAudioChosen);
    this.rows().forEach((row) => this.equip(row));
    this.tick();
  }

  disconnect() {
    document.removeEventListener('w-formset:added', this.onAdded);
    this.forms?.removeEventListener('click', this.onClick);
    this.forms?.removeEventListener('keydown', this.onKeydown);
    this.audioInput?.removeEventListener('change', this.onAudioChosen);
  }

  // -- rows ---------------------------------------------------------------------------------

  rows() {
    return this.forms ? [...this.forms.querySelectorAll(':scope > [data-inline-panel-child]')] : [];
  }

  field(row, name) {
    return row.querySelector(`input[data-timecode][name$="-${name}"]`);
  }

  rowLabel(row) {
    const count = row.querySelector('[data-inline-panel-child-count]');
    const title = row.querySelector('input[name$="-title"]')?.value;
    return `Cue${count ? count.textContent : ''}${title ? ` (${title})` : ''}`;
  }

  equip(row) {
    if (!this.field(row, 'start_ms') || row.querySelector('[data-stamp-slot]')) return;
    const parts = this.rowToolsTarget.content.cloneNode(true);
    // Each part goes under the field it acts on: start, end, and "play" under the layer.
    const places = {
      start_ms: this.field(row, 'start_ms'),
      end_ms: this.field(row, 'end_ms'),
      play: row.querySelector('select[name$="-layer"]'),
    };
    parts.querySelectorAll('[data-stamp-slot]').forEach((part) => {
      const input = places[part.dataset.stampSlot] || places.start_ms;
      (input.closest('[data-field-input]') || input).after(part);
    });
  }

  onAdded(event) {
    const row = event.target.closest?.('[data-inline-panel-child]');
    if (!row || !this.forms?.contains(row)) return;
    this.equip(row);
    if (this.pendingStart !== null) {
      this.setField(this.field(row, 'start_ms'), this.pendingStart);
      const title = row.querySelector('input[name$="-title"]');
      title?.focus();
      this.announce(`New cue at ${formatTime(this.pendingStart)}; give it a title.`);
      this.pendingStart = null;
    }
  }

  onClick(event) {
    const button = event.target.closest('[data-stamp]');
    const row = button?.closest('[data-inline-panel-child]');
    if (!row) return;
    const action = button.dataset.stamp;
    if (action === 'play') {
      this.playFrom(row);
    } else if (action === 'set') {
      this.stamp(row, button.dataset.field);
    } else if (action === 'nudge') {
      this.nudge(this.field(row, button.dataset.field), Number(button.dataset.by), row);
    }
  }

  onKeydown(event) {
    const input = event.target;
    if (!input.matches?.('input[data-timecode]') || !['ArrowUp', 'ArrowDown'].includes(event.key)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const step = event.shiftKey ? 1000 : 100;
    this.nudge(input, event.key === 'ArrowUp' ? step : -step, input.closest('[data-inline-panel-child]'));
  }

  // -- stamping -----------------------------------------------------------------------------

  hasAudio() {
    if (this.audioTarget.currentSrc || this.audioTarget.getAttribute('src')) return true;
    this.announce('Choose an audio file for the track first.');
    return false;
  }

  now() {
    return Math.round(this.audioTarget.currentTime * 1000);
  }

  setField(input, ms) {
    if (!input) return;
    input.value = formatTime(ms);
    // Wagtail's unsaved-changes warning and autosave listen for these.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  stamp(row, name) {
    if (!this.hasAudio()) return;
    const ms = this.now();
    this.setField(this.field(row, name), ms);
    this.announce(`${this.rowLabel(row)}: ${FIELD_NAMES[name]} set to ${formatTime(ms)}.`);
  }

  nudge(input, by, row) {
    if (!input) return;
    let ms = readShownTime(input.value);
    if (ms === null) {
      if (input.value.trim()) {
        this.announce('Write the time as m:ss.s to nudge it.');
        return;
      }
      ms = this.now();
    }
    ms = Math.max(0, ms + by);
    this.setField(input, ms);
    // While paused, move the playhead there too, so Play lets you hear the new time.
    if (this.audioTarget.paused && this.hasAudio()) this.audioTarget.currentTime = ms / 1000;
    const name = FIELD_NAMES[input.name.split('-').pop()] || 'time';
    this.announce(`${row ? this.rowLabel(row) : 'Cue'}: ${name} ${formatTime(ms)}.`);
  }

  playFrom(row) {
    if (!this.hasAudio()) return;
    const ms = readShownTime(this.field(row, 'start_ms')?.value);
    if (ms === null) {
      this.announce('Give this cue a start (m:ss.s) to play from it.');
      return;
    }
    this.audioTarget.currentTime = ms / 1000;
    this.audioTarget.play().catch(() => {});
  }

  // -- the player bar -----------------------------------------------------------------------

  addCue() {
    if (!this.hasAudio()) return;
    const add = document.getElementById(`id_${this.formsetValue}-ADD`);
    if (!add) return;
    this.pendingStart = this.now();
    add.click(); // Wagtail's InlinePanel adds the row and fires w-formset:added (see onAdded)
    this.pendingStart = null;
  }

  seek({ params: { by } }) {
    if (!this.hasAudio()) return;
    const audio = this.audioTarget;
    const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + Number(by) / 1000));
    this.tick();
  }

  tick() {
    this.clockTarget.textContent = formatTime(this.now());
    const { duration } = this.audioTarget;
    if (Number.isFinite(duration) && duration > 0) this.lengthTarget.textContent = `/ ${formatTime(duration * 1000)}`;
  }

  async onAudioChosen() {
    const id = this.audioInput.value;
    const audio = this.audioTarget;
    audio.pause();
    if (!id) {
      audio.removeAttribute('src');
      audio.load();
      this.lengthTarget.textContent = '';
      this.emptyTarget.hidden = false;
      return;
    }
    try {
      const response = await fetch(this.sourceUrlValue.replace(/\/0\/$/, `/${encodeURIComponent(id)}/`), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(String(response.status));
      const source = await response.json();
      audio.src = source.url;
      this.emptyTarget.hidden = true;
      this.announce(`Now playing ${source.title}.`);
    } catch (error) {
      this.announce('The chosen audio could not be loaded for listening.');
    }
    this.tick();
  }

  announce(message) {
    this.statusTarget.textContent = message;
  }
}

window.wagtail.app.register('listening-stamp', StampController);
