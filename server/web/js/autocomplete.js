// Entity autocomplete (ARIA combobox with a list box) over GET /api/entities?prefix=, which
// matches English and Vietnamese names with or without diacritics. Arrow keys move, Enter
// chooses, Escape closes; Enter with nothing highlighted submits the form as usual.

import { apiUrl, getJSON, getOptional } from './api.js';
import { el, entityName, otherName } from './dom.js';
import { t, typeName } from './i18n.js';
import { fold } from './text.js';

let counter = 0;

// options: {onPick(entity), limit = 8, accept(value) → whether to suggest for this text,
//           fill = true (put the chosen name into the input),
//           showEmpty = true (say so when nothing matches)}
export function attachAutocomplete(input, options = {}) {
  const limit = options.limit || 8;
  const accept = options.accept || ((v) => v.trim().length >= 1);
  const fill = options.fill !== false;
  options = { showEmpty: true, ...options };
  const id = `ac-${++counter}`;
  const list = el('ul', { id: `${id}-list`, class: 'ac-list', role: 'listbox', hidden: true });
  const live = el('span', { class: 'visually-hidden', 'aria-live': 'polite' });
  // The list is positioned under the input, inside a wrapper of their own.
  const wrap = el('span', { class: 'ac-wrap' });
  input.replaceWith(wrap);
  wrap.append(input, list, live);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.autocomplete = 'off';

  let items = [];
  let active = -1;
  let seq = 0;
  let timer = null;

  function close() {
    clearTimeout(timer);
    seq++; // answers still on their way are for text already dealt with
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', k === i ? 'true' : 'false'));
    if (i >= 0 && list.children[i]) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(entity) {
    if (fill) input.value = entityName(entity);
    input.dataset.entityId = entity.id;
    close();
    if (options.onPick) options.onPick(entity);
  }

  function render(entities) {
    items = entities;
    active = -1;
    list.replaceChildren(...entities.map((e, i) => {
      const other = otherName(e);
      return el('li', { id: `${id}-opt-${i}`, role: 'option', class: 'ac-option', 'aria-selected': 'false',
        dataset: { entityId: e.id },
        onmousedown: (ev) => ev.preventDefault(), // keep focus in the input
        onclick: () => pick(e) },
      el('span', { class: 'ac-name', text: entityName(e) }),
      other ? el('span', { class: 'ac-other', text: other }) : null,
      el('span', { class: 'ac-type', text: typeName(e.type) }));
    }));
    if (!entities.length) {
      if (!options.showEmpty) { close(); return; }
      list.append(el('li', { class: 'ac-empty', role: 'presentation', text: t('ac.none') }));
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    live.textContent = entities.length ? t('ac.count', { n: entities.length }) : t('ac.none');
  }

  async function suggest() {
    const value = input.value;
    clearTimeout(timer);
    const mine = ++seq;
    if (!accept(value)) { close(); return; }
    try {
      const data = await getJSON(apiUrl('/api/entities', { prefix: value.trim(), limit }));
      if (mine !== seq || document.activeElement !== input) return;
      render(Array.isArray(data.entities) ? data.entities : []);
    } catch (_) {
      if (mine === seq) close(); // suggestions are a convenience: a failure just shows none
    }
  }

  input.addEventListener('input', () => {
    delete input.dataset.entityId;
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener('keydown', (ev) => {
    const open = !list.hidden && items.length > 0;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!open) { if (ev.key === 'ArrowDown') suggest(); return; }
      ev.preventDefault();
      const n = items.length;
      setActive(ev.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
    } else if (ev.key === 'Enter') {
      if (open && active >= 0) { ev.preventDefault(); pick(items[active]); } else close();
    } else if (ev.key === 'Escape') {
      if (!list.hidden) { ev.preventDefault(); ev.stopPropagation(); close(); }
    } else if (ev.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) close(); }, 150));
  return { close };
}

// The entity a person means by what they typed: the one chosen from the list, an exact id,
// else the best match of the names (exact name first). null when nothing matches.
export async function resolveEntity(input) {
  const value = input.value.trim();
  if (!value) return null;
  if (input.dataset.entityId) {
    const known = await getOptional('/api/entities/' + encodeURIComponent(input.dataset.entityId));
    if (known) return known;
  }
  if (/^[a-z0-9][a-z0-9-]*$/.test(value)) {
    const byId = await getOptional('/api/entities/' + encodeURIComponent(value));
    if (byId) return byId;
  }
  const data = await getJSON(apiUrl('/api/entities', { prefix: value, limit: 20 }));
  const entities = Array.isArray(data.entities) ? data.entities : [];
  const want = fold(value);
  const names = (e) => [e.name, e.name_vi, ...(e.names_en || []), ...(e.names_vi || [])];
  return entities.find((e) => names(e).some((n) => fold(n) === want)) || entities[0] || null;
}
