/*
 * The track editor's cue editor: a stamping player, a timeline of clashes and one line per cue.
 *
 * A Stimulus controller registered with Wagtail's own application (templates/tracks/admin/cue_editor.html,
 * listening/tracks/panels.py). A closed cue is a line naming its cue; its fields' values are fetched
 * once, after the page is up (cue_editor_views.cue_row_values), and a row never opened posts its cue's
 * key alone. Opening a cue copies the formset's empty-form template into the row with its values, and
 * only then are its Draftail editor and choosers made (Wagtail starts them as the copy goes in).
 * The rows stay the page form's inline formset, so saving is Wagtail's own: every save a revision.
 *
 * The clashes (overlaps within a layer, silence in the music, cues past the end) are the server's
 * rules (cue_rules.find_clashes), asked for as the times change; the editor can accept one, which is
 * kept in the page's `accepted_clashes` field.
 */
import { formatTime, readShownTime } from '../timecode.js';
import {
  barGeometry,
  cueMatches,
  insertionIndex,
  isTypingTarget,
  nudgeStep,
  shortcutAction,
  soundingIndex,
  withEnds,
} from './cue-list.js';

const FIELD_WORDS = { start_ms: 'start', end_ms: 'end' };
const CHECK_DELAY_MS = 250;
const TIMELINE_FIELDS = ['start_ms', 'end_ms', 'layer', 'title']; // what a bar or a clash is drawn from

class CueEditorController extends window.StimulusModule.Controller {
  static targets = [
    'audio',
    'clock',
    'length',
    'empty',
    'status',
    'add',
    'timeline',
    'playhead',
    'warnings',
    'warningsHeading',
    'warningList',
    'layerFilter',
    'textFilter',
    'count',
    'list',
    'none',
    'emptyForm',
    'rowTools',
  ];

  static values = {
    formset: String,
    sourceUrl: String,
    clashesUrl: String,
    valuesUrl: String,
    audioInput: String,
    acceptedInput: String,
    duration: Number,
  };

  connect() {
    this.form = this.element.closest('form');
    this.total = document.getElementById(`id_${this.formsetValue}-TOTAL_FORMS`);
    this.audioInput = document.getElementById(this.audioInputValue);
    this.acceptedInput = document.getElementById(this.acceptedInputValue);
    this.people = readJson('cue-editor-people', {});
    this.clashKinds = readJson('cue-editor-clash-kinds', {});
    this.clashes = [];
    this.openRow = null;
    this.nudgeField = 'start_ms';
    this.soundingRow = null;
    this.checkTimer = null;
    this.checkSerial = 0;

    this.onListClick = this.onListClick.bind(this);
    this.onListEdit = this.onListEdit.bind(this);
    this.onListKeydown = this.onListKeydown.bind(this);
    this.onShortcut = this.onShortcut.bind(this);
    this.onFormData = this.onFormData.bind(this);
    this.onTimelineClick = this.onTimelineClick.bind(this);
    this.onWarningClick = this.onWarningClick.bind(this);
    this.onAudioChosen = this.onAudioChosen.bind(this);
    this.listTarget.addEventListener('click', this.onListClick);
    this.listTarget.addEventListener('input', this.onListEdit);
    this.listTarget.addEventListener('change', this.onListEdit);
    this.listTarget.addEventListener('keydown', this.onListKeydown);
    this.timelineTarget.addEventListener('click', this.onTimelineClick);
    this.warningListTarget.addEventListener('click', this.onWarningClick);
    document.addEventListener('keydown', this.onShortcut);
    this.form?.addEventListener('formdata', this.onFormData);
    this.audioInput?.addEventListener('change', this.onAudioChosen);

    // Rows that came back with errors are drawn in full: give them their tools, open the first.
    const withErrors = this.rows().filter((row) => row.querySelector('[data-cue-fields]'));
    withErrors.forEach((row) => this.equip(row));
    if (withErrors.length) this.open(withErrors[0], { scroll: false });
    this.acceptedInput?.addEventListener('change', () => this.showClashes());
    this.tick();
    this.draw();
    this.checkClashes();
    // Fetch the closed rows' values while the editor reads the page, so opening a cue is immediate.
    if (this.rows().some((row) => this.isKept(row))) {
      const soon = window.requestIdleCallback || ((callback) => setTimeout(callback, 200));
      soon(() => this.keptValuesLoaded().catch(() => {}));
    }
  }

  disconnect() {
    document.removeEventListener('keydown', this.onShortcut);
    this.form?.removeEventListener('formdata', this.onFormData);
    this.audioInput?.removeEventListener('change', this.onAudioChosen);
    clearTimeout(this.checkTimer);
  }

  // -- rows -----------------------------------------------------------------------------------

  rows() {
    return [...this.listTarget.querySelectorAll(':scope > [data-cue-row]')];
  }

  liveRows() {
    return this.rows().filter((row) => !('deleted' in row.dataset));
  }

  input(row, name) {
    return row.querySelector(`[name="${row.dataset.prefix}-${name}"]`);
  }

  /** A row never opened since the page was drawn: a line naming its cue, its values still on the server. */
  isKept(row) {
    return 'kept' in row.dataset && !row.querySelector('[data-cue-fields]');
  }

  /** A closed row's fields: packed in one hidden input as the server wrote them after a post
   * (panels.py), or for a row never opened, what its line shows. */
  packed(row) {
    if (this.isKept(row)) {
      const part = (name) => row.querySelector(`[data-part="${name}"]`);
      return { layer: part('layer').dataset.layer, title: part('title').textContent, performers: [] };
    }
    const held = row.querySelector('[data-cue-packed]');
    if (!held) return null;
    if (!row.packedValues) row.packedValues = JSON.parse(held.value || '{}');
    return row.packedValues;
  }

  value(row, name) {
    const input = this.input(row, name);
    if (input) return input.value;
    const packed = this.packed(row)?.[name];
    return String((Array.isArray(packed) ? packed[0] : packed) ?? '');
  }

  time(row, name) {
    if (this.isKept(row)) {
      const ms = row.dataset[name === 'end_ms' ? 'end' : 'start'];
      return ms ? Number(ms) : null;
    }
    return readShownTime(this.value(row, name));
  }

  performers(row) {
    const packed = this.packed(row);
    if (packed) return (packed.performers || []).map(String);
    return [...row.querySelectorAll(`[name="${row.dataset.prefix}-performers"]`)]
      .filter((input) => input.type !== 'checkbox' || input.checked)
      .map((input) => input.value);
  }

  /** The values of the rows never opened, as their fields would post them (fetched once, when first needed). */
  keptValuesLoaded() {
    this.keptLoading ??= fetch(this.valuesUrlValue, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((answer) => {
        this.keptValues = answer.cues || {};
      })
      .catch((error) => {
        this.keptLoading = null; // ask again on the next opening
        throw error;
      });
    return this.keptLoading;
  }

  title(row) {
    return this.value(row, 'title').trim() || 'Untitled';
  }

  /** The row's cue as the pure helpers read it. */
  cue(row) {
    return {
      start: this.time(row, 'start_ms'),
      end: this.time(row, 'end_ms'),
      layer: this.value(row, 'layer'),
      words: row.querySelector('[data-cue-line]').textContent,
    };
  }

  /** Draw the row's fields in full from the empty-form template, with the values its hidden inputs hold. */
  materialize(row) {
    if (row.querySelector('[data-cue-fields]')) return;
    const held = row.querySelector('[data-cue-packed]'); // none on a row just added, or never opened
    const given = this.isKept(row) ? this.keptValues?.[row.dataset.kept] : this.packed(row);
    const values = new Map();
    Object.entries(given || {}).forEach(([name, value]) => {
      let shown = [String(value ?? '')];
      if (Array.isArray(value)) shown = value.map(String);
      else if (value && typeof value === 'object') shown = [JSON.stringify(value)]; // Draftail's contentstate
      values.set(`${row.dataset.prefix}-${name}`, shown);
    });
    const html = this.emptyFormTarget.innerHTML.replace(/__prefix__/g, row.dataset.index);
    const fragment = document.createRange().createContextualFragment(html);
    fragment.querySelectorAll('[name]').forEach((field) => {
      const given = values.get(field.name);
      if (!given) return;
      if (field.type === 'checkbox') {
        field.checked = given.includes(field.value);
        field.defaultChecked = field.checked;
      } else if (field.tagName === 'SELECT') {
        field.value = given[0];
        [...field.options].forEach((option) => {
          option.defaultSelected = option.value === given[0];
        });
      } else {
        field.value = given[0];
        field.defaultValue = given[0];
        if (field.tagName === 'TEXTAREA') field.textContent = given[0];
      }
    });
    ['scene', 'still'].forEach((name) => {
      const chooser = fragment.querySelector(`#id_${row.dataset.prefix}-${name}-chooser`);
      const chosen = values.get(`${row.dataset.prefix}-${name}`)?.[0];
      if (!chooser || !chosen) return;
      chooser.classList.remove('blank');
      const title = chooser.querySelector('[data-chooser-title]');
      const known = name === 'scene' ? row.querySelector('[data-part="scene"]')?.textContent : row.dataset.stillTitle;
      if (title) title.textContent = known || `#${chosen}`;
      const image = chooser.querySelector('[data-chooser-image]');
      if (image && row.dataset.stillThumb) image.src = row.dataset.stillThumb;
    });
    const fields = document.createElement('div');
    fields.className = 'cue-row__editor';
    fields.dataset.cueFields = '';
    fields.append(fragment);
    // The template's scripts (choosers) run as it goes in; Draftail starts itself.
    if (held) held.replaceWith(fields);
    else row.append(fields);
    row.packedValues = null;
    this.equip(row);
  }

  equip(row) {
    const fields = row.querySelector('[data-cue-fields]');
    if (!fields || fields.querySelector('.cue-tools')) return;
    fields.prepend(this.rowToolsTarget.content.cloneNode(true));
    fields.id = `${row.dataset.prefix}-editor`;
    row.querySelector('[data-cue-line]').setAttribute('aria-controls', fields.id);
  }

  open(row, { scroll = true, focus = null } = {}) {
    if (!row) return;
    if (this.isKept(row) && !this.keptValues?.[row.dataset.kept]) {
      this.announce('Opening the cue…');
      this.keptValuesLoaded().then(
        () => {
          if (this.keptValues[row.dataset.kept]) this.open(row, { scroll, focus });
          else this.announce('This cue is no longer in the track: someone may have deleted it. Reload the page.');
        },
        () => this.announce('Could not open the cue: the server did not answer. Try again.'),
      );
      return;
    }
    if (this.openRow && this.openRow !== row) this.close(this.openRow);
    this.materialize(row);
    const fields = row.querySelector('[data-cue-fields]');
    fields.hidden = false;
    row.classList.add('cue-row--open');
    row.querySelector('[data-cue-line]').setAttribute('aria-expanded', 'true');
    this.openRow = row;
    this.markOpenOnTimeline();
    if (scroll) row.scrollIntoView({ block: 'nearest' });
    if (focus) this.input(row, focus)?.focus();
  }

  close(row) {
    const fields = row.querySelector('[data-cue-fields]');
    if (fields) fields.hidden = true;
    row.classList.remove('cue-row--open');
    row.querySelector('[data-cue-line]').setAttribute('aria-expanded', 'false');
    if (this.openRow === row) this.openRow = null;
    this.markOpenOnTimeline();
  }

  /** The line of a row, from its fields as they are now. */
  describe(row) {
    const start = this.time(row, 'start_ms');
    const end = this.time(row, 'end_ms');
    const part = (name) => row.querySelector(`[data-part="${name}"]`);
    part('time').textContent = `${start === null ? '–:––' : formatTime(start)}${end === null ? '' : `–${formatTime(end)}`}`;
    const layer = this.input(row, 'layer');
    const layerLabel = layer?.tagName === 'SELECT' ? layer.selectedOptions[0]?.textContent : null;
    part('layer').dataset.layer = this.value(row, 'layer');
    if (layerLabel) part('layer').textContent = layerLabel;
    part('title').textContent = this.title(row);
    part('players').textContent = this.performers(row)
      .map((id) => this.people[id])
      .filter(Boolean)
      .join(', ');
    const scene = row.querySelector(`#id_${row.dataset.prefix}-scene-chooser`);
    if (scene) part('scene').textContent = scene.classList.contains('blank') ? '' : scene.querySelector('[data-chooser-title]')?.textContent.trim() || '';
  }

  /** Keep the list in time order: move `row` to where its start puts it. */
  place(row) {
    const others = this.rows().filter((other) => other !== row);
    const starts = others.map((other) => this.time(other, 'start_ms'));
    const start = this.time(row, 'start_ms');
    const at = start === null ? others.length : insertionIndex(starts, start);
    const before = others[at] || null;
    if (row.nextElementSibling === before && row.parentNode) return;
    const focused = row.contains(document.activeElement) ? document.activeElement : null;
    this.listTarget.insertBefore(row, before);
    focused?.focus();
  }

  // -- editing --------------------------------------------------------------------------------

  onListClick(event) {
    const tool = event.target.closest('[data-cue-tool]');
    const row = event.target.closest('[data-cue-row]');
    if (!row) return;
    if (tool) {
      const { cueTool, field, by } = tool.dataset;
      if (cueTool === 'set') this.stamp(row, field);
      else if (cueTool === 'nudge') this.nudge(row, field, Number(by));
      else if (cueTool === 'play') this.playFrom(row);
      else if (cueTool === 'close') {
        this.close(row);
        row.querySelector('[data-cue-line]').focus();
      } else if (cueTool === 'delete') this.remove(row);
      return;
    }
    if (event.target.closest('[data-cue-line]')) {
      if (row === this.openRow) this.close(row);
      else this.open(row);
    }
  }

  onListEdit(event) {
    const row = event.target.closest?.('[data-cue-row]');
    if (!row) return;
    this.describe(row);
    const name = event.target.name?.slice(row.dataset.prefix.length + 1);
    if (event.type === 'change' && name === 'start_ms') this.place(row);
    // Only what the timeline shows: the commentary's editor reports a change every few keys, and
    // redrawing 300 bars (and asking for clashes) each time would make typing lag.
    if (TIMELINE_FIELDS.includes(name)) {
      this.draw();
      this.scheduleCheck();
    }
  }

  onListKeydown(event) {
    const field = event.target;
    const row = field.closest?.('[data-cue-row]');
    if (!row) return;
    if (event.key === 'Escape' && isTypingTarget(field) && !event.defaultPrevented) {
      // Leave the field for the cue's line, where the shortcuts work again.
      event.preventDefault();
      row.querySelector('[data-cue-line]').focus();
      return;
    }
    if (!field.matches?.('input[data-timecode]') || !['ArrowUp', 'ArrowDown'].includes(event.key)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const step = event.shiftKey ? 1000 : 100;
    this.nudge(row, field.name.split('-').pop(), event.key === 'ArrowUp' ? step : -step);
  }

  setTime(row, name, ms) {
    const input = this.input(row, name);
    if (!input) return;
    input.value = formatTime(ms);
    // Wagtail's unsaved-changes warning and the preview listen for these; onListEdit redraws.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  hasAudio() {
    if (this.audioTarget.currentSrc || this.audioTarget.getAttribute('src')) return true;
    this.announce('Choose an audio file for the track first.');
    return false;
  }

  now() {
    return Math.round(this.audioTarget.currentTime * 1000);
  }

  stamp(row, name) {
    if (!this.hasAudio()) return;
    this.materialize(row);
    const ms = this.now();
    this.nudgeField = name;
    this.setTime(row, name, ms);
    this.announce(`${this.title(row)}: ${FIELD_WORDS[name]} set to ${formatTime(ms)}.`);
  }

  nudge(row, name, by) {
    this.materialize(row);
    const input = this.input(row, name);
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
    this.nudgeField = name;
    this.setTime(row, name, ms);
    // While paused, move the playhead there too, so playing lets you hear the new time.
    if (this.audioTarget.paused && (this.audioTarget.currentSrc || this.audioTarget.getAttribute('src'))) {
      this.audioTarget.currentTime = ms / 1000;
    }
    this.announce(`${this.title(row)}: ${FIELD_WORDS[name]} ${formatTime(ms)}.`);
  }

  playFrom(row) {
    if (!this.hasAudio()) return;
    const ms = this.time(row, 'start_ms');
    if (ms === null) {
      this.announce('Give this cue a start (m:ss.s) to play from it.');
      return;
    }
    this.audioTarget.currentTime = ms / 1000;
    this.audioTarget.play().catch(() => {});
  }

  remove(row) {
    const title = this.title(row);
    let remove = this.input(row, 'DELETE');
    if (!remove) {
      // A closed row: posted on its own, DELETE wins over the row's packed or fetched values.
      remove = Object.assign(document.createElement('input'), { type: 'hidden', name: `${row.dataset.prefix}-DELETE` });
      row.append(remove);
    }
    remove.value = 'on';
    row.dataset.deleted = '';
    row.hidden = true;
    this.close(row);
    remove.dispatchEvent(new Event('change', { bubbles: true }));
    this.counted();
    this.draw();
    this.scheduleCheck();
    this.announce(`Deleted “${title}”; it goes when you save.`);
  }

  /** "Add a cue here": a new row at the playhead's time, in its place, open, the cursor in its title. */
  addCue() {
    if (!this.hasAudio() || !this.total) return;
    const index = Number(this.total.value);
    this.total.value = String(index + 1);
    const row = document.createElement('li');
    row.className = 'cue-row cue-row--new';
    row.dataset.cueRow = '';
    row.dataset.index = String(index);
    row.dataset.prefix = `${this.formsetValue}-${index}`;
    row.dataset.contentpathDisabled = '';
    const line = document.createElement('button');
    line.type = 'button';
    line.className = 'cue-line';
    line.dataset.cueLine = '';
    line.setAttribute('aria-expanded', 'false');
    ['time', 'layer', 'title', 'players', 'scene'].forEach((part) => {
      const span = document.createElement('span');
      span.className = `cue-line__${part}`;
      span.dataset.part = part;
      line.append(span);
    });
    row.append(line);
    this.listTarget.append(row);
    this.materialize(row);
    const layer = this.layerFilterTarget.value;
    if (layer && this.input(row, 'layer')) this.input(row, 'layer').value = layer;
    const ms = this.now();
    this.setTime(row, 'start_ms', ms);
    this.place(row);
    this.describe(row);
    this.counted();
    this.nudgeField = 'start_ms';
    this.open(row, { focus: 'title' });
    this.announce(`New cue at ${formatTime(ms)}; give it a title.`);
  }

  counted() {
    const count = this.liveRows().length;
    this.countTarget.textContent = `${count} cue${count === 1 ? '' : 's'}`;
    this.noneTarget.hidden = count > 0;
    this.filter();
  }

  onFormData(event) {
    // Number the rows in time order, as they are shown: the order is saved with the page.
    this.rows().forEach((row, position) => {
      event.formData.set(`${row.dataset.prefix}-ORDER`, String(position + 1));
      // A row never opened posts its cue's key alone; the server fills in its values (forms.fill_kept_rows).
      if (this.isKept(row)) event.formData.set(`${row.dataset.prefix}-kept`, row.dataset.kept);
    });
  }

  // -- the player -----------------------------------------------------------------------------

  seek({ params: { by } }) {
    if (!this.hasAudio()) return;
    const audio = this.audioTarget;
    const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + Number(by) / 1000));
    this.tick();
  }

  durationMs() {
    const { duration } = this.audioTarget;
    if (Number.isFinite(duration) && duration > 0) return Math.round(duration * 1000);
    if (this.durationValue) return this.durationValue;
    const ends = this.liveRows().map((row) => Math.max(this.time(row, 'end_ms') || 0, this.time(row, 'start_ms') || 0));
    return Math.max(1000, ...ends) + 1000;
  }

  tick() {
    const ms = this.now();
    this.clockTarget.textContent = formatTime(ms);
    const { duration } = this.audioTarget;
    if (Number.isFinite(duration) && duration > 0) this.lengthTarget.textContent = `/ ${formatTime(duration * 1000)}`;
    this.playheadTarget.style.setProperty('--at', String(barGeometry(ms, ms, this.durationMs()).left / 100));
    this.markSounding(ms);
  }

  spans() {
    const rows = this.liveRows();
    return { rows, spans: withEnds(rows.map((row) => this.cue(row)), this.durationMs()) };
  }

  markSounding(ms) {
    const { rows, spans } = this.spans();
    const row = rows[soundingIndex(spans, ms)] || null;
    if (row === this.soundingRow) return;
    this.soundingRow?.removeAttribute('data-sounding');
    row?.setAttribute('data-sounding', '');
    this.soundingRow = row;
  }

  jumpToSounding() {
    this.markSounding(this.now());
    if (this.soundingRow) {
      if (this.soundingRow.hidden && !('deleted' in this.soundingRow.dataset)) this.clearFilter();
      this.open(this.soundingRow);
      this.soundingRow.querySelector('[data-cue-line]').focus({ preventScroll: true });
    } else {
      this.announce('No cue is sounding at the playhead.');
    }
  }

  playPause() {
    if (!this.hasAudio()) return;
    if (this.audioTarget.paused) this.audioTarget.play().catch(() => {});
    else this.audioTarget.pause();
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
      this.durationValue = source.duration_ms || 0;
      this.emptyTarget.hidden = true;
      this.announce(`Now playing ${source.title}.`);
    } catch (error) {
      this.announce('The chosen audio could not be loaded for listening.');
    }
    this.tick();
    this.draw();
    this.scheduleCheck();
  }

  // -- keyboard -------------------------------------------------------------------------------

  onShortcut(event) {
    if (event.defaultPrevented) return;
    const action = shortcutAction(event);
    if (!action) return;
    // Arrows belong to whatever has focus outside the cue editor (menus, tabs).
    if (action.startsWith('nudge') && !this.element.contains(document.activeElement) && document.activeElement !== document.body) return;
    event.preventDefault();
    const row = this.openRow;
    const needsRow = (verb) => {
      if (!row) this.announce(`Open a cue to ${verb}.`);
      return row;
    };
    switch (action) {
      case 'addCue':
        this.addCue();
        break;
      case 'setStart':
        if (needsRow('set its start')) this.stamp(row, 'start_ms');
        break;
      case 'setEnd':
        if (needsRow('set its end')) this.stamp(row, 'end_ms');
        break;
      case 'nudgeEarlier':
      case 'nudgeLater':
        if (needsRow('nudge its times')) this.nudge(row, this.nudgeField, nudgeStep(action, event.shiftKey));
        break;
      case 'playFromOpen':
        if (needsRow('play from it')) this.playFrom(row);
        break;
      case 'playPause':
        this.playPause();
        break;
      case 'nextCue':
      case 'previousCue':
        this.step(action === 'nextCue' ? 1 : -1);
        break;
      case 'jumpToSounding':
        this.jumpToSounding();
        break;
      default:
    }
  }

  step(by) {
    const shown = this.rows().filter((row) => !row.hidden);
    if (!shown.length) return;
    const at = shown.indexOf(this.openRow);
    const next = at === -1 ? (by > 0 ? shown[0] : shown[shown.length - 1]) : shown[Math.min(shown.length - 1, Math.max(0, at + by))];
    this.open(next);
    next.querySelector('[data-cue-line]').focus({ preventScroll: true });
  }

  // -- filter ---------------------------------------------------------------------------------

  filter() {
    const wanted = { layer: this.layerFilterTarget.value, text: this.textFilterTarget.value };
    let shown = 0;
    this.rows().forEach((row) => {
      const keep = !('deleted' in row.dataset) && (row === this.openRow || cueMatches(this.cue(row), wanted));
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    const total = this.liveRows().length;
    const filtered = wanted.layer || wanted.text.trim();
    this.countTarget.textContent = filtered ? `${shown} of ${total} cues` : `${total} cue${total === 1 ? '' : 's'}`;
  }

  clearFilter() {
    this.layerFilterTarget.value = '';
    this.textFilterTarget.value = '';
    this.filter();
  }

  // -- timeline and clashes -------------------------------------------------------------------

  draw() {
    cancelAnimationFrame(this.drawFrame);
    this.drawFrame = requestAnimationFrame(() => this.drawNow());
  }

  drawNow() {
    const duration = this.durationMs();
    const { rows, spans } = this.spans();
    const lanes = new Map(
      [...this.timelineTarget.querySelectorAll('[data-lane-track]')].map((lane) => [lane.dataset.laneTrack, lane]),
    );
    lanes.forEach((lane) => lane.replaceChildren());
    spans.forEach((span, position) => {
      const lane = lanes.get(span.layer);
      if (!lane || span.start === null) return;
      const { left, width } = barGeometry(span.start, span.until, duration);
      const bar = document.createElement('span');
      bar.className = 'cue-timeline__bar';
      bar.dataset.row = rows[position].dataset.index;
      bar.title = `${formatTime(span.start)} ${this.title(rows[position])}`;
      bar.style.setProperty('--left', `${left}%`);
      bar.style.setProperty('--width', `${width}%`);
      lane.append(bar);
    });
    const accepted = this.accepted();
    this.clashes.forEach((clash) => {
      const lane = lanes.get(clash.layer) || lanes.values().next().value;
      if (!lane) return;
      const { left, width } = barGeometry(clash.start_ms, clash.end_ms, duration);
      const mark = document.createElement('span');
      mark.className = `cue-timeline__clash cue-timeline__clash--${clash.kind}`;
      if (accepted.has(clash.key)) mark.classList.add('cue-timeline__clash--accepted');
      mark.dataset.clash = clash.key;
      mark.title = clash.message;
      mark.style.setProperty('--left', `${left}%`);
      mark.style.setProperty('--width', `${width}%`);
      lane.append(mark);
    });
    this.markOpenOnTimeline();
    this.tick();
  }

  markOpenOnTimeline() {
    this.timelineTarget.querySelector('.cue-timeline__bar--open')?.classList.remove('cue-timeline__bar--open');
    if (this.openRow) {
      this.timelineTarget.querySelector(`[data-row="${this.openRow.dataset.index}"]`)?.classList.add('cue-timeline__bar--open');
    }
  }

  onTimelineClick(event) {
    const bar = event.target.closest('[data-row]');
    if (bar) {
      const row = this.rows().find((candidate) => candidate.dataset.index === bar.dataset.row);
      if (row) {
        if (row.hidden) this.clearFilter();
        this.open(row);
      }
      return;
    }
    const track = event.target.closest('[data-lane-track]');
    if (!track || !this.hasAudio()) return;
    const box = track.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    this.audioTarget.currentTime = (share * this.durationMs()) / 1000;
    this.tick();
  }

  scheduleCheck() {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.checkClashes(), CHECK_DELAY_MS);
  }

  async checkClashes() {
    const rows = this.liveRows();
    const cues = rows.map((row) => ({
      start_ms: this.time(row, 'start_ms'),
      end_ms: this.time(row, 'end_ms'),
      layer: this.value(row, 'layer'),
      title: this.title(row),
    }));
    const serial = (this.checkSerial += 1);
    const token = this.form?.querySelector('[name=csrfmiddlewaretoken]')?.value || '';
    try {
      const response = await fetch(this.clashesUrlValue, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token, Accept: 'application/json' },
        body: JSON.stringify({ duration_ms: this.durationMs(), cues }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const { clashes } = await response.json();
      if (serial !== this.checkSerial) return; // a newer check is on its way
      this.clashes = clashes.map((clash) => ({ ...clash, rows: clash.cues.map((position) => rows[position]) }));
    } catch (error) {
      if (serial === this.checkSerial) this.announce('The timeline could not check the cues for clashes just now.');
      return;
    }
    this.showClashes();
    this.draw();
  }

  accepted() {
    try {
      return new Set(JSON.parse(this.acceptedInput?.value || '[]'));
    } catch (error) {
      return new Set();
    }
  }

  showClashes() {
    const accepted = this.accepted();
    const items = this.clashes.map((clash) => {
      const item = document.createElement('li');
      item.className = `cue-warning cue-warning--${clash.kind}`;
      const isAccepted = accepted.has(clash.key);
      if (isAccepted) item.classList.add('cue-warning--accepted');
      const kind = document.createElement('strong');
      kind.textContent = this.clashKinds[clash.kind] || clash.kind;
      const text = document.createElement('button');
      text.type = 'button';
      text.className = 'cue-warning__text';
      text.dataset.openClash = clash.key;
      text.textContent = clash.message;
      const accept = document.createElement('button');
      accept.type = 'button';
      accept.className = 'button button-small button-secondary cue-warning__accept';
      accept.dataset.acceptClash = clash.key;
      accept.setAttribute('aria-pressed', String(isAccepted));
      accept.textContent = isAccepted ? 'Accepted (undo)' : 'Accept';
      item.append(kind, ' ', text, ' ', accept);
      return item;
    });
    this.warningListTarget.replaceChildren(...items);
    this.warningsTarget.hidden = items.length === 0;
    const open = this.clashes.filter((clash) => !accepted.has(clash.key)).length;
    this.warningsHeadingTarget.textContent =
      `${this.clashes.length} clash${this.clashes.length === 1 ? '' : 'es'}` + (open < this.clashes.length ? `, ${this.clashes.length - open} accepted` : '');
  }

  onWarningClick(event) {
    const accept = event.target.closest('[data-accept-clash]');
    if (accept) {
      const accepted = this.accepted();
      const key = accept.dataset.acceptClash;
      if (accepted.has(key)) accepted.delete(key);
      else accepted.add(key);
      this.acceptedInput.value = JSON.stringify([...accepted]);
      this.acceptedInput.dispatchEvent(new Event('change', { bubbles: true }));
      this.showClashes();
      this.draw();
      return;
    }
    const opener = event.target.closest('[data-open-clash]');
    const clash = opener && this.clashes.find((candidate) => candidate.key === opener.dataset.openClash);
    const row = clash?.rows.find(Boolean);
    if (row) {
      if (row.hidden) this.clearFilter();
      this.open(row);
    }
  }

  announce(message) {
    this.statusTarget.textContent = message;
  }
}

function readJson(id, fallback) {
  const element = document.getElementById(id);
  try {
    return element ? JSON.parse(element.textContent) : fallback;
  } catch (error) {
    return fallback;
  }
}

window.wagtail.app.register('listening-cue-editor', CueEditorController);
