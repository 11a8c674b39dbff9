// Reading the app's state from the page, for the flow, approval and accessibility
// tests: the findings shown, the error summary, the current route, a fresh page.
import assert from 'node:assert/strict';
import { watchContext } from './support.mjs';

/** A fresh context (empty storage) and page, watched from before the first request. */
export async function freshPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const record = await watchContext(context, origin);
  const page = await context.newPage();
  return { context, page, record };
}

/** The rule ids of the findings in the findings panel, sorted. */
export async function findingIds(page) {
  const ids = await page.locator('#lia-findings li[data-finding]').evaluateAll((els) => els.map((e) => e.dataset.finding));
  return [...new Set(ids)].sort();
}

/** Waits until the finding is shown (or, with `present` false, gone) in the findings panel. */
export async function expectFinding(page, id, present = true, timeout = 5000) {
  const end = Date.now() + timeout;
  let ids;
  while (Date.now() < end) {
    ids = await findingIds(page);
    if (ids.includes(id) === present) return;
    await page.waitForTimeout(25);
  }
  assert.fail(`finding ${id} should ${present ? 'appear' : 'disappear'}; shown: ${ids.join(', ')}`);
}

/** The messages of the error summary, in order (empty when there is none). */
export function errorSummaryMessages(page) {
  return page.locator('#lia-error-summary li a').allTextContents();
}

/** The route part of the URL hash: '', 'about', 'check'... and the assessment id. */
export function route(page) {
  const [, a, id, rest] = new URL(page.url()).hash.split('/');
  return { id: a === 'a' ? id : null, page: a === 'a' ? (rest ?? '').split('?')[0] : '' };
}

/** Waits for the URL hash to name this page of an assessment ('' for its task list). */
export async function waitForRoute(page, name, timeout = 5000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const r = route(page);
    if (r.id && r.page === name) return r;
    await page.waitForTimeout(20);
  }
  assert.fail(`the page never became "${name}"; the URL is ${page.url()}`);
}

/** The saved records of this origin's localStorage, parsed where they are JSON. */
export function storedAssessments(page) {
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      try {
        const value = JSON.parse(localStorage.getItem(key));
        const a = value?.assessment ?? value;
        if (a && typeof a === 'object' && 'answers' in a) out.push({ key, assessment: a });
      } catch {
        // not ours, or not JSON
      }
    }
    return out;
  });
}

/**
 * Waits until the saved copy of assessment `id` satisfies `check` (autosave runs 300 ms
 * after the last change); returns it.
 */
export async function waitForStored(page, id, check, timeout = 5000) {
  const end = Date.now() + timeout;
  let found;
  while (Date.now() < end) {
    found = (await storedAssessments(page)).find((r) => r.assessment.id === id)?.assessment;
    if (found && check(found)) return found;
    await page.waitForTimeout(50);
  }
  assert.fail(`the saved copy of ${id} never became as expected: ${JSON.stringify(found)?.slice(0, 500)}`);
}
