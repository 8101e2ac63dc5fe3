// Search view (#search?q=…&offset=…&group=document) and document view (#doc/ID?hl=b-e).

import { apiUrl, getCached, getJSON, getOptional } from './api.js';
import { attachAutocomplete } from './autocomplete.js';
import { $, fill, el, entityName, sanitizeSnippet, setLang } from './dom.js';
import { formatNumber, t, typeName } from './i18n.js';
import { go, href } from './nav.js';
import { blocks, fold, segment, utf8Index } from './text.js';

const PAGE_SIZE = 10;
const FILTER_RE = /^(-?)(lang|year|type|entity):(\S+)$/;

let lastSearchHash = '';
let lastDocId = null;

// ---------- query filters (lang:vi year:2022 …) ----------

// Splits a query into its filter tokens and the rest (quoted phrases kept whole).
export function splitFilters(q) {
  const tokens = String(q).match(/-?"[^"]*"?|\S+/g) || [];
  const filters = [];
  const words = [];
  for (const tok of tokens) (FILTER_RE.test(tok) ? filters : words).push(tok);
  return { filters, words };
}

// Adds the filter token to the query, or takes it out when it is there.
export function toggleFilter(q, token) {
  const { filters, words } = splitFilters(q);
  const has = filters.some((f) => f.toLowerCase() === token.toLowerCase());
  const next = has ? filters.filter((f) => f.toLowerCase() !== token.toLowerCase()) : [...filters, token];
  return [...words, ...next].join(' ');
}

// ---------- search ----------

function langBadge(lang) {
  const code = typeof lang === 'string' && lang ? lang : '?';
  return el('abbr', { class: `badge badge-${/^[a-z]{2,3}$/.test(code) ? code : 'x'}`, title: t('lang.' + code), text: code.toUpperCase() });
}

function renderHit(hit, q) {
  const docLink = el('a', { href: href('doc', hit.id, {}), text: hit.title || hit.id, dataset: { docId: hit.id } });
  setLang(docLink, hit.lang);
  const heading = hit.heading ? el('p', { class: 'hit-heading', text: '§ ' + hit.heading }) : null;
  if (heading) setLang(heading, hit.lang);
  const meta = el('p', { class: 'hit-meta' }, langBadge(hit.lang),
    hit.date ? el('time', { datetime: hit.date, text: hit.date }) : null,
    hit.type ? el('span', { class: 'type', text: String(hit.type).replace(/_/g, ' ') }) : null,
    el('span', { class: 'doc-id', text: hit.id }),
    Number(hit.more_in_document) > 0 ? el('span', { class: 'more', text: t('search.moreInDoc', { n: hit.more_in_document }) }) : null);
  const snippet = el('p', { class: 'snippet' });
  snippet.innerHTML = sanitizeSnippet(hit.snippet || '');
  setLang(snippet, hit.lang);
  return el('li', { class: 'hit' }, el('h3', { class: 'hit-title' }, docLink), heading, meta, snippet);
}

function pageLink(q, group, offset, label, opts = {}) {
  if (opts.disabled) return el('span', { class: 'pager-link', 'aria-disabled': 'true', text: label });
  return el('a', { class: 'pager-link', href: href('search', null, { q, offset, group }), rel: opts.rel,
    'aria-current': opts.current ? 'page' : null, 'aria-label': opts.label, text: label });
}

function renderPager(q, group, start, limit, total) {
  const pager = $('pager');
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(start / limit) + 1;
  fill(pager);
  if (pages <= 1) { pager.hidden = true; return; }
  pager.hidden = false;
  pager.append(pageLink(q, group, Math.max(0, start - limit), t('search.prev'), { disabled: start <= 0, rel: 'prev' }));
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  let prev = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - prev > 1) pager.append(el('span', { class: 'pager-gap', 'aria-hidden': 'true', text: '…' }));
    pager.append(pageLink(q, group, (p - 1) * limit, String(p), { current: p === page, label: t('search.pageN', { page: p }) }));
    prev = p;
  }
  pager.append(pageLink(q, group, start + limit, t('search.next'), { disabled: start + limit >= total, rel: 'next' }));
}

// Facets: {lang: {vi: n}, year: {"2022": n}, type: {...}, entity: [{id, name, count}]}.
// Choosing a value adds its filter to the query (choosing it again takes it out).
function renderFacets(facets, q, group) {
  const box = $('facets');
  const groups = $('facet-groups');
  if (!facets || typeof facets !== 'object') { box.hidden = true; fill(groups); return; }
  const { filters } = splitFilters(q);
  const active = new Set(filters.map((f) => f.toLowerCase()));
  const sections = [];
  const addGroup = (key, title, values) => {
    if (!values.length) return;
    sections.push(el('section', { class: 'facet' },
      el('h3', { text: title }),
      el('ul', {}, values.map(({ token, label, count, lang }) => {
        const on = active.has(token.toLowerCase());
        const a = el('a', { href: href('search', null, { q: toggleFilter(q, token), group }), class: on ? 'on' : null,
          'aria-current': on ? 'true' : null },
        el('span', { class: 'facet-label', text: label }), el('span', { class: 'count', text: formatNumber(count) }));
        if (lang) setLang(a.firstChild, lang);
        return el('li', {}, a);
      }))));
  };
  const fromMap = (m) => (m && typeof m === 'object' && !Array.isArray(m) ? Object.entries(m) : [])
    .filter(([, n]) => Number(n) > 0);
  addGroup('lang', t('facets.lang'), fromMap(facets.lang).sort((a, b) => b[1] - a[1])
    .map(([k, n]) => ({ token: `lang:${k}`, label: t('lang.' + k), count: n })));
  addGroup('year', t('facets.year'), fromMap(facets.year).sort((a, b) => b[0].localeCompare(a[0]))
    .map(([k, n]) => ({ token: `year:${k}`, label: k, count: n })));
  addGroup('type', t('facets.type'), fromMap(facets.type).sort((a, b) => b[1] - a[1])
    .map(([k, n]) => ({ token: `type:${k}`, label: k.replace(/_/g, ' '), count: n })));
  const ents = Array.isArray(facets.entity) ? facets.entity : [];
  addGroup('entity', t('facets.entity'), ents.filter((e) => e && e.id && Number(e.count) > 0).slice(0, 12)
    .map((e) => ({ token: `entity:${e.id}`, label: entityName(e, e.id), count: e.count })));
  fill(groups, ...sections);
  box.hidden = sections.length === 0;
}

function renderActiveFilters(q, group) {
  const box = $('active-filters');
  const { filters } = splitFilters(q);
  fill(box);
  if (!filters.length) { box.hidden = true; return; }
  box.hidden = false;
  box.append(el('span', { class: 'label', text: t('facets.active') + ':' }),
    ...filters.map((f) => el('a', { class: 'chip chip-filter', href: href('search', null, { q: toggleFilter(q, f), group }),
      'aria-label': t('facets.remove', { f }) }, f, el('span', { 'aria-hidden': 'true', text: ' ×' }))));
}

async function renderSearch(params, ctx) {
  const q = (params.get('q') || '').trim();
  const offset = Math.min(10000, Math.max(0, parseInt(params.get('offset'), 10) || 0));
  const group = params.get('group') === 'document' ? 'document' : '';
  $('q').value = q;
  $('group-doc').checked = group === 'document';
  const status = $('search-status');
  const results = $('search-results');
  const suggest = $('suggest');
  $('search-home').hidden = Boolean(q);
  if (!q) {
    results.hidden = true;
    suggest.hidden = true;
    status.textContent = '';
    document.title = 'policygraph';
    if (ctx.moveFocus) $('q').focus();
    return;
  }
  lastSearchHash = href('search', null, { q, offset, group });
  document.title = `${q} – policygraph`;
  status.textContent = t('search.searching');
  let data;
  try {
    data = await getJSON(apiUrl('/api/search', { q, limit: PAGE_SIZE, offset, group }));
  } catch (err) {
    // A bad query (unclosed quote, …): keep the form, say why, show no stale results.
    results.hidden = true;
    suggest.hidden = true;
    status.textContent = '';
    throw err;
  }
  if (!ctx.current()) return;

  const hits = Array.isArray(data.hits) ? data.hits : [];
  const total = Number(data.total) || 0;
  const limit = Number(data.limit) || PAGE_SIZE;
  const start = Number.isFinite(Number(data.offset)) ? Number(data.offset) : offset;

  fill($('results'), ...hits.map((h) => renderHit(h, q)));
  $('results').start = start + 1;
  if (data.did_you_mean && data.did_you_mean !== q) {
    fill(suggest, t('search.didYouMean') + ' ',
      el('a', { href: href('search', null, { q: data.did_you_mean, group }), text: data.did_you_mean }), '?');
    suggest.hidden = false;
  } else {
    fill(suggest);
    suggest.hidden = true;
  }
  if (hits.length) {
    status.textContent = total === 1 ? t('search.count1', { q })
      : t('search.count', { total: formatNumber(total), q, from: formatNumber(start + 1), to: formatNumber(start + hits.length) });
  } else {
    status.textContent = total > 0 ? t('search.nonePage', { total: formatNumber(total) }) : t('search.none', { q });
  }
  renderFacets(data.facets, q, group);
  renderActiveFilters(q, group);
  renderPager(q, group, start, limit, total);
  results.hidden = false;

  if (ctx.moveFocus) {
    const links = [...$('results').querySelectorAll('a[data-doc-id]')];
    (links.find((a) => a.dataset.docId === lastDocId) || links[0] || $('q')).focus();
  }
}

// ---------- document ----------

// Mentions come as UTF-8 byte spans; the evidence highlight (hl=begin-end) too.
function renderText(doc, hl) {
  const text = String(doc.text || '');
  const toChar = utf8Index(text);
  const spans = [];
  const mentions = Array.isArray(doc.mentions) ? doc.mentions : [];
  for (const m of mentions) {
    if (!m || !m.entity) continue;
    spans.push({ kind: 'mention', entity: String(m.entity), start: toChar(m.begin), end: toChar(m.end) });
  }
  if (hl) spans.push({ kind: 'evidence', start: toChar(hl[0]), end: toChar(hl[1]) });
  const out = [];
  const parts = blocks(text);
  for (const b of parts) {
    const node = b.kind === 'heading' ? el(`h${Math.min(6, b.level + 1)}`, { class: 'doc-heading' }) : el('p');
    const inBlock = spans.filter((sp) => sp.end > b.start && sp.start < b.end)
      .map((sp) => ({ ...sp, start: sp.start - b.start, end: sp.end - b.start }));
    for (const seg of segment(b.end - b.start, inBlock)) {
      const piece = text.slice(b.start + seg.start, b.start + seg.end);
      const mention = seg.spans.find((sp) => sp.kind === 'mention');
      let inner = document.createTextNode(piece);
      if (mention) {
        inner = el('a', { class: 'mention', href: href('graph', null, { x: `${mention.entity}:30` }), dataset: { entity: mention.entity } }, piece);
      }
      if (seg.spans.some((sp) => sp.kind === 'evidence')) inner = el('mark', { class: 'evidence' }, inner);
      node.append(inner);
    }
    out.push(node);
  }
  return out.length ? out : [el('p', { class: 'hint', text: t('doc.noText') })];
}

async function renderDoc(id, params, ctx) {
  lastDocId = id;
  $('search-status').textContent = '';
  const hlMatch = /^(\d+)-(\d+)$/.exec(params.get('hl') || '');
  const hl = hlMatch ? [Number(hlMatch[1]), Number(hlMatch[2])] : null;
  const doc = await getCached('/api/documents/' + encodeURIComponent(id));
  if (!ctx.current()) return;

  const back = $('back-link');
  back.href = lastSearchHash || href('search', null, {});
  back.textContent = lastSearchHash ? t('doc.back') : t('doc.newSearch');
  $('doc-title').textContent = doc.title || doc.id || id;
  setLang($('doc-title'), doc.lang);
  document.title = `${doc.title || id} – policygraph`;
  const meta = [[t('doc.language'), t('lang.' + doc.lang)], [t('doc.date'), doc.date],
    [t('doc.type'), doc.type && String(doc.type).replace(/_/g, ' ')], [t('doc.id'), doc.id || id]].filter(([, v]) => v);
  fill($('doc-meta'), ...meta.map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: v }))));
  $('doc-note').hidden = !hl;
  $('doc-note').textContent = hl ? t('doc.evidenceHere') : '';
  const textBox = $('doc-text');
  fill(textBox, ...renderText(doc, hl));
  setLang(textBox, doc.lang);

  // Entities: names in the interface language, each a link into the graph.
  const ids = Array.isArray(doc.entities) ? doc.entities.map(String) : [];
  const details = await Promise.all(ids.map((eid) => getOptional('/api/entities/' + encodeURIComponent(eid)).catch(() => null)));
  if (!ctx.current()) return;
  const byId = new Map(details.filter(Boolean).map((e) => [e.id, e]));
  for (const a of textBox.querySelectorAll('a.mention')) {
    const e = byId.get(a.dataset.entity);
    a.title = e ? `${entityName(e)} (${typeName(e.type)})` : a.dataset.entity;
  }
  const chips = ids.map((eid) => {
    const e = byId.get(eid);
    const name = e ? entityName(e) : eid;
    return el('li', {}, el('a', { class: `chip type-${e ? e.type : 'unknown'}`, href: href('graph', null, { x: `${eid}:30` }),
      title: t('doc.openGraph', { name }) }, name, e ? el('span', { class: 'chip-type', text: typeName(e.type) }) : null));
  });
  fill($('doc-entities'), ...chips);
  $('doc-entities-section').hidden = chips.length === 0;

  const mark = textBox.querySelector('mark.evidence');
  if (mark) mark.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
  if (ctx.moveFocus) $('doc-title').focus({ preventScroll: Boolean(mark) });
}

// ---------- wiring ----------

export function initSearch() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('q').value.trim();
    if (!q) { $('search-status').textContent = t('search.empty'); $('q').focus(); return; }
    go(href('search', null, { q, group: $('group-doc').checked ? 'document' : '' }));
  });
  $('group-doc').addEventListener('change', () => {
    const q = $('q').value.trim();
    if (q) go(href('search', null, { q, group: $('group-doc').checked ? 'document' : '' }));
  });
  // Suggest entities while a plain word or name is typed (not while writing operators).
  attachAutocomplete($('q'), {
    fill: false,
    showEmpty: false, // the box is for any words; not every word is an entity
    accept: (v) => v.trim().length >= 2 && !/["():]/.test(v),
    onPick: (entity) => {
      // Search for the name in the language it was typed in; the cross-language aliases find the other.
      const typed = fold($('q').value.trim());
      const vi = entity.name_vi && fold(entity.name_vi).startsWith(typed) && !fold(entity.name || '').startsWith(typed);
      const name = vi ? entity.name_vi : entity.name || entity.name_vi || entity.id;
      const q = /\s/.test(name) ? `"${name}"` : name;
      $('q').value = q;
      go(href('search', null, { q, group: $('group-doc').checked ? 'document' : '' }));
    },
  });
}

export const searchView = {
  render: (parsed, ctx) => renderSearch(parsed.params, ctx),
  lastHash: () => lastSearchHash,
};
export const docView = {
  render: (parsed, ctx) => renderDoc(parsed.id, parsed.params, ctx),
};
