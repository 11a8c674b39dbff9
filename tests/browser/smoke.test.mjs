// When the app cannot start (its wasm refused by the network, through Playwright's
// interception), the page says so. The start page itself, its errors and its requests
// are checked in every engine by the first journey (engines/journeys.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support.mjs';

const env = useBrowser();

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
