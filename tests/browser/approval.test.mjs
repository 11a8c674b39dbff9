// Approval: the author never approves with one click. Their own file, opened in their
// browser, cannot be approved there; an approver's approval is refused, with the reasons
// listed and focused, while a blocker remains (and the assessment stays editable);
// once it is resolved the approver approves and signs, the record is read-only, shown
// as signed by a trusted approver, and "Start a review" makes a new editable version 2
// linked to it. Where the host page allows it, an author approves their own assessment
// in the approver's step, and it says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, DEMO } from './support.mjs';
import { freshPage, expectFinding, waitForRoute, waitForStored, route, storedAssessments } from './app.mjs';
import { waitForFocus, expectHeadingFocused } from './keyboard.mjs';
import { downloadFrom, chooseFile, browserToday } from './file-helpers.mjs';
import { makeKey, trustCard, signDecision, openKeys } from './approval-steps.mjs';

const env = useBrowser({ '/demo/': DEMO });

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

test('only an approver approves: refused while a blocker remains and to the author, then signed, read-only and reviewed', async () => {
  const { context, page, record } = await freshPage(env.browser, env.server.origin, { acceptDownloads: true });
  const approverSide = await freshPage(env.browser, env.server.origin, { acceptDownloads: true });
  const approver = approverSide.page;
  page.setDefaultTimeout(10000);
  approver.setDefaultTimeout(10000);
  try {
    await openApp(page, env.server.origin);
    await openApp(approver, env.server.origin);
    // The approver makes a key; the author trusts its card.
    const { card } = await makeKey(approver, { name: 'Sam Patel', role: 'Data Protection Officer' });
    await trustCard(page, card, 'Sam Patel');
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
    const { id } = await waitForRoute(page, '');
    await expectHeadingFocused(page, "Employees' emergency contacts");
    assert.equal(await page.locator('#lia-findings li[data-finding]').count(), 0, 'the example has no findings');

    // Introduce a blocker: "not complying with other relevant laws".
    await page.getByRole('link', { name: '3. Identify the legitimate interest (purpose test)' }).click();
    await waitForRoute(page, 'purpose');
    await otherLaws(page).getByLabel('No', { exact: true }).check();
    await expectFinding(page, 'purpose.unlawful');

    // No one-click approval: the check page says who approves, and sends it.
    await page.getByRole('link', { name: 'Return to the task list' }).click();
    await waitForRoute(page, '');
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await waitForRoute(page, 'check');
    assert.equal(await page.getByRole('button', { name: 'Approve this assessment' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Approve it yourself' }).count(), 0, 'not allowed by default');
    await page.getByText('An approver approves it, not its author').waitFor();
    const sent = await downloadFrom(page, 'Send for approval');

    // The author opens their own file in their browser, with a key of their own: it
    // cannot be approved there.
    await makeKey(page, { name: 'Alex Morgan', role: 'Office Manager' });
    await page.evaluate(() => (location.hash = '#/'));
    await chooseFile(page, { name: sent.name, mimeType: 'text/html', buffer: Buffer.from(sent.text) });
    await page.waitForFunction(() => location.hash === '#/approve');
    await page.getByLabel('Approve it', { exact: true }).check();
    await page.getByRole('button', { name: 'Sign and record your decision' }).click();
    const own = page.locator('#lia-decision-errors');
    await own.waitFor();
    await waitForFocus(page, { id: 'lia-decision-errors' });
    assert.match(await own.textContent(), /You cannot approve an assessment you wrote/);
    await page.getByRole('button', { name: 'Close this file' }).click();

    // The approver: refused, with the blocker among the reasons.
    await approver.evaluate(() => (location.hash = '#/'));
    await chooseFile(approver, { name: sent.name, mimeType: 'text/html', buffer: Buffer.from(sent.text) });
    await approver.waitForFunction(() => location.hash === '#/approve');
    await approver.getByLabel('Approve it', { exact: true }).check();
    await approver.getByRole('button', { name: 'Sign and record your decision' }).click();
    const refused = approver.locator('#lia-decision-errors');
    await refused.waitFor();
    await waitForFocus(approver, { id: 'lia-decision-errors' });
    assert.ok((await refused.textContent()).includes(UNLAWFUL), 'the blocker is among the reasons');
    assert.equal(await approver.locator('#lia-decision-recorded').count(), 0);
    await approver.getByRole('button', { name: 'Close this file' }).click();
    assert.equal((await stored(page, id)).status, 'draft');

    // The author resolves it through its "Change" link and sends it again.
    await page.evaluate((id) => (location.hash = `#/a/${id}/check`), id);
    await waitForRoute(page, 'check');
    await page.getByRole('link', { name: 'Change complying with other relevant laws' }).click();
    await waitForRoute(page, 'purpose');
    await waitForFocus(page, { id: 'q-purpose-other-laws' });
    await otherLaws(page).getByLabel('Yes', { exact: true }).check();
    await expectFinding(page, 'purpose.unlawful', false);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await waitForRoute(page, 'check');
    const sent2 = await downloadFrom(page, 'Send for approval');

    // The approver approves and signs; the author opens the file: approved, signed by a
    // trusted approver, read-only.
    await chooseFile(approver, { name: sent2.name, mimeType: 'text/html', buffer: Buffer.from(sent2.text) });
    await approver.waitForFunction(() => location.hash === '#/approve');
    const approved = await signDecision(approver, { verdict: 'Approve it' });
    await page.evaluate(() => (location.hash = '#/'));
    await chooseFile(page, approved);
    const notice = page.getByRole('region', { name: 'Approved' }).first();
    await notice.waitFor();
    const today = await browserToday(page);
    const long = new Date(`${today}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    assert.match(await page.locator('#lia-read-only').textContent(), new RegExp(`This assessment was approved on ${long}\\.`));
    assert.match(await page.locator('#lia-approval-status').textContent(), /^Signed by a trusted approver\s*Approved by Sam Patel \(Data Protection Officer\) on /);
    await waitForStored(page, id, (a) => a.status === 'approved');
    assert.equal(await page.getByRole('link', { name: /^Change/ }).count(), 0, 'no "Change" links');

    // Every input of every section page is disabled.
    for (const section of ['about', 'purpose', 'impact', 'sign-off']) {
      await page.evaluate(([id, section]) => (location.hash = `#/a/${id}/${section}`), [id, section]);
      await waitForRoute(page, section);
      await expectHeadingFocused(page);
      assert.ok(await page.locator('#lia-read-only').isVisible(), `${section}: the notice`);
      const controls = page.locator('main form input, main form textarea, main form button[type=button]');
      const states = await controls.evaluateAll((els) => els.map((e) => e.matches(':disabled')));
      assert.ok(states.length > 0 && states.every(Boolean), `${section}: all ${states.length} controls are disabled`);
    }
    assert.equal(await page.locator('#q-sign-off-approved-name').inputValue(), 'Sam Patel', "the approver's own name");
    assert.equal(await page.locator('#q-sign-off-approved-role').inputValue(), 'Data Protection Officer');

    // "Start a review" makes version 2, a draft linked to the approved version 1.
    await page.getByRole('button', { name: 'Start a review' }).click();
    await page.waitForFunction((old) => !location.hash.includes(old), id);
    const review = await waitForRoute(page, '');
    assert.notEqual(review.id, id);
    const draft = await waitForStored(page, review.id, () => true);
    assert.equal(draft.version, 2);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.review_of, id);
    assert.equal((await stored(page, id)).status, 'approved', 'the approved record is untouched');
    // The start page lists both versions; only the one whose approval verifies is approved.
    await page.locator('a.lia-header__product').click();
    await expectHeadingFocused(page, 'Legitimate interests assessment');
    await page.locator('main table.lia-saved tbody tr td:nth-child(2)').filter({ hasText: 'Approved, version 1' }).waitFor();
    const rows = await page.locator('main table.lia-saved tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(rows.sort(), ['Approved, version 1', 'Draft, version 2']);
    assert.equal(route(page).id, null);

    assert.deepEqual(record.pageErrors, [], 'page errors');
    assert.deepEqual(record.consoleErrors, [], 'console errors');
  } finally {
    await context.close();
    await approverSide.context.close();
  }
});

test('where the host page allows it, the author approves their own assessment, signed, and it says so everywhere', async () => {
  const { context, page, record } = await freshPage(env.browser, env.server.origin, { acceptDownloads: true });
  page.setDefaultTimeout(10000);
  const host = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Self-approval host</title>
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; base-uri 'none'"></head>
    <body><main><div id="widget" data-lia-widget data-namespace="self" data-self-approval="allowed"></div></main>
    <script type="module" src="/demo/embed.js"></script></body></html>`;
  await context.route(`${env.server.origin}/self-approval.html`, (r) => r.fulfill({ contentType: 'text/html', body: host }));
  try {
    await page.goto(`${env.server.origin}/self-approval.html`);
    await page.waitForSelector('#widget[data-lia-ready="true"]');
    const widget = page.locator('#widget');
    // The author's own key, trusted in this browser.
    await widget.getByRole('link', { name: 'Approver keys' }).click();
    await widget.getByLabel('Your name', { exact: true }).fill('Alex Morgan');
    await widget.getByLabel('Your role', { exact: true }).fill('Managing Director');
    await widget.getByRole('button', { name: 'Create your approver key' }).click();
    await widget.getByRole('heading', { name: 'Your key card' }).waitFor();
    const card = await downloadFrom(page, 'Download your key card', widget);
    await widget.getByLabel('Choose a key card', { exact: true }).setInputFiles({ name: card.name, mimeType: 'application/json', buffer: Buffer.from(card.text) });
    await widget.getByLabel('I have checked this fingerprint with Alex Morgan').check();
    await widget.getByRole('button', { name: 'Trust this approver' }).click();
    await widget.locator('#lia-trusted-list').filter({ hasText: 'Alex Morgan' }).waitFor();
    await widget.getByRole('button', { name: 'Back to the start page' }).click();
    await widget.getByRole('button', { name: "Start from this example: Employees' emergency contacts" }).click();
    await widget.getByRole('link', { name: 'Check your answers' }).click();
    await widget.getByRole('button', { name: 'Approve it yourself' }).click();
    await widget.getByText('You are approving your own assessment').waitFor();
    assert.equal(await widget.getByLabel('Return it with comments').count(), 0, 'only approval is offered');
    await widget.getByLabel('Approve it', { exact: true }).check();
    await widget.getByRole('button', { name: 'Sign and record your decision' }).click();
    await widget.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
    const status = widget.locator('#lia-approval-status');
    await status.waitFor();
    assert.match(await status.textContent(), /^Signed by a trusted approver\s*Approved by its author, Alex Morgan \(Managing Director\), on .+, as the organisation's settings allow\./);
    const stored = await storedAssessments(page);
    const approved = stored.find((r) => r.assessment.status === 'approved').assessment;
    assert.equal(approved.handover[0].decision.by_author, true);
    await widget.locator('a.lia-header__product').click();
    await widget.locator('main table.lia-saved tbody tr td:nth-child(2)').filter({ hasText: 'Approved by its author, version 1' }).waitFor();
    assert.deepEqual(record.pageErrors, [], 'page errors');
  } finally {
    await context.close();
  }
});

// WebKitGTK's WebCrypto refuses about one Ed25519 key in 128 that it draws (WebKit bug
// 307095, an OperationError); the refusal is mimicked here by wrapping generateKey.
test('a key the browser refuses to draw is drawn again; a refusal that lasts, or of another kind, is shown', async () => {
  const { context, page, record } = await freshPage(env.browser, env.server.origin);
  page.setDefaultTimeout(10000);
  await context.addInitScript(() => {
    const draw = SubtleCrypto.prototype.generateKey;
    window.liaDraws = 0;
    window.liaRefusals = [];
    SubtleCrypto.prototype.generateKey = function (...args) {
      window.liaDraws += 1;
      const refusal = window.liaRefusals.shift();
      if (refusal === 'OperationError') return Promise.reject(new DOMException('The operation failed for an operation-specific reason', refusal));
      if (refusal) return Promise.reject(new DOMException('Ed25519 is not supported here', refusal));
      return draw.apply(this, args);
    };
  });
  const create = () => page.getByRole('button', { name: 'Create your approver key' }).click();
  const refuse = (names) => page.evaluate((names) => { window.liaDraws = 0; window.liaRefusals = names; }, names);
  const draws = () => page.evaluate(() => window.liaDraws);
  const summary = page.locator('#lia-key-errors');
  try {
    await openApp(page, env.server.origin);
    await openKeys(page);
    await page.getByLabel('Your name', { exact: true }).fill('Sam Patel');
    // Four refusals in a row: the last is shown, and nothing is kept.
    await refuse(['OperationError', 'OperationError', 'OperationError', 'OperationError']);
    await create();
    await summary.getByText('Your key could not be made: The operation failed for an operation-specific reason').waitFor();
    assert.equal(await draws(), 4);
    assert.equal(await page.getByRole('heading', { name: 'Your key card' }).count(), 0);
    // Another kind of refusal is not drawn again.
    await refuse(['NotSupportedError']);
    await create();
    await summary.getByText('Your key could not be made: Ed25519 is not supported here').waitFor();
    assert.equal(await draws(), 1);
    // Three refusals, then a key: it is made, with nothing said of the refusals.
    await refuse(['OperationError', 'OperationError', 'OperationError']);
    await create();
    await page.getByRole('heading', { name: 'Your key card' }).waitFor();
    assert.equal(await draws(), 4);
    assert.equal(await summary.count(), 0);
    assert.deepEqual(record.pageErrors, [], 'page errors');
  } finally {
    await context.close();
  }
});
