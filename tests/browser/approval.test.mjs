// Approval: refused, with the reasons listed and focused, while a blocker remains (and
// the assessment stays editable); allowed once it is resolved, after which the record is
// read-only and "Start a review" makes a new editable version 2 linked to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from './support.mjs';
import { freshPage, expectFinding, waitForRoute, waitForStored, route, storedAssessments } from './app.mjs';
import { waitForFocus, expectHeadingFocused } from './keyboard.mjs';

const env = useBrowser();

const UNLAWFUL =
  'You said you are not complying with other relevant laws. An interest cannot be legitimate if pursuing it breaks the law: fix the breach before relying on legitimate interests.';
const OTHER_LAWS = 'Are you complying with other relevant laws?';

/** The "Are you complying with other relevant laws?" radio group on the purpose page. */
function otherLaws(page) {
  return page.getByRole('group', { name: OTHER_LAWS });
}

async function stored(page, id) {
  const all = await storedAssessments(page);
  return all.find((r) => r.assessment.id === id)?.assessment;
}

test('approval is refused while a blocker remains, and allowed once it is resolved', async () => {
  const { context, page, record } = await freshPage(env.browser, env.server.origin);
  page.setDefaultTimeout(10000);
  try {
    await openApp(page, env.server.origin);
    await page.getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
    const { id } = await waitForRoute(page, '');
    await expectHeadingFocused(page, "Employees' emergency contacts");
    assert.equal(await page.locator('#lia-findings li[data-finding]').count(), 0, 'the example has no findings');

    // Introduce a blocker: "not complying with other relevant laws".
    await page.getByRole('link', { name: '3. Identify the legitimate interest (purpose test)' }).click();
    await waitForRoute(page, 'purpose');
    await otherLaws(page).getByLabel('No', { exact: true }).check();
    await expectFinding(page, 'purpose.unlawful');
    await page.locator('#lia-findings li[data-finding="purpose.unlawful"] .lia-tag').filter({ hasText: 'Blocker' }).waitFor();

    // Approving is refused: the reasons are listed, the blocker's message among them,
    // and focus moves to them.
    await page.getByRole('link', { name: 'Return to the task list' }).click();
    await waitForRoute(page, '');
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await waitForRoute(page, 'check');
    await page.getByRole('button', { name: 'Approve this assessment' }).click();
    const refused = page.locator('#lia-approval-refused');
    await refused.waitFor();
    await waitForFocus(page, { id: 'lia-approval-refused' });
    assert.equal(await refused.getAttribute('role'), 'alert', 'the refusal is announced');
    assert.equal(await refused.locator('h3').textContent(), 'The assessment cannot be approved yet');
    const reasons = await refused.locator('li').allTextContents();
    assert.ok(reasons.includes(UNLAWFUL), `the blocker is among the reasons: ${reasons.join(' | ')}`);

    // It is still an editable draft.
    assert.equal(await page.getByRole('region', { name: 'Approved' }).count(), 0, 'no read-only notice');
    assert.ok(await page.getByRole('button', { name: 'Approve this assessment' }).isVisible());
    assert.equal((await stored(page, id)).status, 'draft');

    // Resolve it through its "Change" link, which comes back to check your answers.
    await page.getByRole('link', { name: 'Change complying with other relevant laws' }).click();
    await waitForRoute(page, 'purpose');
    await waitForFocus(page, { id: 'q-purpose-other-laws' });
    assert.equal(await otherLaws(page).getByLabel('Yes', { exact: true }).isEditable(), true, 'still editable');
    await otherLaws(page).getByLabel('Yes', { exact: true }).check();
    await expectFinding(page, 'purpose.unlawful', false);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await waitForRoute(page, 'check');
    await expectHeadingFocused(page, 'Check your answers');

    // Now it is approved: the notice shows, focus is on the heading, nothing can change.
    await page.getByRole('button', { name: 'Approve this assessment' }).click();
    const notice = page.getByRole('region', { name: 'Approved' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /This assessment was approved on 16 April 2026\./);
    await expectHeadingFocused(page, 'Check your answers');
    assert.equal(await page.locator('#lia-approval-refused').count(), 0, 'the refusal is gone');
    assert.equal(await page.getByRole('button', { name: 'Approve this assessment' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /^Change/ }).count(), 0, 'no "Change" links');
    await waitForStored(page, id, (a) => a.status === 'approved'); // saved at once

    // Every input of every section page is disabled.
    for (const section of ['about', 'purpose', 'impact', 'sign-off']) {
      await page.evaluate(([id, section]) => (location.hash = `#/a/${id}/${section}`), [id, section]);
      await waitForRoute(page, section);
      await expectHeadingFocused(page);
      assert.ok(await page.getByRole('region', { name: 'Approved' }).isVisible(), `${section}: the notice`);
      const controls = page.locator('main form input, main form textarea, main form button[type=button]');
      const states = await controls.evaluateAll((els) => els.map((e) => e.matches(':disabled')));
      assert.ok(states.length > 0 && states.every(Boolean), `${section}: all ${states.length} controls are disabled`);
      assert.equal(await page.getByRole('button', { name: 'Continue', exact: true }).count(), 1, `${section}: "Continue", not "Save"`);
    }
    assert.equal(await page.locator('#q-sign-off-approved-name').inputValue(), 'Alex Morgan');

    // "Start a review" makes version 2, a draft linked to the approved version 1.
    await page.getByRole('button', { name: 'Start a review' }).click();
    await page.waitForFunction((old) => !location.hash.includes(old), id);
    const review = await waitForRoute(page, '');
    assert.notEqual(review.id, id);
    await expectHeadingFocused(page, "Employees' emergency contacts");
    assert.equal(await page.getByRole('region', { name: 'Approved' }).count(), 0, 'the review is editable');
    const draft = await waitForStored(page, review.id, () => true);
    assert.equal(draft.version, 2);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.review_of, id);
    assert.equal((await stored(page, id)).status, 'approved', 'the approved record is untouched');
    await page.getByRole('link', { name: '1. Describe the processing' }).click();
    await waitForRoute(page, 'about');
    assert.equal(await page.locator('#q-about-title').isEditable(), true, 'the review can be changed');
    await page.getByRole('link', { name: 'Return to the task list' }).click();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await waitForRoute(page, 'check');
    assert.match(await page.locator('main .lia-review-log').textContent(), /Review started from version 1 \(approved 2026-04-16\)\./);
    // The start page lists both versions.
    await page.locator('a.lia-header__product').click();
    await expectHeadingFocused(page, 'Legitimate interests assessment');
    const rows = await page.locator('main table.lia-saved tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(rows.sort(), ['Approved, version 1', 'Draft, version 2']);
    assert.equal(route(page).id, null);

    assert.deepEqual(record.pageErrors, [], 'page errors');
    assert.deepEqual(record.consoleErrors, [], 'console errors');
  } finally {
    await context.close();
  }
});
