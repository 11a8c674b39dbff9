// The hand-over for approval between two people, each in a browser context of their
// own (their own storage), exchanging files only: the author sends, the approver returns
// it with comments, the author sees them beside the questions, fixes and sends again,
// the approver approves, and the author has the approved record with the approval bound
// to the digest of what was approved. A file changed after approval says so plainly
// wherever it is opened. Also: the Word document downloads wherever the report does,
// and the suggested privacy information can be edited and copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useBrowser, freshApp, goToStart, waitForStored, assertNoErrors } from './storage-helpers.mjs';
import { downloadFrom, chooseFile, digestOf, storedAssessments } from './file-helpers.mjs';
import { REPORT_SCRIPT_ID } from '../../scripts/app-facts.mjs';
import { makeKey, trustCard } from './approval-steps.mjs';

const env = useBrowser();

const EXAMPLE = "Employees' emergency contacts";
const PURPOSE = 'Identify the legitimate interest (purpose test)';
const COMMENT = 'Say how important the benefit is, and for whom.';
const FIX = 'Essential: staff safety depends on reaching someone quickly.';

/** The id of the open assessment, from the URL hash. */
function openId(page) {
  const match = /^#\/a\/([^/?]+)/.exec(new URL(page.url()).hash);
  assert.ok(match, `an assessment is open (${page.url()})`);
  return decodeURIComponent(match[1]);
}

/** Opens a downloaded file with "Choose a file" on the start page. */
async function open(page, file) {
  await goToStart(page);
  await chooseFile(page, { name: file.name, mimeType: 'text/html', buffer: Buffer.from(file.text) });
}

/** The approver opens the file, then comments, decides and downloads the file to give back. */
async function decide(page, file, { verdict, comment }) {
  await open(page, file);
  await page.waitForFunction(() => location.hash === '#/approve');
  await page.getByRole('heading', { level: 1, name: EXAMPLE }).waitFor();
  // Read-only: the answers and findings are shown, nothing of the assessment can change.
  assert.equal(await page.getByRole('link', { name: /^Change/ }).count(), 0, 'no "Change" links');
  assert.ok(await page.getByRole('heading', { level: 2, name: 'Findings' }).isVisible());
  assert.ok((await page.locator('main dl.lia-summary-list .lia-summary-list__row').count()) > 40, 'every answer is shown');
  if (comment) await page.getByLabel(`Comment on “${PURPOSE}” (optional)`).fill(comment);
  await page.getByLabel(verdict).check();
  // Who decides is the key in this browser; the date is today's.
  assert.match(await page.locator('#lia-signer').textContent(), /^You sign as Sam Patel \(Data Protection Officer\)\./);
  await page.getByRole('button', { name: 'Sign and record your decision' }).click();
  const recorded = page.locator('#lia-decision-recorded');
  await recorded.waitFor();
  const button = verdict === 'Approve it' ? 'Download the approved file' : 'Download the returned file';
  const back = await downloadFrom(page, button);
  // Nothing was saved in the approver's browser.
  assert.deepEqual(await storedAssessments(page), {}, 'nothing kept in the approver’s browser');
  await page.getByRole('button', { name: 'Close this file' }).click();
  await page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
  return back;
}

test('send, return with comments, fix, send again, approve: two browsers, files only', async () => {
  const author = await freshApp(env);
  const approver = await freshApp(env);
  for (const { page } of [author, approver]) page.setDefaultTimeout(10000);
  try {
    const page = author.page;
    // The approver's key, its card trusted by the author.
    const { card } = await makeKey(approver.page, { name: 'Sam Patel', role: 'Data Protection Officer' });
    await goToStart(approver.page);
    await trustCard(page, card, 'Sam Patel');
    await goToStart(page);
    await page.getByRole('button', { name: `Start from this example: ${EXAMPLE}` }).click();
    await page.waitForFunction(() => /^#\/a\/[^/]+$/.test(location.hash));
    const id = openId(page);

    // The Word document is offered wherever the report is, and is a real .docx.
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a Word document', exact: true }).click(),
    ]);
    assert.match(docx.suggestedFilename(), /^lia-employees-emergency-contacts-v1-draft-\d{4}-\d{2}-\d{2}\.docx$/);
    const bytes = await fs.readFile(await docx.path());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a ZIP package');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')));

    // 1. The author sends it.
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    const sent1 = await downloadFrom(page, 'Send for approval');
    assert.match(sent1.name, /-v1-round-1-for-approval-\d{4}-\d{2}-\d{2}\.html$/);
    assert.match(await page.locator('#lia-handover-stage').textContent(), /^Sent for approval on \d+ \w+ \d{4}\. Waiting for the decision\.$/);
    const saved = await waitForStored(page, id, (r) => r.assessment.handover?.length === 1);
    assert.equal(saved.assessment.handover[0].content.length, 64);

    // 2. The approver returns it with a comment on the purpose test.
    const returned = await decide(approver.page, sent1, { verdict: 'Return it with comments', comment: COMMENT });
    assert.match(returned.name, /-v1-round-1-returned-\d{4}-\d{2}-\d{2}\.html$/);

    // 3. The author opens the returned file: the same record, the comment beside the
    // questions it is about.
    await open(page, returned);
    await page.waitForFunction((id) => location.hash === `#/a/${id}`, id);
    const banner = page.getByRole('region', { name: 'Returned with comments' });
    await banner.waitFor();
    assert.match(await banner.textContent(), /Returned with comments by Sam Patel \(Data Protection Officer\) on/);
    await banner.getByRole('link', { name: PURPOSE }).click();
    await page.getByRole('heading', { level: 1, name: PURPOSE }).waitFor();
    const note = page.getByRole('note', { name: 'Comment from the approver' });
    assert.match(await note.textContent(), new RegExp(COMMENT.replace(/[.,]/g, '\\$&')));
    // Beside the questions: after the heading, before the first question.
    const order = await page.evaluate(() => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      const note = root.querySelector('.lia-comment');
      const question = root.querySelector('#q-purpose-why');
      return note.compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, 'the comment comes before the questions');

    // 4. The author fixes it and sends it again.
    await page.getByLabel('How important are those benefits?').fill(FIX);
    await waitForStored(page, id, (r) => r.assessment.answers['purpose.importance'] === FIX);
    await page.getByRole('link', { name: 'Return to the task list' }).click();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    assert.ok(await page.getByRole('note', { name: 'Comment from the approver' }).first().isVisible(), 'comments beside the check page sections too');
    const sent2 = await downloadFrom(page, 'Send for approval');
    await waitForStored(page, id, (r) => r.assessment.handover?.length === 2);

    // 5. The approver approves the new version.
    const approved = await decide(approver.page, sent2, { verdict: 'Approve it' });
    assert.match(approved.name, /-v1-round-2-approved-\d{4}-\d{2}-\d{2}\.html$/);

    // 6. The author opens it: their record is the approved one, bound to its digest.
    await open(page, approved);
    await page.waitForFunction((id) => location.hash === `#/a/${id}`, id);
    await page.getByRole('region', { name: 'Approved' }).first().waitFor();
    const status = await page.locator('#lia-approval-status').textContent();
    assert.match(status, /^Signed by a trusted approver\s*Approved by Sam Patel \(Data Protection Officer\) on .+\. Signed by a trusted approver: the signature matches this content and decision, and the key \(fingerprint ([0-9A-F]{4} ){7}[0-9A-F]{4}\) is on the list of trusted approvers kept in this browser\.$/);
    const { assessment: record } = await waitForStored(page, id, (r) => r.assessment.status === 'approved');
    assert.equal(record.answers['sign-off.approved-name'], 'Sam Patel');
    assert.equal(record.answers['sign-off.approved-role'], 'Data Protection Officer');
    assert.equal(record.answers['purpose.importance'], FIX, 'the version approved is the fixed one');
    assert.deepEqual(record.handover.map((r) => r.decision?.verdict), ['returned', 'approved']);
    const all = await storedAssessments(page);
    assert.equal(Object.keys(all).length, 1, 'one record, not a copy');

    // 7. A year on, the author starts a review (version 2), changes one answer and sends
    // it. Opened for approval in a browser that has version 1 saved (here, the author's
    // own), the approver sees what changed since version 1 was approved.
    const REVIEWED = 'Essential: staff safety, and now also visitors on site.';
    await page.getByRole('button', { name: 'Start a review' }).click();
    await page.waitForFunction((old) => /^#\/a\/[^/]+$/.test(location.hash) && !location.hash.includes(old), id);
    const reviewId = openId(page);
    await page.getByRole('link', { name: /^3\. Identify the legitimate interest/ }).click();
    await page.getByLabel('How important are those benefits?').fill(REVIEWED);
    await waitForStored(page, reviewId, (r) => r.assessment.answers['purpose.importance'] === REVIEWED);
    await page.getByRole('link', { name: 'Return to the task list' }).click();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    const sent3 = await downloadFrom(page, 'Send for approval');
    await open(page, sent3);
    await page.waitForFunction(() => location.hash === '#/approve');
    const since = page.getByRole('region', { name: 'What changed since version 1 was approved' });
    await since.waitFor();
    assert.match(await since.textContent(), /This is version 2, a review of version 1, which was approved on .+ by Sam Patel/);
    const row = since.locator('tr.lia-change', { hasText: 'How important are those benefits?' });
    assert.match(await row.textContent(), /\[removed\] /, 'the words taken out are marked');
    assert.match(await row.textContent(), /\[added\] .*visitors on site/, 'the words put in are marked');
    assert.doesNotMatch(await since.textContent(), /not shown here yet/);
    await page.getByRole('button', { name: 'Close this file' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();

    // 8. The approved file, changed afterwards (its export digest made to match again):
    // opened in a browser that has never seen it, it says plainly it was changed after
    // approval.
    const tampered = tamper(approved.text);
    const third = await freshApp(env);
    try {
      await chooseFile(third.page, { name: 'approved-then-edited.html', mimeType: 'text/html', buffer: Buffer.from(tampered) });
      await third.page.waitForFunction(() => /^#\/a\//.test(location.hash));
      const warning = await third.page.locator('#lia-import-warning').textContent();
      assert.match(warning, /“approved-then-edited\.html” was changed after it was approved\./);
      const status = await third.page.locator('#lia-approval-status').textContent();
      assert.match(status, /^Signature does not match\s*Warning: Marked approved by Sam Patel \(Data Protection Officer\) on .+, but the signature does not match: the assessment was changed after it was signed/);
      assertNoErrors(third.record, 'the third browser');
    } finally {
      await third.context.close();
    }

    assertNoErrors(author.record, 'the author’s browser');
    assertNoErrors(approver.record, 'the approver’s browser');
  } finally {
    await author.context.close();
    await approver.context.close();
  }
});

/** An approved HTML report with one answer changed and its export digest worked out
 * again, as a careful editor would: only the approval's binding can tell. */
function tamper(html) {
  const start = html.indexOf(`id="${REPORT_SCRIPT_ID}">`) + `id="${REPORT_SCRIPT_ID}">`.length;
  const end = html.indexOf('</script>', start);
  const envelope = JSON.parse(html.slice(start, end));
  envelope.assessment.answers['purpose.benefit'] = 'A benefit nobody approved';
  envelope.digest.value = digestOf(envelope.assessment);
  const json = JSON.stringify(envelope).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return html.slice(0, start) + json + html.slice(end);
}

test('the privacy information can be edited, is saved with the assessment, and copied, or selected when copying is blocked', async () => {
  const { context, page, record } = await freshApp(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  page.setDefaultTimeout(10000);
  try {
    await page.getByRole('button', { name: 'Start from this example: A retailer\'s postal offers to customers, with an opt-out' }).click();
    await page.waitForFunction(() => /^#\/a\/[^/]+$/.test(location.hash));
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { level: 2, name: 'Privacy information' }).waitFor();
    const box = page.getByLabel('Wording for your privacy information');
    const text = await box.inputValue();
    assert.match(text, /^We, Example Retail Ltd, use your contact details to tell you about our services, offers and news by post\./);
    assert.match(text, /This right is absolute: if you object, we will stop using your information for direct marketing\./);
    assert.match(await page.locator('main').textContent(), /This is a draft made from the answers in this assessment, for you to check/);
    // Edited before copying; the copy is the edited text.
    await box.fill(`${text}\n\nContact us at privacy@example.test.`);
    await page.getByRole('button', { name: 'Copy the wording' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.endsWith('Contact us at privacy@example.test.'), copied.slice(-80));
    // Saved with the assessment: stored, and after a reload the edit is still there.
    const id = await page.evaluate(() => location.hash.split('/')[2]);
    await waitForStored(page, id, (r) => r.assessment.privacy_wording?.text?.endsWith('Contact us at privacy@example.test.'));
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Privacy information' }).waitFor();
    assert.equal(await box.inputValue(), `${text}\n\nContact us at privacy@example.test.`);
    // "Use the suggested wording again" brings back the one made from the answers.
    await page.getByRole('button', { name: 'Use the suggested wording again' }).click();
    assert.equal(await box.inputValue(), text);

    // Where the browser refuses the clipboard, the text is selected to copy by hand.
    await context.clearPermissions();
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } });
    });
    await page.getByRole('button', { name: 'Copy the wording' }).click();
    await page.getByRole('status').filter({ hasText: 'press Ctrl and C' }).waitFor();
    const selection = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { id: el?.id, start: el?.selectionStart, end: el?.selectionEnd, length: el?.value.length };
    });
    assert.deepEqual(selection, { id: 'lia-privacy-wording', start: 0, end: selection.length, length: selection.length });
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

// Typing tells what shows the assessment only once it pauses (issue 28), so a click
// straight after the last key must hear of it first: "Copy the wording" copies what was
// typed, not the text before the last keys. Typed and clicked in one task of the page,
// so no pause can come between (a loaded run once clicked inside the pause).
test('a copy straight after typing copies the wording as typed, with no pause between', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    await page.getByRole('button', { name: 'Start from this example: A retailer\'s postal offers to customers, with an opt-out' }).click();
    await page.waitForFunction(() => /^#\/a\/[^/]+$/.test(location.hash));
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { level: 2, name: 'Privacy information' }).waitFor();
    const copied = await page.evaluate(async () => {
      let written = null;
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t) => ((written = t), Promise.resolve()) } });
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      const box = root.getElementById('lia-privacy-wording');
      box.value += ' Typed just now.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Copy the wording').click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return written;
    });
    assert.ok(copied?.endsWith(' Typed just now.'), String(copied).slice(-80));
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});
