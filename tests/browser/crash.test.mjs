// "Saved" means saved even if the whole browser dies: type, wait for "Saved" and then
// one to three seconds, kill Chromium's main process (SIGKILL, a persistent profile),
// start it again on the same profile, and the text is there. Chromium puts localStorage
// on disk only seconds after a write, so this holds only through the write-ahead
// journal in IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchPersistentChromium, killChromium } from './support.mjs';

// Without the journal nearly every trial loses the text (localStorage reaches the disk
// seconds later), so a few trials show a broken journal; LIA_CRASH_TRIALS=20 looks for
// a rarer race. (Each trial starts Chromium twice: about 15 s.)
const TRIALS = Number(process.env.LIA_CRASH_TRIALS ?? 6);
const env = {};

before(async () => {
  env.server = await startServer();
});
after(async () => {
  await env.server?.close();
});

/** Starts Chromium on a profile folder; returns its process and a CDP connection. */
async function launch(profile) {
  const running = await launchPersistentChromium(profile);
  return { ...running, context: running.browser.contexts()[0] };
}

const kill = killChromium;

const shadow = (page, selector) =>
  page.evaluate((s) => document.querySelector('[data-lia-widget]')?.shadowRoot?.querySelector(s)?.textContent ?? null, selector);

async function openTool(page) {
  await page.goto(env.server.origin);
  await page.locator('[data-lia-widget][data-lia-ready="true"]').waitFor();
}

test(`text "Saved" survives the browser being killed 1–3 s later (${TRIALS} trials)`, async () => {
  const lost = [];
  for (let trial = 1; trial <= TRIALS; trial++) {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'lia-crash-'));
    try {
      let running = await launch(profile);
      let page = await running.context.newPage();
      await openTool(page);
      await page.getByRole('button', { name: 'Start a new assessment' }).click();
      const title = page.getByLabel('What do you want to call this assessment?');
      await title.waitFor();
      // Type steadily for about two seconds, as a person would.
      const text = `Crash trial ${trial}: ${Math.random().toString(36).slice(2)} `.padEnd(60, 'x');
      await title.pressSequentially(text, { delay: 30 });
      await page.waitForFunction(
        () => document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#lia-save-status')?.textContent === 'Saved',
        null,
        { timeout: 10000 },
      );
      const wait = 1000 + Math.random() * 2000;
      await page.waitForTimeout(wait);
      await kill(running);

      running = await launch(profile);
      page = await running.context.newPage();
      await openTool(page);
      const found = await page
        .getByRole('link', { name: text.trim() })
        .waitFor({ timeout: 10000 })
        .then(() => true, () => false);
      if (!found) lost.push({ trial, waitedMs: Math.round(wait), shown: await shadow(page, '.lia-saved') });
      await kill(running);
    } finally {
      // The browser's helper processes may still be letting go of the profile.
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  }
  assert.deepEqual(lost, [], `text lost in ${lost.length} of ${TRIALS} trials`);
});
