// The single-file build: one HTML file whose policy allows no connection at all, and
// that runs served without a character set. (Opened from disk, it runs a whole
// assessment in the journey of engines/journeys.mjs, in every engine.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { SINGLE_FILE, launchBrowser } from './support.mjs';
import { contentSecurityPolicy, hashSource } from '../../scripts/app-facts.mjs';

let browser;

before(async () => {
  await fs.access(SINGLE_FILE); // built by ./dev test (or ./dev single) before the browser tests
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
