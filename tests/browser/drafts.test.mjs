// Drafts that survive anything: what is typed comes back after a reload and after the
// page ends abruptly; saving follows the 300 ms autosave and happens at once when the
// page is hidden or left; the quiet status says what happened. (That every answer comes
// back, exactly, after a reload is a journey of engines/journeys.mjs, in every engine.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexKey, recordKey, recordPrefix } from '../../scripts/app-facts.mjs';
import {
  useBrowser,
  freshApp,
  freshContext,
  openApp,
  startNew,
  field,
  storedRecord,
  waitForStored,
  waitForStatus,
  typeThen,
  goToStart,
  assertNoErrors,
} from './storage-helpers.mjs';

const env = useBrowser();

const TITLE = 'What do you want to call this assessment?';
const ORGANISATION = 'Which organisation is responsible for the processing?';
const DESCRIPTION = 'Describe the processing';
const RECIPIENTS = 'Who will the data be shared with?';

// Text that is easy to get subtly wrong: leading and trailing spaces, several lines,
// tabs, quotes, non-ASCII letters, an emoji (a surrogate pair) and a combining accent.
const ANSWERS = {
  'about.title': '  Tenants’ newsletter — “spring” 2026  ',
  'about.organisation': 'Ŵelsh Housing & Co <Ltd> "quoted" \'single\'',
  'about.description': 'Line one\nLine two\twith a tab\n\n  indented line 😀 and e\u0301\nlast line ',
  'about.recipients': 'No one outside our organisation.\r\nSecond line after CRLF',
};

/** Fills the About page with text, choices and a date; returns the answers it gave. */
async function fillAbout(page) {
  await field(page, TITLE).fill(ANSWERS['about.title']);
  await field(page, ORGANISATION).fill(ANSWERS['about.organisation']);
  await field(page, DESCRIPTION).fill(ANSWERS['about.description']);
  await page.locator('input[name="q-about-people"][value="tenants"]').check();
  await page.locator('input[name="q-about-people"][value="employees"]').check();
  await page.locator('input[name="q-about-scale"][value="1000-10000"]').check();
  await page.locator('input[name="q-about-data"][value="contact"]').check();
  await page.locator('input[name="q-about-sources"][value="direct"]').check();
  await field(page, RECIPIENTS).fill(ANSWERS['about.recipients']);
  await page.locator('input[name="q-about-started"][value="no"]').check();
  await page.locator('#q-about-start-date').fill('7');
  await page.locator('#q-about-start-date-month').fill('3');
  // The last keystroke: typed one key at a time, as a person would.
  await page.locator('#q-about-start-date-year').pressSequentially('2026');
  return {
    ...ANSWERS,
    'about.people': ['tenants', 'employees'],
    'about.scale': '1000-10000',
    'about.data': ['contact'],
    'about.sources': ['direct'],
    'about.started': 'no',
    'about.start-date': '2026-3-7',
  };
}

/** Every control of the About page, read back from the page. */
async function readAbout(page) {
  const checked = (name) =>
    page.locator(`input[name="${name}"]:checked`).evaluateAll((inputs) => inputs.map((i) => i.value));
  return {
    'about.title': await field(page, TITLE).inputValue(),
    'about.organisation': await field(page, ORGANISATION).inputValue(),
    'about.description': await field(page, DESCRIPTION).inputValue(),
    'about.recipients': await field(page, RECIPIENTS).inputValue(),
    'about.people': await checked('q-about-people'),
    'about.scale': (await checked('q-about-scale'))[0],
    'about.data': await checked('q-about-data'),
    'about.sources': await checked('q-about-sources'),
    'about.started': (await checked('q-about-started'))[0],
    'about.start-date': [
      await page.locator('#q-about-start-date-year').inputValue(),
      await page.locator('#q-about-start-date-month').inputValue(),
      await page.locator('#q-about-start-date').inputValue(),
    ].join('-'),
  };
}

// A textarea normalises CR LF to LF in its value (HTML's rule), so what the page holds,
// and saves, for the recipients is the LF form.
function asTyped(answers) {
  return { ...answers, 'about.recipients': answers['about.recipients'].replace(/\r\n/g, '\n') };
}

test('type, wait 400 ms, crash the page: on reopening everything typed is restored', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startNew(page);
    const typed = asTyped(await fillAbout(page));
    await page.waitForTimeout(400);
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
    await crashed;
    await page.close().catch(() => {});

    const again = await context.newPage();
    await openApp(again, env.server.origin);
    await again.getByRole('link', { name: ANSWERS['about.title'].trim() }).click();
    await again.getByRole('link', { name: '1. Describe the processing' }).click();
    await field(again, TITLE).waitFor();
    assert.deepEqual(await readAbout(again), typed, 'every answer is back after the crash');
    assert.deepEqual((await storedRecord(again, id)).assessment.answers, typed);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('type, wait 400 ms, close the page with no unload handler able to run: everything typed is restored', async () => {
  const { context } = await freshContext(env);
  try {
    // Stop pagehide, visibilitychange, beforeunload and unload before the app sees them,
    // so only the 300 ms autosave can have saved the work.
    await context.addInitScript(() => {
      for (const type of ['pagehide', 'visibilitychange', 'beforeunload', 'unload', 'freeze']) {
        window.addEventListener(type, (event) => event.stopImmediatePropagation(), { capture: true });
      }
    });
    const page = await context.newPage();
    await openApp(page, env.server.origin);
    const id = await startNew(page);
    const typed = asTyped(await fillAbout(page));
    await page.waitForTimeout(400);
    await page.close({ runBeforeUnload: false });

    const again = await context.newPage();
    await openApp(again, env.server.origin);
    await again.evaluate((id) => {
      location.hash = `#/a/${id}/about`;
    }, id);
    await field(again, TITLE).waitFor();
    assert.deepEqual(await readAbout(again), typed);
  } finally {
    await context.close();
  }
});

test('autosave waits for a pause in typing, then saves within 300 ms; the status says Saving… then Saved', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startNew(page);
    await waitForStatus(page, 'Saved');
    // Ten keystrokes 100 ms apart, timed in the page, watching the stored revision and
    // the status between them. Timing is read against the page's own timers, not the
    // clock: timers fire in order of their deadlines, so a probe due 250 ms after the
    // last keystroke runs before the autosave and one due at 350 ms after it, however
    // busy the machine (a wall-clock bound failed once on a loaded machine).
    const seen = await page.evaluate(`(async () => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      const input = root.querySelector('#q-about-title');
      const key = ${JSON.stringify(recordKey(id))};
      const revision = () => JSON.parse(localStorage.getItem(key)).revision;
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const start = revision();
      const during = [];
      let last = 0;
      for (let i = 0; i < 10; i++) {
        input.value += 'abcdefghij'[i];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        last = performance.now();
        if (i === 9) break;
        await sleep(100);
        during.push({ revision: revision(), status: root.querySelector('#lia-save-status')?.textContent });
      }
      const probe = (ms) => new Promise((resolve) => setTimeout(() => resolve(revision()), ms));
      const [at250, at350] = await Promise.all([probe(250), probe(350)]);
      const savedAfter = performance.now() - last;
      await sleep(400);
      return { start, during, at250, at350, savedAfter, end: revision(), stored: JSON.parse(localStorage.getItem(key)).assessment.answers['about.title'] };
    })()`);
    for (const step of seen.during) {
      assert.deepEqual(step, { revision: seen.start, status: 'Saving…' }, 'nothing saved while typing goes on; the status says Saving…');
    }
    assert.equal(seen.during.length, 9);
    assert.equal(seen.at250, seen.start, 'not saved 250 ms after the last keystroke');
    assert.equal(seen.at350, seen.start + 1, `saved by 350 ms after the last keystroke (the probe ran at ${Math.round(seen.savedAfter)} ms)`);
    assert.equal(seen.end, seen.start + 1, 'one save for the whole burst');
    assert.equal(seen.stored, 'abcdefghij');
    await waitForStatus(page, 'Saved');
    assert.equal((await storedRecord(page, id)).assessment.answers['about.title'], 'abcdefghij');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('the page being hidden saves at once, without waiting for the autosave', async () => {
  const { context, page } = await freshApp(env);
  try {
    const id = await startNew(page);
    await waitForStatus(page, 'Saved');
    const seen = await typeThen(page, '#q-about-title', 'Hidden at once', (prefix) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith(prefix));
      const before = JSON.parse(localStorage.getItem(key)).assessment.answers['about.title'] ?? null;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      const after = JSON.parse(localStorage.getItem(key)).assessment.answers['about.title'] ?? null;
      delete document.visibilityState;
      delete document.hidden;
      return { before, after };
    }, recordPrefix());
    assert.deepEqual(seen, { before: null, after: 'Hidden at once' });
    assert.equal((await storedRecord(page, id)).assessment.answers['about.title'], 'Hidden at once');
  } finally {
    await context.close();
  }
});

test('pagehide saves at once, without waiting for the autosave', async () => {
  const { context, page } = await freshApp(env);
  try {
    await startNew(page);
    await waitForStatus(page, 'Saved');
    const seen = await typeThen(page, '#q-about-title', 'Left at once', (prefix) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith(prefix));
      const before = JSON.parse(localStorage.getItem(key)).assessment.answers['about.title'] ?? null;
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      const after = JSON.parse(localStorage.getItem(key)).assessment.answers['about.title'] ?? null;
      return { before, after };
    }, recordPrefix());
    assert.deepEqual(seen, { before: null, after: 'Left at once' });
  } finally {
    await context.close();
  }
});

test('several assessments are kept, one key each plus the index, and each reopens with its own answers', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const ids = [];
    for (const name of ['First kept', 'Second kept', 'Third kept']) {
      const id = await startNew(page);
      await field(page, TITLE).fill(name);
      await waitForStored(page, id, (r) => r.assessment.answers['about.title'] === name);
      ids.push(id);
      await goToStart(page);
    }
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, [indexKey(), ...ids.map((id) => recordKey(id))].sort());
    const index = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), indexKey()));
    assert.deepEqual(index.assessments.map((a) => a.title).sort(), ['First kept', 'Second kept', 'Third kept']);
    await page.reload();
    await page.waitForSelector('[data-lia-ready="true"]');
    for (const name of ['First kept', 'Second kept', 'Third kept']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await goToStart(page);
    }
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

// Each key moves the autosave and the rules' pause a little later without setting a new
// timer (src/ui/alarm.rs): the timer set at the first key fires early, and must then wait
// out the rest. Two keys 150 ms apart, then nothing: the first key's timer fires 150 ms
// before the time the second set, so only waiting out the rest saves them, and the
// header hears of the title.
test('a timer moved later by a second key still fires 300 ms after it: saved, and the header follows', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startNew(page);
    await waitForStatus(page, 'Saved');
    const seen = await page.evaluate(`(async () => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      const input = root.querySelector('#q-about-title');
      const key = ${JSON.stringify(recordKey(id))};
      const now = () => ({
        revision: JSON.parse(localStorage.getItem(key)).revision,
        header: root.querySelector('.lia-header__assessment')?.textContent ?? '',
      });
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const start = now();
      for (const typed of ['D', 'De']) {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (typed === 'D') await sleep(150);
      }
      const probe = (ms) => new Promise((resolve) => setTimeout(() => resolve(now()), ms));
      const [at250, at350] = await Promise.all([probe(250), probe(350)]);
      return { start, at250, at350 };
    })()`);
    assert.deepEqual(seen.at250, seen.start, 'nothing yet 250 ms after the last key');
    assert.deepEqual(seen.at350, { revision: seen.start.revision + 1, header: 'De' }, 'saved, and the header follows, by 350 ms after it');
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('a steady typist (a key every 110 ms, never pausing) is saved at least every 2 s while typing goes on', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startNew(page);
    await waitForStatus(page, 'Saved');
    // Seven seconds of typing with no pause long enough for the 300 ms autosave.
    const seen = await page.evaluate(`(async () => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      const input = root.querySelector('#q-about-description');
      const key = 'lia:assessment:${id}';
      const stored = () => JSON.parse(localStorage.getItem(key));
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const start = stored().revision;
      const revisions = new Set();
      for (let i = 0; i < 64; i++) {
        input.value += 'steady '[i % 7];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await sleep(110);
        revisions.add(stored().revision);
      }
      const typed = input.value;
      const lastSaved = stored().assessment.answers['about.description'] ?? '';
      return { start, revisions: [...revisions], typed, lastSaved };
    })()`);
    const saves = seen.revisions.filter((r) => r > seen.start);
    assert.ok(saves.length >= 3, `saved ${saves.length} times in 7 s of steady typing (revisions ${seen.revisions})`);
    assert.ok(seen.typed.startsWith(seen.lastSaved) && seen.lastSaved.length > 30, 'what was saved during typing is what had been typed');
    await waitForStored(page, id, (r) => r.assessment.answers['about.description'] === seen.typed);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});
