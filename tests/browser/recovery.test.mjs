// When storage goes wrong: damaged records are set aside byte for byte and named; a
// full storage keeps the last good copy, says so with the size in use and saves once
// space is freed; blocked storage leaves the app working in memory with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import {
  useBrowser,
  freshContext,
  openApp,
  seedStorage,
  dumpStorage,
  storedRecord,
  waitForStored,
  waitForStatus,
  assessment,
  recordText,
  startNew,
  field,
  goToStart,
  storageUseLine,
  namespaceBytes,
  formatBytes,
  assertNoErrors,
} from './storage-helpers.mjs';
import { SCHEMA_VERSION, INDEX_VERSION, indexKey, recordKey, quarantineKey, quarantineNoteKey } from '../../scripts/app-facts.mjs';

const env = useBrowser();

const TITLE = 'What do you want to call this assessment?';
const DESCRIPTION = 'Describe the processing';

/**
 * Every code unit from 0 to 255, then some high ones, then lone surrogates (UTF-16 that
 * is not valid Unicode, which localStorage keeps but a Rust string cannot): what a
 * binary file read as text looks like.
 */
function binaryGarbage() {
  let s = '';
  for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
  for (let i = 0; i < 64; i++) s += String.fromCharCode((i * 7919) % 0xd7ff);
  return `${s}\u0000\ufffe\uffff\ud800x\udfff\udc00\ud83d`;
}

function damagedSet() {
  const good = recordText(assessment('good-1', { 'about.title': 'Still fine' }), { revision: 4 });
  const cut = recordText(assessment('cut-1', { 'about.title': 'Cut short', 'about.description': 'x'.repeat(200) }));
  return {
    good,
    damaged: {
      // Truncated JSON: named by the index, which still knows its title.
      'cut-1': cut.slice(0, Math.floor(cut.length / 2)),
      // Wrong types in the envelope: named by the title still in its text.
      'types-1': recordText(assessment('types-1', { 'about.title': 'Wrong revision type' })).replace('"revision":1', '"revision":"three"'),
      // Wrong type of an answer (a list expected).
      'types-2': recordText(assessment('types-2', { 'about.title': 'Wrong answer type' })).replace(
        '"answers":{',
        '"answers":{"about.people":"tenants",',
      ),
      // Not JSON at all.
      'binary-1': binaryGarbage(),
      // JSON of the right shape, from a future release.
      'future-1': recordText(assessment('future-1', { 'about.title': 'From the future' })).replace(
        `"schema_version":${SCHEMA_VERSION}`,
        '"schema_version":99',
      ),
      // Valid JSON, but not a record.
      'array-1': '[1,2,3]',
    },
  };
}

function indexKnowing(titles) {
  return JSON.stringify({
    index_version: INDEX_VERSION,
    assessments: Object.entries(titles).map(([id, title], i) => ({
      id,
      title,
      status: 'draft',
      version: 1,
      saved_at: 1764000000000 - i,
      revision: 1,
    })),
  });
}

test('damaged records of every kind are set aside byte for byte and named, and the app starts', async () => {
  const { context, record } = await freshContext(env);
  try {
    const { good, damaged } = damagedSet();
    const seeded = {
      [indexKey()]: indexKnowing({ 'good-1': 'Still fine', 'cut-1': 'Cut short', 'binary-1': 'Binary one' }),
      [recordKey('good-1')]: good,
      'other-app:setting': 'not ours',
    };
    for (const [id, raw] of Object.entries(damaged)) seeded[recordKey(id)] = raw;
    await seedStorage(context, env.server.origin, seeded);

    const page = await context.newPage();
    await openApp(page, env.server.origin);
    // It starts, lists the readable one and names every damaged one.
    await page.getByRole('link', { name: 'Still fine', exact: true }).waitFor();
    const region = page.getByRole('region', { name: '6 saved assessments could not be read' });
    await region.waitFor();
    for (const name of ['Cut short', 'Wrong revision type', 'Wrong answer type', 'Binary one', 'From the future', 'array-1']) {
      await region.getByText(`“${name}” could not be opened:`, { exact: false }).waitFor();
    }
    await region.getByText('saved by a newer version of this tool', { exact: false }).waitFor();

    const check = async (when) => {
      const stored = await dumpStorage(page);
      assert.equal(stored[recordKey('good-1')], good, `${when}: the good record is untouched`);
      assert.equal(stored['other-app:setting'], 'not ours', `${when}: other keys are untouched`);
      for (const [id, raw] of Object.entries(damaged)) {
        assert.equal(stored[recordKey(id)], undefined, `${when}: ${id} is no longer under its own key`);
        assert.ok(stored[quarantineKey(id, 1)] === raw, `${when}: ${id}'s raw text is kept byte for byte`);
        assert.ok(stored[quarantineNoteKey(id, 1)], `${when}: ${id} has its note`);
        assert.equal(stored[quarantineKey(id, 2)], undefined, `${when}: ${id} is set aside once`);
      }
    };
    await check('after start-up');

    // The raw text can be downloaded exactly.
    const download = page.waitForEvent('download');
    await region.getByRole('button', { name: 'Download the saved text of Cut short' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'lia-damaged-cut-1.txt');
    assert.equal(await fs.readFile(await file.path(), 'utf8'), damaged['cut-1']);

    // A reload finds them set aside earlier: still named, still kept, not copied twice.
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    await page.getByRole('region', { name: '6 saved assessments could not be read' }).waitFor();
    await check('after a reload');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('a damaged record is discarded only when the user confirms', async () => {
  const { context, record } = await freshContext(env);
  try {
    const raw = `{"schema_version":${SCHEMA_VERSION},"revision":1,"saved_at":1,"assessment":{"id":"x-1","answers":{"about.title":"Half`;
    await seedStorage(context, env.server.origin, { [recordKey('x-1')]: raw });
    const page = await context.newPage();
    await openApp(page, env.server.origin);
    const region = page.getByRole('region', { name: 'One saved assessment could not be read' });
    await region.getByRole('button', { name: 'Discard it' }).click();
    await region.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await dumpStorage(page))[quarantineKey('x-1', 1)], raw, 'cancel keeps it');
    await region.getByRole('button', { name: 'Discard it' }).click();
    await region.getByRole('button', { name: 'Yes, discard it' }).click();
    await region.waitFor({ state: 'detached' });
    const stored = await dumpStorage(page);
    assert.deepEqual(Object.keys(stored).filter((k) => k.includes('x-1')), [], 'discarded for good');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

/** Fills the origin's localStorage with keys of another app until not even one more character fits. */
function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const text = 'f'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler:${n}`, text);
          n += 1;
        } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          break;
        }
      }
    }
    return n;
  });
}

test('full storage: the message gives the size in use, the last good copy and everything else are intact, and the work is saved once space is freed', async () => {
  const { context, record } = await freshContext(env);
  try {
    const other = recordText(assessment('other-1', { 'about.title': 'Another assessment' }), { revision: 7 });
    await seedStorage(context, env.server.origin, { [recordKey('other-1')]: other });
    const page = await context.newPage();
    await openApp(page, env.server.origin);
    const id = await startNew(page);
    await field(page, TITLE).fill('Saved before the storage filled');
    await waitForStored(page, id, (r) => r.assessment.answers['about.title'] === 'Saved before the storage filled');
    await waitForStatus(page, 'Saved');

    const fillers = await fillStorage(page);
    assert.ok(fillers > 5, `filled with ${fillers} keys`);
    const before = await dumpStorage(page);
    const lastGood = before[recordKey(id)];

    await field(page, DESCRIPTION).fill('Typed while the storage is full, and kept in the page.');
    await waitForStatus(page, 'Not saved');
    const banner = page.locator('#lia-not-saved');
    const used = formatBytes(await namespaceBytes(page));
    await banner.getByText(`Not saved: this browser's storage for this tool is full (${used} used).`, { exact: false }).waitFor();
    await banner.getByText('Your work is still here in this page', { exact: false }).waitFor();

    // Nothing stored has changed: the last good copy, the other assessment, the other app's keys.
    const during = await dumpStorage(page);
    assert.deepEqual(during, before, 'storage is exactly as it was');
    assert.equal(during[recordKey(id)], lastGood);
    assert.equal(during[recordKey('other-1')], other);

    // The download holds the work as it is in the page.
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download a copy' }).click();
    const file = JSON.parse(await fs.readFile(await (await download).path(), 'utf8'));
    assert.equal(file.assessment.answers['about.description'], 'Typed while the storage is full, and kept in the page.');

    // Work goes on in memory.
    await field(page, DESCRIPTION).fill('Typed while the storage is full, and more after.');
    await waitForStatus(page, 'Not saved');
    assert.equal(await field(page, DESCRIPTION).inputValue(), 'Typed while the storage is full, and more after.');
    assert.deepEqual(await dumpStorage(page), before, 'still nothing written');

    // Space is freed elsewhere (another app's key goes): the retry saves the work.
    await page.evaluate(() => localStorage.removeItem('filler:0'));
    await waitForStored(
      page,
      id,
      (r) => r.assessment.answers['about.description'] === 'Typed while the storage is full, and more after.',
      9000,
    );
    await waitForStatus(page, 'Saved');
    await banner.waitFor({ state: 'detached' });
    const after = await dumpStorage(page);
    assert.equal(after[recordKey('other-1')], other, 'the other assessment is intact');
    for (let n = 1; n < fillers; n++) assert.ok(after[`filler:${n}`] !== undefined, `filler:${n} is intact`);
    const saved = await storedRecord(page, id);
    assert.equal(saved.assessment.answers['about.title'], 'Saved before the storage filled');
    assert.equal(saved.revision, JSON.parse(lastGood).revision + 1);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('full storage: deleting an assessment frees space and the open work is saved at once', async () => {
  const { context, record } = await freshContext(env);
  try {
    const big = recordText(assessment('big-1', { 'about.title': 'Big and old', 'about.description': 'b'.repeat(20000) }));
    await seedStorage(context, env.server.origin, { [recordKey('big-1')]: big });
    const page = await context.newPage();
    await openApp(page, env.server.origin);
    const id = await startNew(page);
    await field(page, TITLE).fill('Needs room');
    await waitForStored(page, id, (r) => r.assessment.answers['about.title'] === 'Needs room');
    await fillStorage(page);
    await field(page, DESCRIPTION).fill('Written when full');
    await waitForStatus(page, 'Not saved');

    // The user goes to the start page (the work stays open in memory) and deletes the big one.
    await goToStart(page);
    assert.equal((await storedRecord(page, id)).assessment.answers['about.description'], undefined);
    await page.getByRole('button', { name: 'Delete Big and old' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await waitForStored(page, id, (r) => r.assessment.answers['about.description'] === 'Written when full', 2000);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

// Storage refused outright (the localStorage getter throws, as in an opaque origin) is a
// journey of engines/journeys.mjs, in every engine, with the browser itself refusing it.
// Storage that reads but refuses every write needs a script run before the page's own.
for (const [what, block] of [
  [
    'every write to localStorage throws a SecurityError',
    () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    },
  ],
]) {
  test(`no storage (${what}): the app works in memory and always shows the notice`, async () => {
    const { context, record } = await freshContext(env);
    try {
      await context.addInitScript(block);
      const page = await context.newPage();
      await openApp(page, env.server.origin);
      const notice = page.locator('#lia-no-storage');
      const words = 'nothing is kept after you close the page: download a copy before you leave';
      await notice.getByText(words, { exact: false }).waitFor();
      await storageUseLine(page).getByText('Nothing is being kept in this browser', { exact: false }).waitFor();

      const id = await startNew(page);
      await notice.getByText(words, { exact: false }).waitFor();
      await field(page, TITLE).fill('Only in memory');
      await field(page, DESCRIPTION).fill('Still typed here');
      await waitForStatus(page, 'Not saved');
      // The work can leave the page.
      const download = page.waitForEvent('download');
      await notice.getByRole('button', { name: 'Download a copy' }).click();
      const file = JSON.parse(await fs.readFile(await (await download).path(), 'utf8'));
      assert.equal(file.assessment.id, id);
      assert.equal(file.assessment.answers['about.description'], 'Still typed here');

      // Moving about keeps it, and the notice stays on every page.
      await page.getByRole('link', { name: 'Return to the task list' }).click();
      await page.getByRole('heading', { level: 1, name: 'Only in memory' }).waitFor();
      assert.ok(await notice.isVisible(), 'the notice is on the task list');
      await goToStart(page);
      assert.ok(await notice.isVisible(), 'the notice is on the start page');
      await page.getByRole('link', { name: 'Only in memory', exact: true }).click();
      await page.getByRole('link', { name: '1. Describe the processing' }).click();
      assert.equal(await field(page, DESCRIPTION).inputValue(), 'Still typed here');
      assertNoErrors(record);
    } finally {
      await context.close();
    }
  });
}

// Leaving an assessment whose changes could not be saved (state.rs `close`, and likewise
// opening or starting another) keeps those changes in memory until they can be saved.
test(
  'full storage: leaving the assessment (the Back button) keeps the unsaved work, which is saved once space is freed',
  async () => {
    const { context } = await freshContext(env);
    try {
      const page = await context.newPage();
      await openApp(page, env.server.origin);
      const id = await startNew(page);
      await field(page, TITLE).fill('Needs room');
      await waitForStored(page, id, (r) => r.assessment.answers['about.title'] === 'Needs room');
      await fillStorage(page);
      await field(page, DESCRIPTION).fill('Written when full');
      await waitForStatus(page, 'Not saved');
      await page.goBack();
      await page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
      await page.evaluate(() => localStorage.removeItem('filler:0'));
      await page.getByRole('link', { name: 'Needs room', exact: true }).click();
      await page.getByRole('link', { name: '1. Describe the processing' }).click();
      assert.equal(await field(page, DESCRIPTION).inputValue(), 'Written when full', 'the work typed while full is still there');
      assert.equal((await storedRecord(page, id)).assessment.answers['about.description'], 'Written when full');
    } finally {
      await context.close();
    }
  },
);
