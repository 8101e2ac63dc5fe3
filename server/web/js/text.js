// Text helpers shared by the views. Pure functions; no DOM.

// The API gives spans as UTF-8 byte offsets into a document's text; JavaScript strings count
// UTF-16 code units. utf8Index(text) returns toChar(byteOffset) → the string index at that
// byte (an offset inside a multi-byte character maps to the character's start; past the end,
// to text.length). Same byte counts as TextEncoder (a lone surrogate counts as U+FFFD, 3 bytes).
export function utf8Index(text) {
  const s = String(text);
  // bytesAt[i] = UTF-8 bytes before string index i, for every i that starts a code point.
  const starts = [];
  const bytesAt = [];
  let bytes = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i);
    starts.push(i);
    bytesAt.push(bytes);
    const units = cp > 0xffff ? 2 : 1;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += units;
  }
  const total = bytes;
  return function toChar(byteOffset) {
    const b = Number(byteOffset);
    if (!(b > 0)) return 0;
    if (b >= total) return s.length;
    let lo = 0;
    let hi = bytesAt.length - 1;
    while (lo < hi) { // last code point starting at or before b
      const mid = (lo + hi + 1) >> 1;
      if (bytesAt[mid] <= b) lo = mid; else hi = mid - 1;
    }
    return starts[lo];
  };
}

// Cuts [0, length) at every span boundary: segments [{start, end, spans: [span…]}] covering
// the whole range in order, each with the spans that cover it. Spans are {start, end, …}
// in string indexes; empty or out-of-range spans are dropped, overlapping ones both apply.
export function segment(length, spans) {
  const valid = spans.filter((sp) => sp.end > sp.start && sp.start < length && sp.end > 0)
    .map((sp) => ({ ...sp, start: Math.max(0, sp.start), end: Math.min(length, sp.end) }));
  const cuts = new Set([0, length]);
  for (const sp of valid) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    out.push({ start, end, spans: valid.filter((sp) => sp.start <= start && sp.end >= end) });
  }
  return out;
}

// A document's text as blocks: paragraphs separated by blank lines, and Markdown headings
// ("## …") as their own blocks. Offsets are string indexes into text, so spans can be
// placed inside them. [{kind: 'heading'|'paragraph', level, start, end}] (start/end exclude
// the "## " marker and surrounding white space).
export function blocks(text) {
  const s = String(text || '');
  const out = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g; // runs of non-blank lines
  let m;
  while ((m = re.exec(s))) {
    // A heading line inside a run becomes its own block.
    let offset = m.index;
    for (const line of m[0].split('\n')) {
      const h = /^(\s*)(#{1,6})\s+/.exec(line);
      if (h) {
        const start = offset + h[0].length;
        out.push({ kind: 'heading', level: h[2].length, start, end: offset + line.trimEnd().length });
      } else if (out.length && out[out.length - 1].kind === 'paragraph' && out[out.length - 1].run === m.index) {
        out[out.length - 1].end = offset + line.trimEnd().length;
      } else if (line.trim()) {
        const lead = line.length - line.trimStart().length;
        out.push({ kind: 'paragraph', start: offset + lead, end: offset + line.trimEnd().length, run: m.index });
      }
      offset += line.length + 1;
    }
  }
  return out.filter((b) => b.end > b.start).map(({ run, ...b }) => b);
}

// Lower-cases and strips diacritics (đ → d), for matching what a person typed.
export function fold(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// The language of a quoted sentence, for its `lang` attribute (screen
// readers switch voice by it): Vietnamese when it holds letters only
// Vietnamese uses (ă â đ ê ô ơ ư or a tone mark on a vowel), else English.
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
export function guessLang(text) {
  return VIETNAMESE_LETTERS.test(String(text).normalize('NFC')) ? 'vi' : 'en';
}
