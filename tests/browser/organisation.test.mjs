// The organisation's settings given by the host page (issue 29): `data-settings` holds
// the settings file; a blank assessment is made under them, their questions are asked in
// their sections, a required one left empty stops "Save and continue", and the answers
// are stored with the settings they were given under. A file with problems is ignored,
// with a warning naming each, and the tool works without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, DEMO } from './support.mjs';
import { downloadFrom } from './file-helpers.mjs';

const EXAMPLE = await fs.readFile(new URL('../../docs/settings.example.json', import.meta.url), 'utf8');
const HOSTS = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-org-hosts-'));

/** A host page whose widget is given `settings` (the file's text) in `data-settings`. */
async function hostPage(name, settings) {
  const attribute = settings.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  await fs.writeFile(
    path.join(HOSTS, name),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Riverside intranet</title>
<main><div id="widget" data-lia-widget data-namespace="${name.replace('.html', '')}" data-settings="${attribute}"></div></main>
<script type="module" src="/demo/embed.js"></script></html>`,
  );
  return `/hosts/${name}`;
}

const env = useBrowser({ '/demo/': DEMO, '/hosts/': HOSTS });

/** Every stored record of the page's storage whose assessment `matches`. */
async function storedAssessments(page) {
  const all = await page.evaluate(() => Object.entries(localStorage));
  return all.flatMap(([, v]) => {
    try {
      const r = JSON.parse(v);
      return r && r.assessment ? [r.assessment] : [];
    } catch {
      return [];
    }
  });
}

async function waitForAssessment(page, check) {
  for (let i = 0; i < 200; i++) {
    const found = (await storedAssessments(page)).find(check);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no stored assessment satisfied ${check}: ${JSON.stringify(await storedAssessments(page)).slice(0, 600)}`);
}

test("the host page's settings: their questions are asked in their sections, required ones checked, answers stored with the settings", async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(env.server.origin + (await hostPage('riverside.html', EXAMPLE)));
    const widget = page.locator('#widget');
    await page.waitForSelector('#widget[data-lia-ready="true"]');
    await widget.getByRole('button', { name: 'Start a new assessment' }).click();
    await widget.getByRole('heading', { name: "Riverside Housing Association's questions" }).waitFor();
    // The settings' organisation filled in, and the record made under the settings.
    assert.equal(await widget.getByLabel('Which organisation is responsible for the processing?').inputValue(), 'Riverside Housing Association');
    const made = await waitForAssessment(page, (a) => a.organisation);
    assert.equal(made.organisation.revision, '2026.1');
    assert.deepEqual(made.organisation.answers, []);

    // Required and left empty: "Save and continue" names it, and the link goes to it.
    const system = widget.getByLabel('Which system holds the data?');
    await widget.getByLabel('What do you want to call this assessment?').fill('Tenant repairs texts');
    await widget.getByRole('button', { name: 'Save and continue' }).click();
    const summary = widget.locator('.lia-error-summary');
    await summary.getByRole('link', { name: 'Answer “Which system holds the data?”' }).click();
    assert.equal(await system.evaluate((el) => el === el.getRootNode().activeElement), true, 'the link puts the cursor in the question');
    assert.match(await system.getAttribute('aria-describedby'), /lia-org-system-error/);
    assert.equal(await system.getAttribute('aria-invalid'), 'true');

    // Answered: stored with the question as asked.
    await system.fill('Housing CRM');
    const answered = await waitForAssessment(page, (a) => a.organisation?.answers?.some((x) => x.id === 'system'));
    assert.deepEqual(answered.organisation.answers, [
      { id: 'system', section: 'about', kind: 'text', label: 'Which system holds the data?', text: 'Housing CRM' },
    ]);

    // A yes/no question in its own section, chosen by keyboard.
    await widget.getByRole('link', { name: 'Return to the task list' }).click();
    await widget.getByRole('link', { name: 'Consider the nature of the data' }).click();
    const cctv = widget.getByRole('group', { name: 'Does this involve CCTV?' });
    await cctv.getByLabel('Yes').focus();
    await page.keyboard.press('Space');
    const chosen = await waitForAssessment(page, (a) => a.organisation?.answers?.some((x) => x.id === 'cctv'));
    assert.deepEqual(chosen.organisation.answers.map((x) => [x.id, x.kind, x.yes_no ?? x.text]), [
      ['system', 'text', 'Housing CRM'],
      ['cctv', 'yes-no', 'yes'],
    ]);
    assert.equal(await cctv.getByLabel('Yes').isChecked(), true);

    // The organisation's check finds it, in the findings beside the rules', with the
    // settings as its source and a link back to its question.
    const finding = widget.locator('#lia-findings [data-finding="org.cctv-needs-dpia"]');
    await finding.waitFor();
    assert.match(await finding.innerText(), /Our policy is a DPIA for every use of CCTV/);
    assert.match(
      await finding.locator('.lia-finding__source').innerText(),
      /^Source: Riverside Housing Association: legitimate interests assessments, revision 2026\.1$/,
    );
    await widget.getByRole('link', { name: 'Return to the task list' }).click();
    await finding.getByRole('link', { name: 'Go to: Does this involve CCTV?' }).click();
    await widget.getByRole('heading', { name: 'Consider the nature of the data' }).waitFor();
    await page.waitForFunction(() => document.querySelector('#widget').shadowRoot.activeElement?.id === 'lia-org-cctv');
    // "Check your answers" lists them in their sections, with "Change" back to each, and
    // says which are not answered.
    await widget.getByRole('link', { name: 'Return to the task list' }).click();
    await widget.getByRole('link', { name: 'Check your answers', exact: true }).click();
    const row = (label) => widget.locator('.lia-summary-list__row', { has: page.locator('dt', { hasText: label }) });
    assert.equal(await row('Which system holds the data?').locator('.lia-summary-list__value').innerText(), 'Housing CRM');
    assert.equal(await row('Does this involve CCTV?').locator('.lia-summary-list__value').innerText(), 'Yes');
    assert.equal(await row('Has the Information Governance Board seen this?').locator('.lia-summary-list__value').innerText(), 'Not answered');
    // The exports carry the organisation's finding, with the settings as its source.
    const { text: json } = await downloadFrom(page, 'Download to open later (JSON)', widget);
    const exported = JSON.parse(json).outcome.findings.find((f) => f.id === 'org.cctv-needs-dpia');
    assert.equal(exported.organisation_question, 'cctv');
    assert.deepEqual(exported.source, { citation: 'Riverside Housing Association: legitimate interests assessments', url: '', version: '2026.1' });
    const { text: report } = await downloadFrom(page, 'Download the report (HTML)', widget);
    assert.match(report, /About: Does this involve CCTV\?\. Source: Riverside Housing Association: legitimate interests assessments, revision 2026\.1\. Rule org\.cctv-needs-dpia\./);
    await row('Does this involve CCTV?').getByRole('link', { name: 'Change Does this involve CCTV?' }).click();
    await page.waitForFunction(() => document.querySelector('#widget').shadowRoot.activeElement?.id === 'lia-org-cctv');

    // Its near miss: No clears it.
    await cctv.getByLabel('No', { exact: true }).check();
    await finding.waitFor({ state: 'detached' });
    assert.deepEqual(warnings, [], 'the settings gave no warning');
  } finally {
    await context.close();
  }
});

test('a settings file with problems is ignored, each problem named in a warning, and the tool works without it', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const broken = EXAMPLE.replace('"kind": "text"', '"kind": "number"').replace('"severity": "warning"', '"severity": "fatal"');
    await page.goto(env.server.origin + (await hostPage('broken.html', broken)));
    const widget = page.locator('#widget');
    await page.waitForSelector('#widget[data-lia-ready="true"]');
    assert.deepEqual(warnings, [
      'Legitimate interests assessment: data-settings ignored: questions[0].kind: is not a kind of question this tool asks (text, yes-no or choice)',
      'Legitimate interests assessment: data-settings ignored: checks[0].severity: must be one of: blocker, warning, advice',
    ]);
    await widget.getByRole('button', { name: 'Start a new assessment' }).click();
    await widget.getByLabel('What do you want to call this assessment?').fill('Without settings');
    const stored = await waitForAssessment(page, (a) => a.answers?.['about.title'] === 'Without settings');
    assert.equal(stored.organisation, undefined);
    assert.equal(await widget.getByText("Riverside Housing Association's questions").count(), 0);
  } finally {
    await context.close();
  }
});
