// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, and best practice) on every page type, at
// 1280 and 320 CSS pixels wide (with LIA_SCREENSHOTS=1, a full-page screenshot of each
// for review under test-output/screenshots). At 320 px nothing may need scrolling sideways (reflow); grouped
// choices must have legends and tags must have words (a11y.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from './support.mjs';
import { freshPage, waitForRoute, route } from './app.mjs';
import { assertNoViolations, screenshot } from './a11y.mjs';
import { browserToday } from './file-helpers.mjs';
import { exportOf, lifeOfOne, record as recordOf, reviewedDigest } from './register-files.mjs';
import { downloadFrom, chooseFile } from './file-helpers.mjs';
import { makeKey, trustCard, openKeys, approveThroughFiles } from './approval-steps.mjs';
import { approve, assessmentOf, cardFile, makeApprover } from './approvals.mjs';

const env = useBrowser();

/** Waits until the page's heading says `text` and has focus (the page has settled). */
async function settled(page, text, { focus = true } = {}) {
  const heading = page.locator('#lia-page-heading');
  await heading.filter({ hasText: text }).waitFor({ timeout: 10000 });
  if (!focus) return; // the first page leaves focus where the browser puts it
  await page.waitForFunction(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id === 'lia-page-heading' || el?.id === 'lia-error-summary' || el?.id === 'lia-approval-refused';
  }, null, { timeout: 10000 });
}

/** Opens a page of the open assessment through the URL hash. */
async function go(page, section, heading) {
  const { id } = route(page);
  await page.evaluate(([id, section]) => {
    location.hash = section ? `#/a/${id}/${section}` : `#/a/${id}`;
  }, [id, section]);
  await waitForRoute(page, section);
  await settled(page, heading);
}

async function startExample(page, title) {
  await page.getByRole('button', { name: `Start from this example: ${title}` }).click();
  await waitForRoute(page, '');
  await settled(page, '');
}

async function backToStart(page) {
  await page.locator('a.lia-header__product').click();
  await settled(page, 'Legitimate interests assessment');
}

const HOUSING = "A housing association's e-mail marketing to tenants (as filled in)";
const LEGAL = "Legal advice on an employee's alleged misconduct";
const EMERGENCY = "Employees' emergency contacts";

for (const width of [1280, 320]) {
  test(`every page type passes axe at ${width} px`, async (t) => {
    const { context, page, record } = await freshPage(env.browser, env.server.origin, {
      viewport: { width, height: 900 },
      bypassCSP: true,
      acceptDownloads: true,
    });
    page.setDefaultTimeout(10000);
    /** Runs axe, checks reflow at 320 px, and saves the screenshot. */
    const check = async (type) => {
      await t.test(type, async () => {
        await screenshot(page, width === 1280 ? type : `${type}-${width}`);
        if (width <= 320) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${type} scrolls sideways by ${overflow}px at ${width}px`);
        }
        await assertNoViolations(page, `${type} at ${width}px`);
      });
    };
    try {
      await openApp(page, env.server.origin);
      await settled(page, 'Legitimate interests assessment', { focus: false });
      await check('start-empty');

      // The housing LIA: its gaps give findings, suggestions and errors to look at.
      await startExample(page, HOUSING);
      await check('task-list');
      await go(page, 'about', 'Describe the processing');
      assert.ok((await page.locator('main input[type=checkbox]').count()) > 10);
      await check('section-checkboxes');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.locator('#lia-error-summary').waitFor();
      await settled(page, 'Describe the processing');
      await check('error-summary');
      await go(page, 'purpose', 'Identify the legitimate interest (purpose test)');
      await check('section-text');
      await go(page, 'triage', 'Check whether legitimate interests is available');
      assert.ok((await page.locator('main .lia-field--conditional input[type=radio]').count()) > 0, 'conditional radios are revealed');
      await check('section-radios-conditional');
      await go(page, 'dpia', 'Screen for a data protection impact assessment (DPIA)');
      assert.ok((await page.locator('main .lia-suggestion').count()) > 0, 'suggestions are shown');
      await check('dpia-suggestions');
      await go(page, 'sign-off', 'Sign off and set a review date');
      assert.ok((await page.locator('main .lia-date-input').count()) >= 3, 'date fields are shown');
      await check('sign-off-dates');
      await go(page, 'check', 'Check your answers');
      await check('check-answers');
      // Accepting a warning: the form, its error, and the warning accepted.
      await page.getByRole('button', { name: /^Accept this warning/ }).first().click();
      await page.locator('#lia-accept-0').waitFor();
      await page.getByRole('button', { name: 'Accept it with this reason' }).click();
      await page.locator('#lia-accept-warnings .lia-error-message').waitFor();
      await check('accept-warning-error');
      await page.locator('#lia-accept-0').fill('Tenants asked for these e-mails when they signed up.');
      await page.getByRole('button', { name: 'Accept it with this reason' }).click();
      await page.locator('#lia-accept-warnings').getByText('because: Tenants asked').waitFor();
      await check('accept-warning-accepted');

      // Saved assessments are listed on the start page.
      await backToStart(page);
      assert.equal(await page.locator('main table.lia-saved tbody tr').count(), 1);
      await check('start-saved');

      // Impacts rated before and after safeguards, with the risk matrix.
      await startExample(page, LEGAL);
      await go(page, 'impact', 'Assess the likely impact and safeguards');
      assert.equal(await page.locator('main .lia-impact').count(), 2, 'two impacts are shown');
      assert.equal(await page.locator('main .lia-matrix__text li').count(), 2, 'the matrix says the same in words');
      await check('impacts-matrix');

      // Approver keys: none yet, a key and its card, deleting it asked first, a card to
      // check before it is trusted, the trusted list.
      await openKeys(page);
      await settled(page, 'Approver keys');
      await check('keys-empty');
      await makeKey(page, { name: 'Alex Morgan', role: 'Managing Director', organisation: 'Example Manufacturing Ltd' });
      await check('keys-card');
      await page.getByRole('button', { name: 'Delete this key' }).click();
      await page.locator('#lia-delete-key').waitFor();
      await check('keys-delete-asked');
      await page.getByRole('button', { name: 'Cancel' }).first().click();
      const sam = makeApprover({ name: 'Sam Patel', role: 'Data Protection Officer', organisation: 'Example Manufacturing Ltd' });
      await page.getByLabel('Choose a key card', { exact: true }).setInputFiles(cardFile(sam));
      await page.locator('#lia-pending-card').waitFor();
      await check('keys-pending-card');
      await page.getByRole('button', { name: 'Trust this approver' }).click();
      await page.locator('#lia-card-errors').waitFor();
      await check('keys-card-errors');
      await page.getByLabel('I have checked this fingerprint with Sam Patel').check();
      await page.getByRole('button', { name: 'Trust this approver' }).click();
      await page.locator('#lia-trusted-list').filter({ hasText: 'Sam Patel' }).waitFor();
      await check('keys-trusted');

      // An approved, read-only record: signed by a trusted approver, opened from its file.
      await backToStart(page);
      await startExample(page, EMERGENCY);
      const approvedId = route(page).id;
      await approveThroughFiles(page, approvedId, sam);
      await page.locator('#lia-import-approval').waitFor();
      await check('approved-imported');
      await go(page, 'check', 'Check your answers');
      await page.getByRole('region', { name: 'Approved' }).first().waitFor();
      await check('approved-check');
      await go(page, 'about', 'Describe the processing');
      assert.equal(await page.locator('main fieldset.lia-form-body').getAttribute('disabled'), '', 'the form is disabled');
      await check('approved-section');

      // A review, and what changed since the approved version.
      await page.getByRole('button', { name: 'Start a review' }).first().click();
      await page.getByRole('link', { name: 'See what changed since version 1' }).waitFor();
      await settled(page, EMERGENCY);
      await go(page, 'purpose', 'Identify the legitimate interest (purpose test)');
      await page.getByLabel('Why do you want to process the data?', { exact: true }).fill('To reach a chosen contact in an emergency at work.');
      await go(page, 'changes', 'What changed since version 1');
      assert.ok((await page.locator('main tr.lia-change').count()) >= 1, 'a change is listed');
      await check('changes');

      // The register: records from files, a review with the version it reviews, a broken file.
      const today = await browserToday(page);
      const v1 = recordOf(today, 1, { title: 'Staff newsletter', status: 'approved', review: -2 });
      const v2 = { ...structuredClone(v1), id: 'v2', version: 2, status: 'draft', review_of: v1.id };
      v2.reviewed = { version: 1, digest: reviewedDigest(v1) };
      v2.answers['about.organisation'] = 'Renamed Ltd';
      const others = [2, 3, 4].map((i) => recordOf(today, i, { review: [10, 100, null][i - 2], status: i === 3 ? 'approved' : 'draft' }));
      await page.evaluate(() => (location.hash = '#/register'));
      await settled(page, 'Register of assessments');
      // With the five files of one assessment: one row, four earlier copies beneath it.
      const life = lifeOfOne(today).map(({ assessment }) => assessment);
      await page.getByLabel('Choose files', { exact: true }).setInputFiles([
        ...[v1, v2, ...others, ...life].map((a, i) => ({ name: `r${i}.json`, mimeType: 'application/json', buffer: Buffer.from(exportOf(a)) })),
        { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{') },
      ]);
      await page.locator('#lia-register-status').filter({ hasText: '11 files read' }).waitFor();
      // One row per assessment: the review with the version it reviews, the five as one.
      const shown = page.locator(width === 1280 ? 'table.lia-register tbody tr' : '.lia-register-card');
      assert.equal(await shown.count(), 5);
      await page.locator(width === 1280 ? 'table.lia-register summary' : '.lia-register-card summary', { hasText: '4 earlier copies' }).click();
      if (width === 1280) {
        // Every column on screen: neither the table nor the page scrolls sideways.
        const { table, box, page: overflow, wide, cols } = await page.evaluate(() => {
          const root = document.querySelector('[data-lia-widget]').shadowRoot;
          const t = root.querySelector('table.lia-register');
          const wide = [...t.querySelectorAll('th, td')].filter((c) => c.scrollWidth > c.clientWidth).map((c) => `${c.textContent.slice(0, 30)}: ${c.scrollWidth} > ${c.clientWidth}`);
          const cols = [...t.querySelectorAll('thead th')].map((c) => `${c.textContent}=${c.offsetWidth}`);
          return { table: t.scrollWidth, box: t.parentElement.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth, wide, cols };
        });
        assert.ok(table <= box && overflow <= 0, `the register is ${table}px in ${box}px; the page scrolls by ${overflow}px; ${wide.join(' / ')}; ${cols.join(' ')}`);
        assert.ok(await page.locator('table.lia-register th', { hasText: 'Review due' }).isVisible());
      }
      await check('register');
      await page.getByRole('link', { name: 'See what changed' }).click();
      await settled(page, 'What changed since version 1');
      await check('register-changes');
      await backToStart(page);
      assert.ok((await page.locator('main table.lia-saved tbody tr').count()) >= 3);
      await check('start-register-columns');
      // The hand-over: the approver's page (with its error summary), then the author's
      // view of a return, with the comments beside the questions.
      await backToStart(page);
      await startExample(page, EMERGENCY);
      await go(page, 'check', 'Check your answers');
      const sent = await downloadFrom(page, 'Send for approval');
      await backToStart(page);
      await chooseFile(page, { name: sent.name, mimeType: 'text/html', buffer: Buffer.from(sent.text) });
      await settled(page, EMERGENCY);
      await check('approver-page');
      await page.getByRole('button', { name: 'Sign and record your decision' }).click();
      await page.locator('#lia-decision-errors').waitFor();
      await check('approver-errors');
      await page.getByLabel('Comment on “Identify the legitimate interest (purpose test)” (optional)').fill('Say who benefits.');
      await page.getByLabel('Return it with comments').check();
      await page.getByRole('button', { name: 'Sign and record your decision' }).click();
      await page.locator('#lia-decision-recorded').waitFor();
      await check('approver-decided');
      const returned = await downloadFrom(page, 'Download the returned file');
      await page.getByRole('button', { name: 'Close this file' }).click();
      await settled(page, 'Legitimate interests assessment');
      await chooseFile(page, { name: returned.name, mimeType: 'text/html', buffer: Buffer.from(returned.text) });
      await page.getByRole('region', { name: 'Returned with comments' }).waitFor();
      await check('returned-task-list');
      await go(page, 'purpose', 'Identify the legitimate interest (purpose test)');
      await page.getByRole('note', { name: 'Comment from the approver' }).waitFor();
      await page.getByLabel('Your reply to the comment on “Identify the legitimate interest (purpose test)” (optional)').fill('Done.');
      await check('returned-section');
      // The second round, as the approver sees it: their comment, the reply, what changed.
      await page.getByLabel('How important are those benefits?').fill('Essential: staff are reached quickly in an emergency.');
      await go(page, 'check', 'Check your answers');
      const sent2 = await downloadFrom(page, 'Send for approval');
      await backToStart(page);
      await chooseFile(page, { name: sent2.name, mimeType: 'text/html', buffer: Buffer.from(sent2.text) });
      await page.locator('#lia-earlier-rounds').waitFor();
      await page.locator('#lia-since-returned').waitFor();
      await check('approver-second-round');
      await page.getByRole('button', { name: 'Close this file' }).click();
      await settled(page, 'Legitimate interests assessment');

      // A hand-edited copy of an approval: its signature does not match.
      const forged = approve(assessmentOf(sent.text), sam, await browserToday(page));
      forged.handover.at(-1).decision.role = 'Chief Executive';
      forged.answers['sign-off.approved-role'] = 'Chief Executive';
      forged.id = 'hand-edited';
      await chooseFile(page, { name: 'hand-edited.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(forged)) });
      await page.locator('#lia-import-warning').waitFor();
      await check('approval-does-not-match');

      assert.deepEqual(record.pageErrors, [], 'page errors');
    } finally {
      await context.close();
    }
  });
}
