// The browser benchmark: sizes, start-up against a static baseline, typing, saving,
// exporting, 200 drafts, memory, the Word document. Prints a table with each budget,
// and writes it as JSON.
// Figures, not assertions: these machines are shared and noisy. Run through ./dev bench.
//
//   node scripts/bench.mjs <dist> <single-file> <fixture dir> <output json>
//   BENCH_ONLY=sizes,start node scripts/bench.mjs ...   (only those parts)
import { gzipSync } from 'node:zlib';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startServer, launchBrowser } from '../tests/browser/support.mjs';
import { indexKey, recordKey, unitBytes } from './app-facts.mjs';

const [DIST = 'dist', SINGLE = 'target/single-file/lia-assessment.html', FIXTURES = 'target/bench', OUT = 'target/bench/results.json'] =
  process.argv.slice(2);
const LOADS = 20;
const KEYSTROKES = 300;
const SAVES = 20;
const EXPORTS = 10;

// The units the app writes sizes in (format_bytes), from app-facts.json.
const KB = unitBytes('KB');
const MB = unitBytes('MB');
const median = (xs) => quantile(xs, 0.5);
function quantile(values, q) {
  const xs = [...values].sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const i = (xs.length - 1) * q;
  const lo = Math.floor(i);
  return xs[lo] + (xs[Math.ceil(i)] - xs[lo]) * (i - lo);
}
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const full = JSON.parse(await fs.readFile(path.join(FIXTURES, 'full.json'), 'utf8'));
const drafts = JSON.parse(await fs.readFile(path.join(FIXTURES, 'drafts.json'), 'utf8'));
const fullId = full.records[0].id;
const STYLE = await fs.readFile(new URL('../style/main.css', import.meta.url), 'utf8');
const PAGE_STYLE = await fs.readFile(path.join(DIST, 'page.css'), 'utf8');

const results = { date: new Date().toISOString(), figures: [] };
/** One line of the table: a figure, its unit, and the budget it is held against. */
function report(name, value, unit, budget, pass) {
  results.figures.push({ name, value: round(value, 2), unit, budget, pass });
}

// ---- size --------------------------------------------------------------------------
async function sizes() {
  const files = (await fs.readdir(DIST)).sort();
  const rows = [];
  let appGzip = 0;
  for (const name of files) {
    const bytes = await fs.readFile(path.join(DIST, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    rows.push({ file: name, raw: bytes.length, gzip });
    if (/\.(wasm|js|css)$/.test(name)) appGzip += gzip;
    report(`size: ${name}`, bytes.length / KB, `KB raw, ${round(gzip / KB)} KB gzip`, '', null);
  }
  const single = await fs.readFile(SINGLE);
  const singleGzip = gzipSync(single, { level: 9 }).length;
  results.sizes = { files: rows, appGzip, single: { raw: single.length, gzip: singleGzip } };
  report('size: wasm + js + css, gzip', appGzip / KB, 'KB', '≤ 200 KB', appGzip <= 200 * KB);
  report('size: single-file build', single.length / KB, `KB raw, ${round(singleGzip / KB)} KB gzip`, '', null);
}

// ---- helpers -----------------------------------------------------------------------
const server = await startServer(path.resolve(DIST), { '/bench/': path.resolve(FIXTURES) });
const browser = await launchBrowser();

/** A fresh context whose localStorage holds this fixture (before any page script). */
async function contextWith(fixture) {
  const entries = fixture
    ? [...fixture.records.map((r) => [recordKey(r.id), r.record]), [indexKey(), fixture.index]]
    : [];
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    // Seeding runs inside the page's own navigation, so its time is recorded and taken
    // off the ready time: a real visitor's drafts are already there.
    const started = performance.now();
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    for (const [key, value] of entries) localStorage.setItem(key, value);
    window.__liaSeedMs = performance.now() - started;
  }, entries);
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__liaWasm = e.detail.wasm;
    });
  });
  return context;
}

/** Milliseconds from navigation start to the app's "lia-ready" mark, less the time the
 * benchmark itself spent seeding localStorage. */
async function readyTime(page) {
  await page.waitForFunction(() => performance.getEntriesByName('lia-ready').length > 0, null, { timeout: 30000 });
  return page.evaluate(() => performance.getEntriesByName('lia-ready')[0].startTime - (window.__liaSeedMs || 0));
}

/** `LOADS` cold loads of `url`: the ready time of each, and where each load's time went
 * (the wasm received, the wasm compiled and running, our code's first page built). */
async function coldLoads(fixture, url, phases = []) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await contextWith(fixture);
    const page = await context.newPage();
    await page.goto(server.origin + url);
    times.push(await readyTime(page));
    phases.push(
      await page.evaluate(() => {
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        const at = (name) => performance.getEntriesByName(name)[0].startTime;
        return { wasmRequested: wasm.startTime, wasmReceived: wasm.responseEnd, main: at('lia-main'), ready: at('lia-ready') };
      }),
    );
    await context.close();
  }
  return times;
}

// ---- start -------------------------------------------------------------------------
async function start() {
  const questionPage = `/#/a/${fullId}/purpose`;
  const phases = [];
  const app = await coldLoads(full, questionPage, phases);

  // The baseline: the same question page as the app renders it, as static HTML.
  const context = await contextWith(full);
  const page = await context.newPage();
  await page.goto(server.origin + questionPage);
  await readyTime(page);
  const markup = await page.evaluate(() => document.querySelector('[data-lia-widget]').shadowRoot.innerHTML);
  await context.close();
  const baselineHtml = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Baseline</title>
<style>${PAGE_STYLE}\n${STYLE}</style></head><body><div class="lia-host">${markup}</div></body></html>`;
  await fs.writeFile(path.join(FIXTURES, 'baseline.html'), baselineHtml);
  const baseline = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.origin + '/bench/baseline.html', { waitUntil: 'load' });
    baseline.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await context.close();
  }
  const ratio = median(app) / median(baseline);
  results.start = { app, baseline, phases };
  report('start: app, median (navigation to question page interactive)', median(app), 'ms', '', null);
  report('start: app, p95', quantile(app, 0.95), 'ms', '', null);
  // Where the app's time goes (medians of each phase over the same loads).
  const phase = (f) => median(phases.map(f));
  report('start: app, navigation to wasm requested', phase((p) => p.wasmRequested), 'ms', '', null);
  report('start: app, wasm requested to received', phase((p) => p.wasmReceived - p.wasmRequested), 'ms', '', null);
  report('start: app, wasm received to running', phase((p) => p.main - p.wasmReceived), 'ms', '', null);
  report('start: app, running to question page built', phase((p) => p.ready - p.main), 'ms', '', null);
  report('start: static baseline, median', median(baseline), 'ms', '', null);
  report('start: static baseline, p95', quantile(baseline, 0.95), 'ms', '', null);
  report('start: ratio app / baseline (medians)', ratio, '×', '≤ 1.5 ×', ratio <= 1.5);
}

// ---- typing, save, export, memory (one session on the full assessment) ------------------
async function session() {
  const context = await contextWith(full);
  const page = await context.newPage();
  await page.goto(server.origin + `/#/a/${fullId}/purpose`);
  await readyTime(page);
  const field = page.getByLabel('Why do you want to process the data?');
  await field.focus();
  await field.press('End');
  // Keystroke to findings updated: from keydown until every reactive update it caused
  // (the outcome memo, the findings panel) has run, i.e. the next task after it.
  await page.evaluate(() => {
    window.__liaKeys = [];
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        setTimeout(() => window.__liaKeys.push(performance.now() - t0), 0);
      },
      true,
    );
  });
  const words = 'and we keep the data no longer than we need it ';
  const text = words.repeat(Math.ceil(KEYSTROKES / words.length)).slice(0, KEYSTROKES);
  await page.keyboard.type(text, { delay: 15 });
  await page.waitForTimeout(200);
  const typing = await page.evaluate(() => window.__liaKeys);
  const length = await field.evaluate((e) => e.value.length);
  report('typing: keystroke to findings updated, p50', median(typing), 'ms', '', null);
  report('typing: keystroke to findings updated, p95', quantile(typing, 0.95), 'ms', '≤ 16 ms', quantile(typing, 0.95) <= 16);
  results.typing = { samples: typing, answerLength: length };

  // The same measure on the static baseline page with the same 20,000-character answer
  // and no script: what the browser itself costs per keystroke on this machine now.
  const still = await browser.newPage();
  await still.goto(server.origin + '/bench/baseline.html');
  const plain = still.locator('#q-purpose-why');
  await plain.evaluate((e, value) => { e.value = value; }, await field.inputValue());
  await plain.focus();
  await plain.press('End');
  await still.evaluate(() => {
    window.__liaKeys = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      setTimeout(() => window.__liaKeys.push(performance.now() - t0), 0);
    }, true);
  });
  await still.keyboard.type(text, { delay: 15 });
  await still.waitForTimeout(200);
  const baselineTyping = await still.evaluate(() => window.__liaKeys);
  await still.close();
  report('typing: static baseline (no script), p50', median(baselineTyping), 'ms', '', null);
  report('typing: static baseline (no script), p95', quantile(baselineTyping, 0.95), 'ms', '', null);
  results.typing.baseline = baselineTyping;

  // Autosaves: one after each pause in typing.
  for (let i = 0; i < SAVES; i++) {
    await page.keyboard.type('.');
    await page.waitForTimeout(400);
  }
  const saves = await page.evaluate(() => performance.getEntriesByName('lia-save').map((e) => e.duration));
  report('save: one autosave of the full assessment, p50', median(saves), 'ms', '', null);
  report('save: one autosave of the full assessment, p95', quantile(saves, 0.95), 'ms', '≤ 10 ms', quantile(saves, 0.95) <= 10);
  results.save = saves;

  // Exports, from the task list.
  await page.getByRole('link', { name: 'Back to the task list' }).click();
  // The measure covers making the file; Chromium may hold back repeated downloads from
  // one page, so the clicks do not wait for each download.
  for (let i = 0; i < EXPORTS; i++) {
    for (const name of ['Download to open later (JSON)', 'Download the report (HTML)', 'Download as a Word document']) {
      await page.getByRole('button', { name }).click();
      await page.waitForTimeout(100);
    }
  }
  const json = await page.evaluate(() => performance.getEntriesByName('lia-export-json').map((e) => e.duration));
  const html = await page.evaluate(() => performance.getEntriesByName('lia-export-html').map((e) => e.duration));
  report('export: JSON of the full assessment, p95', quantile(json, 0.95), 'ms', '≤ 50 ms', quantile(json, 0.95) <= 50);
  report('export: HTML report of the full assessment, p95', quantile(html, 0.95), 'ms', '≤ 50 ms', quantile(html, 0.95) <= 50);
  const docx = await page.evaluate(() => performance.getEntriesByName('lia-export-docx').map((e) => e.duration));
  report('export: Word document of the full assessment, p95', quantile(docx, 0.95), 'ms', '≤ 50 ms', quantile(docx, 0.95) <= 50);
  results.export = { json, html, docx };

  // Memory after the whole session.
  const client = await context.newCDPSession(page);
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__liaWasm?.memory?.buffer?.byteLength ?? NaN);
  report('memory: JS heap used', usedSize / MB, 'MB', '', null);
  report('memory: wasm linear memory', wasmBytes / MB, 'MB', '', null);
  results.memory = { jsHeapUsed: usedSize, wasmMemory: wasmBytes };
  await context.close();
}

// ---- the Word document --------------------------------------------------------------
// What the Word export adds to the wasm (scripts/word-size.sh, run just before by ./dev
// bench), and the time to make the document in the browser for the housing example.
async function word() {
  const sizes = JSON.parse(await fs.readFile(new URL('../target/word-size/sizes.json', import.meta.url), 'utf8').catch(() => 'null'));
  if (sizes) {
    report('word: what the Word export adds to the wasm, gzip', (sizes.with.gzip - sizes.without.gzip) / KB, `KB (${round((sizes.with.raw - sizes.without.raw) / KB)} KB raw)`, '≤ 40 KB', sizes.with.gzip - sizes.without.gzip <= 40 * KB);
  } else {
    report('word: what the Word export adds to the wasm', NaN, 'not measured (run scripts/word-size.sh)', '', null);
  }
  const context = await contextWith(null);
  const page = await context.newPage();
  await page.goto(server.origin + '/');
  await readyTime(page);
  await page.getByRole('button', { name: "Start from this example: A housing association's e-mail marketing to tenants (as filled in)" }).click();
  await page.waitForFunction(() => /^#\/a\/[^/]+$/.test(location.hash));
  for (let i = 0; i < EXPORTS; i++) {
    await page.getByRole('button', { name: 'Download as a Word document' }).click();
    await page.waitForTimeout(100);
  }
  const docx = await page.evaluate(() => performance.getEntriesByName('lia-export-docx').map((e) => e.duration));
  report('word: Word document of the housing example, p50', median(docx), 'ms', '', null);
  report('word: Word document of the housing example, p95', quantile(docx, 0.95), 'ms', '≤ 50 ms', quantile(docx, 0.95) <= 50);
  results.word = { sizes, docx };
  await context.close();
}

// ---- many drafts -------------------------------------------------------------------
async function manyDrafts() {
  const none = await coldLoads(null, '/');
  const many = await coldLoads(drafts, '/');
  const extra = median(many) - median(none);
  report('drafts: start page ready, none saved, median', median(none), 'ms', '', null);
  report('drafts: start page ready, 200 saved, median', median(many), 'ms', '', null);
  report('drafts: extra time for 200 saved (medians)', extra, 'ms', '≤ 100 ms', extra <= 100);
  results.drafts = { none, many };
}

// BENCH_ONLY=start,drafts runs just those parts (sizes, start, session, drafts, word), for a
// quick look while working on one figure; without it every part runs.
const parts = { sizes, start, session, drafts: manyDrafts, word };
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const unknown = (only ?? []).filter((name) => !(name in parts));
if (unknown.length > 0) {
  await browser.close();
  await server.close();
  console.error(`BENCH_ONLY: no part called ${unknown.join(', ')} (the parts: ${Object.keys(parts).join(', ')})`);
  process.exit(2);
}
try {
  for (const [name, part] of Object.entries(parts)) if (!only || only.includes(name)) await part();
} finally {
  await browser.close();
  await server.close();
}

// ---- the table -----------------------------------------------------------------------
const width = Math.max(...results.figures.map((f) => f.name.length));
console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(9)}  unit                      budget      result`);
for (const f of results.figures) {
  const verdict = f.pass === null ? '' : f.pass ? 'pass' : 'MISS';
  console.log(`${f.name.padEnd(width)}  ${String(f.value).padStart(9)}  ${f.unit.padEnd(24)}  ${f.budget.padEnd(10)}  ${verdict}`);
}
await fs.mkdir(path.dirname(OUT), { recursive: true });
await fs.writeFile(OUT, JSON.stringify(results, null, 2));
console.log(`\nWritten to ${OUT}`);
