// The register of many records: 30 files (3 of them broken) opened at once; each broken
// one says why and the others load; sorting by column headers (aria-sort), filtering by
// status and review due, "overdue" and "due within 30 days" flags; the chain between a
// review and the version it reviews; CSV and calendar downloads; keeping one record
// and finding it on the start page with the same columns. The register itself is used
// with the keyboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from './support.mjs';
import { freshPage, waitForRoute } from './app.mjs';
import { browserToday, downloadFrom, openReport } from './file-helpers.mjs';
import { activate, expectHeadingFocused, tabTo, waitForFocus } from './keyboard.mjs';
import { exportOf, record, reviewedDigest } from './register-files.mjs';

const env = useBrowser();

/** 27 readable records (one approved version 1 and its review among them) and 3 broken files. */
function files(today) {
  const out = [];
  const dues = [-10, 5, 20, 200, null, -1, 29, 31];
  for (let i = 0; i < 25; i++) {
    const a = record(today, i, { status: i % 2 ? 'approved' : 'draft', review: dues[i % dues.length] });
    if (i === 3) a.answers['about.title'] = '=HYPERLINK("http://evil.example","Click")';
    out.push({ name: `record-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(exportOf(a)) });
  }
  const v1 = record(today, 100, { title: 'Staff newsletter', status: 'approved', review: -3 });
  const v2 = structuredClone(v1);
  v2.id = 'rec-100-v2';
  v2.version = 2;
  v2.status = 'draft';
  v2.review_of = v1.id;
  v2.reviewed = { version: 1, approved_on: v1.answers['sign-off.approved-date'], digest: reviewedDigest(v1) };
  v2.answers['about.organisation'] = 'Renamed Ltd';
  delete v2.answers['sign-off.approved-name'];
  delete v2.answers['sign-off.approved-date'];
  out.push({ name: 'newsletter-v1.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(v1)) });
  out.push({ name: 'newsletter-v2.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(v2)) });
  out.push({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('') });
  out.push({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, not a record.') });
  out.push({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something-else"}') });
  return out;
}

/** Opens the tool on its register page; the browser's date. */
async function openRegister(page) {
  await openApp(page, env.server.origin);
  const today = await browserToday(page);
  await page.evaluate(() => (location.hash = '#/register'));
  await page.getByRole('heading', { level: 1, name: 'Register of assessments' }).waitFor();
  return today;
}

/** The register's rows: the title cell (without the file name) of each, in order. */
function titles(page) {
  return page.locator('table.lia-register tbody th[scope=row] > span').allTextContents();
}

/** A minimal RFC 4180 reader: rows of fields. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows.at(-1).push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(field);
      field = '';
      rows.push([]);
      i++;
    } else field += c;
  }
  rows.pop();
  return rows;
}

test('30 files open as a register: sorted, filtered, exported, and one kept', async () => {
  const { context, page, record: log } = await freshPage(env.browser, env.server.origin, { acceptDownloads: true });
  page.setDefaultTimeout(10000);
  try {
    await openApp(page, env.server.origin);
    const today = await browserToday(page);
    await activate(page, { role: 'link', name: 'Open several files as a register' });
    await page.waitForFunction(() => location.hash === '#/register');
    await expectHeadingFocused(page, 'Register of assessments');
    const all = files(today);
    assert.equal(all.length, 30);
    await page.getByLabel('Choose files', { exact: true }).setInputFiles(all);
    await page.locator('#lia-register-status').filter({ hasText: '30 files read: 27 records added to the register, 3 could not be read.' }).waitFor();

    // Each broken file has its own line, saying why.
    const failures = await page.locator('#lia-register-failures li').allTextContents();
    assert.equal(failures.length, 3);
    for (const name of ['empty.json', 'notes.txt', 'other.json']) {
      assert.ok(failures.some((f) => f.startsWith(`“${name}” could not be read: `) && f.length > name.length + 30), `${name}: ${failures}`);
    }
    // One row per assessment: the review and the version it reviews are one.
    assert.equal(await page.locator('table.lia-register tbody tr').count(), 26);
    assert.equal((await page.locator('#lia-register-count').textContent()).trim(), 'Showing 26 of 26 assessments, from 27 files.');
    // By default the review dates come soonest first, each flagged.
    const firstRow = page.locator('table.lia-register tbody tr').first();
    assert.match(await firstRow.textContent(), /Overdue/);
    assert.equal(await page.locator('th[aria-sort=ascending] button').textContent(), 'Review due');
    assert.ok((await page.locator('table.lia-register tbody .lia-tag', { hasText: 'Due within 30 days' }).count()) > 0);

    // Sorting by a header, by keyboard: ascending, then descending.
    await activate(page, { role: 'button', name: 'Assessment' });
    await page.locator('th[aria-sort=ascending]', { hasText: 'Assessment' }).waitFor();
    const up = await titles(page);
    // By the words, as a person reads them: case and punctuation aside.
    const words = (t) => t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
    assert.deepEqual(up, [...up].sort((a, b) => (words(a) < words(b) ? -1 : words(a) > words(b) ? 1 : 0)));
    assert.equal(await page.locator('th[aria-sort=none]').count(), 8, 'only one column is sorted');
    await waitForFocus(page, { role: 'button', name: 'Assessment' });
    await page.keyboard.press('Enter');
    await page.locator('th[aria-sort=descending]', { hasText: 'Assessment' }).waitFor();
    assert.deepEqual(await titles(page), [...up].reverse());

    // Filtering by review due and by status, by keyboard.
    await tabTo(page, { id: 'lia-filter-due' }, { back: true });
    await page.keyboard.press('ArrowDown'); // "Overdue"
    await page.locator('#lia-register-count').filter({ hasText: /^Showing \d+ of 26/ }).waitFor();
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      return root.querySelector('#lia-filter-due').value === 'overdue';
    });
    const overdueRows = page.locator('table.lia-register tbody tr');
    const overdue = await overdueRows.count();
    assert.ok(overdue > 0 && overdue < 26, `${overdue} overdue`);
    for (const row of await overdueRows.all()) assert.match(await row.textContent(), /Overdue/);
    await tabTo(page, { id: 'lia-filter-status' }, { back: true });
    await page.keyboard.press('ArrowDown'); // "Draft"
    await page.waitForFunction(() => document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#lia-filter-status').value === 'draft');
    const drafts = await page.locator('table.lia-register tbody tr').count();
    assert.ok(drafts > 0 && drafts < overdue, `${drafts} overdue drafts of ${overdue} overdue`);
    for (const row of await page.locator('table.lia-register tbody tr').all()) assert.match(await row.textContent(), /Status: Draft|Draft/);

    // The CSV holds what is shown, with the formula neutralised.
    const csv = await downloadFrom(page, 'Download as a spreadsheet (CSV)');
    assert.match(csv.name, /^lia-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    assert.equal(rows[0][0], 'Assessment');
    assert.equal(rows.length - 1, drafts);
    assert.ok(rows.slice(1).every((r) => r.length === 17 && r[2] === 'Draft' && r[11] === 'Overdue'));
    assert.ok(rows.slice(1).every((r) => r[12] !== '' && r[13].endsWith('.json') && r[15] === 'Latest'), 'each line with its id and file');
    // The last column names the organisation's settings a record was made under: none here.
    assert.equal(rows[0][16], "Organisation's settings");
    assert.ok(rows.slice(1).every((r) => r[16] === ''));

    // Back to everything; the CSV then has all 27, the hostile title made harmless.
    await tabTo(page, { id: 'lia-filter-status' }, { back: true });
    await page.keyboard.press('ArrowUp');
    await tabTo(page, { id: 'lia-filter-due' });
    await page.keyboard.press('ArrowUp');
    await page.locator('#lia-register-count').filter({ hasText: 'Showing 26 of 26 assessments, from 27 files.' }).waitFor();
    const everything = parseCsv((await downloadFrom(page, 'Download as a spreadsheet (CSV)')).text.replace(/^\uFEFF/, ''));
    assert.equal(everything.length, 27);
    assert.ok(everything.some((r) => r[0] === '\'=HYPERLINK("http://evil.example","Click")'));
    assert.ok(everything.slice(1).every((r) => !/^[=+\-@\t\r]/.test(r[0])));

    // The calendar: one event for each assessment with a review date.
    const ics = await downloadFrom(page, 'Download review dates (calendar)');
    assert.match(ics.name, /^lia-review-dates-\d{4}-\d{2}-\d{2}\.ics$/);
    const withDates = everything.slice(1).filter((r) => r[10] !== '').length;
    assert.equal(ics.text.match(/\r\nBEGIN:VEVENT\r\n/g).length, withDates);
    assert.ok(ics.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
    assert.ok(ics.text.includes('TRIGGER:-P14D'));

    // The page to print: every row, the hostile title as text, nothing loaded or run.
    const printable = await downloadFrom(page, 'Download a page to print (HTML)');
    assert.match(printable.name, /^lia-register-\d{4}-\d{2}-\d{2}\.html$/);
    const opened = await openReport(env.browser, printable.text);
    try {
      assert.equal(await opened.page.locator('tbody tr').count(), 26);
      assert.equal(await opened.page.locator('tbody th', { hasText: '=HYPERLINK("http://evil.example","Click")' }).count(), 1);
      assert.equal(await opened.page.locator('a, script, img').count(), 0);
      assert.deepEqual(opened.log.requests.filter((u) => u !== 'http://report.invalid/lia-report.html'), []);
      assert.deepEqual(await opened.page.evaluate(() => window.__cspViolations), []);
    } finally {
      await opened.close();
    }

    // The review and the version it reviews.
    const chains = await page.locator('#lia-register-chains li').allTextContents();
    assert.equal(chains.length, 1);
    assert.match(chains[0], /^Staff newsletter, version 2: Version 2 reviews exactly the approved version 1\./);
    await activate(page, { role: 'link', name: 'See what changed' });
    await page.waitForFunction(() => location.hash.startsWith('#/register/changes/'));
    await expectHeadingFocused(page, 'What changed since version 1');
    assert.deepEqual(await page.locator('main tr.lia-change th').allTextContents(), ['Which organisation is responsible for the processing?']);
    await activate(page, { role: 'link', name: 'Back to the register' });
    await expectHeadingFocused(page, 'Register of assessments');
    assert.equal(await page.locator('table.lia-register tbody tr').count(), 26, 'the register is still there');

    // Any two records, chosen by typing their names into the two lists.
    await tabTo(page, { id: 'lia-compare-earlier' });
    await page.keyboard.type('Staff newsletter, version 1');
    await tabTo(page, { id: 'lia-compare-later' });
    await page.keyboard.type('Staff newsletter, version 2');
    await activate(page, { role: 'button', name: 'Compare' });
    await expectHeadingFocused(page, 'What changed since version 1');
    assert.equal((await page.locator('#lia-chain').textContent()).trim(), 'Version 2 reviews exactly the approved version 1.');
    assert.equal(await page.locator('main tr.lia-change').count(), 1);
    await activate(page, { role: 'link', name: 'Back to the register' }, { back: true });
    await expectHeadingFocused(page, 'Register of assessments');

    // Keep one record in this browser, an earlier copy beneath its assessment's row; it
    // opens, and the start page lists it.
    await page.locator('table.lia-register summary', { hasText: '1 earlier copy' }).click();
    await activate(page, { role: 'button', name: 'Keep in this browser: Staff newsletter, Version 1, marked approved' });
    await waitForRoute(page, '');
    await expectHeadingFocused(page, 'Staff newsletter');
    await activate(page, { role: 'link', name: 'All assessments' }, { back: true });
    await expectHeadingFocused(page, 'Legitimate interests assessment');
    const saved = page.locator('table.lia-saved tbody tr');
    assert.equal(await saved.count(), 1);
    // The register's columns fill in from the record just after the list is drawn.
    // Its file marks it approved, unsigned: never shown as approved, no approver or date.
    await saved.first().filter({ hasText: 'Approval not signed, version 1' }).waitFor();
    const row = await saved.first().textContent();
    for (const part of ['Staff newsletter', 'Organisation 2', 'Overdue']) assert.ok(row.includes(part), `${part} in ${row}`);
    assert.ok(!row.includes('Approver 0'), `no approver for an approval that does not verify: ${row}`);

    assert.deepEqual(log.pageErrors, [], 'page errors');
    assert.deepEqual(log.consoleErrors, [], 'console errors');
  } finally {
    await context.close();
  }
});

// The assessments saved in this browser join the register on request: any two of them
// (or one of them and a file) can be compared, each opens from its row, and nothing is
// stored or copied by adding them (asked twice, each is still there once).
test('the assessments saved in this browser join the register, compare and open from there', async () => {
  const { context, page, record: log } = await freshPage(env.browser, env.server.origin);
  page.setDefaultTimeout(10000);
  try {
    await openApp(page, env.server.origin);
    for (const title of ["Employees' emergency contacts", "A retailer's postal offers to customers, with an opt-out"]) {
      await page.getByRole('button', { name: `Start from this example: ${title}` }).click();
      await page.waitForFunction(() => /^#\/a\/[^/]+$/.test(location.hash));
      await page.locator('.lia-header__product').click();
      await page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
    }
    const storedBefore = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    await page.getByRole('link', { name: 'Open several files as a register' }).click();
    await expectHeadingFocused(page, 'Register of assessments');
    const add = page.getByRole('button', { name: 'Add the assessments saved in this browser' });
    await add.click();
    await page.locator('#lia-register-status', { hasText: '2 assessments saved in this browser are in the register.' }).waitFor();
    await add.click();
    assert.equal(await page.locator('table.lia-register tbody tr').count(), 2, 'asked twice, each is there once');
    const files = await page.locator('table.lia-register tbody th[scope=row] .lia-hint.lia-break').allTextContents();
    assert.ok(files.length === 2 && files.every((f) => f.endsWith(' · Saved in this browser')), files.join(' / '));
    assert.equal(await page.getByRole('button', { name: /^Keep in this browser/ }).count(), 0, 'nothing to keep');

    // Compare the two.
    await page.getByLabel('Earlier version').selectOption({ index: 0 });
    await page.getByLabel('Later version').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('#lia-changes-summary').waitFor();
    assert.match(await page.locator('#lia-changes-summary').textContent(), /^\d+ changes from version 1 \(.+\) to version 1 \(.+\)\.$/);
    await page.getByRole('link', { name: 'Back to the register' }).click();

    // Open one from its row.
    await page.getByRole('button', { name: /^Open Employees/ }).click();
    await page.waitForFunction(() => /^#\/a\/[^/]+$/.test(location.hash));
    await expectHeadingFocused(page, "Employees' emergency contacts");
    const storedAfter = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    assert.equal(storedAfter, storedBefore, 'adding them to the register changed nothing stored');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('500 files: the reading is shown as it goes, in steps, and the page still answers while it reads', async () => {
  const { context, page, record: log } = await freshPage(env.browser, env.server.origin);
  page.setDefaultTimeout(30000);
  try {
    const today = await openRegister(page);
    // Every state of the progress bar is noted, and whether a task queued from a key
    // press ran before the reading ended (the page answering input while it reads).
    await page.evaluate(() => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      window.__progress = [];
      window.__answered = null;
      window.__rowsWhenSaid = null;
      new MutationObserver(() => {
        // How many rows were there when the reading's message was first said: the rows
        // are drawn a few at a time, and the message must wait for the last of them.
        if (window.__rowsWhenSaid === null && /files read/.test(root.querySelector('#lia-register-status')?.textContent ?? '')) {
          window.__rowsWhenSaid = root.querySelectorAll('table.lia-register tbody tr').length;
        }
        const bar = root.querySelector('#lia-register-progress');
        if (bar) {
          const last = window.__progress.at(-1);
          const now = `${bar.value} of ${bar.max}`;
          if (last !== now) window.__progress.push(now);
          if (window.__answered === null && Number(bar.value) > 0) {
            window.__answered = false;
            setTimeout(() => {
              window.__answered = root.querySelector('#lia-register-progress') !== null;
            }, 0);
          }
        }
      }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const many = [];
    for (let i = 0; i < 500; i++) {
      many.push({ name: `r-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(exportOf(record(today, i, { review: 30 }))) });
    }
    // The CPU slowed 4× while the files are read, as on a slow laptop: the steps are
    // 25 ms of work apart, so how many there are depends on the machine's speed, and
    // 500 files read at full speed here take barely five of them.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.getByLabel('Choose files', { exact: true }).setInputFiles(many);
    await page.locator('#lia-register-status').filter({ hasText: '500 files read: 500 records added to the register.' }).waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    assert.equal(await page.locator('#lia-register-progress').count(), 0, 'the progress bar goes when the reading is done');
    const progress = await page.evaluate(() => window.__progress);
    assert.ok(progress.length >= 5, `the progress was shown in steps: ${progress.join(', ')}`);
    assert.ok(progress.every((p) => p.endsWith(' of 500')), progress.join(', '));
    const values = progress.map((p) => Number(p.split(' ')[0]));
    assert.ok(values.some((v) => v > 0 && v < 500), 'a step between the first and the last');
    assert.deepEqual(values, [...values].sort((a, b) => a - b), 'only ever forward');
    assert.equal(await page.evaluate(() => window.__answered), true, 'a task queued during the reading ran before it ended');
    // Drawn a page at a time: 50 rows, and the count of all 500.
    assert.equal(await page.evaluate(() => window.__rowsWhenSaid), 50, 'the message waits until the page is drawn');
    assert.equal(await page.locator('table.lia-register tbody tr').count(), 50);
    assert.equal((await page.locator('#lia-register-count').textContent()).trim(), 'Showing 500 of 500 assessments (1–50 on this page), from 500 files.');
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.locator('.lia-pagination__where', { hasText: 'Page 2 of 10' }).waitFor();
    assert.equal(await page.locator('table.lia-register tbody tr').count(), 50);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await context.close();
  }
});

// Files are read many at a time as one (ui/read_files.rs): a file over the limit among
// them is named with its reason, one at the limit (larger than a batch) is read alone,
// and every other file around them is read whole, in the order chosen.
test('files read in batches: one over the limit is named, one at the limit is read, and those around them all load', async () => {
  const { context, page, record: log } = await freshPage(env.browser, env.server.origin);
  page.setDefaultTimeout(60000);
  try {
    const today = await openRegister(page);
    const LIMIT = 5 * 1024 * 1024;
    const file = (i) => ({ name: `r-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(exportOf(record(today, i, { title: `Batch record ${i}` }))) });
    const atLimit = Buffer.from(exportOf(record(today, 900, { title: 'At the limit' })));
    const padded = Buffer.concat([atLimit, Buffer.alloc(LIMIT - atLimit.length, 0x20)]);
    const chosen = [];
    for (let i = 0; i < 70; i++) chosen.push(file(i));
    chosen.push({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(LIMIT + 1, 0x20) });
    chosen.push(file(70));
    chosen.push({ name: 'at-the-limit.json', mimeType: 'application/json', buffer: padded });
    for (let i = 71; i < 75; i++) chosen.push(file(i));
    await page.getByLabel('Choose files', { exact: true }).setInputFiles(chosen);
    await page.locator('#lia-register-status').filter({ hasText: '77 files read: 76 records added to the register, 1 could not be read.' }).waitFor();
    const failures = await page.locator('#lia-register-failures li').allTextContents();
    assert.equal(failures.length, 1, failures.join(' / '));
    assert.match(failures[0], /^“huge\.json” could not be read: The file is too large to import/);
    assert.equal((await page.locator('#lia-register-count').textContent()).trim(), 'Showing 76 of 76 assessments (1–50 on this page), from 76 files.');
    // Every one read whole, whatever batch it was in: each title is there once.
    const all = [];
    for (;;) {
      all.push(...(await titles(page)));
      const next = page.getByRole('button', { name: 'Next page' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      await next.click();
      await page.locator('.lia-pagination__where', { hasText: 'Page 2 of 2' }).waitFor();
    }
    const expected = [...Array.from({ length: 75 }, (_, i) => `Batch record ${i}`), 'At the limit'];
    assert.deepEqual([...new Set(all)].sort(), expected.sort());
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('only the layout that is seen is drawn: a table when wide, a summary list per assessment when narrow, and it follows a resize', async () => {
  const { context, page } = await freshPage(env.browser, env.server.origin);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, env.server.origin);
    const today = await browserToday(page);
    await page.evaluate(() => (location.hash = '#/register'));
    await page.getByRole('heading', { name: 'Register of assessments', level: 1 }).waitFor();
    await page.getByLabel('Choose files', { exact: true }).setInputFiles(files(today));
    await page.locator('#lia-register-count').filter({ hasText: 'Showing 26 of 26 assessments' }).waitFor();
    const drawn = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-lia-widget]').shadowRoot;
        return { rows: root.querySelectorAll('table.lia-register tbody tr').length, cards: root.querySelectorAll('.lia-register-card').length };
      });
    assert.deepEqual(await drawn(), { rows: 26, cards: 0 }, 'wide: the table only');
    await page.setViewportSize({ width: 320, height: 900 });
    await page.waitForFunction(() => document.querySelector('[data-lia-widget]').shadowRoot.querySelectorAll('.lia-register-card').length === 26);
    assert.deepEqual(await drawn(), { rows: 0, cards: 26 }, 'narrow: the summary lists only');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => document.querySelector('[data-lia-widget]').shadowRoot.querySelectorAll('table.lia-register tbody tr').length === 26);
    assert.deepEqual(await drawn(), { rows: 26, cards: 0 }, 'wide again: the table only');
  } finally {
    await context.close();
  }
});
