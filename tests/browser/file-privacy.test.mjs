// The single file opened from disk shares this browser's storage with every other page
// opened from a file. The tool says so plainly; with a passphrase, another local page
// reads nothing of what it saved and what that page plants is set aside, not listed;
// a wrong passphrase changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SINGLE_FILE, launchBrowser } from './support.mjs';
import { recordKey, SCHEMA_VERSION } from '../../scripts/app-facts.mjs';

let browser;
let toolUrl;
let otherUrl;
let otherDir;

/** Another local HTML page, in another folder: it reads and writes the shared storage. */
const OTHER_PAGE = `<!doctype html><meta charset="utf-8"><title>Another local file</title><p>Another file.</p>`;

before(async () => {
  await fs.access(SINGLE_FILE);
  toolUrl = pathToFileURL(SINGLE_FILE).href;
  otherDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-other-file-'));
  const other = path.join(otherDir, 'other.html');
  await fs.writeFile(other, OTHER_PAGE);
  otherUrl = pathToFileURL(other).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (otherDir) await fs.rm(otherDir, { recursive: true, force: true });
});

const inTool = (page, selector) => page.locator('[data-lia-widget]').locator(selector);

async function openTool(page) {
  await page.goto(toolUrl);
  await page.waitForSelector('[data-lia-ready="true"]', { timeout: 30000 });
}

/** Everything in the shared storage, as another local page sees it. */
async function readFromOtherPage(context) {
  const page = await context.newPage();
  try {
    await page.goto(otherUrl);
    return await page.evaluate(() => {
      const out = {};
      for (let i = 0; i < localStorage.length; i++) out[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
      return out;
    });
  } finally {
    await page.close();
  }
}

test('opened as a file, the tool says other local pages share its storage; a passphrase keeps them out', async () => {
  const context = await browser.newContext();
  const errors = [];
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(String(e))));
  try {
    const page = await context.newPage();
    await openTool(page);
    const notice = page.locator('#lia-file-origin');
    await notice.getByRole('heading', { name: 'You opened this tool as a file on this computer' }).waitFor();
    assert.match(await notice.textContent(), /Another HTML file you open here could read the assessments/);

    // Without a passphrase, another local page reads the draft: the warning is true.
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await page.getByLabel('What do you want to call this assessment?').fill('Tenancy fraud checks');
    await page.locator('#lia-save-status').filter({ hasText: /^Saved$/ }).waitFor();
    const open = await readFromOtherPage(context);
    assert.ok(Object.values(open).some((v) => v.includes('Tenancy fraud checks')), 'in clear before a passphrase');

    // Set a passphrase.
    await page.locator('.lia-header__product').click();
    await page.locator('#lia-passphrase summary').click();
    await page.getByLabel('Passphrase', { exact: true }).fill('kettle harbour violet');
    await page.getByLabel('Type it again').fill('kettle harbour violet');
    await page.getByRole('button', { name: 'Set the passphrase' }).click();
    await page.locator('#lia-notice').getByText('now encrypted with your passphrase', { exact: false }).waitFor({ timeout: 30000 });
    await notice.getByText('Your saved assessments are encrypted with your passphrase', { exact: false }).waitFor();

    // Another local page now reads nothing of it, and plants an "approved" record.
    const sealed = await readFromOtherPage(context);
    assert.ok(Object.keys(sealed).some((k) => k.startsWith('lia:assessment:')), 'the record is there');
    for (const [key, value] of Object.entries(sealed)) {
      assert.ok(!value.includes('Tenancy fraud checks'), `${key} holds no title in clear`);
    }
    const planter = await context.newPage();
    await planter.goto(otherUrl);
    const planted = {
      schema_version: SCHEMA_VERSION,
      revision: 1,
      saved_at: 1,
      assessment: { id: 'planted', version: 1, status: 'approved', answers: { 'about.title': 'Approved by another page' }, impacts: [] },
    };
    await planter.evaluate(([key, text]) => localStorage.setItem(key, text), [recordKey('planted'), JSON.stringify(planted)]);
    await planter.close();

    // Reopen: locked until the passphrase is given; a wrong one changes nothing.
    const again = await context.newPage();
    await openTool(again);
    await again.locator('#lia-locked').waitFor();
    assert.equal(await inTool(again, '.lia-saved').count(), 0, 'nothing listed before the passphrase');
    const before = await readFromOtherPage(context);
    await again.getByLabel('Passphrase', { exact: true }).fill('kettle harbour violent');
    await again.getByRole('button', { name: 'Unlock' }).click();
    await again.locator('#lia-unlock-error-summary').getByText('That is not the passphrase', { exact: false }).waitFor({ timeout: 30000 });
    assert.deepEqual(await readFromOtherPage(context), before, 'a wrong passphrase changes nothing');

    await again.getByLabel('Passphrase', { exact: true }).fill('kettle harbour violet');
    await again.getByRole('button', { name: 'Unlock' }).click();
    await again.getByRole('link', { name: 'Tenancy fraud checks' }).waitFor({ timeout: 30000 });
    // The planted record is set aside as not this tool's, never listed.
    assert.equal(await again.getByRole('link', { name: 'Approved by another page' }).count(), 0);
    await again.locator('#lia-damaged').getByText('not encrypted with your passphrase', { exact: false }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
