// Talking to the policygraph API: one place that turns every failure into an ApiError with
// a message a person can act on (the server's own message for 4xx/5xx).

import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status; // 0: no response
    this.code = code || '';
  }
}

// '/api/search' + {q: 'x', limit: 10, empty: ''} → '/api/search?q=x&limit=10' (empty values dropped).
export function apiUrl(path, params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = p.toString();
  return path + (qs ? '?' + qs : '');
}

export async function getJSON(url, options = {}) {
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal: options.signal });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError(t('error.network'), 0, 'network');
  }
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON: handled below */ }
  if (!res.ok) {
    const e = body && body.error;
    const message = e && typeof e.message === 'string' && e.message ? e.message : t('error.http', { status: res.status });
    throw new ApiError(message, res.status, e && e.code);
  }
  if (!body || typeof body !== 'object') throw new ApiError(t('error.unreadable'), res.status, 'unreadable');
  return body;
}

// GET once per URL for the life of the page (the index does not change under a running
// server); failures are not kept, so a retry asks again.
const cache = new Map();
export function getCached(url) {
  if (!cache.has(url)) {
    const p = getJSON(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return cache.get(url);
}

// Whether an optional route exists (404 → false); other failures are thrown.
export async function getOptional(url) {
  try {
    return await getCached(url);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
