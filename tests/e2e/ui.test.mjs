// The web UI in headless Chromium against a real server over the bundled corpus (issue 5 §3).
// Each step leaves a screenshot in build/e2e/. Run by ./test.sh (npm test) after ctest.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { indexCorpus, launchBrowser, newPage, screenshot, SHOTS, startServer } from './harness.mjs';

let server;
let tmp;
let browser;
let page;
let problems;
let base;

before(async () => {
  const indexed = indexCorpus();
  tmp = indexed.tmp;
  server = await startServer(indexed.data);
  base = server.url;
  browser = await launchBrowser();
  ({ page, problems } = await newPage(browser, base));
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(hash) {
  await page.goto(base + hash);
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
}

// Where to click to select a graph element, in page coordinates, or null.
// A node: its centre. An edge: its midpoint, unless another edge or a node is
// what the renderer finds there (a force-directed layout may lay two edges
// over each other); then other points along it.
async function clickPoint(elementId) {
  return page.evaluate((id) => {
    const cy = window.pgCy;
    const ele = cy.getElementById(id);
    if (ele.empty()) return null;
    // Rendered positions count from the container's content box, inside its
    // border and padding, as the renderer projects a mouse event.
    const container = cy.container();
    const rect = container.getBoundingClientRect();
    const style = getComputedStyle(container);
    const box = {
      left: rect.left + container.clientLeft + parseFloat(style.paddingLeft),
      top: rect.top + container.clientTop + parseFloat(style.paddingTop),
    };
    const pan = cy.pan();
    const zoom = cy.zoom();
    // Points on the edge as drawn: parallel edges between two nodes are
    // curves through their control points, so the straight line between
    // the endpoints can cross a sibling edge instead. A point of the curve
    // (de Casteljau over endpoints and control points) that the renderer's
    // own hit test gives to this edge alone is where a user would click.
    const chain = ele.isNode() ? [] : [ele.renderedSourceEndpoint(), ...(ele.renderedControlPoints() || []),
      ele.renderedTargetEndpoint()];
    const onCurve = (f) => {
      let pts = chain;
      while (pts.length > 1) {
        pts = pts.slice(1).map((p, i) => ({ x: pts[i].x + (p.x - pts[i].x) * f, y: pts[i].y + (p.y - pts[i].y) * f }));
      }
      return pts[0];
    };
    const candidates = [ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint()];
    if (ele.isEdge()) {
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.35, 0.65, 0.2, 0.8]) candidates.push(onCurve(f));
    }
    // Chromium delivers a mouse event at whole CSS pixels, so a point a
    // fraction of a pixel from where another edge crosses can land on that
    // edge: take whole-pixel points whose neighbours one pixel away also hit
    // this edge alone.
    const hits = (x, y) => {
      const hit = cy.renderer().findNearestElement((x - box.left - pan.x) / zoom, (y - box.top - pan.y) / zoom, true, false);
      return hit && hit.id() === id;
    };
    for (const p of candidates) {
      const x = Math.round(box.left + p.x);
      const y = Math.round(box.top + p.y);
      if ([[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]].every(([dx, dy]) => hits(x + dx, y + dy))) return { x, y };
    }
    return null;
  }, elementId);
}

describe('web UI', () => {
  test('search "an ninh mang" shows highlighted hits for "an ninh mạng"', async () => {
    await open('#search');
    await page.locator('#q').fill('an ninh mang');
    await page.locator('#q').press('Enter');
    await page.locator('#results .hit').first().waitFor();
    assert.match(page.url(), /#search\?q=an\+ninh\+mang/);
    const marks = await page.locator('#results .hit .snippet mark').allTextContents();
    const folded = marks.map((m) => m.toLowerCase());
    assert.ok(folded.includes('mạng'), `expected a <mark>mạng</mark> among ${JSON.stringify(marks.slice(0, 12))}`);
    assert.ok(folded.includes('ninh'), 'expected <mark>ninh</mark>');
    await assert.doesNotReject(page.locator('#suggest a', { hasText: 'an ninh mạng' }).waitFor(), 'did-you-mean offers the diacritics');
    const status = await page.locator('#search-status').textContent();
    assert.match(status, /results? for “an ninh mang”/);
    // Each hit names its language and date.
    const meta = await page.locator('#results .hit').first().locator('.hit-meta').textContent();
    assert.match(meta, /VI|EN/);
    assert.match(meta, /\d{4}/);
    // More than one page: the pager links to page 2.
    await page.locator('#pager a', { hasText: '2' }).first().waitFor();
    await screenshot(page, '01-search.png');
  });

  test('a search result opens its document with its entities linked', async () => {
    const first = page.locator('#results .hit-title a').first();
    const title = (await first.textContent()).trim();
    await first.click();
    await page.locator('#view-doc').waitFor();
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    assert.equal((await page.locator('#doc-title').textContent()).trim(), title);
    assert.ok((await page.locator('#doc-text p').count()) > 0, 'the document has paragraphs');
    const chips = page.locator('#doc-entities a.chip');
    assert.ok((await chips.count()) > 0, 'entities are listed');
    assert.match(await chips.first().getAttribute('href'), /^#graph\?x=/);
    await screenshot(page, '02-document.png');
  });

  test('graph: open china (autocomplete, keyboard) and see its link to asean', async () => {
    await open('#graph');
    const input = page.locator('#graph-start');
    await input.fill('china');
    await page.locator('.ac-option[data-entity-id="china"]').waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
    await page.waitForFunction(() => window.pgCy && window.pgCy.getElementById('asean').nonempty());
    assert.match(page.url(), /x=china%3A30/);
    const between = await page.evaluate(() => window.pgCy.edges()
      .filter((e) => [e.data('source'), e.data('target')].sort().join() === 'asean,china').map((e) => e.data('relation')));
    assert.ok(between.includes('cooperation'), `china–asean relations: ${between}`);
    await page.locator('#graph-nodes button', { hasText: 'ASEAN' }).first().waitFor();
    // China is selected: its details are shown, its neighbourhood highlighted.
    await page.locator('#graph-detail h2', { hasText: 'China' }).waitFor();
    const faded = await page.evaluate(() => window.pgCy.$('.faded').length);
    assert.equal(faded, 0, 'china neighbours everything shown, so nothing is faded');
    await screenshot(page, '03-graph-china.png');
  });

  test('graph: click the china–asean edge and read its evidence', async () => {
    const id = 'asean|cooperation|china';
    const at = await clickPoint(id);
    assert.ok(at, `edge ${id} is drawn where a click reaches it`);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => location.hash.includes('sel=e%3A'));
    const selected = decodeURIComponent(new URL(page.url()).hash);
    assert.match(selected, /sel=e:(asean\|cooperation\|china|china\|cooperation\|asean)/, 'the click selected the edge');
    const items = page.locator('#graph-detail .evidence-item');
    await items.first().waitFor();
    assert.ok((await items.count()) >= 2, 'several evidence sentences');
    const text = await page.locator('#graph-detail').textContent();
    assert.match(text, /ASEAN/);
    assert.match(text, /China|Trung Quốc/);
    const docLink = items.first().locator('a[data-doc]');
    assert.match(await docLink.getAttribute('href'), /^#doc\/[^?]+\?hl=\d+-\d+/);
    await screenshot(page, '04-graph-evidence.png');

    // The evidence link opens the document with that sentence highlighted.
    const sentence = (await items.first().locator('blockquote').textContent()).trim();
    await docLink.click();
    const mark = page.locator('#doc-text mark.evidence');
    await mark.first().waitFor();
    const marked = (await mark.allTextContents()).join('').replace(/\s+/g, ' ').trim();
    assert.equal(marked, sentence.replace(/\s+/g, ' '));
    await screenshot(page, '05-evidence-in-document.png');
  });

  test('graph: the canvas works by keyboard (arrows, ] for a link, lang on evidence)', async () => {
    await open('#graph?x=china%3A30&sel=n%3Achina');
    await page.waitForFunction(() => window.pgCy && window.pgCy.nodes().length > 1);
    await page.locator('#cy').focus();
    // An arrow moves the selection off china to some other node.
    let moved = false;
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
      await page.keyboard.press(key);
      const sel = decodeURIComponent(new URL(page.url()).hash);
      if (/sel=n:/.test(sel) && !/sel=n:china(&|$)/.test(sel)) { moved = true; break; }
    }
    assert.ok(moved, 'an arrow key moved the selection to another node');
    // ] opens the selected node's strongest link and its evidence.
    await page.keyboard.press(']');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('sel=e:'));
    const quote = page.locator('#graph-detail .evidence-item blockquote').first();
    await quote.waitFor();
    assert.match(await quote.getAttribute('lang'), /^(vi|en)$/);
    await screenshot(page, '05b-graph-keyboard.png');
  });

  test('graph: expand, undo, hub cap and shortest path', async () => {
    await open('#graph?x=china%3A30');
    await page.waitForFunction(() => window.pgCy && window.pgCy.nodes().length > 1);
    const before = await page.evaluate(() => window.pgCy.nodes().length);
    // Expand ASEAN (a hub) from the list, by keyboard.
    await page.locator('#graph-nodes button', { hasText: 'ASEAN' }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#graph-detail button', { hasText: 'Expand neighbours' }).click();
    await page.waitForFunction((n) => window.pgCy.nodes().length > n, before);
    const expanded = await page.evaluate(() => window.pgCy.nodes().length);
    assert.ok(expanded <= before + 30, `a hub shows at most 30 new neighbours (${before} → ${expanded})`);
    assert.match(page.url(), /x=china%3A30%2Casean%3A30/);
    await page.locator('#graph-detail button', { hasText: /^Show 30 more$/ }).waitFor();
    await page.locator('#graph-undo').click();
    await page.waitForFunction((n) => window.pgCy.nodes().length === n, before);

    await page.locator('#graph-path-from').fill('China');
    await page.locator('#graph-path-to').fill('Vietnam');
    await page.locator('#graph-path-form button[type=submit]').click();
    await page.locator('#graph-path-result', { hasText: /Path of \d+ links/ }).waitFor();
    const pathNodes = await page.evaluate(() => window.pgCy.$('node.path').map((n) => n.id()));
    assert.ok(pathNodes.includes('china') && pathNodes.includes('vietnam'), `path nodes: ${pathNodes}`);
    await screenshot(page, '06-graph-path.png');
  });

  test('graph: a click lands on what is drawn after an alert pushes the canvas down', async () => {
    await open('#graph?x=china%3A30');
    await page.waitForFunction(() => window.pgCy && window.pgCy.getElementById('asean').nonempty());
    // The pointer crosses the canvas first, so the renderer has read where it sits.
    // (Scrolled to the top first, and two frames later, once the scroll event
    // that makes the renderer read its position again has gone by.)
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await page.locator('#cy').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + 5, box.y + 5);
    // A path between unknown names shows an alert above the page. (Submitted
    // without scrolling to the form: with the page scrolled, the browser keeps
    // the canvas where it was on screen and nothing moves.)
    await page.evaluate(() => {
      for (const [id, value] of [['graph-path-from', 'qqqzzzx'], ['graph-path-to', 'qqqzzzy']]) {
        const input = document.getElementById(id);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true })); // as typing does
      }
      document.getElementById('graph-path-form').requestSubmit();
    });
    await page.locator('#alert .alert-text').waitFor();
    const moved = await page.locator('#cy').boundingBox();
    assert.ok(moved.y > box.y, `the alert moved the canvas down (${box.y} → ${moved.y})`);
    const at = await clickPoint('asean');
    assert.ok(at, 'asean is drawn where a click reaches it');
    await page.mouse.click(at.x, at.y);
    await assert.doesNotReject(page.waitForFunction(() => decodeURIComponent(location.hash).includes('sel=n:'), null,
      { timeout: 5000 }), 'the click selected a node (not empty canvas beside it)');
    assert.match(decodeURIComponent(new URL(page.url()).hash), /sel=n:asean(&|$)/, 'the click selected the node under it');
  });

  test('graph: filters by link type, neighbourhood highlight, collapse', async () => {
    await open('#graph?x=china%3A30');
    await page.waitForFunction(() => window.pgCy && window.pgCy.nodes().length > 1);
    const relations = page.locator('#graph-relations input');
    for (let i = 0; i < await relations.count(); i++) {
      const box = relations.nth(i);
      if ((await box.getAttribute('value')) !== 'cooperation') await box.uncheck();
    }
    await page.locator('#graph-filters button[type=submit]').click();
    await page.waitForFunction(() => location.hash.includes('rel=cooperation'));
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    const rels = await page.evaluate(() => [...new Set(window.pgCy.edges().map((e) => e.data('relation')))]);
    assert.deepEqual(rels, ['cooperation'], 'only cooperation links remain');

    // Select a neighbour of a neighbour: what is not next to it fades.
    await open('#graph?x=china%3A30%2Casean%3A30&sel=n%3Ajapan');
    await page.waitForFunction(() => window.pgCy && window.pgCy.$('.faded').length > 0);
    const { faded, hoodFaded } = await page.evaluate(() => {
      const cy = window.pgCy;
      return { faded: cy.$('.faded').length, hoodFaded: cy.$id('japan').closedNeighborhood().filter('.faded').length };
    });
    assert.ok(faded > 0 && hoodFaded === 0, `faded ${faded}, of Japan's neighbourhood ${hoodFaded}`);
    assert.ok(await page.evaluate(() => window.pgCy.$id('laos').nonempty()), 'ASEAN brought in Laos');
    // Collapse ASEAN: what only it brought in goes, China's neighbours stay.
    await page.locator('#graph-nodes button', { hasText: 'ASEAN' }).first().click();
    await page.locator('#graph-detail button', { hasText: 'Collapse' }).click();
    await page.waitForFunction(() => location.hash.includes('x=china%3A30&') || location.hash.endsWith('x=china%3A30'));
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    const ids = await page.evaluate(() => window.pgCy.nodes().map((n) => n.id()));
    assert.ok(ids.includes('asean') && ids.includes('japan'), 'china\'s neighbours stay');
    assert.ok(!ids.includes('laos'), 'laos came with asean only');
  });

  test('partnerships: rows for the US, China and the EU; a cell opens its timeline', async () => {
    await open('#partners');
    const rows = await page.locator('#matrix tbody th[scope=row]').allTextContents();
    for (const name of ['United States', 'China', 'European Union']) {
      assert.ok(rows.includes(name), `row ${name} in ${JSON.stringify(rows)}`);
    }
    const cols = await page.locator('#matrix thead th').allTextContents();
    assert.ok(cols.includes('ASEAN'), 'an ASEAN column');
    const cell = page.locator('#matrix button.cell[data-partner="china"][data-member="asean"]');
    assert.ok(Number(await cell.textContent()) > 0, 'China–ASEAN has a weight');
    await cell.click();
    await page.locator('#pair-view h3', { hasText: 'China' }).waitFor();
    assert.ok((await page.locator('#pair-view .evidence-item').count()) > 0, 'the pair has dated evidence');
    assert.ok((await page.locator('#pair-view .year-chart li').count()) > 0, 'a per-year chart');
    await screenshot(page, '07-partnerships.png');

    // A year range narrows the matrix (the server recomputes weights).
    await page.locator('#partners-from').fill('2023');
    await page.locator('#partners-to').fill('2023');
    await page.locator('#partners-form button[type=submit]').click();
    await page.waitForFunction(() => location.hash.includes('from=2023'));
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    const narrowed = await page.locator('#matrix button.cell').count();
    await open('#partners');
    const all = await page.locator('#matrix button.cell').count();
    assert.ok(narrowed < all, `2023 only has fewer linked cells (${narrowed}) than all years (${all})`);
  });

  test('export the graph as PNG, JSON and GraphML', async () => {
    await open('#graph?x=china%3A30');
    await page.waitForFunction(() => window.pgCy && window.pgCy.nodes().length > 1);
    const files = {};
    for (const [button, ext] of [['#export-png', 'png'], ['#export-json', 'json'], ['#export-graphml', 'graphml']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      assert.equal(download.suggestedFilename(), `policygraph-china.${ext}`);
      const file = path.join(SHOTS, `export.${ext}`);
      fs.mkdirSync(SHOTS, { recursive: true });
      await download.saveAs(file);
      files[ext] = fs.readFileSync(file);
    }
    assert.ok(files.png.length > 2000, 'a PNG of some size');
    assert.deepEqual([...files.png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const json = JSON.parse(files.json.toString('utf8'));
    const ids = json.elements.nodes.map((n) => n.data.id);
    assert.ok(ids.includes('china') && ids.includes('asean'), 'JSON holds the nodes');
    const xml = files.graphml.toString('utf8');
    assert.match(xml, /<node id="china">/);
    assert.match(xml, /<edge id="[^"]+" source="asean" target="china">/);
    const parseError = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return doc.getElementsByTagName('parsererror').length ? doc.documentElement.textContent : '';
    }, xml);
    assert.equal(parseError, '', 'GraphML is well-formed XML');
  });

  test('a bad query shows an error message, not a blank page', async () => {
    await open('#search');
    await page.locator('#q').fill('"unclosed');
    await page.locator('#q').press('Enter');
    const alert = page.locator('#alert');
    await alert.locator('.alert-text').waitFor();
    assert.match(await alert.textContent(), /unclosed quote/);
    assert.ok(await page.locator('#search-form').isVisible(), 'the form stays');
    assert.ok(await page.locator('#search-results').isHidden(), 'no stale results');
    await screenshot(page, '08-bad-query.png');

    // Other 4xx: an unknown entity in the graph, a bad year filter.
    await open('#graph?x=no-such-entity%3A30');
    assert.match(await page.locator('#alert').textContent(), /no entity with id 'no-such-entity'/);
  });

  test('Vietnamese interface, kept in the URL', async () => {
    await open('#partners');
    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => location.hash.includes('ui=vi'));
    await page.locator('nav a[data-nav="search"]', { hasText: 'Tìm kiếm' }).waitFor();
    await page.locator('#matrix tbody th', { hasText: 'Trung Quốc' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await page.reload();
    await page.locator('h1#partners-heading', { hasText: 'Quan hệ đối tác' }).waitFor();
    await screenshot(page, '09-vietnamese.png');
    await page.locator('#lang-toggle').click();
    await page.locator('nav a[data-nav="search"]', { hasText: 'Search' }).waitFor();
  });

  test('keyboard: skip link first, visible focus, Escape closes suggestions', async () => {
    await open('#search');
    await page.reload(); // focus back at the start of the document
    await page.locator('#q').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.locator('#q').fill('trung');
    await page.locator('#q + .ac-list .ac-option').first().waitFor();
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('#q + .ac-list').isHidden(), 'Escape closes the list');
  });

  test('phone width (390px): no sideways scrolling', async () => {
    const phone = await newPage(browser, base, { viewport: { width: 390, height: 844 } });
    try {
      for (const [hash, shot] of [['#search?q=an+ninh+mang', '10-phone-search.png'], ['#graph?x=china%3A30', '11-phone-graph.png'],
        ['#partners?pair=china%2Casean', '12-phone-partners.png']]) {
        await phone.page.goto(base + hash);
        await phone.page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
        const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 391, `${hash}: page is ${width}px wide at 390px`);
        await screenshot(phone.page, shot);
      }
      assert.deepEqual(phone.problems.pageErrors, []);
    } finally {
      await phone.context.close();
    }
  });

  test('nothing loaded from another origin, no script errors, no CSP violations', () => {
    assert.deepEqual(problems.external, [], 'requests to other origins');
    assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions');
    assert.deepEqual(problems.csp, [], 'Content-Security-Policy violations');
    // The only console errors allowed are the failed fetches the bad-input steps caused.
    const unexpected = problems.consoleErrors.filter((m) => !/status of (400|404)/.test(m));
    assert.deepEqual(unexpected, [], 'console errors');
  });
});
