// Versions side by side: approve an example, start a review, change three things, and
// see exactly those three on "What changed since version 1" (reached from the task list
// by keyboard, and from the check page) and in the report's appendix; the chain of
// records holds. Every step after the setup is done with the keyboard.
import { test } from 'node:test';
import { approveThroughFiles } from './approval-steps.mjs';
import { browserToday } from './file-helpers.mjs';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from './support.mjs';
import { freshPage, waitForRoute, waitForStored } from './app.mjs';
import { downloadFrom, openReport } from './file-helpers.mjs';
import { activate, expectHeadingFocused, tabTo, typeInto } from './keyboard.mjs';

const env = useBrowser();

const CHANGED = [
  'Which organisation is responsible for the processing?',
  'Why do you want to process the data?',
  'How have you used their data in the past?',
];

/** Opens a section of the open assessment from its task list, by keyboard. */
async function openSection(page, name, key) {
  await activate(page, { role: 'link', name: new RegExp(`^${name}`) });
  await waitForRoute(page, key);
  await expectHeadingFocused(page);
}

/** Back to the task list by the section page's link, by keyboard. */
async function backToTasks(page) {
  await activate(page, { role: 'link', name: 'Return to the task list' });
  await waitForRoute(page, '');
  await expectHeadingFocused(page);
}

/** Replaces a text box's whole value from the keyboard. */
async function replaceText(page, id, text) {
  await typeInto(page, id, '');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('a review shows exactly what changed since the approved version, on the page and in the report', async () => {
  const { context, page, record } = await freshPage(env.browser, env.server.origin, { acceptDownloads: true });
  page.setDefaultTimeout(10000);
  try {
    await openApp(page, env.server.origin);
    await page.getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
    const { id: v1 } = await waitForRoute(page, '');
    await expectHeadingFocused(page, "Employees' emergency contacts");
    await approveThroughFiles(page, v1);
    await waitForStored(page, v1, (a) => a.status === 'approved');
    const today = await browserToday(page);
    const on = new Date(`${today}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

    // From here on, only the keyboard.
    await activate(page, { role: 'button', name: 'Start a review' });
    await page.waitForFunction((old) => !location.hash.includes(old), v1);
    const { id: v2 } = await waitForRoute(page, '');
    await expectHeadingFocused(page, "Employees' emergency contacts");
    const draft = await waitForStored(page, v2, () => true);
    assert.equal(draft.review_of, v1);
    assert.equal(draft.reviewed.version, 1);
    assert.equal(draft.reviewed.approved_on, today);
    assert.match(draft.reviewed.digest, /^[0-9a-f]{64}$/);

    // Three changes: a short text, one word of a long text, and another long text.
    await openSection(page, '1. Describe the processing', 'about');
    await replaceText(page, 'q-about-organisation', 'Example Manufacturing plc');
    await backToTasks(page);
    await openSection(page, '3. Identify the legitimate interest', 'purpose');
    const why = await page.locator('#q-purpose-why').inputValue();
    assert.ok(why.includes('designated'));
    await replaceText(page, 'q-purpose-why', why.replace('designated', 'chosen'));
    await backToTasks(page);
    await openSection(page, "6. Consider people's reasonable expectations", 'expectations');
    await replaceText(page, 'q-expectations-past-use', 'Not used for anything else before.');
    await backToTasks(page);
    await waitForStored(page, v2, (a) => a.answers['expectations.past-use'] === 'Not used for anything else before.');

    // "What changed", from the task list.
    await activate(page, { role: 'link', name: 'See what changed since version 1' });
    await waitForRoute(page, 'changes');
    await expectHeadingFocused(page, 'What changed since version 1');
    assert.equal((await page.locator('#lia-chain').textContent()).trim(), 'Version 2 reviews exactly the approved version 1.');
    assert.equal(
      (await page.locator('#lia-changes-summary').textContent()).trim(),
      `4 changes from version 1 (approved on ${on}) to version 2 (draft).`,
    );
    const rows = page.locator('main tr.lia-change');
    // The three answers, and (issue 26) the finding newly raised by the changed purpose:
    // the answers resting on it are to be checked again.
    const changed = await rows.locator('th').allTextContents();
    assert.deepEqual(changed.filter((t) => !t.startsWith('Blocker: ')).sort(), [...CHANGED].sort());
    assert.ok(changed.some((t) => t.startsWith('Blocker: Some answers rest on an answer that changed')), changed.join(' | '));
    const purpose = rows.filter({ has: page.locator('th', { hasText: CHANGED[1] }) });
    assert.equal(await purpose.locator('del').textContent(), '[removed] designated');
    assert.equal(await purpose.locator('ins').textContent(), '[added] chosen');
    const organisation = rows.filter({ has: page.locator('th', { hasText: CHANGED[0] }) });
    assert.match(await organisation.textContent(), /Before: Example Manufacturing Ltd.*After: Example Manufacturing plc/);
    // The table regions can be reached and scrolled by keyboard.
    await tabTo(page, { role: 'region' });

    // The check page links there too.
    await activate(page, { role: 'link', name: 'Back to the task list' });
    await waitForRoute(page, '');
    await activate(page, { role: 'link', name: 'Check your answers' });
    await waitForRoute(page, 'check');
    await expectHeadingFocused(page, 'Check your answers');
    await activate(page, { role: 'link', name: 'See what changed since version 1' });
    await waitForRoute(page, 'changes');
    await expectHeadingFocused(page, 'What changed since version 1');
    await activate(page, { role: 'link', name: 'Back to the task list' });
    await waitForRoute(page, '');

    // The report carries the same three answers in its appendix.
    const report = await downloadFrom(page, 'Download the report (HTML)');
    const opened = await openReport(env.browser, report.text);
    try {
      const appendix = opened.page.locator('#changes');
      assert.equal(await appendix.locator('h2').textContent(), `Appendix B: Changes since version 1, approved on ${on}`);
      assert.match(await appendix.textContent(), /Version 2 reviews exactly the approved version 1\./);
      const inReport = await appendix.locator('tbody th[scope=row]').allTextContents();
      assert.deepEqual(inReport.filter((t) => !t.startsWith('Blocker: ')).sort(), [...CHANGED].sort());
      assert.ok((await appendix.locator('del').allTextContents()).includes('designated'), 'the word taken out is marked');
      assert.ok((await appendix.locator('ins').allTextContents()).includes('chosen'), 'the word put in is marked');
      assert.deepEqual(opened.log.requests.filter((u) => u !== 'http://report.invalid/lia-report.html'), []);
    } finally {
      await opened.close();
    }

    assert.deepEqual(record.pageErrors, [], 'page errors');
    assert.deepEqual(record.consoleErrors, [], 'console errors');
  } finally {
    await context.close();
  }
});
