// The single-file build: one HTML file that works opened straight from disk. It runs a
// whole assessment, keeps and restores a draft, downloads both exports, and its policy
// allows no connection at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { SINGLE_FILE, launchBrowser } from './support.mjs';
import { EXPORT_FORMAT, contentSecurityPolicy, hashSource } from '../../scripts/app-facts.mjs';

let browser;
let url;

before(async () => {
  await fs.access(SINGLE_FILE); // built by ./dev test (or ./dev single) before the browser tests
  url = pathToFileURL(SINGLE_FILE).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('the file carries everything and allows no connection', async () => {
  const html = await fs.readFile(SINGLE_FILE, 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  // The privacy promise, stated here on its own (not read from the definition it checks).
  assert.match(policy, /connect-src 'none'/);
  assert.match(policy, /default-src 'none'/);
  assert.doesNotMatch(policy, /'unsafe-(eval|inline)'/);
  // And it is the single file's policy of src/csp.rs, with the hashes of the file's own
  // module script and stylesheet.
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1];
  const css = html.match(/<style>([\s\S]*?)<\/style>/)?.[1];
  assert.ok(loader !== undefined && css !== undefined, 'the file has its module script and its stylesheet');
  assert.equal(policy, contentSecurityPolicy('single_file', { 'loader-hash': [hashSource(loader)], 'css-hash': [hashSource(css)] }));
  // No reference to any other file or site.
  assert.doesNotMatch(html, /\s(src|href)="(?!data:)[^"#]/, 'no src or href except data: URLs');
});

test('opened from disk it runs a whole assessment, keeps the draft and downloads both exports', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const errors = [];
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__liaViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__liaViolations.push(e.violatedDirective));
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForSelector('[data-lia-ready="true"]', { timeout: 30000 });

    // A whole assessment: start from the complete emergency-contacts example, change
    // an answer, and approve it.
    await page.getByRole('button', { name: /Start from this example: Employees' emergency contacts/ }).click();
    await page.getByRole('link', { name: '1. Describe the processing' }).click();
    await page.getByLabel('What do you want to call this assessment?').fill('Emergency contacts (from disk)');
    await page.waitForTimeout(400);
    await page.getByRole('link', { name: 'Back to the task list' }).click();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    // Sent for approval (approving needs an approver, in their own browser).
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Send for approval' }).click()]);
    await page.locator('#lia-awaiting').filter({ hasText: /^Sent for approval on/ }).waitFor();

    // The draft survives a reload from disk.
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]', { timeout: 30000 });
    await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
    await page.locator('#lia-awaiting').filter({ hasText: /^Sent for approval on/ }).waitFor();
    await page.getByRole('link', { name: 'Back to the task list' }).click();
    await page.getByRole('heading', { name: 'Emergency contacts (from disk)', level: 1 }).waitFor();

    // Both exports download.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download to open later (JSON)' }).click(),
    ]);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the report (HTML)' }).click(),
    ]);
    const exported = JSON.parse(await fs.readFile(await json.path(), 'utf8'));
    assert.equal(exported.format, EXPORT_FORMAT);
    assert.equal(exported.assessment.status, 'draft');
    assert.equal(exported.assessment.handover.length, 1);
    assert.equal(exported.assessment.answers['about.title'], 'Emergency contacts (from disk)');
    const html = await fs.readFile(await report.path(), 'utf8');
    assert.match(html, /Emergency contacts \(from disk\)/);
    assert.match(report.suggestedFilename(), /^lia-emergency-contacts-from-disk-v1-round-1-sent-\d{4}-\d{2}-\d{2}\.html$/);

    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__liaViolations), []);
    const network = requests.filter((r) => !/^(blob|data|file):/.test(r));
    assert.deepEqual(network, [], 'nothing but the file itself');
  } finally {
    await context.close();
  }
});

// The file is windows-1252 (each byte of the packed wasm is one character). A server
// that sends it as text/html with no character set, or as windows-1252, leaves it as it
// is; one that says UTF-8 changes it, and then the file says so, and what to do, at once
// in place of its start page, rather than leaving dead buttons.
test('served over HTTP it runs without a character set, and says what to do when a server calls it UTF-8', async () => {
  const bytes = await fs.readFile(SINGLE_FILE);
  for (const [contentType, starts] of [
    ['text/html', true],
    ['text/html; charset=windows-1252', true],
    ['text/html; charset=utf-8', false],
  ]) {
    const context = await browser.newContext();
    try {
      await context.route('http://lia.test/**', (route) => route.fulfill({ status: 200, contentType, body: bytes }));
      const page = await context.newPage();
      await page.goto('http://lia.test/lia-assessment.html');
      if (starts) {
        await page.waitForSelector('[data-lia-ready="true"]', { timeout: 30000 });
        await page.getByRole('button', { name: 'Start a new assessment' }).click();
        await page.getByLabel('What do you want to call this assessment?').fill('Served');
        continue;
      }
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10000 });
      const text = await alert.textContent();
      assert.match(text, /could not start: the server sent this file as UTF-8 text/);
      assert.match(text, /Open the file straight from your computer/);
      assert.match(text, /without a character set \(or with charset=windows-1252\)/);
      assert.equal(await page.locator('[data-lia-prerendered]').count(), 0, 'the start page and its dead buttons are gone');
      assert.equal(await page.locator('[data-lia-ready="true"]').count(), 0);
    } finally {
      await context.close();
    }
  }
});
