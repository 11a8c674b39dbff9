// Smoke tests of the release build: the app mounts, shows its start page, logs no error
// and talks to nobody but the server it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchContext, openApp } from './support.mjs';

const env = useBrowser();

/** A fresh context and page per test, watched from before the first request. */
async function freshPage() {
  const context = await env.browser.newContext();
  const record = await watchContext(context, env.server.origin);
  const page = await context.newPage();
  return { context, page, record };
}

test('the start page shows its heading, explanation and privacy promise', async () => {
  const { context, page } = await freshPage();
  try {
    await openApp(page, env.server.origin);
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal(await heading.textContent(), 'Legitimate interests assessment');
    assert.ok(await heading.isVisible(), 'the heading is visible');
    const promise = page.getByRole('main').getByText('Everything you type stays in this browser. Nothing is sent anywhere.');
    assert.ok(await promise.isVisible(), 'the privacy promise is visible');
    assert.equal(await page.title(), 'Legitimate interests assessment');
    // The message shown until the app starts is in the page, and hidden once it has.
    const fallback = page.locator('[data-lia-widget] > .lia-fallback');
    assert.equal(await fallback.count(), 1);
    assert.equal(await fallback.isVisible(), false, 'the starting message is hidden once the app is mounted');
  } finally {
    await context.close();
  }
});

test('loading the app logs no console error and throws no page error', async () => {
  const { context, page, record } = await freshPage();
  try {
    await openApp(page, env.server.origin);
    await page.waitForTimeout(1000); // let anything deferred run
    assert.deepEqual(record.pageErrors, [], 'page errors');
    assert.deepEqual(record.consoleErrors, [], 'console errors');
  } finally {
    await context.close();
  }
});

test('every request goes to the local server, and none is made once the page is interactive', async () => {
  const { context, page, record } = await freshPage();
  try {
    const interactiveAt = await openApp(page, env.server.origin);
    await page.waitForTimeout(2000); // anything lazy, timed or polled would show up here
    const foreign = record.requests.filter((r) => new URL(r.url).origin !== env.server.origin);
    assert.deepEqual(foreign.map((r) => r.url), [], 'requests to other origins');
    const late = record.requests.filter((r) => r.at > interactiveAt);
    assert.deepEqual(late.map((r) => r.url), [], 'requests after the page became interactive');
    assert.ok(record.requests.length >= 3, 'the page, its script and its wasm were requested');
  } finally {
    await context.close();
  }
});

test('when the app cannot start, the page says so after a few seconds instead of staying blank', async () => {
  const context = await env.browser.newContext();
  try {
    // Neither the packed wasm nor the plain one the loader falls back to can be had.
    await context.route(/lia_bg\.wasm(\.gz)?$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(env.server.origin + '/');
    // The pre-rendered start page is there at once, so nobody looks at a blank page...
    const start = page.locator('[data-lia-prerendered]').getByRole('heading', { level: 1, name: 'Legitimate interests assessment' });
    await start.waitFor();
    const problem = page.getByText('If the tool has not started after a few seconds, it could not start here.', { exact: false });
    // ...and a normal start takes well under a second: the explanation waits, then shows.
    assert.equal(await problem.isVisible(), false, 'the explanation is not shown at once');
    await problem.waitFor({ state: 'visible', timeout: 10000 });
    assert.ok(await start.isVisible());
    assert.equal(await page.locator('[data-lia-widget]').getAttribute('data-lia-ready'), null);
  } finally {
    await context.close();
  }
});
