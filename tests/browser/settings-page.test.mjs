// The organisation's settings page (issue 29, `#/settings`): the user chooses the
// settings file in the served build and in the single file; a new assessment then asks
// its questions, and the choice is kept in the browser until replaced (over a reload),
// sealed with the passphrase when one is set. A file with problems lists every one with
// where it is, and the settings in use stay. A kept value changed in storage is refused
// with a notice. Where the host page gives the settings, they are shown and cannot be
// replaced. The page passes axe at 1280 and 320 px and works by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, openApp, DEMO, SINGLE_FILE } from './support.mjs';
import { assertNoViolations } from './a11y.mjs';
import { tabTo, waitForFocus, expectHeadingFocused } from './keyboard.mjs';
import { FACTS, DEFAULT_NAMESPACE } from '../../scripts/app-facts.mjs';

const EXAMPLE = await fs.readFile(new URL('../../docs/settings.example.json', import.meta.url), 'utf8');
const BROKEN = EXAMPLE.replace('"kind": "text"', '"kind": "number"').replace('"severity": "warning"', '"severity": "fatal"');
const PROBLEMS = [
  'questions[0].kind: is not a kind of question this tool asks (text, yes-no or choice)',
  'checks[0].severity: must be one of: blocker, warning, advice',
];
/** Where the chosen file is kept (the generated key layout, never a hand copy). */
const SETTINGS_KEY = FACTS.storage.keys.settings.replace('{ns}', DEFAULT_NAMESPACE);
const NAME = 'Riverside Housing Association: legitimate interests assessments';
const QUESTIONS = "Riverside Housing Association's questions";
const PASSPHRASE = 'kettle harbour violet';
const SINGLE_URL = pathToFileURL(SINGLE_FILE).href;

const HOSTS = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-settings-hosts-'));
await fs.writeFile(
  path.join(HOSTS, 'given.html'),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Riverside intranet</title>
<main><div id="widget" data-lia-widget data-namespace="given" data-settings="${EXAMPLE.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></div></main>
<script type="module" src="/demo/embed.js"></script></html>`,
);

const env = useBrowser({ '/demo/': DEMO, '/hosts/': HOSTS });

const file = (text, name = 'riverside-settings.json') => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const kept = (page) => page.evaluate((key) => localStorage.getItem(key), SETTINGS_KEY);

/** A fresh context, with downloads, and a page on `url` (the served app by default). */
async function fresh(url) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, '', url ?? `${env.server.origin}/`);
  return { context, page, errors };
}

/** The settings page, reached by its link on the start page. */
async function toSettings(page) {
  await page.getByRole('link', { name: "Your organisation's settings" }).click();
  await page.getByRole('heading', { level: 1, name: "Your organisation's settings" }).waitFor();
}

async function choose(page, chosen) {
  await page.getByLabel('Choose a settings file', { exact: true }).setInputFiles(chosen);
}

/** The settings page says these settings are loaded. */
async function expectLoaded(page) {
  const loaded = page.locator('#lia-settings-loaded');
  await loaded.waitFor();
  assert.match(await loaded.innerText(), new RegExp(`Name\\s+${NAME}`));
}

/** A new assessment, from the start page: whether it asks the settings' questions. */
async function newAssessmentAsks(page) {
  await page.getByRole('link', { name: 'Legitimate interests assessment' }).first().click();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByLabel('What do you want to call this assessment?').waitFor();
  return (await page.getByRole('heading', { name: QUESTIONS }).count()) === 1;
}

test('served: the example chosen on the settings page is used at once and kept over a reload', async () => {
  const { context, page, errors } = await fresh();
  try {
    assert.equal(await newAssessmentAsks(page), false, 'no settings yet');
    await page.goto(`${env.server.origin}/#/`);
    await page.waitForSelector('[data-lia-ready="true"]');
    await toSettings(page);
    await page.locator('#lia-settings-none').waitFor();
    await choose(page, file(EXAMPLE));
    await page.getByRole('status').filter({ hasText: '“riverside-settings.json” are now used' }).waitFor();
    await expectLoaded(page);
    const shown = await page.locator('.lia-main').innerText();
    // What they add: questions by section with kind and whether required, checks, screening
    // questions, approvers by name and fingerprint, policy and defaults.
    for (const line of [
      'Describe the processing: Which system holds the data? (a text answer; required)',
      'Does this involve CCTV? (yes or no; required)',
      'one of: Yes, and it agreed; Yes, for information; Not yet; optional',
      'Blocker: The Information Governance Board must see an assessment before it is signed off. (when “Has the Information Governance Board seen this?” is answered “Not yet”)',
      "Could the processing affect someone's tenancy",
      'Priya Shah (Data Protection Officer, Riverside Housing Association). Fingerprint: 30E2 982C 3C8C 8C24 585C 4E6C 62FC 95D7',
      'At most 12 months after the assessment is completed',
      'the Information Governance Board, when the risk to people after safeguards is high\n',
      'kept in this browser without a passphrase',
    ]) {
      assert.ok(shown.includes(line), `the page shows “${line}”:\n${shown}`);
    }
    // Kept as chosen, and given back as chosen.
    assert.equal(await kept(page), EXAMPLE);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the settings file' }).click();
    assert.equal(await fs.readFile(await (await download).path(), 'utf8'), EXAMPLE);
    assert.equal(await newAssessmentAsks(page), true, 'a new assessment asks their questions at once');
    assert.equal(
      await page.getByLabel('Which organisation is responsible for the processing?').inputValue(),
      'Riverside Housing Association',
    );

    // Over a reload: still used, still kept.
    await page.goto(`${env.server.origin}/#/settings`);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    await expectLoaded(page);
    assert.equal(await newAssessmentAsks(page), true, 'after a reload too');

    // Removed: none loaded, nothing kept, a new assessment asks only the ICO's questions.
    await page.goto(`${env.server.origin}/#/settings`);
    await page.getByRole('button', { name: 'Remove these settings' }).click();
    await page.locator('#lia-settings-none').waitFor();
    assert.equal(await kept(page), null);
    assert.equal(await newAssessmentAsks(page), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a file with problems lists every one with where it is, and the settings in use stay', async () => {
  const { context, page } = await fresh();
  try {
    await toSettings(page);
    await choose(page, file(EXAMPLE));
    await expectLoaded(page);
    await choose(page, file(BROKEN, 'broken.json'));
    const summary = page.locator('#lia-settings-errors');
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('listitem').allInnerTexts(), PROBLEMS);
    await waitForFocus(page, { id: 'lia-settings-errors' });
    // Each problem links to the file input, which says what went wrong.
    await summary.getByRole('link', { name: PROBLEMS[0] }).click();
    await waitForFocus(page, { id: 'lia-settings-file' });
    assert.match(await page.locator('#lia-settings-file-error').innerText(), /“broken\.json” is not a settings file this tool can use/);
    // Not JSON at all: refused too, said once, with where (the whole file).
    await choose(page, file('{ "format": "lia-settings", ', 'cut.json'));
    await page.locator('#lia-settings-errors').getByText(/^The file: /).waitFor();
    // The settings in use and the file kept are the previous ones, now and after a reload.
    await expectLoaded(page);
    assert.equal(await kept(page), EXAMPLE);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    await expectLoaded(page);
    assert.equal(await newAssessmentAsks(page), true);
  } finally {
    await context.close();
  }
});

test('a kept file changed in storage is refused with a notice, not used, and can be removed', async () => {
  const { context, page } = await fresh();
  try {
    await toSettings(page);
    await choose(page, file(EXAMPLE));
    await expectLoaded(page);
    // Someone with a text editor and the browser's storage.
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SETTINGS_KEY, BROKEN]);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    const notice = page.locator('#lia-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /The settings file kept in this browser has been changed since it was chosen/);
    const refused = page.locator('#lia-settings-refused');
    await refused.waitFor();
    assert.deepEqual(await refused.getByRole('listitem').allInnerTexts(), PROBLEMS);
    await page.locator('#lia-settings-none').waitFor();
    assert.equal(await kept(page), BROKEN, 'kept as it was until replaced or removed, not dropped');
    await page.getByRole('button', { name: 'Remove these settings' }).click();
    await refused.waitFor({ state: 'detached' });
    assert.equal(await kept(page), null);
    assert.equal(await newAssessmentAsks(page), false);
  } finally {
    await context.close();
  }
});

test('single file: chosen from disk it asks its questions; kept only sealed with the passphrase, and back once it is given', async () => {
  const { context, page, errors } = await fresh(SINGLE_URL);
  try {
    await toSettings(page);
    await choose(page, file(EXAMPLE));
    await expectLoaded(page);
    // Opened as a file, with no passphrase: used, not kept, and the page says why.
    assert.match(await page.locator('#lia-settings-loaded').innerText(), /not kept\. This tool is opened as a file/);
    assert.equal(await kept(page), null);
    assert.equal(await newAssessmentAsks(page), true, 'the single file asks their questions');

    // A passphrase set: the chosen file is kept now, sealed.
    await page.getByRole('link', { name: 'Legitimate interests assessment' }).first().click();
    await page.locator('#lia-passphrase summary').click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type it again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Set the passphrase' }).click();
    await page.locator('#lia-notice').getByText(/now encrypted with your passphrase/).waitFor({ timeout: 60000 });
    const sealed = await kept(page);
    assert.match(sealed ?? '', /^lia-sealed:/);
    for (const word of ['Riverside', 'lia-settings', 'CCTV']) assert.ok(!sealed.includes(word), `no “${word}” in clear`);
    await toSettings(page);
    assert.match(await page.locator('#lia-settings-loaded').innerText(), /sealed with your passphrase/);

    // Reloaded: not used until the passphrase is given, on the settings page itself.
    await page.goto(`${SINGLE_URL}#/settings`);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    await page.locator('#lia-settings-none').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expectLoaded(page);
    assert.equal(await newAssessmentAsks(page), true, 'after the passphrase');

    // Another page opened from a file puts a settings file of its own there, in clear:
    // refused once the passphrase is given, with a notice.
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SETTINGS_KEY, EXAMPLE.replace('2026.1', '2026.9')]);
    await page.goto(`${SINGLE_URL}#/settings`);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('#lia-settings-refused').getByText(/is not sealed with a passphrase set here now/).waitFor({ timeout: 60000 });
    assert.match(await page.locator('#lia-notice').innerText(), /not sealed with a passphrase set here now/);
    await page.locator('#lia-settings-none').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("where the host page gives the settings, the page shows them and they cannot be replaced there", async () => {
  const { context, page } = await fresh(`${env.server.origin}/hosts/given.html`);
  try {
    const widget = page.locator('#widget');
    await widget.getByRole('link', { name: "Your organisation's settings" }).click();
    await widget.locator('#lia-settings-loaded').waitFor();
    assert.match(await widget.locator('#lia-settings-loaded').innerText(), /From\s+The page this tool is part of/);
    assert.match(await widget.locator('#lia-settings-host').innerText(), /cannot be replaced or removed here/);
    assert.equal(await widget.getByLabel('Choose a settings file').count(), 0);
  } finally {
    await context.close();
  }
});

test('the settings page passes axe at 1280 and 320 px: none loaded, loaded, and a refused file', async () => {
  for (const width of [1280, 320]) {
    const { context, page } = await fresh();
    try {
      await page.setViewportSize({ width, height: 900 });
      await toSettings(page);
      await assertNoViolations(page, `the settings page with none loaded at ${width}px`);
      await choose(page, file(EXAMPLE));
      await expectLoaded(page);
      await assertNoViolations(page, `the settings page with the example loaded at ${width}px`);
      await choose(page, file(BROKEN, 'broken.json'));
      await page.locator('#lia-settings-errors').waitFor();
      await assertNoViolations(page, `the settings page with a refused file at ${width}px`);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (${overflow}px)`);
    } finally {
      await context.close();
    }
  }
});

test('the settings page can be used by keyboard alone: reach it, choose, download and remove a file', async () => {
  const { context, page } = await fresh();
  try {
    await tabTo(page, { role: 'link', name: "Your organisation's settings" });
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, "Your organisation's settings");
    // The file input opens the browser's file chooser from the keyboard.
    await tabTo(page, { id: 'lia-settings-file' });
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(file(EXAMPLE));
    await waitForFocus(page, { id: 'lia-settings-done' });
    await expectLoaded(page);
    await tabTo(page, { role: 'button', name: 'Download the settings file' });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    assert.equal(await fs.readFile(await (await download).path(), 'utf8'), EXAMPLE);
    await tabTo(page, { role: 'button', name: 'Remove these settings' });
    await page.keyboard.press('Enter');
    await waitForFocus(page, { id: 'lia-settings-done' });
    assert.match(await page.locator('#lia-settings-done').innerText(), /removed/);
    await page.locator('#lia-settings-none').waitFor();
    // And back to the start page.
    await tabTo(page, { role: 'button', name: 'Back to the start page' }, { back: true });
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Legitimate interests assessment');
  } finally {
    await context.close();
  }
});
