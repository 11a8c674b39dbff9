// Two tabs on one origin: a change saved in one is seen in the other, and no tab ever
// silently overwrites a newer revision written by the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordKey } from '../../scripts/app-facts.mjs';
import { approveThroughFiles } from './approval-steps.mjs';
import {
  useBrowser,
  freshContext,
  openApp,
  seedStorage,
  storedRecord,
  waitForStored,
  waitForStatus,
  assessment,
  recordText,
  field,
  goTo,
  typeThen,
  assertNoErrors,
} from './storage-helpers.mjs';

const env = useBrowser();

const TITLE = 'What do you want to call this assessment?';
const DESCRIPTION = 'Describe the processing';
const ID = 'shared-1';

/**
 * Lets a test decide when a page hears the storage event: while `window.__hold` is set,
 * storage events are kept back (as a tab the browser has frozen in the background does
 * not hear them); `window.__release()` delivers them, synchronously, in order.
 */
function holdStorageEvents() {
  window.__hold = false;
  const held = [];
  window.addEventListener(
    'storage',
    (event) => {
      if (!window.__hold) return;
      event.stopImmediatePropagation();
      held.push({ key: event.key, oldValue: event.oldValue, newValue: event.newValue, url: event.url });
    },
    { capture: true },
  );
  window.__release = () => {
    window.__hold = false;
    for (const init of held.splice(0)) window.dispatchEvent(new StorageEvent('storage', { ...init, storageArea: localStorage }));
  };
}

/** A page of the app in `context`, able to hold back storage events, on an assessment's About page. */
async function tab(context, id) {
  const page = await context.newPage();
  await page.addInitScript(holdStorageEvents);
  await openApp(page, env.server.origin);
  await goTo(page, id, 'about');
  await field(page, DESCRIPTION).waitFor();
  return page;
}

/** One context (one localStorage) with two pages on the same saved assessment's About page. */
async function twoTabs() {
  const { context, record } = await freshContext(env);
  await seedStorage(context, env.server.origin, {
    [recordKey(ID)]: recordText(
      assessment(ID, { 'about.title': 'Shared one', 'about.description': 'As first saved' }),
      { revision: 3 },
    ),
  });
  return { context, record, a: await tab(context, ID), b: await tab(context, ID) };
}

/** Sets `page`'s field (a change not yet saved), then at once lets it hear what it missed. */
function typeThenHear(page, selector, value) {
  return typeThen(page, selector, value, () => window.__release());
}

// A change saved in one tab appearing in the other, which had no unsaved change: a journey
// of engines/journeys.mjs, in every engine.

/**
 * B has an unsaved change when it hears that A saved: B must not overwrite A's revision,
 * and asks. Returns what storage held once A had saved.
 */
async function bothChange(a, b) {
  await b.evaluate(() => {
    window.__hold = true;
  });
  await field(a, DESCRIPTION).fill('Saved in tab A');
  await waitForStored(a, ID, (r) => r.revision === 4);
  await typeThenHear(b, '#q-about-description', 'Unsaved in tab B');
  const conflict = b.locator('#lia-conflict');
  await conflict.getByRole('heading', { name: 'This assessment was changed in another tab or window' }).waitFor();
  await waitForStatus(b, 'Not saved');
  // Well past B's autosave: B has still not written over A's revision.
  await b.waitForTimeout(700);
  const stored = await storedRecord(a, ID);
  assert.equal(stored.assessment.answers['about.description'], 'Saved in tab A', 'B did not overwrite A');
  assert.equal(stored.revision, 4);
  assert.equal(await field(b, DESCRIPTION).inputValue(), 'Unsaved in tab B', 'B still shows its own change');
  return { conflict, stored };
}

test('both tabs changed: "Keep my version" saves the second tab’s work over the first, as a newer revision', async () => {
  const { context, record, a, b } = await twoTabs();
  try {
    const { conflict } = await bothChange(a, b);
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await conflict.waitFor({ state: 'detached' });
    await waitForStored(b, ID, (r) => r.revision === 5 && r.assessment.answers['about.description'] === 'Unsaved in tab B');
    await waitForStatus(b, 'Saved');
    // A had no unsaved change: it follows.
    await a.waitForFunction(
      () =>
        document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#q-about-description')?.value ===
        'Unsaved in tab B',
    );
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('both tabs changed: "Use the other version" shows the first tab’s work and writes nothing', async () => {
  const { context, record, a, b } = await twoTabs();
  try {
    const { conflict, stored } = await bothChange(a, b);
    const raw = await a.evaluate((key) => localStorage.getItem(key), recordKey(ID));
    await conflict.getByRole('button', { name: 'Use the other version' }).click();
    await conflict.waitFor({ state: 'detached' });
    await b.waitForFunction(
      () =>
        document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#q-about-description')?.value ===
        'Saved in tab A',
    );
    await waitForStatus(b, 'Saved');
    await b.waitForTimeout(500);
    assert.equal(await a.evaluate((key) => localStorage.getItem(key), recordKey(ID)), raw, 'storage unchanged');
    assert.equal(stored.revision, 4);
    // B goes on from A's revision without a conflict.
    await field(b, TITLE).fill('Renamed in B after choosing');
    await waitForStored(b, ID, (r) => r.revision === 5 && r.assessment.answers['about.description'] === 'Saved in tab A');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('the assessment deleted in one tab while the other has unsaved changes: the other asks, and nothing is lost silently', async () => {
  const { context, record, a, b } = await twoTabs();
  try {
    // A deletes it while B, not yet hearing of it, has a change not saved.
    await b.evaluate(() => {
      window.__hold = true;
    });
    await a.locator('.lia-header__product').click();
    await a.getByRole('button', { name: 'Delete Shared one' }).click();
    await a.getByRole('button', { name: 'Yes, delete it' }).click();
    await a.waitForFunction((key) => localStorage.getItem(key) === null, recordKey(ID));
    await typeThenHear(b, '#q-about-description', 'Still wanted in B');
    const conflict = b.locator('#lia-conflict');
    await conflict.getByRole('heading', { name: 'This assessment was deleted in another tab or window' }).waitFor();
    assert.equal(await storedRecord(a, ID), null, 'B did not bring it back unasked');
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await waitForStored(b, ID, (r) => r.assessment.answers['about.description'] === 'Still wanted in B' && r.revision > 3);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('a tab that missed the other tab’s save still never overwrites its newer revision: it asks', async () => {
  const { context, record, a, b } = await twoTabs();
  await b.evaluate(() => {
    window.__hold = true; // and never released
  });
  try {
    await field(a, DESCRIPTION).fill('Saved in tab A first');
    await waitForStored(a, ID, (r) => r.revision === 4);
    await b.waitForTimeout(200);
    assert.equal(await field(b, DESCRIPTION).inputValue(), 'As first saved', 'B did not hear of it');
    await field(b, DESCRIPTION).fill('Typed in B on the old revision');
    const conflict = b.locator('#lia-conflict');
    await conflict.getByRole('heading', { name: 'This assessment was changed in another tab or window' }).waitFor();
    const stored = await storedRecord(a, ID);
    assert.equal(stored.revision, 4);
    assert.equal(stored.assessment.answers['about.description'], 'Saved in tab A first');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

// A clean tab following the approval, read-only, is a journey of engines/journeys.mjs.
test('approved in one tab: a tab with unsaved changes never overwrites it', async () => {
  const { context, record } = await freshContext(env);
  try {
    const a = await context.newPage();
    await openApp(a, env.server.origin);
    await a.getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
    await a.getByRole('link', { name: 'Check your answers' }).waitFor();
    const id = new URL(a.url()).hash.split('/')[2];
    const b = await tab(context, id);
    await a.getByRole('link', { name: 'Check your answers' }).click();
    await b.evaluate(() => {
      window.__hold = true;
    });
    await approveThroughFiles(a, id);
    await waitForStored(a, id, (r) => r.assessment.status === 'approved');
    const approved = await a.evaluate((key) => localStorage.getItem(key), recordKey(id));
    await typeThenHear(b, '#q-about-description', 'Unsaved in B when A approves');

    // B is told and asked what to do, and has not written over the approved record.
    const choice = b.locator('#lia-approved-elsewhere');
    await choice.getByRole('heading', { name: 'This assessment was approved in another tab or window' }).waitFor();
    await b.waitForTimeout(600);
    assert.equal(await a.evaluate((key) => localStorage.getItem(key), recordKey(id)), approved, 'never overwritten');
    assert.equal(await field(b, DESCRIPTION).inputValue(), 'Unsaved in B when A approves', 'B still has its text to copy');

    // B keeps its changes as a review: a new draft linked to the approved record, which
    // is still untouched.
    await choice.getByRole('button', { name: 'Keep my changes as a review' }).click();
    await b.waitForFunction((old) => !location.hash.includes(old), id);
    const reviewId = new URL(b.url()).hash.split('/')[2];
    const review = await waitForStored(b, reviewId, (r) => r.assessment.answers['about.description'] === 'Unsaved in B when A approves');
    assert.equal(review.assessment.status, 'draft');
    assert.equal(review.assessment.version, 2);
    assert.equal(review.assessment.review_of, id);
    assert.equal(await a.evaluate((key) => localStorage.getItem(key), recordKey(id)), approved, 'the approved record is unchanged');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

/** Which element of the widget has the keyboard, by id. */
const focusedId = (page) =>
  page.evaluate(() => document.querySelector('[data-lia-widget]').shadowRoot.activeElement?.id ?? null);

test('typing in one tab while the other saves another question: no keystroke lost, the keyboard stays, both changes kept', async () => {
  const { context, record, a, b } = await twoTabs();
  try {
    await field(b, DESCRIPTION).click();
    await b.keyboard.press('End');
    const typed = ' and more typed steadily in tab B while tab A saves';
    const typing = b.keyboard.type(typed, { delay: 40 });
    await b.waitForTimeout(600);
    await field(a, TITLE).fill('Retitled in tab A');
    await waitForStored(a, ID, (r) => r.assessment.answers['about.title'] === 'Retitled in tab A');
    await typing;
    assert.equal(await field(b, DESCRIPTION).inputValue(), `As first saved${typed}`, 'every keystroke arrived');
    assert.equal(await focusedId(b), 'q-about-description', 'the keyboard never left the field');
    assert.equal(await b.locator('#lia-conflict').count(), 0, 'different questions: nothing to ask');
    // B shows A's change, and storage ends with both.
    await b.waitForFunction(
      () => document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#q-about-title')?.value === 'Retitled in tab A',
    );
    const both = await waitForStored(
      b,
      ID,
      (r) => r.assessment.answers['about.description'] === `As first saved${typed}` && r.assessment.answers['about.title'] === 'Retitled in tab A',
    );
    assert.ok(both.revision >= 5);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('both tabs change the same question while one types: it is asked without taking the keyboard, and the version not kept can be downloaded', async () => {
  const { context, record, a, b } = await twoTabs();
  try {
    // B has not heard of A's save yet (as a tab the browser is slow to wake would not)
    // when it starts typing into the same question.
    await b.evaluate(() => {
      window.__hold = true;
    });
    await field(a, TITLE).fill('Renamed in tab A');
    await field(a, DESCRIPTION).fill('Saved in tab A');
    await waitForStored(a, ID, (r) => r.assessment.answers['about.description'] === 'Saved in tab A');
    await field(b, DESCRIPTION).click();
    await b.keyboard.press('End');
    const typing = b.keyboard.type(' typed in B', { delay: 40 });
    await b.waitForTimeout(150);
    await b.evaluate(() => window.__release());
    await typing;
    const conflict = b.locator('#lia-conflict');
    await conflict.getByRole('heading', { name: 'This assessment was changed in another tab or window' }).waitFor();
    assert.equal(await field(b, DESCRIPTION).inputValue(), 'As first saved typed in B', 'every keystroke arrived');
    assert.equal(await focusedId(b), 'q-about-description', 'the banner did not take the keyboard');
    assert.match(await b.locator('#lia-live').textContent(), /changed in another tab or window/, 'announced');
    assert.deepEqual(await conflict.locator('#lia-conflict-clashes li').allTextContents(), ['Description of the processing']);
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    const kept = await waitForStored(b, ID, (r) => r.assessment.answers['about.description'] === 'As first saved typed in B');
    assert.equal(kept.assessment.answers['about.title'], 'Renamed in tab A', 'A’s edit to another question is kept');
    const download = b.waitForEvent('download');
    await b.getByRole('button', { name: 'Download the version you did not keep' }).click();
    const file = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
    assert.equal(file.assessment.answers['about.description'], 'Saved in tab A');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});
