// The guided assessment with the keyboard alone: a person starts a new assessment and
// enters the housing association's LIA (src/assessment/examples/housing_marketing.rs)
// through every section page, the task list and check your answers, using only Tab,
// Shift+Tab, Enter, Space, the arrow keys and typing. No clicks, fills or mouse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from './support.mjs';
import { freshPage, findingIds, expectFinding, errorSummaryMessages, waitForRoute, waitForStored, route } from './app.mjs';
import {
  focused,
  tabTo,
  waitForFocus,
  activate,
  typeInto,
  tick,
  choose,
  typeDate,
  expectHeadingFocused,
} from './keyboard.mjs';
import { TEXT, EXAMPLE_FINDINGS } from './housing.mjs';

const env = useBrowser();

const SECTIONS = [
  ['about', 'Describe the processing'],
  ['triage', 'Check whether legitimate interests is available'],
  ['purpose', 'Identify the legitimate interest (purpose test)'],
  ['necessity', 'Show the processing is necessary (necessity test)'],
  ['nature', 'Consider the nature of the data'],
  ['expectations', "Consider people's reasonable expectations"],
  ['impact', 'Assess the likely impact and safeguards'],
  ['dpia', 'Screen for a data protection impact assessment (DPIA)'],
  ['decision', 'Make the decision'],
  ['sign-off', 'Sign off and set a review date'],
];

/**
 * Presses "Save and continue" on a section with required answers missing: the error
 * summary appears, takes focus, says the same as the inline errors, and the page title
 * starts with "Error:". Returns its messages.
 */
async function saveExpectingErrors(page) {
  await activate(page, { role: 'button', name: 'Save and continue' });
  await waitForFocus(page, { id: 'lia-error-summary' });
  const messages = await errorSummaryMessages(page);
  assert.ok(messages.length > 0, 'the error summary lists the problems');
  const summary = page.locator('#lia-error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert', 'the error summary is announced');
  assert.equal(await summary.locator('h2').textContent(), 'There is a problem');
  const inline = await page.locator('.lia-error-message').allTextContents();
  assert.deepEqual(
    inline.map((t) => t.replace(/^Error: /, '')),
    messages,
    'each field shows the error the summary lists, in the same order',
  );
  assert.match(await page.title(), /^Error: /, 'the page title says there is an error');
  return messages;
}

/** Follows an error summary link with the keyboard; focus must land on the field. */
async function followErrorLink(page, message, fieldId, options) {
  await activate(page, { role: 'link', name: message }, options);
  const desc = await waitForFocus(page, { id: fieldId });
  return desc;
}

/** The page title names the page, as its heading does (WCAG 2.4.2). */
async function expectTitle(page, heading) {
  assert.equal(await page.title(), `${heading} – Legitimate interests assessment`, 'the page title');
}

/** From a section page, back to the task list through "Return to the task list". */
async function returnToTaskList(page, title) {
  await activate(page, { role: 'link', name: 'Return to the task list' }, { max: 200 });
  await waitForRoute(page, '');
  await expectHeadingFocused(page, title);
  await expectTitle(page, title);
}

/** From the task list, open a section by its link ("3. Identify ..."). */
async function openSection(page, index) {
  const [key, title] = SECTIONS[index];
  await activate(page, { role: 'link', name: `${index + 1}. ${title}` }, { max: 60 });
  await waitForRoute(page, key);
  await expectHeadingFocused(page, title);
  await expectTitle(page, title);
}

test('the housing association LIA can be entered, checked and changed with the keyboard alone', async () => {
  const { context, page, record } = await freshPage(env.browser, env.server.origin);
  const timings = [];
  let mark = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings.push(`${name} ${Math.round(now - mark)}ms`);
    mark = now;
  };
  try {
    await openApp(page, env.server.origin);

    // ---- Start page: start a new assessment ---------------------------------------
    await activate(page, { role: 'button', name: 'Start a new assessment' }, { max: 40 });
    await waitForRoute(page, 'about');
    await expectHeadingFocused(page, 'Describe the processing');
    await expectTitle(page, 'Describe the processing');
    assert.deepEqual(await findingIds(page), [], 'a new assessment has no findings');
    lap('start');

    // ---- 1. About ---------------------------------------------------------------------
    await typeInto(page, 'q-about-title', TEXT.title);
    await typeInto(page, 'q-about-organisation', TEXT.organisation);
    await tick(page, 'Tenants or residents');
    await tick(page, 'Contact details');
    await tick(page, 'Directly from the people themselves');
    let messages = await saveExpectingErrors(page);
    assert.deepEqual(messages, [
      'Describe the processing',
      "Select roughly how many people's data this involves",
      'Say who the data will be shared with',
      'Select whether the processing has already started',
      'Enter the date the processing starts',
    ]);
    // The summary's links put the cursor in the field: a text box, then a radio group.
    await followErrorLink(page, 'Describe the processing', 'q-about-description');
    const description = page.locator('#q-about-description');
    assert.equal(await description.getAttribute('aria-invalid'), 'true');
    assert.match(await description.getAttribute('aria-describedby'), /q-about-description-error/);
    await followErrorLink(page, "Select roughly how many people's data this involves", 'q-about-scale', { back: true });
    await followErrorLink(page, 'Enter the date the processing starts', 'q-about-start-date', { back: true });
    await returnToTaskList(page, TEXT.title);
    lap('about');

    // ---- 2. Triage --------------------------------------------------------------------
    await openSection(page, 1);
    await choose(page, 'q-triage-purpose-category', 'Direct marketing');
    await tick(page, 'E-mail');
    await choose(page, 'q-triage-subscribers', 'Individuals');
    await expectFinding(page, 'pecr.soft-opt-in.unconfirmed', false);
    await choose(page, 'q-pecr-email-basis', 'The soft opt-in (regulation 22(3))');
    // Relying on the soft opt-in, unconfirmed and without evidence, shows at once.
    await expectFinding(page, 'pecr.soft-opt-in.unconfirmed');
    await expectFinding(page, 'pecr.soft-opt-in.evidence');
    messages = await saveExpectingErrors(page);
    assert.ok(messages.includes('Select whether your organisation is a public authority'), messages.join('; '));
    assert.ok(messages.includes('Describe the evidence that the soft opt-in conditions are met'), messages.join('; '));
    await followErrorLink(page, 'Describe the evidence that the soft opt-in conditions are met', 'q-pecr-evidence');
    await returnToTaskList(page, TEXT.title);
    lap('triage');

    // ---- 3. Purpose -------------------------------------------------------------------
    await openSection(page, 2);
    await typeInto(page, 'q-purpose-why', TEXT.purpose);
    await typeInto(page, 'q-purpose-data-protection-rules', TEXT.pecrAndOtherRules, { paste: true });
    await choose(page, 'q-purpose-ethics', 'No');
    await saveExpectingErrors(page);
    await returnToTaskList(page, TEXT.title);
    lap('purpose');

    // ---- 4. Necessity -----------------------------------------------------------------
    await openSection(page, 3);
    await choose(page, 'q-necessity-helps', 'Yes');
    await typeInto(page, 'q-necessity-helps-how', TEXT.necessity, { paste: true }); // revealed by "Yes"
    await saveExpectingErrors(page);
    await returnToTaskList(page, TEXT.title);
    lap('necessity');

    // ---- 5. Nature of the data --------------------------------------------------------
    await openSection(page, 4);
    // "No" is suggested (no special category or criminal offence data among the kinds
    // of data), never pre-selected (issue 26): it is only a suggestion until chosen. So
    // is "Yes" for vulnerable people (tenants of a housing association, issue 26), which
    // the LIA answered "No".
    await choose(page, 'q-nature-special', 'No');
    await expectFinding(page, 'nature.suggestion-unconfirmed'); // criminal offence data: not yet
    await choose(page, 'q-nature-criminal', 'No');
    await expectFinding(page, 'nature.suggestion-unconfirmed'); // vulnerable people: not yet
    await choose(page, 'q-nature-children', 'No');
    await expectFinding(page, 'nature.suggestion-unconfirmed', false);
    await expectFinding(page, 'nature.vulnerable-circumstances');
    await saveExpectingErrors(page);
    await returnToTaskList(page, TEXT.title);
    lap('nature');

    // ---- 6. Reasonable expectations ---------------------------------------------------
    await openSection(page, 5);
    await choose(page, 'q-expectations-relationship', 'Yes');
    await typeInto(page, 'q-expectations-relationship-nature', TEXT.relationship);
    await choose(page, 'q-expectations-obvious', 'Yes');
    await choose(page, 'q-expectations-innovative', 'No');
    await typeInto(page, 'q-expectations-other-factors', TEXT.communication, { paste: true });
    await saveExpectingErrors(page);
    await returnToTaskList(page, TEXT.title);
    lap('expectations');

    // ---- 7. Impact --------------------------------------------------------------------
    await openSection(page, 6);
    await expectFinding(page, 'impact.opt-out-undecided', false);
    await choose(page, 'q-impact-explain', 'Yes');
    // Once the section is started, the undecided opt-out and the missing impacts show.
    await expectFinding(page, 'impact.opt-out-undecided');
    await expectFinding(page, 'impact.none-recorded');
    await expectFinding(page, 'impact.no-safeguards-unassessed', false);
    await choose(page, 'q-impact-safeguards', 'No safeguards are needed');
    await expectFinding(page, 'impact.no-safeguards-unassessed');
    await typeInto(page, 'q-impact-safeguards-detail', TEXT.safeguards);
    messages = await saveExpectingErrors(page);
    assert.ok(messages.includes('Add at least one impact, even if it is minimal'), messages.join('; '));
    await followErrorLink(page, 'Add at least one impact, even if it is minimal', 'q-impact-list');
    await returnToTaskList(page, TEXT.title);
    lap('impact');

    // ---- 8. DPIA screening ------------------------------------------------------------
    await openSection(page, 7);
    await choose(page, 'q-dpia-done', 'Yes');
    await typeDate(page, 'q-dpia-date', '2024-12-10');
    await saveExpectingErrors(page);
    await returnToTaskList(page, TEXT.title);
    lap('dpia');

    // ---- 9. Decision ------------------------------------------------------------------
    await openSection(page, 8);
    await expectFinding(page, 'decision.undecided', false);
    await typeInto(page, 'q-decision-justification', TEXT.justification);
    await expectFinding(page, 'decision.undecided');
    await saveExpectingErrors(page);
    await returnToTaskList(page, TEXT.title);
    lap('decision');

    // ---- 10. Sign-off -----------------------------------------------------------------
    await openSection(page, 9);
    await typeInto(page, 'q-sign-off-completed-name', 'T Knight');
    await expectFinding(page, 'record.review-date-missing');
    // The finding's "Go to" link works on the page it points at, too.
    await activate(page, { role: 'link', name: 'Skip to findings' }, { max: 20, back: true });
    await waitForFocus(page, { id: 'lia-findings-title' });
    await activate(page, { role: 'link', name: 'Go to: Next review date' }, { max: 80 });
    await waitForFocus(page, { id: 'q-sign-off-review-date' });
    await tabTo(page, { id: 'q-sign-off-completed-name' }, { max: 20, back: true });
    await typeInto(page, 'q-sign-off-completed-role', 'DPO');
    await typeDate(page, 'q-sign-off-completed-date', '2024-12-10');
    await typeInto(page, 'q-sign-off-approved-name', 'M Loughin');
    await typeInto(page, 'q-sign-off-approved-role', 'Ark HA');
    await typeDate(page, 'q-sign-off-approved-date', '2024-12-10');
    messages = await saveExpectingErrors(page);
    assert.deepEqual(messages, [
      'Enter the date of the next review',
      'Select whether your privacy information names the legitimate interests',
      'Say how you will handle objections to the processing',
    ]);
    lap('sign-off');

    // Everything the LIA says is in: the findings are exactly the built-in example's.
    assert.deepEqual(await findingIds(page), EXAMPLE_FINDINGS);

    // ---- Answers change, findings follow ------------------------------------------------
    // A review date, from the error summary's link: its finding goes.
    await followErrorLink(page, 'Enter the date of the next review', 'q-sign-off-review-date');
    await typeDate(page, 'q-sign-off-review-date', '2025-12-10');
    await expectFinding(page, 'record.review-date-missing', false);
    await choose(page, 'q-sign-off-privacy-information', 'Yes');
    // How objections are handled (the LIA said nothing): its finding goes.
    await typeInto(page, 'q-sign-off-objections', 'Anyone who asks us to stop is unsubscribed from marketing at once.');
    await expectFinding(page, 'rights.objections-missing', false);
    // Nothing required is missing now: "Save and continue" goes on, past the last
    // section, to check your answers.
    await activate(page, { role: 'button', name: 'Save and continue' });
    await waitForRoute(page, 'check');
    await expectHeadingFocused(page, 'Check your answers');
    await expectTitle(page, 'Check your answers');
    lap('review date');

    // A "Change" link goes to the question itself, and back here afterwards.
    await activate(page, { role: 'link', name: 'Change opt-out offered' }, { max: 200 });
    await waitForRoute(page, 'impact');
    assert.equal(new URL(page.url()).hash.endsWith('?from=check'), true, 'the section knows it came from the check page');
    await waitForFocus(page, { id: 'q-impact-opt-out' });
    await choose(page, 'q-impact-opt-out', 'Yes');
    await expectFinding(page, 'impact.opt-out-undecided', false);

    // Add an impact: focus goes to its description, and "no impact recorded" goes.
    await activate(page, { role: 'button', name: 'Add an impact' }, { max: 60, back: true });
    const added = await waitForFocus(page, (d) => /^impact-\d+-description$/.test(d.id));
    await expectFinding(page, 'impact.none-recorded', false);
    const base = added.id.replace(/-description$/, '');
    await page.keyboard.type('Tenants receive marketing e-mails they did not want');
    await choose(page, `${base}-likelihood`, 'Remote');
    await choose(page, `${base}-severity`, 'Minimal');
    // Rated now: "no safeguards needed" is no longer unassessed.
    await expectFinding(page, 'impact.no-safeguards-unassessed', false);
    // Remove a second impact: focus stays with the "Undo" that replaces the button,
    // and undoing puts the cursor back in the restored impact.
    await activate(page, { role: 'button', name: 'Add another impact' }, { max: 40 });
    const second = await waitForFocus(page, (d) => /^impact-\d+-description$/.test(d.id) && d.id !== added.id);
    await page.keyboard.type('A second impact, added by mistake');
    await activate(page, { role: 'button', name: 'Remove impact 2' }, { max: 40 });
    await waitForFocus(page, { role: 'button', name: 'Undo removing impact 2' });
    assert.match(await page.locator('main .lia-status[role=status]').textContent(), /Impact 2 removed\./);
    await page.keyboard.press('Enter');
    await waitForFocus(page, { id: second.id, value: 'A second impact, added by mistake' });
    await activate(page, { role: 'button', name: 'Remove impact 2' }, { max: 40 });
    await waitForFocus(page, { role: 'button', name: 'Undo removing impact 2' });
    assert.equal(await page.locator('main .lia-impact').count(), 1);
    const matrixText = await page.locator('main .lia-matrix__text').textContent();
    assert.match(matrixText, /Impact 1 \(Tenants receive .*\)\. Before safeguards: remote likelihood, minimal severity: low risk\./, 'the risk matrix says the same in words');
    lap('impact changes');

    // ---- The findings panel's "Go to" links ---------------------------------------------
    // "Skip to findings" (the second skip link) reaches the panel from the top.
    await activate(page, { role: 'link', name: 'Skip to findings' }, { max: 200, back: true });
    await waitForFocus(page, { id: 'lia-findings-title' });
    await activate(page, { role: 'link', name: 'Go to: Can rely on legitimate interests' }, { max: 80 });
    await waitForRoute(page, 'decision');
    await waitForFocus(page, { id: 'q-decision-rely' });
    await choose(page, 'q-decision-rely', 'Yes');
    await expectFinding(page, 'decision.undecided', false);
    // Deciding yes while blockers remain is itself a blocker.
    await expectFinding(page, 'decision.yes-with-blockers');
    lap('go to');

    // ---- Check your answers from the task list ------------------------------------------
    await returnToTaskList(page, TEXT.title);
    await activate(page, { role: 'link', name: 'Check your answers' }, { max: 60 });
    await waitForRoute(page, 'check');
    await expectHeadingFocused(page, 'Check your answers');
    const check = page.locator('main');
    assert.match(await check.textContent(), /Ark HA/);
    assert.match(await check.textContent(), /No safeguards are needed/);
    // A warning accepted with a reason, by keyboard: no reason first is refused, then
    // one is kept (the approval and accepted-warning tests cover the rest).
    await activate(page, { role: 'button', name: /^Accept this warning: / }, { max: 250 });
    await activate(page, { role: 'button', name: 'Accept it with this reason' }, { max: 5 });
    await page.locator('#lia-accept-warnings .lia-error-message').filter({ hasText: 'Enter why you accept this warning' }).waitFor();
    await typeInto(page, 'lia-accept-0', 'Tenants asked for these e-mails when they signed up.', { back: true, max: 5 });
    await activate(page, { role: 'button', name: 'Accept it with this reason' }, { max: 5 });
    await page.locator('#lia-accept-warnings').getByText('because: Tenants asked for these e-mails when they signed up.').waitFor();
    lap('check');

    // The autosaved draft holds what was typed, newlines and all.
    const saved = await waitForStored(page, route(page).id, (a) => a.answers['decision.rely'] === 'yes');
    const answers = saved.answers;
    assert.equal(answers['purpose.why'], TEXT.purpose);
    assert.equal(answers['purpose.data-protection-rules'], TEXT.pecrAndOtherRules);
    assert.equal(answers['dpia.date'], '2024-12-10');
    assert.equal(answers['sign-off.review-date'], '2025-12-10');
    assert.deepEqual(
      saved.impacts.map((i) => [i.description, i.likelihood, i.severity]),
      [['Tenants receive marketing e-mails they did not want', 'remote', 'minimal']],
      'the one impact kept, as rated',
    );

    assert.deepEqual(record.pageErrors, [], 'page errors');
    assert.deepEqual(record.consoleErrors, [], 'console errors');
  } finally {
    if (process.env.LIA_TIMINGS) console.log(timings.join(', '));
    await context.close();
  }
});
