// The URL hash holds every view's state, so a view can be shared, reloaded and walked with
// back/forward. Pure functions; no DOM.
//
//   #search?q=an+ninh&offset=10&group=document     search results
//   #doc/ID?hl=120-245                              a document, a byte span highlighted
//   #graph?x=china:30,asean:60&rel=cooperation&sel=e:asean|cooperation|china&path=china,vietnam
//   #partners?from=2020&to=2022&pair=china,asean
//   any of them &ui=vi                              interface language
//
// Older links (#q=…&offset=…, #doc=ID) still open the same views.

export const VIEWS = ['search', 'doc', 'graph', 'partners'];

export function parseHash(hash) {
  const s = String(hash || '').replace(/^#/, '');
  let path = s;
  let query = '';
  const qi = s.indexOf('?');
  if (qi >= 0) {
    path = s.slice(0, qi);
    query = s.slice(qi + 1);
  } else if (s.includes('=')) {
    path = '';
    query = s;
  }
  const params = new URLSearchParams(query);
  const slash = path.indexOf('/');
  let view = slash >= 0 ? path.slice(0, slash) : path;
  let id = null;
  if (slash >= 0) {
    try {
      id = decodeURIComponent(path.slice(slash + 1)) || null;
    } catch (_) {
      id = path.slice(slash + 1) || null;
    }
  }
  if (!view && params.get('doc')) {
    view = 'doc';
    id = params.get('doc');
    params.delete('doc');
  }
  if (!VIEWS.includes(view)) view = 'search';
  if (view === 'doc' && !id) view = 'search';
  return { view, id, params };
}

// makeHash('search', null, {q: 'x', offset: 0}) → '#search?q=x&offset=0'. Empty values
// (undefined, null, '', empty arrays) are left out.
export function makeHash(view, id, params) {
  const p = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params || {});
  for (const [k, v] of entries) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = p.toString();
  return '#' + view + (id ? '/' + encodeURIComponent(id) : '') + (qs ? '?' + qs : '');
}

// Graph expansions: "china:30,asean:60" ⇄ [{id: 'china', limit: 30}, …]. Order matters: the
// first is the entity the exploration started from, the last is what "undo" takes back.
export function parseExpansions(value, defaultLimit) {
  const out = [];
  const seen = new Set();
  for (const part of String(value || '').split(',')) {
    const s = part.trim();
    if (!s) continue;
    const colon = s.lastIndexOf(':');
    let id = s;
    let limit = defaultLimit;
    if (colon > 0) {
      const n = parseInt(s.slice(colon + 1), 10);
      if (String(n) === s.slice(colon + 1) && n > 0) {
        id = s.slice(0, colon);
        limit = n;
      }
    }
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, limit });
  }
  return out;
}

export function formatExpansions(list) {
  return list.map((e) => `${e.id}:${e.limit}`).join(',');
}

// A selected graph element in the URL: "n:china" or "e:asean|cooperation|china".
export function parseSelection(value) {
  const s = String(value || '');
  if (s.startsWith('n:') && s.length > 2) return { kind: 'node', id: s.slice(2) };
  if (s.startsWith('e:')) {
    const parts = s.slice(2).split('|');
    if (parts.length === 3 && parts.every(Boolean)) {
      return { kind: 'edge', source: parts[0], relation: parts[1], target: parts[2], id: edgeId(parts[0], parts[1], parts[2]) };
    }
  }
  return null;
}

export function edgeId(source, relation, target) { return `${source}|${relation}|${target}`; }

// Years typed into a form: a 4-digit year or nothing.
export function cleanYear(value) {
  const s = String(value || '').trim();
  return /^\d{4}$/.test(s) ? s : '';
}
