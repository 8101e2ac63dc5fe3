// The web UI's pure modules (server/web/js/), in Node: byte offsets, URL state, GraphML,
// query filters, heat levels and the two interface languages. No browser, no server.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { blocks, fold, guessLang, segment, utf8Index } from '../../server/web/js/text.js';
import { cycle, nearestInDirection } from '../../server/web/js/canvas_keys.js';
import { cleanYear, formatExpansions, makeHash, parseExpansions, parseHash, parseSelection } from '../../server/web/js/route.js';
import { escapeXml, toGraphML } from '../../server/web/js/graphml.js';
import { _strings, setUiLang, t } from '../../server/web/js/i18n.js';
import { splitFilters, toggleFilter } from '../../server/web/js/search.js';
import { heatLevel } from '../../server/web/js/partners.js';

describe('utf8Index: UTF-8 byte offsets to string indexes', () => {
  const cases = [
    // text, byte offset, string index (TextEncoder agrees, checked below)
    ['abc', 0, 0], ['abc', 2, 2], ['abc', 3, 3], ['abc', 99, 3],
    ['Việt Nam', 1, 1], ['Việt Nam', 2, 2], ['Việt Nam', 5, 3], ['Việt Nam', 6, 4], // ệ is 3 bytes
    ['Việt Nam', 3, 2], ['Việt Nam', 4, 2], // inside ệ: its start
    ['an ninh mạng', 12, 10], ['an ninh mạng', 14, 12],
    ['a😀b', 1, 1], ['a😀b', 5, 3], ['a😀b', 6, 4], // the emoji is 4 bytes, 2 UTF-16 units
    ['', 0, 0], ['x', -1, 0],
  ];
  for (const [text, byte, index] of cases) {
    test(`${JSON.stringify(text)} @${byte} → ${index}`, () => assert.equal(utf8Index(text)(byte), index));
  }
  test('agrees with TextEncoder at every character start', () => {
    const text = 'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân — 😀 ok';
    const toChar = utf8Index(text);
    for (let i = 0; i <= text.length; i++) {
      if (i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i])) continue; // inside a pair
      const bytes = new TextEncoder().encode(text.slice(0, i)).length;
      assert.equal(toChar(bytes), i, `index ${i}`);
    }
  });
});

describe('segment: cutting text at span boundaries', () => {
  test('covers the range in order, each piece with the spans over it', () => {
    const a = { start: 2, end: 6, id: 'a' };
    const b = { start: 4, end: 8, id: 'b' };
    const out = segment(10, [a, b]).map((s) => [s.start, s.end, s.spans.map((x) => x.id).join('')]);
    assert.deepEqual(out, [[0, 2, ''], [2, 4, 'a'], [4, 6, 'ab'], [6, 8, 'b'], [8, 10, '']]);
  });
  test('drops empty and out-of-range spans, clips the rest', () => {
    const out = segment(5, [{ start: 3, end: 3 }, { start: 7, end: 9 }, { start: -2, end: 2, id: 'c' }]);
    assert.deepEqual(out.map((s) => [s.start, s.end, s.spans.length]), [[0, 2, 1], [2, 5, 0]]);
  });
});

describe('blocks: paragraphs and headings with their offsets', () => {
  test('blank lines part paragraphs; "## " lines are headings', () => {
    const text = 'First line\nsame paragraph.\n\n## Heading two\nAfter it.\n\n\nLast.';
    const got = blocks(text).map((b) => [b.kind, text.slice(b.start, b.end)]);
    assert.deepEqual(got, [['paragraph', 'First line\nsame paragraph.'], ['heading', 'Heading two'],
      ['paragraph', 'After it.'], ['paragraph', 'Last.']]);
    assert.equal(blocks(text)[1].level, 2);
  });
  test('empty text has no blocks', () => assert.deepEqual(blocks(''), []));
});

test('fold strips diacritics and đ', () => {
  assert.equal(fold('An Ninh Mạng'), 'an ninh mang');
  assert.equal(fold('Đông Nam Á'), 'dong nam a');
});

describe('URL state', () => {
  const cases = [
    ['', 'search', null, ''],
    ['#search?q=an+ninh', 'search', null, 'q=an+ninh'],
    ['#doc/asean-2022?hl=10-20', 'doc', 'asean-2022', 'hl=10-20'],
    ['#doc/a%2Fb', 'doc', 'a/b', ''],
    ['#graph?x=china%3A30', 'graph', null, 'x=china%3A30'],
    ['#partners', 'partners', null, ''],
    ['#q=old+style&offset=10', 'search', null, 'q=old+style&offset=10'], // links of the first UI
    ['#doc=legacy-id', 'doc', 'legacy-id', ''],
    ['#nonsense?x=1', 'search', null, 'x=1'],
    ['#doc/', 'search', null, ''],
    ['#doc/%E0%A4%A', 'doc', '%E0%A4%A', ''], // malformed escape: kept as typed
  ];
  for (const [hash, view, id, params] of cases) {
    test(`parseHash ${JSON.stringify(hash)}`, () => {
      const p = parseHash(hash);
      assert.deepEqual([p.view, p.id, p.params.toString()], [view, id, params]);
    });
  }
  test('makeHash leaves out empty values and round-trips', () => {
    const h = makeHash('graph', null, { x: 'china:30', rel: ['cooperation', 'basis'], from: '', sel: null, min: 2 });
    assert.equal(h, '#graph?x=china%3A30&rel=cooperation%2Cbasis&min=2');
    assert.equal(parseHash(h).params.get('rel'), 'cooperation,basis');
    assert.equal(makeHash('doc', 'a b', {}), '#doc/a%20b');
    assert.equal(parseHash(makeHash('doc', 'a b', {})).id, 'a b');
  });
  test('expansions keep their order and limits, once each', () => {
    const x = parseExpansions('china:30,asean:60,japan,china:90,bad:x, :5', 30);
    assert.deepEqual(x, [{ id: 'china', limit: 30 }, { id: 'asean', limit: 60 }, { id: 'japan', limit: 30 },
      { id: 'bad:x', limit: 30 }, { id: ':5', limit: 30 }]);
    assert.equal(formatExpansions(x.slice(0, 2)), 'china:30,asean:60');
    assert.deepEqual(parseExpansions('', 30), []);
  });
  test('selection of a node or an edge', () => {
    assert.deepEqual(parseSelection('n:china'), { kind: 'node', id: 'china' });
    assert.deepEqual(parseSelection('e:asean|cooperation|china'),
      { kind: 'edge', source: 'asean', relation: 'cooperation', target: 'china', id: 'asean|cooperation|china' });
    for (const bad of ['', 'n:', 'e:a|b', 'e:a||c', 'x:y']) assert.equal(parseSelection(bad), null, bad);
  });
  test('cleanYear keeps four digits only', () => {
    assert.deepEqual(['2022', ' 2021 ', '22', '20222', 'abcd', ''].map(cleanYear), ['2022', '2021', '', '', '', '']);
  });
});

describe('GraphML', () => {
  const graph = {
    nodes: [{ id: 'china', label: 'China', name_vi: 'Trung Quốc', type: 'country', discovered: false },
      { id: 'd-x', label: 'A & B <"Act">', type: 'law', discovered: true, wikidata: null }],
    edges: [{ id: 'china|basis|d-x', source: 'china', target: 'd-x', relation: 'basis', weight: 2, evidence_count: 3, first_date: '2021' },
      { id: 'dangling', source: 'china', target: 'nowhere', relation: 'co_mention', weight: 1 }],
  };
  const xml = toGraphML(graph);
  test('declares its keys and writes nodes and edges with their data', () => {
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
    assert.match(xml, /<key id="n_label" for="node" attr.name="label" attr.type="string"\/>/);
    assert.match(xml, /<key id="e_weight" for="edge" attr.name="weight" attr.type="double"\/>/);
    assert.match(xml, /<graph id="policygraph" edgedefault="directed">/);
    assert.match(xml, /<node id="china">\n {6}<data key="n_label">China<\/data>\n {6}<data key="n_name_vi">Trung Quốc<\/data>/);
    assert.match(xml, /<data key="n_discovered">true<\/data>/);
    assert.match(xml, /<edge id="china\|basis\|d-x" source="china" target="d-x">/);
    assert.match(xml, /<data key="e_weight">2<\/data>/);
  });
  test('escapes markup and leaves out missing values and dangling edges', () => {
    assert.match(xml, /<data key="n_label">A &amp; B &lt;&quot;Act&quot;&gt;<\/data>/);
    assert.doesNotMatch(xml, /n_wikidata">/);
    assert.doesNotMatch(xml, /dangling/);
    assert.equal((xml.match(/<node /g) || []).length, 2);
    assert.equal((xml.match(/<edge /g) || []).length, 1);
  });
  test('escapeXml drops characters XML cannot hold', () => {
    assert.equal(escapeXml('a\u0001b\uFFFEc\tok'), 'abc\tok');
    assert.equal(escapeXml('x\uD800y'), 'xy');
    assert.equal(escapeXml('😀'), '😀');
  });
});

describe('query filters for facets', () => {
  test('splitFilters keeps phrases whole', () => {
    assert.deepEqual(splitFilters('"an ninh" mạng lang:vi -year:2020 entity:china'),
      { filters: ['lang:vi', '-year:2020', 'entity:china'], words: ['"an ninh"', 'mạng'] });
  });
  test('toggleFilter adds, then removes', () => {
    const q1 = toggleFilter('an ninh mạng', 'lang:vi');
    assert.equal(q1, 'an ninh mạng lang:vi');
    assert.equal(toggleFilter(q1, 'year:2022'), 'an ninh mạng lang:vi year:2022');
    assert.equal(toggleFilter(q1, 'LANG:vi'), 'an ninh mạng');
  });
});

test('heatLevel: 0 for no link, 1..5 relative to the strongest', () => {
  assert.deepEqual([0, 1, 2, 6, 12, 13].map((w) => heatLevel(w, 12)), [0, 1, 1, 3, 5, 5]);
  assert.equal(heatLevel(3, 0), 0);
});

describe('interface text', () => {
  test('English and Vietnamese hold the same keys', () => {
    const en = Object.keys(_strings.en).sort();
    const vi = Object.keys(_strings.vi).sort();
    assert.deepEqual(en.filter((k) => !vi.includes(k)), [], 'missing in Vietnamese');
    assert.deepEqual(vi.filter((k) => !en.includes(k)), [], 'missing in English');
  });
  test('placeholders match between the languages', () => {
    const vars = (s) => (s.match(/\{\w+\}/g) || []).sort().join();
    for (const k of Object.keys(_strings.en)) assert.equal(vars(_strings.vi[k] || ''), vars(_strings.en[k]), k);
  });
  test('t() fills variables in the chosen language', () => {
    setUiLang('vi');
    assert.equal(t('search.none', { q: 'x' }), 'Không có kết quả cho “x”.');
    setUiLang('en');
    assert.equal(t('search.none', { q: 'x' }), 'No results for “x”.');
    assert.equal(t('no.such.key'), 'no.such.key');
  });
});

describe('canvas keys: arrows move to the nearest node that way', () => {
  const nodes = [
    { id: 'a', x: 100, y: 100 }, { id: 'right-near', x: 150, y: 110 }, { id: 'right-far', x: 300, y: 100 },
    { id: 'up', x: 100, y: 20 }, { id: 'diag', x: 160, y: 170 }, { id: 'left', x: 10, y: 100 },
  ];
  const from = nodes[0];
  test('right: the nearer of two', () => assert.equal(nearestInDirection(from, nodes, 'ArrowRight').id, 'right-near'));
  test('up: straight up', () => assert.equal(nearestInDirection(from, nodes, 'ArrowUp').id, 'up'));
  test('left', () => assert.equal(nearestInDirection(from, nodes, 'ArrowLeft').id, 'left'));
  test('down: within 45° only', () => assert.equal(nearestInDirection(from, nodes, 'ArrowDown').id, 'diag'));
  test('nothing that way', () => assert.equal(nearestInDirection({ id: 'z', x: 1000, y: 100 }, nodes, 'ArrowRight'), null));
  test('other keys move nowhere', () => assert.equal(nearestInDirection(from, nodes, 'Enter'), null));
  test('cycle wraps both ways and starts at an end', () => {
    assert.equal(cycle(['x', 'y', 'z'], 'z', 1), 'x');
    assert.equal(cycle(['x', 'y', 'z'], 'x', -1), 'z');
    assert.equal(cycle(['x', 'y', 'z'], null, 1), 'x');
    assert.equal(cycle(['x', 'y', 'z'], null, -1), 'z');
    assert.equal(cycle([], null, 1), null);
  });
});

describe('guessLang: the language of an evidence sentence', () => {
  test('Vietnamese', () => assert.equal(guessLang('Việt Nam hợp tác với Nhật Bản.'), 'vi'));
  test('Vietnamese in NFD', () => assert.equal(guessLang('Vie\u0302\u0323t Nam'), 'vi'));
  test('English', () => assert.equal(guessLang('Japan signed the agreement.'), 'en'));
  test('English with a borrowed name', () => assert.equal(guessLang('The ASEAN Summit in Manila.'), 'en'));
});

