// The settings editor (issue 29, #/settings/edit): the organisation's settings edited
// as a draft on the page, tried on a sample and downloaded as their file. Started from
// the settings a host page gives (data-settings) or from blank settings. Axe at 1280 and
// 320 px; adding a question and moving it up with the keyboard only; removing a question
// says which checks went with it; a problem blocks the download and is listed with its
// path; a valid draft downloads a file the tool reads back; the sample's findings follow
// its answers and nothing else of the app changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { useBrowser, DEMO } from './support.mjs';
import { assertNoViolations, screenshot } from './a11y.mjs';
import { tabTo, waitForFocus, choose, typeInto, activate, focused } from './keyboard.mjs';

const EXAMPLE = await fs.readFile(new URL('../../docs/settings.example.json', import.meta.url), 'utf8');
const SCHEMA = JSON.parse(await fs.readFile(new URL('../../docs/lia-settings.schema.json', import.meta.url), 'utf8'));
const HOSTS = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-editor-hosts-'));
const HEADING = "Edit the organisation's settings";

const env = useBrowser({ '/demo/': DEMO, '/hosts/': HOSTS });

/** A host page whose one widget (so it follows the address) is given `settings`. */
async function hostPage(name, settings) {
  const attribute = settings.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  await fs.writeFile(
    path.join(HOSTS, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riverside intranet</title></head>
<body><div id="widget" data-lia-widget data-namespace="${name}" data-settings="${attribute}"></div>
<script type="module" src="/demo/embed.js"></script></body></html>`,
  );
  return `/hosts/${name}.html`;
}

/**
 * The editor opened in a new context: under the example settings given by a host page
 * (`settings` their text), or with none loaded (the app on its own, `settings` null).
 */
async function openEditor(settings, options = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => ['warning', 'error'].includes(m.type()) && warnings.push(m.text()));
  page.on('pageerror', (e) => warnings.push(String(e)));
  const base = settings === null ? '/' : await hostPage(`host-${Math.random().toString(36).slice(2)}`, settings);
  await page.goto(`${env.server.origin}${base}#/settings/edit`);
  await page.waitForSelector('[data-lia-ready="true"]', { timeout: 15000 });
  await page.locator('#lia-page-heading').filter({ hasText: HEADING }).waitFor();
  page.setDefaultTimeout(10000);
  return { context, page, warnings };
}

/** The ids of the questions' rows, in the order shown. */
function rowIds(page, list = 'q') {
  return page.locator(`li[id^="lia-edit-${list}-"]`).evaluateAll((els) => els.map((e) => e.id));
}

/** Waits until the rows of a list are `want`, in that order. */
async function untilRows(page, want, list = 'q') {
  for (let i = 0; i < 100 && JSON.stringify(await rowIds(page, list)) !== JSON.stringify(want); i++) await page.waitForTimeout(20);
  assert.deepEqual(await rowIds(page, list), want);
}

/** Adds a question with the mouse and the keyboard as a person would (not the point of the test using it). */
async function addQuestion(page, { section, kind, label, required, options }) {
  if (section) await page.locator('#lia-new-q-section').selectOption({ label: section });
  await page.getByRole('group', { name: 'Kind of answer' }).getByLabel(kind).check();
  await page.locator('#lia-new-q-label').fill(label);
  if (required) await page.getByRole('group', { name: 'Must it be answered?' }).getByLabel('Yes, it is required').check();
  if (options) await page.locator('#lia-new-q-options').fill(options);
  await page.getByRole('button', { name: 'Add the question', exact: true }).click();
}

for (const width of [1280, 320]) {
  test(`the editor passes axe at ${width} px, with the example settings loaded and with none`, async (t) => {
    for (const [name, settings] of [['example', EXAMPLE], ['blank', null]]) {
      const { context, page, warnings } = await openEditor(settings, { viewport: { width, height: 900 }, bypassCSP: true });
      try {
        const check = async (state) => {
          await t.test(`${name}, ${state}`, async () => {
            await screenshot(page, `settings-editor-${name}-${state}-${width}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `the editor scrolls sideways by ${overflow}px at ${width}px`);
            await assertNoViolations(page, `the editor (${name}, ${state}) at ${width}px`);
          });
        };
        await check('as opened');
        // With its choice's options shown, a refusal beside a control, and the file's
        // problems listed (blank settings have no name).
        await page.getByRole('group', { name: 'Kind of answer' }).getByLabel('One of a list of options').check();
        await page.getByRole('button', { name: 'Add the question', exact: true }).click();
        await page.locator('#lia-new-q-label-error').waitFor();
        if (settings === null) {
          await page.getByRole('button', { name: 'Check and download the settings file' }).click();
          await page.locator('#lia-error-summary').waitFor();
        } else {
          await page.getByRole('button', { name: 'Move up “Which system holds the data?”' }).click();
          await page.locator('#lia-edit-q-system-error').waitFor();
        }
        await check('with errors');
        assert.deepEqual(warnings, []);
      } finally {
        await context.close();
      }
    }
  });
}

test('keyboard only: a question added and moved up, focus following it', async () => {
  const { context, page, warnings } = await openEditor(EXAMPLE);
  try {
    // The section: typed into the closed drop-down, as a keyboard user picks one.
    await tabTo(page, { id: 'lia-new-q-section' });
    await page.keyboard.type('Consider the n');
    assert.equal(await page.locator('#lia-new-q-section').inputValue(), 'nature');
    await choose(page, 'lia-new-q-kind', 'Yes, no or not sure');
    await typeInto(page, 'lia-new-q-label', 'Are the cameras recorded?');
    await choose(page, 'lia-new-q-required', 'Yes, it is required');
    await activate(page, { role: 'button', name: 'Add the question' });

    // Focus on the new question's row, last of its section (after CCTV).
    const row = 'lia-edit-q-are-the-cameras-recorded';
    await waitForFocus(page, { id: row });
    assert.match(await page.locator('[role=status]#lia-edit-q-notice').innerText(), /Added “Are the cameras recorded\?”/);
    assert.deepEqual(await rowIds(page), ['lia-edit-q-system', 'lia-edit-q-cctv', `${row}`, 'lia-edit-q-igb']);
    assert.match(await page.locator(`#${row}`).innerText(), /Yes, no or not sure; required/);

    // Tab to its "Move up", named after it, and press it: it moves above CCTV, and focus
    // stays on the same button, so it can be pressed again.
    const up = { role: 'button', name: 'Move up “Are the cameras recorded?”' };
    await tabTo(page, up, { max: 5 });
    await page.keyboard.press('Enter');
    await untilRows(page, ['lia-edit-q-system', row, 'lia-edit-q-cctv', 'lia-edit-q-igb']);
    await waitForFocus(page, up);
    // Again: it is first of its section already, which is said beside it; focus stays.
    await page.keyboard.press('Space');
    const refused = page.locator(`#${row}-error`);
    await refused.waitFor();
    assert.match(await refused.innerText(), /“Are the cameras recorded\?” is the first question of its section already/);
    assert.equal((await focused(page)).name, up.name);
    assert.deepEqual(await rowIds(page), ['lia-edit-q-system', row, 'lia-edit-q-cctv', 'lia-edit-q-igb']);
    // Shift+Tab goes back through the row before it (CCTV moved below; "system" is in another section).
    await tabTo(page, { role: 'button', name: 'Remove “Which system holds the data?”' }, { back: true, max: 5 });
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});

test('removing a question says which checks went with it, and focus goes to that notice', async () => {
  const { context, page, warnings } = await openEditor(EXAMPLE);
  try {
    assert.deepEqual(await rowIds(page, 'c'), ['lia-edit-c-cctv-needs-dpia', 'lia-edit-c-igb-not-yet']);
    await page.getByRole('button', { name: 'Remove “Does this involve CCTV?”' }).click();
    const notice = page.locator('#lia-edit-q-notice');
    await waitForFocus(page, { id: 'lia-edit-q-notice' });
    assert.equal(await notice.getAttribute('role'), 'status');
    assert.equal(
      (await notice.innerText()).trim(),
      'Removed “Does this involve CCTV?”, and with it the check on it: “cctv-needs-dpia”.',
    );
    assert.deepEqual(await rowIds(page, 'c'), ['lia-edit-c-igb-not-yet']);
    assert.deepEqual(await rowIds(page), ['lia-edit-q-system', 'lia-edit-q-igb']);
    // Nor can a new check be on it.
    const offered = await page.locator('#lia-new-c-question option').allTextContents();
    assert.deepEqual(offered, ['Which system holds the data?', 'Has the Information Governance Board seen this?']);
    // A question no check names goes alone.
    await page.getByRole('button', { name: 'Remove “Which system holds the data?”' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#lia-edit-q-notice')?.textContent.includes('Removed “Which system'),
    );
    assert.equal((await notice.innerText()).trim(), 'Removed “Which system holds the data?”.');
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});

test('a problem blocks the download and is listed with its path, linking to where it is', async () => {
  const { context, page, warnings } = await openEditor(null);
  let downloads = 0;
  page.on('download', () => downloads++);
  try {
    assert.match(await page.locator('main').innerText(), /No settings are loaded here, so you start from blank settings/);
    assert.match(await page.locator('main').innerText(), /Your edits are kept only while this page is open/);
    await page.getByLabel('Revision').fill('1');
    await addQuestion(page, { kind: 'One of a list of options', label: 'Which board saw it?', options: 'Only one\n\n' });
    await page.getByRole('button', { name: 'Check and download the settings file' }).click();
    const summary = page.locator('#lia-error-summary');
    await waitForFocus(page, { id: 'lia-error-summary' });
    assert.deepEqual(await summary.locator('li').allInnerTexts(), [
      'name: is empty',
      'questions[0].options: a choice question needs at least two options',
    ]);
    // Each links to its place: the name's box, the question's row (with the problem beside it).
    await summary.getByRole('link', { name: 'questions[0].options: a choice question needs at least two options' }).click();
    await waitForFocus(page, { id: 'lia-edit-q-which-board-saw-it' });
    assert.match(await page.locator('#lia-edit-q-which-board-saw-it-error').innerText(), /needs at least two options/);
    await summary.getByRole('link', { name: 'name: is empty' }).click();
    await waitForFocus(page, { id: 'lia-set-name' });
    assert.match(await page.locator('#lia-set-name').getAttribute('aria-describedby'), /lia-set-name-error/);
    await page.waitForTimeout(500);
    assert.equal(downloads, 0, 'nothing was downloaded');

    // Put right, the list follows: the name given, the question removed and added again with two options.
    await page.keyboard.type('Test settings');
    await page.waitForFunction(() => document.querySelector('[data-lia-widget]').shadowRoot.querySelectorAll('#lia-error-summary li').length === 1);
    await page.getByRole('button', { name: 'Remove “Which board saw it?”' }).click();
    await summary.waitFor({ state: 'detached' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Check and download the settings file' }).click();
    assert.equal((await download).suggestedFilename(), 'lia-settings-test-settings.json');
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});

test('a valid draft downloads a file the tool reads back, the added question in its place', async () => {
  const { context, page, warnings } = await openEditor(EXAMPLE);
  try {
    const revision = page.getByLabel('Revision', { exact: true });
    await revision.fill('2026.2');
    await addQuestion(page, { section: 'Consider the nature of the data', kind: 'Yes, no or not sure', label: 'Are the cameras recorded?', required: true });
    await page.getByRole('button', { name: 'Move up “Are the cameras recorded?”' }).click();
    await page.locator('#lia-new-c-question').selectOption({ label: 'Are the cameras recorded?' });
    await page.locator('#lia-new-c-when').selectOption({ label: 'Answered “No”' });
    await page.getByRole('group', { name: 'How serious it is' }).getByLabel('Blocker').check();
    await page.getByLabel('What the finding says').fill('Recordings must be kept: say where.');
    await page.getByRole('button', { name: 'Add the check', exact: true }).click();
    await page.locator('#lia-edit-c-are-the-cameras-recorded-no').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Check and download the settings file' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'lia-settings-riverside-housing-association-legitimate.json');
    const text = await fs.readFile(await file.path(), 'utf8');
    assert.match(await page.locator('main').innerText(), /Downloaded “lia-settings-riverside-housing-association-legitimate\.json”/);

    // Read back in Node: the file's schema accepts it, and its key fields are the draft's.
    const written = JSON.parse(text);
    const ajv = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);
    assert.ok(ajv(written), JSON.stringify(ajv.errors));
    const example = JSON.parse(EXAMPLE);
    assert.equal(written.format, 'lia-settings');
    assert.equal(written.version, 1);
    assert.equal(written.name, example.name);
    assert.equal(written.revision, '2026.2');
    assert.deepEqual(written.organisation, example.organisation);
    assert.deepEqual(written.approvers, example.approvers);
    assert.deepEqual(written.policy, example.policy);
    // Moved up past CCTV, the one before it in its section (the file keeps each
    // section's order; CCTV takes its place, after the decision's question).
    assert.deepEqual(written.questions.map((q) => q.id), ['system', 'are-the-cameras-recorded', 'igb', 'cctv']);
    assert.deepEqual(written.questions.filter((q) => q.section === 'nature').map((q) => q.id), ['are-the-cameras-recorded', 'cctv']);
    assert.deepEqual(written.questions[1], {
      id: 'are-the-cameras-recorded',
      section: 'nature',
      kind: 'yes-no',
      label: 'Are the cameras recorded?',
      required: true,
    });
    assert.deepEqual(written.checks.map((c) => [c.id, c.question, c.when, c.severity]), [
      ['cctv-needs-dpia', 'cctv', 'yes', 'warning'],
      ['igb-not-yet', 'igb', 'not-yet', 'blocker'],
      ['are-the-cameras-recorded-no', 'are-the-cameras-recorded', 'no', 'blocker'],
    ]);

    // And the tool's own reader (organisation::read) accepts it: given to a host page,
    // no warning, and the editor there starts from it, the added question in its place.
    const again = await openEditor(text);
    try {
      assert.match(await again.page.locator('main').innerText(), /editing a copy of “Riverside Housing Association: legitimate interests assessments” \(revision 2026\.2\)/);
      assert.deepEqual(await rowIds(again.page), ['lia-edit-q-system', 'lia-edit-q-are-the-cameras-recorded', 'lia-edit-q-cctv', 'lia-edit-q-igb']);
      assert.deepEqual(again.warnings, [], 'the tool read the file without a problem');
    } finally {
      await again.context.close();
    }
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});

test("trying the sample: the CCTV question answered Yes gives its check's finding, No does not, and nothing else changes", async () => {
  const { context, page, warnings } = await openEditor(EXAMPLE);
  try {
    const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    const before = await stored();
    const finding = page.locator('#lia-try-findings [data-finding="org.cctv-needs-dpia"]');
    // The sample's own review date is further off than the policy's 12 months.
    await page.locator('#lia-try-findings [data-finding="org.policy.review-interval"]').waitFor();
    assert.equal(await finding.count(), 0);
    const cctv = page.getByRole('group', { name: 'Does this involve CCTV?' });
    await cctv.getByLabel('Yes').check();
    await finding.waitFor();
    assert.equal(
      (await finding.innerText()).replace(/\s+/g, ' ').trim(),
      'Warning Our policy is a DPIA for every use of CCTV: record its reference in the DPIA section. About: Does this involve CCTV?',
    );
    await cctv.getByLabel('No', { exact: true }).check();
    await finding.waitFor({ state: 'detached' });
    // A check added to the draft counts at once.
    await page.locator('#lia-new-c-question').selectOption({ label: 'Does this involve CCTV?' });
    await page.locator('#lia-new-c-when').selectOption({ label: 'Answered “No”' });
    await page.getByLabel('What the finding says').fill('Say why no cameras are needed.');
    await page.getByRole('button', { name: 'Add the check', exact: true }).click();
    await page.locator('#lia-try-findings [data-finding="org.cctv-no"]').waitFor();
    // Nothing was opened, saved or stored, and the settings loaded here are as they were:
    // a new assessment asks their questions, not the draft's (which has lost one).
    await page.getByRole('button', { name: 'Remove “Which system holds the data?”' }).click();
    await page.locator('#lia-edit-q-system').waitFor({ state: 'detached' });
    assert.equal(await stored(), before);
    await page.getByRole('button', { name: 'Back to the start page' }).click();
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await page.getByRole('heading', { name: "Riverside Housing Association's questions" }).waitFor();
    await page.getByLabel('Which system holds the data?').waitFor();
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});
