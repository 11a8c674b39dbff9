// Helpers for the storage, recovery, tabs and file tests: one server and browser per
// test file, fresh watched contexts, seeding and reading localStorage, and the few
// interface steps every test repeats (start, type, open, wait for a save).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchContext, openApp } from './support.mjs';
import { SCHEMA_VERSION, DEFAULT_NAMESPACE, indexKey, recordKey, namespacePrefix, formatBytes } from '../../scripts/app-facts.mjs';

export { openApp };

// The record's format version, the key layout and `format_bytes`, from the generated
// scripts/app-facts.json (see scripts/app-facts.mjs for the rest).
export { SCHEMA_VERSION, recordKey, formatBytes };
/** The default namespace's index key. */
export const INDEX_KEY = indexKey();

/**
 * Starts the server and the browser before the file's tests and stops them after;
 * returns an object filled in once they run: `{ server, browser }`.
 */
export { useBrowser } from './support.mjs';

/**
 * A fresh context (its own localStorage), watched from before the first request, that
 * also records every dialog (alert, confirm, prompt) any of its pages opens.
 */
export async function freshContext(env, options = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...options });
  const record = await watchContext(context, env.server.origin);
  record.dialogs = [];
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
  });
  return { context, record };
}

/** A fresh context with one page on the app, ready. */
export async function freshApp(env, options = {}) {
  const { context, record } = await freshContext(env, options);
  const page = await context.newPage();
  await openApp(page, env.server.origin);
  return { context, record, page };
}

/**
 * Replaces this context's localStorage with `entries` (key → exact text) before the app
 * runs: written from an empty page of the same origin that is not the app.
 */
export async function seedStorage(context, origin, entries) {
  const url = `${origin}/__seed-storage`;
  const blank = (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>seed</title>' });
  await context.route(url, blank);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.evaluate((entries) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, entries);
  } finally {
    await page.close();
    await context.unroute(url, blank);
  }
}

/** Every localStorage entry of the page's origin, key → text, exactly as stored. */
export function dumpStorage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      out[key] = localStorage.getItem(key);
    }
    return out;
  });
}

/** The stored record of an assessment, parsed, or null. */
export async function storedRecord(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), recordKey(id));
  return raw === null ? null : JSON.parse(raw);
}

/**
 * Waits until the stored record of `id` satisfies `check(record)` (run here, in Node:
 * the app's Content Security Policy forbids compiling code in the page).
 */
export async function waitForStored(page, id, check, timeout = 5000) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    const raw = await page.evaluate((key) => localStorage.getItem(key), recordKey(id));
    last = raw === null ? null : JSON.parse(raw);
    if (last !== null && check(last)) return last;
    if (Date.now() > until) {
      throw new Error(`the stored record of ${id} did not become ${check} within ${timeout} ms: ${JSON.stringify(last)?.slice(0, 400)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** An assessment as the app stores it (answers keyed by question key). */
export function assessment(id, answers = {}, extra = {}) {
  return { id, version: 1, status: 'draft', answers, impacts: [], ...extra };
}

/** The stored text of a record, as `src/storage/record.rs` writes it. */
export function recordText(a, { revision = 1, savedAt = 1764000000000 } = {}) {
  return JSON.stringify({ schema_version: SCHEMA_VERSION, revision, saved_at: savedAt, assessment: a });
}

/** The id of the open assessment, from the URL hash `#/a/<id>…`. */
export function openId(page) {
  const hash = new URL(page.url()).hash;
  const match = /^#\/a\/([^/?]+)/.exec(hash);
  assert.ok(match, `an assessment is open (hash ${hash})`);
  return decodeURIComponent(match[1]);
}

/** "Start a new assessment" and wait for its first question page. */
export async function startNew(page) {
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Describe the processing' }).waitFor();
  await page.waitForFunction(() => /^#\/a\//.test(location.hash));
  return openId(page);
}

/** A text field by its question (the label), exactly. */
export function field(page, label) {
  return page.getByLabel(label, { exact: true });
}

/** Waits until the header says `text`. */
export async function waitForStatus(page, text, timeout = 5000) {
  await page.locator('#lia-save-status').filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout });
}

/** Opens a saved assessment by its id through the URL hash, on its task list or a section. */
export async function goTo(page, id, rest = '') {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/a/${id}${rest ? `/${rest}` : ''}`);
  await page.waitForFunction((hash) => location.hash === hash, `#/a/${id}${rest ? `/${rest}` : ''}`);
}

/** Back to the start page through the header link, and wait for it. */
export async function goToStart(page) {
  await page.locator('.lia-header__product').click();
  await page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
}

/** The text of the start page's storage line. */
export function storageUseLine(page) {
  return page.locator('#lia-storage-use');
}

/**
 * Sets a text control's value and fires one input event, then in the same task runs
 * `after` (a function, sent as source) in the page with `arg` (JSON) and returns its result. Nothing else
 * (no timer, no event) can run in between, so what `after` sees is what the event
 * handlers did synchronously. The whole is sent as one expression, compiled by the
 * browser's debugger, never by an `eval` in the page (which the app's CSP forbids).
 */
export function typeThen(page, selector, value, after, arg = null) {
  const run = (selector, value, after, arg) => {
    const host = document.querySelector('[data-lia-widget]');
    const control = host.shadowRoot.querySelector(selector);
    if (!control) throw new Error(`no ${selector}`);
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    return after(arg);
  };
  return page.evaluate(`(${run})(${JSON.stringify(selector)}, ${JSON.stringify(value)}, ${after}, ${JSON.stringify(arg)})`);
}

/** Bytes this namespace takes, counted as the app counts them (UTF-16 code units × 2). */
export function namespaceBytes(page, namespace = DEFAULT_NAMESPACE) {
  return page.evaluate((prefix) => {
    let total = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) total += 2 * (key.length + localStorage.getItem(key).length);
    }
    return total;
  }, namespacePrefix(namespace));
}

/** Fails the test if the context saw a page error (a panic shows as one), a console error or a dialog. */
export function assertNoErrors(record, what = 'the page') {
  assert.deepEqual(record.pageErrors, [], `page errors in ${what}`);
  assert.deepEqual(record.consoleErrors, [], `console errors in ${what}`);
  assert.deepEqual(record.dialogs ?? [], [], `dialogs in ${what}`);
}
