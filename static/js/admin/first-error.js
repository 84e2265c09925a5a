/*
 * After a save that failed, on any page or snippet editor: open the tab holding the first field at
 * fault, scroll to it and say which fields they are, by name and tab, in the message at the top.
 * (Wagtail marks the tabs with a count but leaves the first tab showing: a slug error on Promote
 * looked like nothing at all.) Loaded on every editor by the insert_editor_js hook (tracks app).
 */
/** The text of an element itself, without its children's (a label's required mark, a tab's error count). */
function ownText(element) {
  return [...element.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function faults(form) {
  const seen = new Set();
  return [...form.querySelectorAll('.w-field--error')]
    .filter((field) => !field.closest('template') && !seen.has(field) && seen.add(field))
    .map((field) => {
      const input = field.querySelector('[id]:is(input, select, textarea)');
      const label =
        (input && document.querySelector(`label[for="${input.id}"]`)) ||
        field.closest('.w-field__wrapper')?.querySelector('.w-field__label');
      const name = label ? ownText(label) : 'A field';
      const row = field.closest('[data-cue-row]');
      const cue = row?.querySelector('[data-part="title"]')?.textContent.trim();
      const panel = field.closest('[role="tabpanel"]');
      const tab = panel && document.querySelector(`[role="tab"][href="#${panel.id}"]`);
      return {
        field,
        row,
        name: cue ? `${name} of the cue “${cue}”` : name,
        tab,
        tabName: tab ? ownText(tab) : '',
      };
    });
}

function show(fault) {
  if (fault.tab && fault.tab.getAttribute('aria-selected') !== 'true') fault.tab.click();
  if (fault.row) {
    const line = fault.row.querySelector('[data-cue-line]');
    if (line?.getAttribute('aria-expanded') !== 'true') line?.click();
  }
  // After the tab has been shown (Wagtail's tabs controller reveals the panel on click).
  requestAnimationFrame(() => {
    fault.field.scrollIntoView({ block: 'center' });
    const input = fault.field.querySelector('input:not([type=hidden]), select, textarea, [contenteditable="true"]');
    input?.focus({ preventScroll: true });
  });
}

function explain() {
  const form = document.querySelector('form[data-edit-form], #page-edit-form, form[data-w-unsaved-active-value]');
  if (!form) return;
  const found = faults(form);
  if (!found.length) return;
  const message = document.querySelector('.messages .error, .messages [class*="error"]');
  const list = document.createElement('p');
  list.className = 'listening-faults';
  list.append(found.length === 1 ? 'To fix: ' : `To fix (${found.length}): `);
  found.slice(0, 6).forEach((fault, position) => {
    if (position) list.append(', ');
    const link = document.createElement('a');
    link.href = `#${fault.field.closest('[id]')?.id || ''}`;
    link.textContent = fault.tabName ? `${fault.name} (${fault.tabName} tab)` : fault.name;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      show(fault);
    });
    list.append(link);
  });
  if (found.length > 6) list.append(`, and ${found.length - 6} more`);
  list.append('.');
  if (message) message.append(list);
  show(found[0]);
}

if (document.readyState === 'complete') setTimeout(explain, 0);
else window.addEventListener('load', () => setTimeout(explain, 0), { once: true });
