// Links between views. Every link carries the interface language when it is not the default,
// so a shared URL opens in the language it was shared in.

import { makeHash } from './route.js';
import { uiLang } from './i18n.js';

export function href(view, id, params) {
  const p = { ...(params || {}) };
  if (uiLang() !== 'en') p.ui = uiLang();
  return makeHash(view, id, p);
}

// Navigates (adds a history entry); a hash equal to the current one re-renders all the same.
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
