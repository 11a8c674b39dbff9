// Hostile text in every text field: neither the app nor the HTML report runs a script or
// gains an element that was not in its template. Each page is rendered twice, once with
// the payloads and once with the same text made harmless, and the two must have exactly
// the same elements and attribute names; no dialog may open and no payload may leave a
// mark (`window.__xss`, an element with an `xss-` class, an `on…` attribute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  freshContext,
  freshApp,
  openApp,
  seedStorage,
  storedRecord,
  recordText,
  goTo,
  goToStart,
  startNew,
  field,
  waitForStored,
} from './storage-helpers.mjs';
import { answerKinds, downloadFrom, openReport, chooseFile, storedAssessments, withoutImportEntry } from './file-helpers.mjs';
import { recordKey } from '../../scripts/app-facts.mjs';

import { PAYLOADS, PAYLOAD, harmless } from './xss-payloads.mjs';

const env = useBrowser();

/** The example with `text` in every text and date answer, impact and review log entry. */
async function everywhere(base, id, text) {
  const kinds = await answerKinds();
  const a = structuredClone(base);
  a.id = id;
  for (const [key, kind] of Object.entries(kinds)) {
    if (kind === 'text' || kind === 'date') a.answers[key] = `${text}\n${key}`;
  }
  a.impacts = a.impacts.map((impact) => ({ ...impact, description: `${text} (impact)`, safeguards: `${text} (safeguards)` }));
  a.review_log = [{ date: text, note: `${text} (log)` }];
  return a;
}

/**
 * What a page's structure is: every element of the document and of the widget's shadow
 * root, as its tag and attribute names (not values), in order; and any mark a payload left.
 */
function inspect(page) {
  return page.evaluate(() => {
    const shape = [];
    const marks = [];
    const walk = (root, where) => {
      for (const el of root.querySelectorAll('*')) {
        const names = el.getAttributeNames().sort();
        shape.push(`${where}${el.localName}[${names.join(',')}]`);
        for (const name of names) {
          const value = el.getAttribute(name);
          if (name.startsWith('on')) marks.push(`${el.localName} has ${name}`);
          if ((name === 'class' || name === 'id') && /xss-/.test(value)) marks.push(`${el.localName} ${name}=${value}`);
          // A scheme that runs code (the template's only data: URL is its favicon, an image).
          const runs = /^\s*(javascript|vbscript):/i.test(value) || (/^\s*data:/i.test(value) && !/^\s*data:image\//i.test(value));
          if (runs && ['href', 'src', 'action', 'data', 'formaction', 'xlink:href', 'srcdoc'].includes(name)) {
            marks.push(`${el.localName} ${name}=${value.slice(0, 40)}`);
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot, `${where}${el.localName}>>`);
      }
    };
    walk(document, '');
    if (window.__xss !== undefined) marks.push(`window.__xss = ${window.__xss}`);
    return { shape, marks, title: document.title };
  });
}

/** A context with one saved assessment and one damaged record titled with the same text; the app open. */
async function appWith(a, text) {
  const { context, record } = await freshContext(env);
  const damaged = JSON.stringify({ schema_version: 'x', assessment: { answers: { 'about.title': text } } });
  await seedStorage(context, env.server.origin, {
    [recordKey(a.id)]: recordText(a, { revision: 1 }),
    [recordKey('damaged-1')]: damaged,
  });
  const page = await context.newPage();
  await openApp(page, env.server.origin);
  return { context, record, page };
}

let example;
async function theExample() {
  if (!example) {
    const { context, page } = await freshApp(env);
    try {
      await page.getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
      await page.getByRole('button', { name: 'Download to open later (JSON)' }).waitFor();
      const id = new URL(page.url()).hash.split('/')[2];
      example = (await storedRecord(page, id)).assessment;
    } finally {
      await context.close();
    }
  }
  return example;
}

function assertSame(hostile, plain, what) {
  for (const name of Object.keys(plain)) {
    assert.deepEqual(hostile[name].marks, [], `${what}, ${name} page: marks left by a payload`);
    assert.deepEqual(plain[name].marks, [], `${what}, ${name} page (harmless text): marks`);
    assert.deepEqual(hostile[name].shape, plain[name].shape, `${what}, ${name} page: the same elements as with harmless text`);
  }
}

// Payloads in every text field of a stored record, on every page of the app: a journey of
// engines/journeys.mjs, in every engine.

test('the app: payloads typed into fields and into a new name stay text', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startNew(page);
    await field(page, 'What do you want to call this assessment?').fill(PAYLOADS[1]);
    await field(page, 'Describe the processing').fill(PAYLOAD);
    await waitForStored(page, id, (r) => r.assessment.answers['about.description'] === PAYLOAD);
    await page.getByRole('link', { name: 'Return to the task list' }).click();
    await page.locator('#lia-page-heading').waitFor();
    assert.equal(await page.locator('#lia-page-heading').textContent(), PAYLOADS[1]);
    await goToStart(page);
    await page.getByRole('button', { name: `Rename ${PAYLOADS[1]}` }).click();
    await page.getByLabel('New name').fill(PAYLOADS[4]);
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('link', { name: PAYLOADS[4], exact: true }).waitFor();
    await page.waitForTimeout(200);
    const seen = await inspect(page);
    assert.deepEqual(seen.marks, []);
    assert.deepEqual(record.dialogs, []);
    assert.equal((await storedRecord(page, id)).assessment.answers['about.title'], PAYLOADS[4]);
  } finally {
    await context.close();
  }
});

test('the HTML report: payloads run nothing and add no element, with or without its CSP, and import back exactly', async () => {
  const base = await theExample();
  const reports = {};
  let hostileJson;
  for (const [name, text] of [['hostile', PAYLOAD], ['plain', harmless(PAYLOAD)]]) {
    const a = await everywhere(base, 'xss-2', text);
    const app = await appWith(a, text);
    try {
      await goTo(app.page, a.id);
      const html = (await downloadFrom(app.page, 'Download the report (HTML)')).text;
      if (name === 'hostile') hostileJson = (await downloadFrom(app.page, 'Download to open later (JSON)')).text;
      reports[name] = { html, assessment: a };
    } finally {
      await app.context.close();
    }
  }
  const withoutPolicy = (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  assert.notEqual(withoutPolicy(reports.hostile.html), reports.hostile.html, 'the report declares a policy');
  const seen = {};
  for (const [name, { html }] of Object.entries(reports)) {
    for (const [variant, text] of [['with CSP', html], ['without CSP', withoutPolicy(html)]]) {
      const report = await openReport(env.browser, text);
      try {
        await report.page.waitForTimeout(300); // time for anything that would fire (onload, onerror, animations)
        const inspected = await inspect(report.page);
        seen[`${name} ${variant}`] = { report: inspected };
        assert.deepEqual(report.log.dialogs, [], `${name} report ${variant}: no dialog`);
        assert.deepEqual(report.log.pageErrors, [], `${name} report ${variant}: no page error`);
        assert.deepEqual(report.log.requests, ['http://report.invalid/lia-report.html'], `${name} report ${variant}: nothing fetched`);
        assert.deepEqual(await report.page.evaluate(() => window.__cspViolations), [], `${name} report ${variant}: nothing for the policy to block`);
        const scripts = await report.page.evaluate(() => [...document.scripts].map((s) => `${s.type}#${s.id}`));
        assert.deepEqual(scripts, ['application/json#lia-assessment'], `${name} report ${variant}: only the inert JSON`);
        // The embedded copy holds the text exactly.
        const embedded = JSON.parse(await report.page.locator('script#lia-assessment').textContent());
        assert.deepEqual(embedded.assessment, reports[name].assessment);
        // Shown as text: the title in the heading, exactly.
        assert.equal(await report.page.locator('h1').textContent(), reports[name].assessment.answers['about.title'].trim());
      } finally {
        await report.close();
      }
    }
  }
  for (const variant of ['with CSP', 'without CSP']) {
    assertSame(seen[`hostile ${variant}`], seen[`plain ${variant}`], `report ${variant}`);
  }

  // Imported back (the report by drag-and-drop would be the same parser): every payload exact.
  const { context, page, record } = await freshApp(env);
  try {
    for (const [file, mimeType, name] of [
      [reports.hostile.html, 'text/html', 'hostile.html'],
      [hostileJson, 'application/json', 'hostile.json'],
    ]) {
      await chooseFile(page, { name, mimeType, buffer: Buffer.from(file) });
      const clash = page.locator('#lia-import-clash');
      await Promise.race([clash.waitFor(), page.getByRole('button', { name: 'Download to open later (JSON)' }).waitFor()]);
      if (await clash.count()) await clash.getByRole('button', { name: 'Replace the saved one' }).click();
      await waitForStored(page, 'xss-2', (r) => r.assessment.review_log.at(-1).note.includes(name));
      const stored = (await storedAssessments(page))['xss-2'].assessment;
      assert.deepEqual(withoutImportEntry(stored), reports.hostile.assessment, `${name} imports back exactly`);
      await page.locator('#lia-page-heading').waitFor();
      assert.deepEqual((await inspect(page)).marks, [], `${name}: no marks after import`);
      await goToStart(page);
    }
    assert.deepEqual(record.dialogs, []);
  } finally {
    await context.close();
  }
});
