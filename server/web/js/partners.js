// Partnerships view (#partners?from=…&to=…&rel=…&pair=a,b): partners × ASEAN and its members
// from GET /api/graph/matrix as a heat-map; a cell (or any two entities) opens the pair's
// timeline from GET /api/graph/timeline, with each dated sentence linked to its document.

import { apiUrl, getCached } from './api.js';
import { attachAutocomplete, resolveEntity } from './autocomplete.js';
import { $, fill, el, entityName, showError } from './dom.js';
import { formatNumber, relationName, t } from './i18n.js';
import { evidenceItem, graphHash, RELATIONS } from './graph.js';
import { go, href } from './nav.js';
import { cleanYear } from './route.js';

let state = null;

const list = (v) => String(v || '').split(',').map((s) => s.trim()).filter(Boolean);

function readState(params) {
  const pair = list(params.get('pair'));
  return {
    from: cleanYear(params.get('from')),
    to: cleanYear(params.get('to')),
    rel: list(params.get('rel')).filter((r) => RELATIONS.includes(r)),
    pair: pair.length === 2 ? pair : [],
  };
}

function navigate(changes) {
  const st = { ...state, ...changes };
  go(href('partners', null, { from: st.from, to: st.to, rel: st.rel, pair: st.pair }));
}

function filterParams(st) { return { relation: st.rel, from: st.from, to: st.to }; }

// 0 for no link, else 1..5 relative to the strongest cell.
export function heatLevel(weight, max) {
  const w = Number(weight) || 0;
  if (w <= 0 || !(max > 0)) return 0;
  return Math.max(1, Math.min(5, Math.ceil((5 * w) / max)));
}

function renderMatrix(data, st) {
  const table = $('matrix');
  const entities = data.entities || {};
  const name = (id) => entityName(entities[id], id);
  const cells = new Map((data.cells || []).map((c) => [`${c.partner}|${c.member}`, c]));
  const max = Math.max(0, ...[...cells.values()].map((c) => Number(c.weight) || 0));
  const partners = data.partners || [];
  const members = data.members || [];
  const selected = st.pair.join('|');
  fill(table, 
    el('caption', { id: 'matrix-caption', text: t('partners.caption') }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('partners.partner') }),
      members.map((m) => el('th', { scope: 'col', dataset: { member: m } }, el('span', { text: name(m) }))))),
    el('tbody', {}, partners.map((p) => el('tr', { dataset: { partner: p } },
      el('th', { scope: 'row', text: name(p) }),
      members.map((m) => {
        const c = cells.get(`${p}|${m}`);
        const weight = c ? Number(c.weight) || 0 : 0;
        if (!weight) return el('td', { class: 'heat-0' }, el('span', { class: 'visually-hidden', text: t('partners.cellNone', { a: name(p), b: name(m) }) }), el('span', { 'aria-hidden': 'true', text: '·' }));
        const relations = (c.relations || []).map(relationName).join(', ');
        return el('td', { class: `heat-${heatLevel(weight, max)}` }, el('button', {
          type: 'button', class: 'cell', 'aria-pressed': selected === `${p}|${m}` ? 'true' : 'false',
          'aria-label': t('partners.cell', { a: name(p), b: name(m), weight: formatNumber(weight), count: formatNumber(c.evidence_count) }),
          title: relations, dataset: { partner: p, member: m, focusKey: `cell:${p}|${m}` },
          onclick: () => navigate({ pair: [p, m] }),
        }, formatNumber(weight)));
      })))));
}

function yearOf(date) {
  const m = /^(\d{4})/.exec(String(date || ''));
  return m ? m[1] : '';
}

async function renderPair(st, ctx) {
  const box = $('pair-view');
  if (st.pair.length !== 2) { fill(box); return; }
  const [a, b] = st.pair;
  const [ea, eb, data] = await Promise.all([
    getCached('/api/entities/' + encodeURIComponent(a)),
    getCached('/api/entities/' + encodeURIComponent(b)),
    getCached(apiUrl('/api/graph/timeline', { a, b, limit: 200, ...filterParams(st) })),
  ]);
  if (!ctx.current()) return;
  const entries = Array.isArray(data.entries) ? data.entries : [];
  // Documents per year (a document counts once per year, as link weights do).
  const perYear = new Map();
  for (const e of entries) {
    const y = yearOf(e.date || (e.evidence && e.evidence.date));
    if (!y) continue;
    if (!perYear.has(y)) perYear.set(y, new Set());
    perYear.get(y).add(e.evidence && e.evidence.document);
  }
  const years = [...perYear.keys()].sort();
  const span = [];
  if (years.length) for (let y = Number(years[0]); y <= Number(years[years.length - 1]); y++) span.push(String(y));
  const maxCount = Math.max(1, ...[...perYear.values()].map((s) => s.size));
  const chart = el('ol', { class: 'year-chart', 'aria-label': t('partners.byYear') }, span.map((y) => {
    const n = perYear.has(y) ? perYear.get(y).size : 0;
    const bar = el('span', { class: 'bar', 'aria-hidden': 'true' });
    bar.style.height = `${Math.round((100 * n) / maxCount)}%`;
    return el('li', { title: `${y}: ${n}` }, el('span', { class: 'bar-count', text: n ? String(n) : '' }), bar, el('span', { class: 'bar-year', text: y }));
  }));
  const byYear = new Map();
  for (const e of entries) {
    const y = yearOf(e.date) || '—';
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(e);
  }
  fill(box, 
    el('h3', { id: 'pair-title', tabindex: '-1', text: t('partners.timelineOf', { a: entityName(ea), b: entityName(eb) }) }),
    el('p', { class: 'detail-actions' }, el('a', {
      href: graphHash({ x: [{ id: a, limit: 30 }, { id: b, limit: 30 }], sel: null, path: [a, b], rel: [], type: [], from: '', to: '', min: '' }),
      text: t('partners.openGraph') })),
    entries.length ? [
      el('h4', { text: t('partners.byYear') }), chart,
      el('p', { class: 'muted', text: t('partners.entries', { n: formatNumber(entries.length) }) }),
      el('ol', { class: 'timeline' }, [...byYear.entries()].map(([y, items]) => el('li', { class: 'timeline-year' },
        el('h4', { text: y }),
        el('ol', { class: 'evidence-list' }, items.map((e) => {
          const item = evidenceItem({ ...e.evidence, date: e.date || (e.evidence && e.evidence.date) });
          item.prepend(el('span', { class: `rel-badge rel-${e.relation}`, text: relationName(e.relation) }));
          return item;
        }))))),
    ] : el('p', { class: 'hint', text: t('partners.noEntries') }));
  for (const a2 of box.querySelectorAll('a[data-doc]')) {
    getCached('/api/documents/' + encodeURIComponent(a2.dataset.doc)).then((d) => { if (d && d.title) a2.textContent = d.title; }, () => {});
  }
  const pa = $('pair-a');
  const pb = $('pair-b');
  if (pa.dataset.entityId !== a) { pa.value = entityName(ea); pa.dataset.entityId = a; }
  if (pb.dataset.entityId !== b) { pb.value = entityName(eb); pb.dataset.entityId = b; }
}

async function render(parsed, ctx) {
  state = readState(parsed.params);
  $('partners-from').value = state.from;
  $('partners-to').value = state.to;
  for (const box of $('partners-relations').querySelectorAll('input')) box.checked = !state.rel.length || state.rel.includes(box.value);
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.focusKey : '';
  const data = await getCached(apiUrl('/api/graph/matrix', filterParams(state)));
  if (!ctx.current()) return;
  renderMatrix(data, state);
  if (focused) {
    const again = $('matrix').querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
  try {
    await renderPair(state, ctx);
  } catch (err) {
    fill($('pair-view'));
    throw err;
  }
  if (ctx.moveFocus && state.pair.length === 2 && !focused) $('pair-title') && $('pair-title').focus();
}

export function initPartners() {
  fill($('partners-relations'), ...RELATIONS.map((r) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: r, checked: true }), ' ', el('span', { 'data-i18n': 'rel.' + r, text: relationName(r) }))));
  $('partners-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const boxes = [...$('partners-relations').querySelectorAll('input')];
    const on = boxes.filter((b) => b.checked).map((b) => b.value);
    navigate({ from: cleanYear($('partners-from').value), to: cleanYear($('partners-to').value),
      rel: on.length === boxes.length || !on.length ? [] : on });
  });
  attachAutocomplete($('pair-a'));
  attachAutocomplete($('pair-b'));
  $('pair-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const [a, b] = await Promise.all([resolveEntity($('pair-a')), resolveEntity($('pair-b'))]);
      if (!a) throw new Error(t('graph.notInGraph', { id: $('pair-a').value.trim() || '?' }));
      if (!b) throw new Error(t('graph.notInGraph', { id: $('pair-b').value.trim() || '?' }));
      navigate({ pair: [a.id, b.id] });
    } catch (err) { showError(err); }
  });
}

export const partnersView = { render };
