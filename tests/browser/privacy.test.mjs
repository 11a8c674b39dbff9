// Private by construction: the served build carries a strict Content Security Policy,
// and a whole assessment (create, fill, export, import) makes no request to any other
// origin, and none at all once interactive, as Chromium's own network log sees it. (That
// the app works under the policy without a violation, and that the policy, not just our
// code, stops a request elsewhere, is a journey of engines/journeys.mjs, in every engine.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchContext, watchPolicy, violations, openApp, networkRequests } from './support.mjs';
import { contentSecurityPolicy, inlineScriptHashes } from '../../scripts/app-facts.mjs';

const env = useBrowser();

async function freshPage() {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const record = await watchContext(context, env.server.origin);
  await watchPolicy(context);
  const page = await context.newPage();
  return { context, page, record };
}

/** The page as served, and the policy it declares: as text and directive by directive. */
async function servedPolicy() {
  const response = await fetch(`${env.server.origin}/`);
  assert.equal(response.status, 200);
  const html = await response.text();
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(content, 'the served page declares a Content Security Policy');
  const policy = Object.fromEntries(
    content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  return { html, content, policy };
}

test('the served page declares a strict policy, with the inline loader allowed by hash', async () => {
  const { html, content, policy } = await servedPolicy();
  // The privacy promise, stated here on its own (not read from the definition it checks).
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['img-src'], ['data:']);
  const scripts = policy['script-src'];
  assert.ok(scripts.includes("'wasm-unsafe-eval'"));
  assert.ok(!scripts.includes("'unsafe-eval'") && !scripts.includes("'unsafe-inline'"), scripts.join(' '));
  assert.ok(scripts.every((s) => s === "'self'" || s === "'wasm-unsafe-eval'" || /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)));
  assert.equal(scripts.filter((s) => s.startsWith("'sha256-")).length, 1, 'one hash, for the one inline loader');
  for (const directive of Object.keys(policy)) {
    assert.ok(!policy[directive].some((v) => /^(https?:|\*)/.test(v)), `${directive} names no remote source`);
  }
  // It governs every script: the meta element comes before the first one.
  assert.ok(html.indexOf('http-equiv="Content-Security-Policy"') < html.indexOf('<script'), 'the policy comes before any script');
  // And it is the served page's policy of src/csp.rs, with the hash of the loader as served.
  assert.equal(content, contentSecurityPolicy('served', { 'inline-script-hashes': inlineScriptHashes(html) }));
});

test('a whole assessment (create, fill, export, import) stays on this page', async () => {
  const { context, page, record } = await freshPage();
  try {
    const interactiveAt = await openApp(page, env.server.origin);

    // Create and fill.
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await page.getByLabel('What do you want to call this assessment?').fill('Staff newsletter');
    await page.getByLabel('Which organisation is responsible for the processing?').fill('Acme');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Back to the task list' }).click();
    await page.getByRole('link', { name: '3. Identify the legitimate interest (purpose test)' }).click();
    await page.getByLabel('Why do you want to process the data?').fill('To tell staff about changes to their pension scheme each month.');
    await page.waitForTimeout(400); // autosave

    // Export both files.
    await page.getByRole('link', { name: 'Back to the task list' }).click();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download to open later (JSON)' }).click(),
    ]);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the report (HTML)' }).click(),
    ]);
    const jsonPath = await json.path();
    assert.match(json.suggestedFilename(), /^lia-staff-newsletter-v1-draft-\d{4}-\d{2}-\d{2}\.json$/);
    assert.match(report.suggestedFilename(), /^lia-staff-newsletter-v1-draft-\d{4}-\d{2}-\d{2}\.html$/);

    // Import the JSON back, as a second copy.
    await page.getByRole('link', { name: 'All assessments' }).click();
    await page.getByLabel('Choose a file').setInputFiles(jsonPath);
    await page.getByRole('button', { name: 'Keep both' }).click();
    await page.getByRole('heading', { name: 'Staff newsletter', level: 1 }).waitFor();
    await page.waitForTimeout(1000);

    const requests = networkRequests(record);
    const foreign = requests.filter((r) => new URL(r.url).origin !== env.server.origin);
    assert.deepEqual(foreign.map((r) => r.url), [], 'requests to other origins');
    const late = requests.filter((r) => r.at > interactiveAt);
    assert.deepEqual(late.map((r) => r.url), [], 'requests after the page became interactive');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
