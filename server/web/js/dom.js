// Small DOM helpers. Text always goes in through textContent; the only HTML the UI inserts is
// a search snippet, re-escaped by sanitizeSnippet so that nothing but <mark> survives.

import { t, uiLang } from './i18n.js';

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = String(v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'hidden' || k === 'disabled' || k === 'checked') node[k] = Boolean(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

// Replaces a node's children; arrays are flattened, null/undefined/false left out.
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false)
    .map((c) => (c instanceof Node ? c : String(c))));
  return node;
}

// Sets lang (so screen readers pronounce Vietnamese as Vietnamese) for sane language tags only.
export function setLang(node, lang) {
  if (typeof lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) node.lang = lang;
  else node.removeAttribute('lang');
}

// Snippets arrive HTML-escaped with <mark> tags. Escape everything again except literal
// <mark>/</mark> tags (split out first) and well-formed character references (so "&amp;" is
// not shown as "&amp;amp;"; a character reference can never produce markup).
export function sanitizeSnippet(html) {
  const escape = (s) => s
    .replace(/&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)/g, '&amp;')
    .replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return String(html).split(/(<\/?mark>)/).map((part, i) => (i % 2 ? part : escape(part))).join('');
}

// An entity's name in the interface language.
export function entityName(entity, fallbackId) {
  if (!entity) return fallbackId || '';
  if (uiLang() === 'vi' && entity.name_vi) return entity.name_vi;
  return entity.name || entity.name_vi || entity.id || fallbackId || '';
}

// The other language's name, when it differs.
export function otherName(entity) {
  if (!entity) return '';
  const other = uiLang() === 'vi' ? entity.name : entity.name_vi;
  return other && other !== entityName(entity) ? other : '';
}

// Offers a Blob as a file download (same origin; nothing leaves the browser).
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// Puts the message in the page's alert region (role=alert, so it is announced).
export function showError(err) {
  const box = $('alert');
  if (!box) return;
  const message = err && err.message ? err.message : String(err || '');
  box.replaceChildren();
  if (message) {
    box.append(el('p', { class: 'alert-text', text: message }),
      el('button', { type: 'button', class: 'alert-close', 'aria-label': t('close'), text: '×', onclick: () => box.replaceChildren() }));
  }
}

export function clearError() { const box = $('alert'); if (box) box.replaceChildren(); }
