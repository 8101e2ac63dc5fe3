// Graph explorer (#graph?x=…): Cytoscape.js over GET /api/graph/neighbors, /path, /evidence.
//
// The graph on screen is a pure function of the URL: `x` lists the expansions in the order
// they were made (the first is the starting entity), each with how many neighbours it shows.
// Rendering replays them (responses are cached), so "undo" drops the last expansion,
// "collapse" drops one (and what only it brought in), "show more" raises its limit, and a
// shared URL shows the same graph.

import { apiUrl, getCached, getOptional } from './api.js';
import { attachAutocomplete, resolveEntity } from './autocomplete.js';
import { $, fill, download, el, entityName, otherName, showError } from './dom.js';
import { formatNumber, relationName, t, typeName } from './i18n.js';
import { toGraphML } from './graphml.js';
import { go, href } from './nav.js';
import { cleanYear, edgeId, formatExpansions, parseExpansions, parseSelection } from './route.js';
import { cycle, nearestInDirection } from './canvas_keys.js';
import { guessLang } from './text.js';

export const RELATIONS = ['cooperation', 'enactment', 'participation', 'investment', 'membership', 'basis', 'co_mention'];
export const ENTITY_TYPES = ['country', 'regional_org', 'organization', 'law', 'agreement', 'strategy', 'plan',
  'programme', 'initiative', 'event', 'person'];
const DIRECTED = new Set(['enactment', 'participation', 'investment', 'membership', 'basis']);
const HUB_CAP = 30;    // neighbours one expansion shows at first; "show more" adds as many again
const MAX_LIMIT = 499; // the API's node limit is 500, the centre included

export const TYPE_COLORS = {
  country: '#2b6cb0', regional_org: '#6b46c1', organization: '#2f855a', law: '#c05621', agreement: '#b7791f',
  strategy: '#c53030', plan: '#dd6b20', programme: '#0987a0', initiative: '#2c7a7b', event: '#b83280', person: '#4a5568',
};
export const RELATION_COLORS = {
  cooperation: '#2b6cb0', enactment: '#c05621', participation: '#b83280', investment: '#2f855a',
  membership: '#6b46c1', basis: '#975a16', co_mention: '#a0aec0',
};

let cy = null;
let cyLoading = null;
let state = null;      // the state last rendered
let graph = emptyGraph();
let builtKey = '';
let detailKey = '';
let ctxCurrent = () => true;

function emptyGraph() {
  return { nodes: new Map(), edges: new Map(), owner: new Map(), truncated: new Map(), expanded: new Set(),
    pathNodes: new Set(), pathEdges: new Set(), path: null };
}

const list = (v) => String(v || '').split(',').map((s) => s.trim()).filter(Boolean);

function readState(params) {
  const min = parseInt(params.get('min'), 10);
  const hops = parseInt(params.get('hops'), 10);
  const path = list(params.get('path'));
  return {
    x: parseExpansions(params.get('x'), HUB_CAP),
    rel: list(params.get('rel')).filter((r) => RELATIONS.includes(r)),
    type: list(params.get('type')).filter((r) => ENTITY_TYPES.includes(r)),
    from: cleanYear(params.get('from')),
    to: cleanYear(params.get('to')),
    min: min > 0 ? min : '',
    sel: parseSelection(params.get('sel')),
    path: path.length === 2 ? path : [],
    hops: hops >= 1 && hops <= 6 ? hops : 4,
  };
}

function selString(sel) {
  if (!sel) return '';
  return sel.kind === 'node' ? `n:${sel.id}` : `e:${sel.source}|${sel.relation}|${sel.target}`;
}

function stateParams(st) {
  return {
    x: formatExpansions(st.x), rel: st.rel, type: st.type, from: st.from, to: st.to, min: st.min,
    path: st.path, hops: st.path.length && st.hops !== 4 ? st.hops : '', sel: selString(st.sel),
  };
}

export function graphHash(changes) {
  return href('graph', null, stateParams({ ...(state || readState(new URLSearchParams())), ...changes }));
}

function navigate(changes) { go(graphHash(changes)); }

function filterParams(st) {
  return { relation: st.rel, type: st.type, from: st.from, to: st.to, min_weight: st.min };
}

// ---------- Cytoscape ----------

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(t('error.cytoscape')));
    document.head.append(s);
  });
}

function cyStyle() {
  const style = [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 12, 'min-zoomed-font-size': 5, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#1b1f24',
      'text-outline-color': '#ffffff', 'text-outline-width': 2, 'text-wrap': 'ellipsis', 'text-max-width': '140px',
      width: 'data(size)', height: 'data(size)', 'background-color': '#718096', 'border-width': 1, 'border-color': '#ffffff',
    } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1b1f24' } },
    { selector: 'node.truncated', style: { 'border-style': 'double', 'border-width': 5 } },
    { selector: 'node[?discovered]', style: { shape: 'round-rectangle' } },
    { selector: 'edge', style: {
      width: 'mapData(weight, 1, 10, 1.5, 8)', 'line-color': '#a0aec0', 'curve-style': 'bezier', opacity: 0.85,
      'target-arrow-shape': 'none', 'arrow-scale': 0.9,
    } },
    { selector: 'edge[relation = "co_mention"]', style: { 'line-style': 'dashed', opacity: 0.6 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e53e3e' } },
    { selector: 'edge.path', style: { 'line-color': '#e53e3e', 'target-arrow-color': '#e53e3e', opacity: 1, 'z-index': 9 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#f6ad55', 'z-index': 10 } },
    { selector: 'edge:selected', style: { 'line-color': '#f6ad55', 'target-arrow-color': '#f6ad55', opacity: 1, 'z-index': 10,
      'overlay-opacity': 0.12, 'overlay-color': '#f6ad55', 'overlay-padding': 4 } },
  ];
  for (const [type, color] of Object.entries(TYPE_COLORS)) {
    style.splice(1, 0, { selector: `node[type = "${type}"]`, style: { 'background-color': color } });
  }
  for (const [rel, color] of Object.entries(RELATION_COLORS)) {
    style.splice(style.length - 5, 0, { selector: `edge[relation = "${rel}"]`,
      style: { 'line-color': color, 'target-arrow-color': color, 'target-arrow-shape': DIRECTED.has(rel) ? 'triangle' : 'none' } });
  }
  return style;
}

async function ensureCy() {
  if (cy) return cy;
  if (!window.cytoscape) {
    cyLoading = cyLoading || loadScript('vendor/cytoscape.min.js');
    try {
      await cyLoading;
    } catch (err) {
      cyLoading = null;
      throw err;
    }
  }
  if (typeof window.cytoscape !== 'function') throw new Error(t('error.cytoscape'));
  cy = window.cytoscape({
    container: $('cy'), style: cyStyle(), minZoom: 0.15, maxZoom: 4, boxSelectionEnabled: false, selectionType: 'single',
  });
  cy.on('tap', 'node', (ev) => onNodeTap(ev.target.id()));
  cy.on('tap', 'edge', (ev) => {
    const d = ev.target.data();
    navigate({ sel: { kind: 'edge', source: d.source, relation: d.relation, target: d.target, id: d.id } });
  });
  cy.on('tap', (ev) => { if (ev.target === cy && state && state.sel) navigate({ sel: null }); });
  // The renderer keeps where its container sits on the page and reads it again
  // only on a resize or a scroll; an alert, the stats line or a wrapped toolbar
  // appearing above the canvas moves it without either, and clicks would then
  // land beside what is drawn. A change of size of anything above it re-reads.
  if (typeof ResizeObserver === 'function') {
    const above = new ResizeObserver(() => cy.resize());
    for (const node of [document.querySelector('.site-header'), $('alert'), document.querySelector('#view-graph .toolbar')]) {
      if (node) above.observe(node);
    }
  }
  window.pgCy = cy; // for the browser tests and the console
  return cy;
}

function onNodeTap(id) {
  const changes = { sel: { kind: 'node', id } };
  if ($('graph-expand-click').checked && !state.x.some((e) => e.id === id)) changes.x = [...state.x, { id, limit: HUB_CAP }];
  navigate(changes);
}

// ---------- loading ----------

async function load(st) {
  const g = emptyGraph();
  const fp = filterParams(st);
  const results = await Promise.allSettled(st.x.map((ex) =>
    getCached(apiUrl('/api/graph/neighbors', { id: ex.id, depth: 1, limit: Math.min(MAX_LIMIT, ex.limit) + 1, ...fp }))));
  const errors = [];
  results.forEach((r, i) => {
    const ex = st.x[i];
    if (r.status === 'rejected') {
      if (i === 0) throw r.reason; // the starting entity: nothing to show
      errors.push(r.reason);
      return;
    }
    if (i > 0 && !g.nodes.has(ex.id)) return; // brought in by an expansion that was collapsed
    const data = r.value;
    for (const n of data.nodes || []) {
      if (!g.nodes.has(n.id)) { g.nodes.set(n.id, n); g.owner.set(n.id, ex.id); }
    }
    for (const e of data.edges || []) {
      if (g.nodes.has(e.source) && g.nodes.has(e.target)) g.edges.set(edgeId(e.source, e.relation, e.target), e);
    }
    g.expanded.add(ex.id);
    g.truncated.set(ex.id, Boolean(data.truncated));
  });
  if (st.path.length === 2) {
    const p = await getCached(apiUrl('/api/graph/path', { source: st.path[0], target: st.path[1], max_hops: st.hops, ...fp }));
    g.path = p;
    if (p.found) {
      for (const n of p.nodes || []) {
        if (!g.nodes.has(n.id)) g.nodes.set(n.id, n);
        g.pathNodes.add(n.id);
      }
      for (const e of p.edges || []) {
        const id = edgeId(e.source, e.relation, e.target);
        g.edges.set(id, e);
        g.pathEdges.add(id);
      }
    }
  }
  return { g, errors };
}

function nodeData(n) {
  return { id: n.id, label: entityName(n), name: n.name || n.id, name_vi: n.name_vi || '', type: n.type || '',
    wikidata: n.wikidata || '', discovered: Boolean(n.discovered), size: 24 };
}

function edgeData(e) {
  return { id: edgeId(e.source, e.relation, e.target), source: e.source, target: e.target, relation: e.relation,
    weight: Number(e.weight) || 1, evidence_count: Number(e.evidence_count) || 0,
    first_date: e.first_date || '', last_date: e.last_date || '' };
}

function sync(g) {
  let added = 0;
  const before = cy.nodes().length;
  cy.batch(() => {
    cy.edges().forEach((e) => { if (!g.edges.has(e.id())) e.remove(); });
    cy.nodes().forEach((n) => { if (!g.nodes.has(n.id())) n.remove(); });
    for (const [id, n] of g.nodes) {
      if (cy.getElementById(id).nonempty()) continue;
      const owner = cy.getElementById(g.owner.get(id) || '');
      const p = owner.nonempty() ? owner.position() : { x: 0, y: 0 };
      cy.add({ group: 'nodes', data: nodeData(n), position: { x: p.x + (Math.random() - 0.5) * 120, y: p.y + (Math.random() - 0.5) * 120 } });
      added++;
    }
    for (const [id, e] of g.edges) {
      if (cy.getElementById(id).empty()) { cy.add({ group: 'edges', data: edgeData(e) }); added++; }
    }
    cy.nodes().forEach((n) => {
      const id = n.id();
      n.data('label', entityName(g.nodes.get(id)));
      n.data('size', Math.round(24 + Math.min(36, 6 * Math.sqrt(n.degree(false)))));
      n.toggleClass('expanded', g.expanded.has(id));
      n.toggleClass('truncated', g.truncated.get(id) === true);
      n.toggleClass('path', g.pathNodes.has(id));
    });
    cy.edges().forEach((e) => e.toggleClass('path', g.pathEdges.has(e.id())));
  });
  if (added) {
    cy.layout({
      name: 'cose', animate: false, randomize: before === 0, fit: true, padding: 40, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 120, nodeRepulsion: () => 400000, edgeElasticity: () => 80, gravity: 0.4,
      nestingFactor: 1.2, componentSpacing: 80, numIter: 1500,
    }).run();
  }
}

// ---------- selection, details ----------

function applySelection(sel) {
  cy.elements().removeClass('faded');
  cy.elements().unselect();
  if (!sel) return;
  const ele = cy.getElementById(sel.id);
  if (ele.empty()) return;
  ele.select();
  const keep = sel.kind === 'node' ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
  cy.elements().not(keep).addClass('faded');
}

function focusKeyed(container, key) {
  if (!key) return;
  const target = container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  if (target) target.focus();
}

function button(text, onclick, attrs = {}) {
  return el('button', { type: 'button', onclick, ...attrs }, text);
}

function markTrigger(sentence, trigger) {
  const s = String(sentence || '');
  const tr = String(trigger || '');
  const i = tr ? s.toLowerCase().indexOf(tr.toLowerCase()) : -1;
  if (i < 0 || s.slice(i, i + tr.length).toLowerCase() !== tr.toLowerCase()) return [s];
  return [s.slice(0, i), el('mark', {}, s.slice(i, i + tr.length)), s.slice(i + tr.length)];
}

// Document titles for evidence links, filled in when they arrive.
function fillDocTitles(container) {
  for (const a of container.querySelectorAll('a[data-doc]')) {
    getCached('/api/documents/' + encodeURIComponent(a.dataset.doc)).then((d) => {
      if (d && d.title) { a.textContent = d.title; a.title = a.dataset.doc; }
    }, () => {});
  }
}

export function evidenceItem(ev) {
  const docLink = el('a', { href: href('doc', ev.document, { hl: `${ev.begin}-${ev.end}` }), dataset: { doc: ev.document },
    text: ev.document });
  return el('li', { class: 'evidence-item' },
    el('blockquote', { lang: guessLang(ev.sentence) }, ...markTrigger(ev.sentence, ev.trigger)),
    el('p', { class: 'evidence-cite' },
      ev.date ? el('time', { datetime: ev.date, text: ev.date }) : null,
      ev.date ? ' · ' : null, docLink,
      ev.trigger ? el('span', { class: 'trigger', text: ' · ' + t('graph.trigger', { t: ev.trigger }) }) : null));
}

async function nodeName(id) {
  if (graph.nodes.has(id)) return entityName(graph.nodes.get(id));
  try { return entityName(await getCached('/api/entities/' + encodeURIComponent(id))); } catch (_) { return id; }
}

async function renderEdgeDetail(sel, box) {
  const edge = graph.edges.get(sel.id);
  const [a, b] = await Promise.all([nodeName(sel.source), nodeName(sel.target)]);
  const data = await getCached(apiUrl('/api/graph/evidence', { source: sel.source, relation: sel.relation, target: sel.target, limit: 50 }));
  if (!ctxCurrent()) return;
  const evidence = Array.isArray(data.evidence) ? data.evidence : [];
  const meta = edge ? t('graph.edgeMeta', { relation: relationName(sel.relation), weight: formatNumber(edge.weight),
    first: edge.first_date || '?', last: edge.last_date || '?' }) : relationName(sel.relation);
  fill(box, 
    el('p', { class: 'detail-kind', text: t('graph.evidence') }),
    el('h2', { class: 'detail-title', id: 'detail-title', text: t('graph.evidenceOf', { a, b }) }),
    el('p', { class: 'detail-meta' }, el('span', { class: `rel-swatch rel-${sel.relation}` }), meta),
    el('p', { class: 'detail-actions' },
      el('a', { href: href('partners', null, { pair: `${sel.source},${sel.target}` }), text: t('graph.timeline') })),
    evidence.length ? el('ol', { class: 'evidence-list' }, evidence.map(evidenceItem))
      : el('p', { class: 'hint', text: t('graph.noEvidence') }));
  for (const sw of box.querySelectorAll('.rel-swatch')) sw.style.background = RELATION_COLORS[sel.relation] || '#a0aec0';
  fillDocTitles(box);
}

async function renderNodeDetail(sel, box) {
  const id = sel.id;
  const e = await getCached('/api/entities/' + encodeURIComponent(id));
  if (!ctxCurrent()) return;
  const ex = state.x.find((x) => x.id === id);
  const truncated = graph.truncated.get(id) === true;
  const names = [...new Set([...(e.names_en || []), ...(e.names_vi || [])])];
  const actions = [];
  if (!ex) {
    actions.push(button(t('graph.expand'), () => navigate({ x: [...state.x, { id, limit: HUB_CAP }] }), { class: 'primary', 'data-focus-key': 'expand' }));
  } else {
    if (truncated && ex.limit < MAX_LIMIT) {
      actions.push(button(t('graph.showMore', { n: HUB_CAP }), () => navigate({
        x: state.x.map((x) => (x.id === id ? { id, limit: Math.min(MAX_LIMIT, x.limit + HUB_CAP) } : x)),
      }), { class: 'primary', 'data-focus-key': 'more' }));
    }
    actions.push(button(t('graph.collapse'), () => collapse(id), { 'data-focus-key': 'expand' }));
  }
  actions.push(button(t('graph.asPathFrom'), () => setPathEnd(0, e), { 'data-focus-key': 'path-from' }));
  actions.push(button(t('graph.asPathTo'), () => setPathEnd(1, e), { 'data-focus-key': 'path-to' }));
  const node = cy.getElementById(id);
  const links = node.nonempty() ? node.connectedEdges().sort((x, y) => y.data('weight') - x.data('weight')) : [];
  const docs = Array.isArray(e.documents) ? e.documents.slice(0, 12) : [];
  fill(box, 
    el('p', { class: 'detail-kind', text: typeName(e.type) }),
    el('h2', { class: 'detail-title', id: 'detail-title', text: entityName(e) }),
    otherName(e) ? el('p', { class: 'detail-other', text: otherName(e) }) : null,
    truncated ? el('p', { class: 'note', text: t('graph.capped', { n: ex ? ex.limit : HUB_CAP }) }) : null,
    el('div', { class: 'detail-actions button-row' }, actions),
    el('dl', { class: 'detail-facts' },
      names.length ? [el('dt', { text: t('graph.names') }), el('dd', { text: names.join(' · ') })] : null,
      e.wikidata ? [el('dt', { text: t('graph.wikidata') }), el('dd', {}, el('a', {
        href: `https://www.wikidata.org/wiki/${encodeURIComponent(e.wikidata)}`, rel: 'noopener noreferrer', target: '_blank', text: e.wikidata }))] : null,
      (e.member_of || []).length ? [el('dt', { text: t('graph.memberOf') }), el('dd', { text: e.member_of.join(', ') })] : null,
      e.discovered ? [el('dt', { text: '' }), el('dd', { text: t('graph.discovered', { c: Number(e.confidence).toFixed(2) }) })] : null),
    links.length ? el('h3', { text: t('graph.links') }) : null,
    links.length ? el('ul', { class: 'link-list' }, links.map((edge) => {
      const d = edge.data();
      const other = d.source === id ? d.target : d.source;
      return el('li', {}, button([el('span', { class: 'rel-swatch', dataset: { rel: d.relation } }),
        `${relationName(d.relation)} · ${entityName(graph.nodes.get(other)) || other} (${d.weight})`],
      () => navigate({ sel: { kind: 'edge', source: d.source, relation: d.relation, target: d.target, id: d.id } }),
      { class: 'link-button', 'data-focus-key': `edge:${d.id}` }));
    })) : null,
    docs.length ? el('h3', { text: t('graph.documents') }) : null,
    docs.length ? el('ul', { class: 'doc-list' }, docs.map((d) => el('li', {},
      el('a', { href: href('doc', d.id, {}), text: d.title || d.id }), d.date ? el('span', { class: 'muted', text: ` · ${d.date}` }) : null))) : null,
    el('p', {}, el('a', { href: href('search', null, { q: `entity:${id}` }), text: t('graph.searchDocs') })));
  for (const sw of box.querySelectorAll('.rel-swatch[data-rel]')) sw.style.background = RELATION_COLORS[sw.dataset.rel] || '#a0aec0';
}

function renderIdleDetail(box) {
  fill(box, el('p', { class: 'hint', text: t('graph.emptyHint') }));
}

async function renderDetail(sel) {
  const box = $('graph-detail');
  const key = JSON.stringify([selString(sel), formatExpansions(state.x), builtKey, document.documentElement.lang]);
  if (key === detailKey) return;
  const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.dataset.focusKey : '';
  detailKey = key;
  if (!sel) { renderIdleDetail(box); return; }
  try {
    if (sel.kind === 'node') await renderNodeDetail(sel, box);
    else await renderEdgeDetail(sel, box);
    focusKeyed(box, focused);
  } catch (err) {
    detailKey = '';
    fill(box, el('p', { class: 'error-text', text: err.message }));
  }
}

function renderNodeList() {
  const listEl = $('graph-nodes');
  const focused = document.activeElement && listEl.contains(document.activeElement) ? document.activeElement.dataset.focusKey : '';
  const nodes = cy.nodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
  $('graph-nodes-heading').textContent = t('graph.inView', { n: nodes.length });
  const selected = state.sel && state.sel.kind === 'node' ? state.sel.id : '';
  fill(listEl, ...nodes.map((n) => {
    const dot = el('span', { class: 'type-dot', 'aria-hidden': 'true' });
    dot.style.background = TYPE_COLORS[n.data('type')] || '#718096';
    return el('li', {}, el('button', { type: 'button', class: 'node-button', 'aria-pressed': n.id() === selected ? 'true' : 'false',
      dataset: { focusKey: `node:${n.id()}`, id: n.id() },
      onclick: () => navigate({ sel: { kind: 'node', id: n.id() } }) },
    dot, el('span', { text: n.data('label') }), el('span', { class: 'muted', text: ` ${typeName(n.data('type'))}` })));
  }));
  focusKeyed(listEl, focused);
}

function renderLegend() {
  const legend = $('graph-legend');
  fill(legend, ...RELATIONS.map((r) => {
    const sw = el('span', { class: `legend-line${r === 'co_mention' ? ' dashed' : ''}`, 'aria-hidden': 'true' });
    sw.style.borderColor = RELATION_COLORS[r];
    return el('li', {}, sw, relationName(r));
  }), ...ENTITY_TYPES.map((tp) => {
    const dot = el('span', { class: 'type-dot', 'aria-hidden': 'true' });
    dot.style.background = TYPE_COLORS[tp];
    return el('li', {}, dot, typeName(tp));
  }));
}

function renderPathResult(g, st) {
  const out = $('graph-path-result');
  if (!g.path) { out.textContent = ''; return; }
  if (g.path.found) {
    const names = (g.path.nodes || []).map((n) => entityName(n)).join(' → ');
    out.textContent = t('graph.pathFound', { hops: g.path.hops, names });
  } else {
    out.textContent = t('graph.pathNone', { a: st.path[0], b: st.path[1], hops: st.hops });
  }
}

function fillForms(st) {
  for (const box of $('graph-relations').querySelectorAll('input')) box.checked = !st.rel.length || st.rel.includes(box.value);
  for (const box of $('graph-types').querySelectorAll('input')) box.checked = !st.type.length || st.type.includes(box.value);
  $('graph-from').value = st.from;
  $('graph-to').value = st.to;
  $('graph-min').value = st.min;
  $('graph-hops').value = st.hops;
  const start = $('graph-start');
  if (st.x.length && start.dataset.entityId !== st.x[0].id && document.activeElement !== start) {
    const root = st.x[0].id;
    start.dataset.entityId = root;
    nodeName(root).then((name) => { if (start.dataset.entityId === root) start.value = name; });
  }
  if (st.path.length === 2) {
    for (const [i, input] of [[0, $('graph-path-from')], [1, $('graph-path-to')]]) {
      if (input.dataset.entityId !== st.path[i]) {
        input.dataset.entityId = st.path[i];
        nodeName(st.path[i]).then((name) => { if (input.dataset.entityId === st.path[i]) input.value = name; });
      }
    }
  }
}

function updateToolbar() {
  const has = cy && cy.nodes().length > 0;
  $('graph-undo').disabled = !state.x.length;
  $('graph-clear').disabled = !state.x.length && !state.path.length;
  for (const id of ['graph-fit', 'export-png', 'export-json', 'export-graphml']) $(id).disabled = !has;
  $('graph-empty').hidden = has;
  $('cy').setAttribute('aria-label', t('graph.canvas', { nodes: cy ? cy.nodes().length : 0, edges: cy ? cy.edges().length : 0 }));
  $('graph-status').textContent = has ? t('graph.status', { nodes: formatNumber(cy.nodes().length), edges: formatNumber(cy.edges().length) }) : '';
}

// The node the selection is on: the selected node, or the selected link's
// source.
function selectedNodeId() {
  if (!state || !state.sel) return '';
  return state.sel.kind === 'node' ? state.sel.id : state.sel.source || '';
}

function moveSelection(key) {
  const points = cy.nodes().map((n) => ({ id: n.id(), ...n.renderedPosition() }));
  if (!points.length) return;
  const current = points.find((p) => p.id === selectedNodeId());
  // Nothing selected yet: start from the node nearest the centre.
  const centre = { id: '', x: cy.width() / 2, y: cy.height() / 2 };
  const next = current ? nearestInDirection(current, points, key)
    : points.reduce((a, b) => (Math.hypot(a.x - centre.x, a.y - centre.y) <= Math.hypot(b.x - centre.x, b.y - centre.y) ? a : b));
  if (next) navigate({ sel: { kind: 'node', id: next.id } });
}

function toggleSelected() {
  const id = selectedNodeId();
  if (!id || (state.sel && state.sel.kind !== 'node')) return;
  if (state.x.some((e) => e.id === id)) collapse(id);
  else navigate({ x: [...state.x, { id, limit: HUB_CAP }] });
}

function stepLink(step) {
  const id = selectedNodeId();
  const node = id ? cy.getElementById(id) : null;
  if (!node || node.empty()) return;
  const edges = node.connectedEdges().sort((x, y) => y.data('weight') - x.data('weight')).map((e) => e.data());
  const current = state.sel && state.sel.kind === 'edge' ? edges.find((d) => d.id === state.sel.id) : null;
  const d = cycle(edges, current || null, step);
  if (d) navigate({ sel: { kind: 'edge', source: d.source, relation: d.relation, target: d.target, id: d.id } });
}

function collapse(id) {
  const x = state.x[0] && state.x[0].id === id ? [] : state.x.filter((e) => e.id !== id);
  const sel = x.length ? state.sel : null;
  navigate({ x, sel });
}

function setPathEnd(i, entity) {
  const input = i === 0 ? $('graph-path-from') : $('graph-path-to');
  input.value = entityName(entity);
  input.dataset.entityId = entity.id;
  const box = $('graph-path-box');
  box.open = true;
  const other = i === 0 ? $('graph-path-to') : $('graph-path-from');
  (other.value ? box.querySelector('button[type=submit]') : other).focus();
}

function exportName(ext) {
  const root = state && state.x[0] ? state.x[0].id : state && state.path[0] ? state.path.join('-') : 'graph';
  return `policygraph-${root}.${ext}`;
}

// ---------- view ----------

async function render(parsed, ctx) {
  ctxCurrent = ctx.current;
  state = readState(parsed.params);
  fillForms(state);
  await ensureCy();
  cy.resize();
  const key = JSON.stringify([formatExpansions(state.x), filterParams(state), state.path, state.hops]);
  if (key !== builtKey) {
    $('graph-status').textContent = t('graph.loading');
    const { g, errors } = await load(state);
    if (!ctx.current()) return;
    graph = g;
    builtKey = key;
    sync(g);
    renderPathResult(g, state);
    if (errors.length) showError(errors[0]);
  } else {
    // Same graph; labels may need the other language.
    cy.nodes().forEach((n) => n.data('label', entityName(graph.nodes.get(n.id()))));
  }
  applySelection(state.sel);
  renderNodeList();
  renderLegend();
  updateToolbar();
  await renderDetail(state.sel);
  if (ctx.moveFocus && !state.sel && !state.x.length) $('graph-start').focus();
}

export function initGraph() {
  const checks = (container, values, labelKey) => fill(container, ...values.map((v) =>
    el('label', { class: 'check' }, el('input', { type: 'checkbox', value: v, checked: true }), ' ',
      el('span', { 'data-i18n': labelKey + v, text: t(labelKey + v) }))));
  checks($('graph-relations'), RELATIONS, 'rel.');
  checks($('graph-types'), ENTITY_TYPES, 'type.');
  // How many links and entities of each kind the index holds, when the server says (/api/stats).
  getOptional('/api/stats').then((stats) => {
    if (!stats) return;
    for (const [container, counts] of [[$('graph-relations'), stats.relations], [$('graph-types'), stats.entity_types]]) {
      for (const box of container.querySelectorAll('input')) {
        const n = counts && Number(counts[box.value]);
        box.parentElement.append(el('span', { class: 'check-count', text: Number.isFinite(n) ? String(n) : '0' }));
      }
    }
  }, () => {});

  attachAutocomplete($('graph-start'), { onPick: (e) => navigate({ x: [{ id: e.id, limit: HUB_CAP }], sel: { kind: 'node', id: e.id }, path: [] }) });
  attachAutocomplete($('graph-path-from'));
  attachAutocomplete($('graph-path-to'));

  $('graph-start-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = $('graph-start');
    if (!input.value.trim()) { input.focus(); return; }
    try {
      const e = await resolveEntity(input);
      if (!e) throw new Error(t('graph.notInGraph', { id: input.value.trim() }));
      navigate({ x: [{ id: e.id, limit: HUB_CAP }], sel: { kind: 'node', id: e.id }, path: [] });
    } catch (err) { showError(err); }
  });

  $('graph-filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const picked = (container) => {
      const boxes = [...container.querySelectorAll('input')];
      const on = boxes.filter((b) => b.checked).map((b) => b.value);
      return on.length === boxes.length || on.length === 0 ? [] : on; // all or none: no filter
    };
    const min = parseInt($('graph-min').value, 10);
    navigate({ rel: picked($('graph-relations')), type: picked($('graph-types')), from: cleanYear($('graph-from').value),
      to: cleanYear($('graph-to').value), min: min > 0 ? min : '' });
  });
  $('graph-reset').addEventListener('click', () => navigate({ rel: [], type: [], from: '', to: '', min: '' }));

  $('graph-path-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const [a, b] = await Promise.all([resolveEntity($('graph-path-from')), resolveEntity($('graph-path-to'))]);
      if (!a) throw new Error(t('graph.notInGraph', { id: $('graph-path-from').value.trim() || '?' }));
      if (!b) throw new Error(t('graph.notInGraph', { id: $('graph-path-to').value.trim() || '?' }));
      const hops = parseInt($('graph-hops').value, 10);
      navigate({ path: [a.id, b.id], hops: hops >= 1 && hops <= 6 ? hops : 4 });
    } catch (err) { showError(err); }
  });
  $('graph-path-clear').addEventListener('click', () => {
    $('graph-path-from').value = '';
    $('graph-path-to').value = '';
    delete $('graph-path-from').dataset.entityId;
    delete $('graph-path-to').dataset.entityId;
    navigate({ path: [] });
  });

  $('graph-undo').addEventListener('click', () => {
    const x = state.x.slice(0, -1);
    const sel = state.sel && state.sel.kind === 'node' && !x.length ? null : state.sel;
    navigate({ x, sel });
  });
  $('graph-clear').addEventListener('click', () => navigate({ x: [], sel: null, path: [] }));
  $('graph-fit').addEventListener('click', () => cy && cy.fit(undefined, 40));

  $('export-png').addEventListener('click', () => {
    download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 }), exportName('png'));
  });
  $('export-json').addEventListener('click', () => {
    const json = { ...cy.json(), policygraph: { url: location.href, exported: new Date().toISOString() } };
    download(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), exportName('json'));
  });
  $('export-graphml').addEventListener('click', () => {
    const nodes = cy.nodes().map((n) => n.data());
    const edges = cy.edges().map((e) => e.data());
    download(new Blob([toGraphML({ nodes, edges })], { type: 'application/graphml+xml' }), exportName('graphml'));
  });

  // Escape clears the selection (unless an autocomplete list took it).
  $('view-graph').addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !ev.defaultPrevented && state && state.sel) navigate({ sel: null });
  });
  // Keys on the canvas: +/- zoom, 0 fits; arrows move the selection to the
  // nearest node that way; Enter expands or collapses the selected node;
  // ] and [ step through the selected node's links (their evidence opens).
  $('cy').addEventListener('keydown', (ev) => {
    if (!cy) return;
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    if (ev.key === '+' || ev.key === '=') cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: centre });
    else if (ev.key === '-') cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: centre });
    else if (ev.key === '0') cy.fit(undefined, 40);
    else if (ev.key.startsWith('Arrow')) moveSelection(ev.key);
    else if (ev.key === 'Enter') toggleSelected();
    else if (ev.key === ']' || ev.key === '[') stepLink(ev.key === ']' ? 1 : -1);
    else return;
    ev.preventDefault();
  });
}

export const graphView = { render };
