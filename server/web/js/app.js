// policygraph web UI: plain ES modules, no build step; Cytoscape.js from server/web/vendor/
// (copied from node_modules by `npm ci`). Nothing is loaded from another origin and nothing
// runs inline: the server's Content-Security-Policy is default-src 'self'.

import { ApiError, getJSON, getOptional } from './api.js';
import { $, clearError, showError } from './dom.js';
import { applyStatic, formatNumber, setUiLang, t, uiLang, UI_LANGS } from './i18n.js';
import { href } from './nav.js';
import { docView, initSearch, searchView } from './search.js';
import { graphView, initGraph } from './graph.js';
import { initPartners, partnersView } from './partners.js';
import { parseHash } from './route.js';

const VIEWS = { search: searchView, doc: docView, graph: graphView, partners: partnersView };
const SECTIONS = { search: 'view-search', doc: 'view-doc', graph: 'view-graph', partners: 'view-partners' };
const NAV_OF = { search: 'search', doc: 'search', graph: 'graph', partners: 'partners' };
const lastHashOf = {}; // the nav links return to each view's last state

let routeSeq = 0;
let firstRoute = true;
let currentView = '';

function preferredLang(params) {
  const fromUrl = params.get('ui');
  if (UI_LANGS.includes(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem('policygraph.ui');
    if (UI_LANGS.includes(saved)) return saved;
  } catch (_) { /* storage may be blocked */ }
  return /^vi\b/i.test(navigator.language || '') ? 'vi' : 'en';
}

function updateNav(view) {
  for (const a of document.querySelectorAll('[data-nav]')) {
    const name = a.dataset.nav;
    a.href = lastHashOf[name] || href(name, null, {});
    if (NAV_OF[view] === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  $('brand').href = href('search', null, {});
}

async function loadStats() {
  try {
    // /api/stats when the server has it, else the counts of /api/health.
    const s = (await getOptional('/api/stats')) || (await getJSON('/api/health'));
    $('stats').textContent = t('stats', { documents: formatNumber(s.documents), nodes: formatNumber(s.nodes), edges: formatNumber(s.edges) });
  } catch (_) {
    $('stats').textContent = t('stats.unavailable');
  }
}

async function route() {
  const seq = ++routeSeq;
  const parsed = parseHash(location.hash);
  const lang = preferredLang(parsed.params);
  const langChanged = lang !== uiLang() || firstRoute;
  setUiLang(lang);
  if (langChanged) { applyStatic(document); loadStats(); }
  // Move focus to the new content, except on load and while typing in a form (a search
  // submitted from the box keeps the cursor there).
  const typing = document.activeElement && document.activeElement.matches('input, textarea, select');
  const moveFocus = !firstRoute && !typing;
  firstRoute = false;
  clearError();
  for (const [name, id] of Object.entries(SECTIONS)) $(id).hidden = name !== parsed.view;
  document.body.dataset.view = parsed.view;
  currentView = parsed.view;
  if (parsed.view !== 'doc') lastHashOf[NAV_OF[parsed.view]] = location.hash || href(parsed.view, null, {});
  updateNav(parsed.view);
  const ctx = { moveFocus, current: () => seq === routeSeq };
  document.body.setAttribute('aria-busy', 'true');
  try {
    await VIEWS[parsed.view].render(parsed, ctx);
  } catch (err) {
    if (seq === routeSeq) showError(err && err.message ? err : new Error(t('error.generic')));
    if (!(err instanceof ApiError)) console.error(err); // a bug, not a refusal the page has shown
  } finally {
    if (seq === routeSeq) document.body.removeAttribute('aria-busy');
  }
}

function toggleLanguage() {
  const next = uiLang() === 'en' ? 'vi' : 'en';
  try { localStorage.setItem('policygraph.ui', next); } catch (_) { /* storage may be blocked */ }
  const parsed = parseHash(location.hash);
  parsed.params.set('ui', next);
  const hash = '#' + parsed.view + (parsed.id ? '/' + encodeURIComponent(parsed.id) : '') + '?' + parsed.params.toString();
  for (const k of Object.keys(lastHashOf)) delete lastHashOf[k]; // their links carried the old language
  history.replaceState(null, '', hash);
  route();
}

function start() {
  setUiLang(preferredLang(parseHash(location.hash).params));
  applyStatic(document);
  initSearch();
  initGraph();
  initPartners();
  $('lang-toggle').addEventListener('click', toggleLanguage);
  $('skip-link').addEventListener('click', (ev) => { ev.preventDefault(); $('main').focus(); });
  window.addEventListener('hashchange', route);
  route();
}

start();
