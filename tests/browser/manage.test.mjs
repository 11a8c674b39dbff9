// Managing saved assessments on the start page: rename, duplicate, delete with
// confirmation and undo (until the next page load), approved records read-only and never
// overwritten, and the storage use line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  freshContext,
  openApp,
  seedStorage,
  dumpStorage,
  storedRecord,
  assessment,
  recordText,
  goTo,
  goToStart,
  storageUseLine,
  namespaceBytes,
  formatBytes,
  assertNoErrors,
} from './storage-helpers.mjs';
import { indexKey, recordKey, recordPrefix } from '../../scripts/app-facts.mjs';

const env = useBrowser();

const DRAFT = assessment('draft-1', {
  'about.title': 'Staff CCTV',
  'about.organisation': 'Acme Ltd',
  'about.description': 'Cameras in the loading bay.\nKept 30 days.',
  'about.people': ['employees'],
});
const APPROVED = assessment(
  'approved-1',
  { 'about.title': 'Signed-off marketing', 'sign-off.approved-date': '2026-01-05' },
  { status: 'approved' },
);

async function seeded() {
  const { context, record } = await freshContext(env);
  await seedStorage(context, env.server.origin, {
    [recordKey('draft-1')]: recordText(DRAFT, { revision: 2, savedAt: 1764000000000 }),
    [recordKey('approved-1')]: recordText(APPROVED, { revision: 5, savedAt: 1763000000000 }),
  });
  const page = await context.newPage();
  await openApp(page, env.server.origin);
  return { context, record, page };
}

const row = (page, title) => page.locator('table.lia-saved tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });

test('rename: the new name is saved as the next revision and shown; an approved record cannot be renamed', async () => {
  const { context, record, page } = await seeded();
  try {
    await page.getByRole('button', { name: 'Rename Staff CCTV' }).click();
    const input = page.getByLabel('New name');
    assert.equal(await input.inputValue(), 'Staff CCTV');
    // Cancel changes nothing.
    await input.fill('Not this');
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await storedRecord(page, 'draft-1')).revision, 2);
    await page.getByRole('button', { name: 'Rename Staff CCTV' }).click();
    await page.getByLabel('New name').fill('  Loading bay CCTV  ');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('link', { name: 'Loading bay CCTV', exact: true }).waitFor();
    const stored = await storedRecord(page, 'draft-1');
    assert.equal(stored.revision, 3);
    assert.deepEqual(stored.assessment.answers, { ...DRAFT.answers, 'about.title': 'Loading bay CCTV' });
    assert.equal(JSON.parse((await dumpStorage(page))[indexKey()]).assessments.find((a) => a.id === 'draft-1').title, 'Loading bay CCTV');
    // The approved one offers no rename.
    await row(page, 'Signed-off marketing').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Rename Signed-off marketing' }).count(), 0);
    // And the name survives a reload.
    await page.reload();
    await page.getByRole('link', { name: 'Loading bay CCTV', exact: true }).waitFor();
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('duplicate: a new draft with every answer, under a new key; the original untouched', async () => {
  const { context, record, page } = await seeded();
  try {
    const before = await dumpStorage(page);
    await page.getByRole('button', { name: 'Duplicate Signed-off marketing' }).click();
    await page.waitForFunction((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length === 3, recordPrefix());
    const after = await dumpStorage(page);
    const newKey = Object.keys(after).find((k) => k.startsWith(recordPrefix()) && !(k in before));
    const copy = JSON.parse(after[newKey]);
    assert.notEqual(copy.assessment.id, 'approved-1');
    assert.equal(newKey, recordKey(copy.assessment.id));
    assert.deepEqual(copy.assessment.answers, APPROVED.answers, 'every answer copied');
    assert.equal(copy.assessment.status, 'draft', 'the copy of an approved record is a draft');
    assert.equal(copy.revision, 1);
    assert.equal(after[recordKey('approved-1')], before[recordKey('approved-1')], 'the original is untouched');
    assert.equal(after[recordKey('draft-1')], before[recordKey('draft-1')]);
    assert.equal(await page.getByRole('link', { name: 'Signed-off marketing', exact: true }).count(), 2);
    // The copy is a draft, so it can be renamed.
    assert.equal(await page.getByRole('button', { name: 'Rename Signed-off marketing' }).count(), 1);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('delete asks first, can be undone byte for byte, and the undo is gone after a reload', async () => {
  const { context, record, page } = await seeded();
  try {
    const original = (await dumpStorage(page))[recordKey('draft-1')];
    await page.getByRole('button', { name: 'Delete Staff CCTV' }).click();
    const confirm = page.getByRole('group', { name: 'Delete “Staff CCTV” from this browser?', exact: false });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal((await dumpStorage(page))[recordKey('draft-1')], original, 'cancel deletes nothing');

    await page.getByRole('button', { name: 'Delete Staff CCTV' }).click();
    await confirm.getByRole('button', { name: 'Yes, delete it' }).click();
    const deleted = page.locator('#lia-deleted');
    await deleted.getByText('“Staff CCTV” deleted.', { exact: false }).waitFor();
    assert.equal((await dumpStorage(page))[recordKey('draft-1')], undefined, 'deleted from storage');
    assert.equal(await page.getByRole('link', { name: 'Staff CCTV', exact: true }).count(), 0);
    assert.ok(!JSON.parse((await dumpStorage(page))[indexKey()]).assessments.some((a) => a.id === 'draft-1'));

    await deleted.getByRole('button', { name: 'Undo deleting Staff CCTV' }).click();
    await page.getByRole('link', { name: 'Staff CCTV', exact: true }).waitFor();
    assert.equal((await dumpStorage(page))[recordKey('draft-1')], original, 'restored byte for byte');

    // An approved record can be deleted too (with its own warning), and after a reload
    // there is no undo any more.
    await page.getByRole('button', { name: 'Delete Signed-off marketing' }).click();
    await page.getByText('It is an approved record: keep a downloaded copy if you need it.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('button', { name: 'Undo deleting Signed-off marketing' }).waitFor();
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    await page.getByRole('link', { name: 'Staff CCTV', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Undo deleting/ }).count(), 0, 'no undo after a reload');
    assert.equal((await dumpStorage(page))[recordKey('approved-1')], undefined);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('an approved record opens read-only and is never written', async () => {
  const { context, record, page } = await seeded();
  try {
    const original = (await dumpStorage(page))[recordKey('approved-1')];
    await goTo(page, 'approved-1', 'about');
    const title = page.getByLabel('What do you want to call this assessment?', { exact: true });
    await title.waitFor();
    assert.ok(await title.isDisabled(), 'its fields are disabled');
    // Marked approved with no signature: read-only, and never said to be approved.
    await page.getByText('This assessment is marked approved, but its approval cannot be relied on.', { exact: false }).first().waitFor();
    // Even an input event forced on the field changes nothing, in the page or in storage.
    await page.evaluate(() => {
      const input = document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#q-about-title');
      input.value = 'Forced change';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    });
    await page.waitForTimeout(500);
    await goToStart(page);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    assert.equal((await dumpStorage(page))[recordKey('approved-1')], original, 'never overwritten');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('the start page shows the storage in use, and it follows what is saved', async () => {
  const { context, record, page } = await seeded();
  try {
    const line = storageUseLine(page);
    const expect = async () => {
      const bytes = await namespaceBytes(page);
      await line.getByText(`This tool is using ${formatBytes(bytes)} of this browser's storage.`).waitFor();
      return bytes;
    };
    const first = await expect();
    assert.ok(first > 0);
    await page.getByRole('button', { name: 'Duplicate Staff CCTV' }).click();
    await page.getByRole('link', { name: 'Staff CCTV', exact: true }).nth(1).waitFor();
    const second = await expect();
    assert.ok(second > first, `${second} > ${first}`);
    await page.getByRole('button', { name: 'Delete Signed-off marketing' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    const third = await expect();
    assert.ok(third < second, `${third} < ${second}`);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('a long list shows the 20 most recent first; "Show all" brings the rest, keyboard kept there; a rename redraws only its row', async () => {
  const { context, record } = await freshContext(env);
  const seeds = {};
  const name = (n) => `Draft ${String(n).padStart(2, '0')}`;
  for (let n = 0; n < 25; n++) {
    // Draft 00 is the most recently saved.
    seeds[recordKey(`d-${n}`)] = recordText(assessment(`d-${n}`, { 'about.title': name(n) }), { revision: 1, savedAt: 1764000000000 - n * 60000 });
  }
  await seedStorage(context, env.server.origin, seeds);
  const page = await context.newPage();
  try {
    await openApp(page, env.server.origin);
    const rows = page.locator('table.lia-saved tbody tr');
    await page.getByText('Showing the 20 most recently changed of 25 saved assessments.').waitFor();
    const titles = await rows.locator('td:first-child a').allTextContents();
    assert.deepEqual(titles, Array.from({ length: 20 }, (_, n) => name(n)));

    // Every row that does not change keeps its element across a rename.
    await page.waitForTimeout(300); // the full read of every record after the first render
    await rows.evaluateAll((trs) => trs.forEach((tr) => (tr.liaKept = true)));
    await page.getByRole('button', { name: `Rename ${name(5)}` }).click();
    await page.getByLabel('New name').fill('Renamed draft');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('link', { name: 'Renamed draft', exact: true }).waitFor();
    assert.equal(await rows.count(), 20);
    assert.equal(await rows.first().locator('a').textContent(), 'Renamed draft', 'the renamed one is now the most recent');
    const kept = await rows.evaluateAll((trs) => trs.map((tr) => (tr.liaKept ? tr.querySelector('a').textContent : null)));
    assert.deepEqual(kept, [null, ...[0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(name)]);

    // "Show all" from the keyboard: every row, and focus on the first one newly shown.
    await page.getByRole('button', { name: 'Show all 25 assessments' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-lia-widget]').shadowRoot.querySelectorAll('table.lia-saved tbody tr').length === 25);
    assert.equal(await page.getByRole('button', { name: 'Show all 25 assessments' }).count(), 0);
    const focused = await page.evaluate(() => document.querySelector('[data-lia-widget]').shadowRoot.activeElement?.textContent);
    assert.equal(focused, name(20));
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});
