// The pre-rendered page: the start page and the first question page are in index.html
// as the app itself draws them, so on a slow link people can read and start at once.
// It is the app's own drawing (a fresh capture equals the one built in), it shows the
// same text as the live page, and what people do before the app has started (a click on
// "Start a new assessment" or an example, typing, choosing a file) is not lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, watchContext, DIST } from './support.mjs';
import { capture } from '../../scripts/prerender.mjs';
import { EXPORT_FORMAT, SCHEMA_VERSION } from '../../scripts/app-facts.mjs';

const env = useBrowser();

/** A page whose wasm waits until `release()` is called (as on a slow link). */
async function slowStart() {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const record = await watchContext(context, env.server.origin);
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(/lia_bg\.wasm(\.gz)?$/, async (route) => {
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/`);
  return { context, record, page, release };
}

const prerendered = (page) => page.locator('[data-lia-prerendered]');
const ready = (page) => page.locator('[data-lia-widget][data-lia-ready="true"]').waitFor({ timeout: 30000 });
const live = (page, selector) =>
  page.evaluate((s) => document.querySelector('[data-lia-widget]').shadowRoot.querySelector(s)?.innerText ?? null, selector);

test('the pre-rendered page is the app’s own drawing: a fresh capture equals the one built in', async () => {
  const committed = (await readFile(new URL('../../scripts/prerendered.html', import.meta.url), 'utf8')).trim();
  const fresh = await capture(DIST);
  assert.equal(fresh, committed, 'scripts/prerendered.html is out of date: run ./dev prerender');
  const built = await readFile(`${DIST}/index.html`, 'utf8');
  assert.ok(built.includes(committed), 'the build put it into index.html');
});

test('before the app has started, the start page is there, and shows the same text as the live page', async () => {
  const { context, page, release } = await slowStart();
  try {
    const start = prerendered(page).locator('.lia-prerender__start');
    await start.getByRole('heading', { level: 1, name: 'Legitimate interests assessment' }).waitFor();
    assert.ok(await start.getByRole('button', { name: 'Start a new assessment' }).isVisible());
    const before = (await start.innerText()).trim();
    release();
    await ready(page);
    const after = (await live(page, 'main')).trim();
    // The same text, but for what is the visitor's own (their list, the storage they use),
    // which only the live page can show.
    const own = /^(The assessments saved in this browser are listed here once the tool has started\.|You have no saved assessments in this browser yet\.|This tool is using .*|Protect saved assessments with a passphrase)$/;
    const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l && !own.test(l));
    assert.deepEqual(lines(after), lines(before));
  } finally {
    await context.close();
  }
});

// "Start a new assessment" clicked before the app has loaded, and what is typed there
// kept: a journey of engines/journeys.mjs, in every engine (and clicked once it has
// loaded, by every other journey).

test('an example chosen before the app has loaded is opened once it has', async () => {
  const { context, page, release } = await slowStart();
  try {
    await prerendered(page).getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
    release();
    await ready(page);
    await page.getByRole('heading', { level: 1, name: "Employees' emergency contacts" }).waitFor();
    await page.getByRole('link', { name: 'Check your answers' }).waitFor();
  } finally {
    await context.close();
  }
});

test('a file chosen before the app has loaded is opened once it has', async () => {
  const { context, page, release } = await slowStart();
  try {
    const file = {
      format: EXPORT_FORMAT,
      schema_version: SCHEMA_VERSION,
      exported_at: '2026-11-26T10:00:00.000Z',
      assessment: { id: 'early-file', version: 1, status: 'draft', answers: { 'about.title': 'Chosen early' }, impacts: [] },
    };
    await prerendered(page)
      .getByLabel('Choose a file', { exact: true })
      .setInputFiles({ name: 'early.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    release();
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Chosen early' }).waitFor();
  } finally {
    await context.close();
  }
});
