// Embedding: two widgets mounted on one host page with deliberately hostile global CSS
// (demo/hostile-host.html). That each keeps its own drafts, takes its settings from its
// element and keeps its own looks is a journey of engines/journeys.mjs, in every engine.
// Here, what needs Chromium's tools: axe injected past the host's policy, the host page
// drawn without the widget (its module refused by request interception) to compare
// with, and frames sandboxed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { useBrowser, DEMO, SINGLE_FILE, watchPolicy, violations } from './support.mjs';

const HOST = '/demo/hostile-host.html';
const AXE = await fs.readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

const env = useBrowser({ '/demo/': DEMO, '/single/': path.dirname(SINGLE_FILE) });

async function openHost(context) {
  const page = await context.newPage();
  await page.goto(env.server.origin + HOST);
  await page.waitForSelector('#widget-privacy[data-lia-ready="true"]');
  await page.waitForSelector('#widget-hr[data-lia-ready="true"]');
  return page;
}

test('hostile host CSS leaves the widgets usable and accessible', async () => {
  const context = await env.browser.newContext();
  await watchPolicy(context);
  try {
    const page = await openHost(context);
    const privacy = page.locator('#widget-privacy');
    const button = privacy.getByRole('button', { name: 'Start a new assessment' });

    // Usable: a question page works, with validation and the error summary.
    await button.click();
    await privacy.getByRole('button', { name: 'Save and continue' }).click();
    await privacy.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await privacy.getByLabel('What do you want to call this assessment?').fill('Usable despite the theme');

    // Accessible: axe finds nothing (injected through the devtools protocol, which the
    // host's policy does not govern).
    await page.evaluate(AXE);
    const results = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
    );
    const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    const ours = problems.filter((p) => !p.includes('#host-'));
    assert.deepEqual(ours, [], 'no accessibility violation in the widgets');
    assert.deepEqual(await violations(page), [], 'the host policy is respected');
  } finally {
    await context.close();
  }
});

test("the widgets leave the host page's own elements unchanged", async () => {
  const snapshot = (page) =>
    page.evaluate(() => {
      const ids = ['host-title', 'host-intro', 'host-privacy-heading', 'host-footer-text', 'host-button'];
      const props = ['font-size', 'font-family', 'color', 'background-color', 'display', 'letter-spacing', 'text-transform', 'border-bottom-style', 'line-height', 'margin-top'];
      const read = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
      return {
        body: read(document.body),
        html: read(document.documentElement),
        ...Object.fromEntries(ids.map((id) => [id, read(document.getElementById(id))])),
        stylesheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        headChildren: document.head.children.length,
      };
    });

  const bare = await env.browser.newContext();
  const withWidgets = await env.browser.newContext();
  try {
    // The host page alone: the widget's module never loads.
    await bare.route('**/demo/embed.js', (route) => route.abort());
    const alone = await bare.newPage();
    await alone.goto(env.server.origin + HOST);
    await alone.waitForLoadState('load');
    const before = await snapshot(alone);

    const page = await openHost(withWidgets);
    const afterMount = await snapshot(page);
    assert.deepEqual(afterMount, before);

    // And still unchanged after using a widget.
    await page.locator('#widget-hr').getByRole('button', { name: /Start from this example: Lenders/ }).click();
    await page.locator('#widget-hr').getByRole('link', { name: 'Check your answers' }).click();
    assert.deepEqual(await snapshot(page), before);
  } finally {
    await bare.close();
    await withWidgets.close();
  }
});

// A frame whose sandbox leaves out allow-same-origin has an opaque origin: the browser
// refuses it the tool's own script and wasm (CORS) and all storage. The served tool then
// says it could not start, rather than leaving an empty frame; the single-file build,
// which loads nothing, runs there with drafts in memory only, and says so.
test('in a frame without allow-same-origin the served tool says it could not start, and the single-file build runs in memory', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const sandbox = 'allow-scripts allow-downloads allow-forms';
    await page.route('**/sandboxed-host.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sandboxed frames</title></head><body>
<iframe id="served" title="Served tool" src="/" sandbox="${sandbox}" style="width: 100%; height: 40rem"></iframe>
<iframe id="single" title="Single-file tool" src="/single/${path.basename(SINGLE_FILE)}" sandbox="${sandbox}" style="width: 100%; height: 40rem"></iframe>
</body></html>`,
      }),
    );
    await page.goto(env.server.origin + '/sandboxed-host.html');

    const served = page.frameLocator('#served');
    await served.getByText('Starting the legitimate interests assessment…').waitFor();
    // The page's stylesheet is refused too, so the whole message shows at once (the smoke
    // tests cover the delay when only the app fails).
    const problem = served.getByText('If the tool has not started after a few seconds, it could not start here.', { exact: false });
    await problem.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await problem.textContent(), /allow-same-origin/);

    const single = page.frameLocator('#single');
    await single.getByText('This browser is not letting this tool use its storage', { exact: false }).waitFor({ timeout: 15000 });
    await single.getByRole('button', { name: 'Start a new assessment' }).click();
    await single.getByLabel('What do you want to call this assessment?').fill('Works in a sandbox');
    assert.equal(await single.getByLabel('What do you want to call this assessment?').inputValue(), 'Works in a sandbox');
    assert.equal(await single.getByText('If the tool has not started after a few seconds', { exact: false }).isVisible(), false);
  } finally {
    await context.close();
  }
});

// A sandbox without allow-forms blocks form submission, and with it the submit event.
// The tool runs its forms from their buttons' clicks (which Enter in a field also makes),
// so "Save and continue" and renaming work there, by click and by Enter.
test('in a frame without allow-forms, Save and continue and renaming still work, by click and by Enter', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/no-forms-host.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>No forms</title></head><body>
<iframe id="tool" title="Legitimate interests assessment" src="/" sandbox="allow-scripts allow-same-origin allow-downloads" style="width: 100%; height: 50rem"></iframe>
</body></html>`,
      }),
    );
    await page.goto(env.server.origin + '/no-forms-host.html');
    const tool = page.frameLocator('#tool');
    const problem = tool.getByRole('heading', { name: 'There is a problem' });

    await tool.getByRole('button', { name: 'Start a new assessment' }).click();
    await tool.getByRole('button', { name: 'Save and continue' }).click();
    await problem.waitFor();
    assert.ok(await problem.isVisible(), 'clicking checks the page');

    // Enter in the title field: the error for the title goes, the page is checked again.
    const title = tool.getByLabel('What do you want to call this assessment?');
    await title.fill('Sandboxed draft');
    const errorsBefore = await tool.locator('.lia-error-summary li').count();
    await title.press('Enter');
    await page.waitForFunction(
      (before) => {
        const doc = document.querySelector('#tool').contentDocument;
        const root = doc?.querySelector('[data-lia-widget]')?.shadowRoot;
        const now = root ? root.querySelectorAll('.lia-error-summary li').length : before;
        return now < before || root?.querySelector('h1')?.textContent !== 'Describe the processing';
      },
      errorsBefore,
    );

    // Renaming from the start page, by Enter in the new name.
    await tool.getByRole('link', { name: 'Legitimate interests assessment' }).first().click();
    await tool.getByRole('button', { name: 'Rename Sandboxed draft' }).click();
    await tool.getByLabel('New name').fill('Renamed in a sandbox');
    await tool.getByLabel('New name').press('Enter');
    await tool.getByRole('link', { name: 'Renamed in a sandbox' }).waitFor();
    assert.equal(await tool.getByRole('button', { name: 'Rename Renamed in a sandbox' }).count(), 1);
  } finally {
    await context.close();
  }
});
