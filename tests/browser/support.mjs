// Shared harness for the browser tests: a static server for the release build, a
// Chromium launched the way this machine needs it, and watchers for errors and requests.
import http from 'node:http';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

export const DIST = process.env.LIA_DIST ?? path.resolve(import.meta.dirname, '../../dist');
export const OUTPUT = path.resolve(import.meta.dirname, '../../test-output');
export const DEMO = path.resolve(import.meta.dirname, '../../demo');
export const SINGLE_FILE =
  process.env.LIA_SINGLE_FILE ?? path.resolve(import.meta.dirname, '../../target/single-file/lia-assessment.html');

/** Requests that leave the page: not blob: or data: URLs, which never touch the network. */
export function networkRequests(record) {
  return record.requests.filter((r) => !/^(blob|data):/.test(r.url));
}

/** Records Content Security Policy violations, from before the page's first script. */
export async function watchPolicy(context) {
  await context.addInitScript(() => {
    window.__liaViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__liaViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI });
    });
  });
}

export function violations(page) {
  return page.evaluate(() => window.__liaViolations ?? []);
}

/** The media type each file is served with. */
export const TYPES = {
  // No character set, as nginx, Apache and IIS send static pages by default: each page
  // says its own (the single file is windows-1252).
  '.html': 'text/html',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.gz': 'application/gzip',
};

/** What a server compresses when asked to (`gzip: true`): text and plain wasm, as a
 * server set up for it would; an already packed file (.gz) is sent as it is. */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|wasm)$/;

/**
 * Serves `root` on 127.0.0.1 at a free port, and each `mounts` entry (URL prefix →
 * directory) beside it; records every request it receives. With `gzip`, responses are
 * compressed for clients that accept it (as many intranet servers do not by default).
 */
export async function startServer(root = DIST, mounts = {}, { gzip = false } = {}) {
  const received = [];
  const server = http.createServer(async (req, res) => {
    received.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? path.resolve(mounts[mount]) : root;
    let file = path.join(base, mount ? pathname.slice(mount.length) : pathname);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      let body = await fs.readFile(file);
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (gzip && COMPRESSIBLE.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Debian's Chromium; never downloads a browser. */
export const CHROMIUM = process.env.LIA_CHROMIUM ?? '/usr/bin/chromium';

/**
 * What the tests drive: Debian's Chromium headless shell (the package
 * chromium-headless-shell, the same Chromium release and the same Blink and V8, without
 * the desktop browser around them, as Playwright's own headless mode uses), where it is
 * installed. A new context with the app open costs about a third of the CPU it costs in
 * the full browser (0.54 s against 1.55 s here), and the suite is bound by CPU
 * (docs/performance.md). The full browser stays where it is what is tested: the crash
 * test kills it on a profile folder (run with the shell, all six trials found nothing
 * after the restart), and the benchmark measures it. `LIA_CHROMIUM_TESTS` chooses another.
 */
export const CHROMIUM_TESTS =
  process.env.LIA_CHROMIUM_TESTS ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : CHROMIUM);

/** The flags this machine's closed network needs. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium the tests drive (`CHROMIUM_TESTS`), launched by Playwright; `full` for the full browser. */
export function launchBrowser({ full = false } = {}) {
  return chromium.launch({ executablePath: full ? CHROMIUM : CHROMIUM_TESTS, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * Chromium on a profile folder as a process of our own, so a test can kill its main
 * process as a crash would; returns the process and a CDP connection to it.
 */
export async function launchPersistentChromium(profile, { timeout = 20000 } = {}) {
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_FLAGS, '--no-default-browser-check', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), timeout);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  child.stderr.resume();
  return { child, browser: await chromium.connectOverCDP(endpoint) };
}

/** Kills Chromium's main process outright, as a crash or a power cut would. */
export async function killChromium({ child, browser }) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  await browser.close().catch(() => {});
}

/**
 * Records console errors, page errors and every request a context makes, each request
 * with the time it was seen. Requests to other origins are aborted (after being recorded),
 * so a test never depends on the outside world.
 */
export async function watchContext(context, origin) {
  const record = { consoleErrors: [], pageErrors: [], requests: [] };
  context.on('request', (request) => {
    record.requests.push({ url: request.url(), at: performance.now() });
  });
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
  context.on('page', (page) => watchPage(page, record));
  return record;
}

function watchPage(page, record) {
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(String(error)));
}

/**
 * A local server for the build (plus any `mounts`) and one Chromium for the test file,
 * started before its tests and closed after them. Use `env.server` and `env.browser`.
 */
export function useBrowser(mounts = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(DIST, mounts);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens the app and waits until the widget says it is mounted; returns when that happened. */
export async function openApp(page, origin, pathname = '/') {
  await page.goto(origin + pathname);
  await page.waitForSelector('[data-lia-ready="true"]', { timeout: 15000 });
  return performance.now();
}
