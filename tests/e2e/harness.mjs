// Browser-test harness: indexes the bundled corpus into a temporary directory with the
// policygraph binary that ./test.sh built (build/server/policygraph; it builds nothing
// itself), serves it on an ephemeral port, and drives Debian's Chromium headless through
// playwright-core. The server is stopped on every exit path: after(), a signal, or the
// process exiting.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.POLICYGRAPH_BIN || path.join(ROOT, 'build', 'server', 'policygraph');
export const CHROMIUM = process.env.POLICYGRAPH_CHROMIUM || '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'build', 'e2e');

const CHROMIUM_ARGS = [
  '--no-sandbox', // running as root
  '--disable-gpu', '--disable-dev-shm-usage',
  // no network here, and nothing of the browser's own should try it
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-domain-reliability', '--disable-breakpad', '--metrics-recording-only',
  '--no-default-browser-check', '--disable-features=Translate,MediaRouter,OptimizationHints',
];

const running = new Set();
function killAll() {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch (_) { /* already gone */ }
  }
  running.clear();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { killAll(); process.exit(128 + (os.constants.signals[sig] || 0)); });
}

// Indexes corpus/ into a fresh temporary directory; returns {tmp, data}.
export function indexCorpus() {
  if (!fs.existsSync(BIN)) {
    throw new Error(`${BIN} not found: build it first (./test.sh builds before running these tests)`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-e2e-'));
  const data = path.join(tmp, 'data');
  const r = spawnSync(BIN, ['index', 'corpus/documents', '--data', data,
    '--gazetteer', 'corpus/gazetteer', '--glossary', 'corpus/glossary'], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`policygraph index failed (exit ${r.status}${r.signal ? ', ' + r.signal : ''}):\n${r.stderr}${r.stdout}`);
  }
  return { tmp, data };
}

// Starts `policygraph serve --port 0` and resolves with {url, stop()} once it prints the
// line "policygraph serving … on http://127.0.0.1:PORT/".
export function startServer(data, { timeoutMs = 20000 } = {}) {
  const child = spawn(BIN, ['serve', '--data', data, '--port', '0', '--host', '127.0.0.1',
    '--web', path.join(ROOT, 'server', 'web')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => { stderr += s; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => { running.delete(child); resolve({ code, signal }); }));

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop().finally(() => reject(new Error(`policygraph serve printed no URL within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`)));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s) => {
      stdout += s;
      const m = /policygraph serving .* on (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], port: Number(m[2]), stop, stderr: () => stderr });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`policygraph serve exited (${code ?? signal}) before serving\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/setup.sh does)`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
}

// A page that records what must not happen: requests to any other origin (answered with an
// abort), uncaught exceptions and Content-Security-Policy violations.
export async function newPage(browser, baseUrl, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: options.locale || 'en-US',
    serviceWorkers: 'block',
  });
  const origin = new URL(baseUrl).origin;
  const problems = { external: [], pageErrors: [], csp: [], consoleErrors: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (err) => problems.pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.csp.push(text);
    else if (msg.type() === 'error') problems.consoleErrors.push(text);
  });
  return { context, page, problems };
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
