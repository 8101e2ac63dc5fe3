// policygraph web UI: plain JS, no dependencies, no inline code (CSP: default-src 'self').
//
// All view state lives in the URL hash so links, reload and back/forward work:
//   #q=QUERY&offset=N  -> search results page
//   #doc=ID            -> document view
//   anything else      -> home (empty search form)
'use strict';

const PAGE_SIZE = 10;
const LANG_NAMES = { vi: 'Vietnamese', en: 'English' };

const $ = (id) => document.getElementById(id);
const els = {
  stats: $('stats'), form: $('search-form'), input: $('q'), alert: $('alert'), status: $('status'),
  suggest: $('suggest'),
  resultsView: $('results-view'), results: $('results'), pager: $('pager'),
  prev: $('prev'), next: $('next'), pageInfo: $('page-info'),
  docView: $('doc-view'), back: $('back-link'), docTitle: $('doc-title'), docMeta: $('doc-meta'),
  docText: $('doc-text'), entitiesSection: $('entities-section'), docEntities: $('doc-entities'),
};

let routeSeq = 0;          // bumped on every navigation; responses for older navigations are ignored
let lastSearchHash = '';   // target of the document view's "Back to results" link
let lastDocId = null;      // when returning to results, focus the link of the document just read
let isFirstRoute = true;   // don't steal focus on initial page load
let suppressFocus = false; // set by the search form: keep focus in the input after submitting

// ---------- helpers ----------

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

const fmt = (n) => (Number.isFinite(Number(n)) ? Number(n).toLocaleString('en-US') : '?');
const searchHash = (q, offset) => '#' + new URLSearchParams({ q, offset: String(offset) });
const docHash = (id) => '#' + new URLSearchParams({ doc: id });

// Set the lang attribute (helps screen readers pronounce Vietnamese), only for sane language tags.
function setLang(node, lang) {
  if (typeof lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) node.lang = lang;
  else node.removeAttribute('lang');
}

function setAlert(message) { els.alert.textContent = message || ''; }
function setStatus(message) { els.status.textContent = message || ''; }

function show(view) { // 'home' | 'results' | 'doc'
  els.resultsView.hidden = view !== 'results';
  els.docView.hidden = view !== 'doc';
}

// Snippets arrive HTML-escaped with <mark> tags. Defensively escape everything again, except
// literal "<mark>"/"</mark>" tags (split out first, so escaped text like "&lt;mark&gt;" stays text)
// and well-formed character references (so "&amp;" is not shown as "&amp;amp;"; a character
// reference can never produce markup).
function sanitizeSnippet(html) {
  const escape = (t) => t
    .replace(/&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)/g, '&amp;')
    .replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  // split() with a capture group puts the matched tags at odd indexes.
  return String(html).split(/(<\/?mark>)/).map((part, i) => (i % 2 ? part : escape(part))).join('');
}

// fetch + JSON with uniform errors: the server's error.message on non-2xx, a clear text otherwise.
async function getJSON(url) {
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (_) {
    throw new Error('Network error: could not reach the policygraph server. Is it running?');
  }
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON; handled below */ }
  if (!res.ok) {
    const msg = body && body.error && typeof body.error.message === 'string' && body.error.message;
    throw new Error(msg || `Request failed (HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}).`);
  }
  if (!body || typeof body !== 'object') throw new Error('The server sent an unreadable response.');
  return body;
}

// ---------- header counts ----------

async function loadHealth() {
  try {
    const h = await getJSON('/api/health');
    els.stats.textContent =
      `${fmt(h.documents)} documents · ${fmt(h.nodes)} graph nodes · ${fmt(h.edges)} graph edges`;
  } catch (_) {
    els.stats.textContent = 'Index status unavailable';
  }
}

// ---------- search results ----------

function langBadge(lang) {
  const code = typeof lang === 'string' && lang ? lang : '?';
  const badge = el('abbr', 'badge', code.toUpperCase());
  badge.title = LANG_NAMES[code] || code;
  if (/^[a-z]{2,3}$/.test(code)) badge.classList.add('badge-' + code);
  return badge;
}

function renderHit(hit) {
  const li = el('li', 'hit');
  const heading = el('h3', 'hit-title');
  const link = el('a', null, hit.title || hit.id);
  link.href = docHash(hit.id);
  link.dataset.docId = hit.id;
  setLang(link, hit.lang);
  heading.append(link);

  // A hit is a passage: say where in the document it sits.
  const where = hit.heading ? el('p', 'hit-heading', '§ ' + hit.heading) : null;
  if (where) setLang(where, hit.lang);

  const meta = el('p', 'hit-meta');
  meta.append(langBadge(hit.lang));
  if (hit.date) { const t = el('time', null, hit.date); t.dateTime = hit.date; meta.append(t); }
  if (hit.type) meta.append(el('span', 'type', String(hit.type).replace(/_/g, ' ')));
  if (Number.isFinite(Number(hit.score))) meta.append(el('span', 'score', 'score ' + Number(hit.score).toFixed(2)));

  const snippet = el('p', 'snippet');
  snippet.innerHTML = sanitizeSnippet(hit.snippet || '');
  setLang(snippet, hit.lang);

  li.append(...[heading, where, meta, snippet].filter(Boolean));
  return li;
}

// A pager link is a real link (works with middle-click, history); disabled = no href.
function setPageLink(link, enabled, href) {
  if (enabled) { link.href = href; link.removeAttribute('aria-disabled'); }
  else { link.removeAttribute('href'); link.setAttribute('aria-disabled', 'true'); }
}

async function renderSearch(q, offset, seq, moveFocus) {
  els.input.value = q;
  lastSearchHash = searchHash(q, offset);
  document.title = `${q} – policygraph`;
  setStatus('Searching…');

  const data = await getJSON('/api/search?' + new URLSearchParams({ q, limit: PAGE_SIZE, offset }));
  if (seq !== routeSeq) return; // user navigated elsewhere meanwhile

  const hits = Array.isArray(data.hits) ? data.hits : [];
  const total = Number(data.total) || 0;
  const limit = Number(data.limit) || PAGE_SIZE;
  const start = Number.isFinite(Number(data.offset)) ? Number(data.offset) : offset;

  els.results.replaceChildren(...hits.map(renderHit));
  if (data.did_you_mean) {
    const link = el('a', null, data.did_you_mean);
    link.href = searchHash(data.did_you_mean, 0);
    els.suggest.replaceChildren('Did you mean ', link, '?');
    els.suggest.hidden = false;
  } else {
    els.suggest.replaceChildren();
    els.suggest.hidden = true;
  }
  els.results.start = start + 1; // keep the <ol> numbering continuous across pages
  if (hits.length) {
    setStatus(`${fmt(total)} result${total === 1 ? '' : 's'} for “${q}” — showing ${fmt(start + 1)}–${fmt(start + hits.length)}`);
  } else {
    setStatus(total > 0 ? `No results on this page (${fmt(total)} in total).` : `No results for “${q}”.`);
  }

  const hasPrev = start > 0;
  const hasNext = start + hits.length < total;
  setPageLink(els.prev, hasPrev, searchHash(q, Math.max(0, start - limit)));
  setPageLink(els.next, hasNext, searchHash(q, start + limit));
  els.pageInfo.textContent = total > 0
    ? `Page ${fmt(Math.floor(start / limit) + 1)} of ${fmt(Math.max(1, Math.ceil(total / limit)))}` : '';
  els.pager.hidden = !hasPrev && !hasNext;
  show('results');

  if (moveFocus) {
    const links = [...els.results.querySelectorAll('a[data-doc-id]')];
    (links.find((a) => a.dataset.docId === lastDocId) || links[0] || els.input).focus();
  }
}

// ---------- document view ----------

// Blank lines separate paragraphs; if the text has none, each single line is a paragraph.
function toParagraphs(text) {
  const s = String(text || '').replace(/\r\n?/g, '\n').trim();
  const blocks = /\n\s*\n/.test(s) ? s.split(/\n\s*\n/) : s.split('\n');
  return blocks.map((b) => b.trim()).filter(Boolean);
}

async function renderDoc(id, seq, moveFocus) {
  lastDocId = id;
  setStatus('Loading document…');

  const doc = await getJSON('/api/documents/' + encodeURIComponent(id));
  if (seq !== routeSeq) return;

  els.back.href = lastSearchHash || '#';
  els.back.textContent = lastSearchHash ? '← Back to results' : '← New search';
  els.docTitle.textContent = doc.title || doc.id || id;
  setLang(els.docTitle, doc.lang);
  document.title = `${doc.title || id} – policygraph`;

  const meta = [
    ['Language', LANG_NAMES[doc.lang] || doc.lang], ['Date', doc.date],
    ['Type', doc.type && String(doc.type).replace(/_/g, ' ')], ['ID', doc.id || id],
  ].filter(([, v]) => v);
  els.docMeta.replaceChildren(...meta.map(([k, v]) => {
    const row = el('div');
    row.append(el('dt', null, k), el('dd', null, v));
    return row;
  }));

  const paragraphs = toParagraphs(doc.text);
  els.docText.replaceChildren(...(paragraphs.length ? paragraphs : ['(This document has no text.)'])
    .map((p) => el('p', null, p)));
  setLang(els.docText, doc.lang);

  const entities = Array.isArray(doc.entities) ? doc.entities : [];
  els.docEntities.replaceChildren(...entities.map((e) => el('li', 'chip', e)));
  els.entitiesSection.hidden = entities.length === 0;

  setStatus('');
  show('doc');
  if (moveFocus) els.docTitle.focus(); else window.scrollTo(0, 0);
}

// ---------- router ----------

async function route() {
  const seq = ++routeSeq;
  const moveFocus = !isFirstRoute && !suppressFocus;
  isFirstRoute = false;
  suppressFocus = false;
  setAlert('');

  const params = new URLSearchParams(location.hash.slice(1));
  const docId = params.get('doc');
  const q = (params.get('q') || '').trim();
  try {
    if (docId) {
      await renderDoc(docId, seq, moveFocus);
    } else if (q) {
      const offset = Math.max(0, parseInt(params.get('offset'), 10) || 0);
      await renderSearch(q, offset, seq, moveFocus);
    } else {
      setStatus('');
      document.title = 'policygraph';
      show('home');
      if (moveFocus) els.input.focus();
    }
  } catch (err) {
    if (seq !== routeSeq) return;
    setStatus('');
    show('home');
    setAlert(err && err.message ? err.message : 'Something went wrong.');
  }
}

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = els.input.value.trim();
  if (!q) { setAlert('Please enter a search term.'); els.input.focus(); return; }
  suppressFocus = true;
  const before = location.hash;
  location.hash = searchHash(q, 0);
  if (location.hash === before) route(); // same search again: no hashchange event fires
});

window.addEventListener('hashchange', route);
loadHealth();
route();
