// axe-core for the browser tests, injected into the page by evaluating its source (so a
// Content Security Policy on the page cannot stop it), and screenshots for review.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { OUTPUT } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');

/**
 * The skip links are left out of axe's context: axe looks their targets up with
 * document.getElementById, which cannot see into the widget's shadow root, so it would
 * report them as broken ("skip-link") and, no longer taking them for skip links, as
 * content outside a landmark ("region"). `assertSkipLinksWork` checks them instead.
 */
const CONTEXT = { exclude: [{ fromShadowDom: ['[data-lia-widget]', '.lia-skip-links'] }] };

/** Runs axe on the whole document (it follows open shadow roots); returns its violations. */
export async function axeViolations(page) {
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ([context, tags]) => {
    const result = await window.axe.run(context, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, [CONTEXT, AXE_TAGS]);
}

/**
 * What axe cannot check of the skip links: each is the first thing in the widget, is a
 * link with a name, and points at an element of the same shadow root that is shown.
 */
export async function assertSkipLinksWork(page) {
  const { first, links } = await page.evaluate(() => {
    const root = document.querySelector('[data-lia-widget]').shadowRoot;
    const first = root.querySelector('a[href], button, input, textarea, select')?.textContent.trim();
    const links = [...root.querySelectorAll('.lia-skip-link')].map((a) => {
      const target = root.getElementById(a.getAttribute('href').replace(/^#/, ''));
      return {
        name: a.textContent.trim(),
        target: a.getAttribute('href'),
        found: !!target && target.getClientRects().length > 0,
      };
    });
    return { first, links };
  });
  assert.equal(first, 'Skip to main content', 'the first control of the widget is the skip link');
  for (const link of links) {
    assert.ok(link.name, 'the skip link has a name');
    assert.ok(link.found, `the target of "${link.name}" (${link.target}) is on the page`);
  }
}

/** Says each violation's id, help and nodes, so a failure is easy to act on. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.html}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * What axe does not check: every radio, checkbox and date box is in a fieldset (other
 * than the one round the whole form) whose legend says what the group is, and every
 * tag (status, severity, reading) says in words what its colour shows.
 */
export async function assertGroupsAndTags(page) {
  const problems = await page.evaluate(() => {
    const root = document.querySelector('[data-lia-widget]').shadowRoot;
    const out = [];
    for (const input of root.querySelectorAll('input[type=radio], input[type=checkbox], .lia-date-input input')) {
      const fieldset = input.closest('fieldset:not(.lia-form-body)');
      const legend = fieldset?.querySelector(':scope > legend');
      if (!legend || !legend.textContent.trim()) out.push(`#${input.id} is not in a fieldset with a legend`);
    }
    for (const tag of root.querySelectorAll('.lia-tag')) {
      if (!tag.textContent.trim()) out.push(`a ${tag.className} tag has no words`);
    }
    return out;
  });
  assert.deepEqual(problems, [], 'grouped choices and tags');
}

/** Fails with every violation spelt out when axe finds any on the page as it is now. */
export async function assertNoViolations(page, where) {
  await assertSkipLinksWork(page);
  await assertGroupsAndTags(page);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${where}:\n${describeViolations(violations)}`);
}

/**
 * With LIA_SCREENSHOTS=1, saves a full-page screenshot as
 * test-output/screenshots/<name>.png, to look at each page type at each width. Only then:
 * nothing reads them, and encoding them took 60 % of the axe tests' time.
 */
export async function screenshot(page, name) {
  if (process.env.LIA_SCREENSHOTS !== '1') return;
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 30000 });
  return file;
}
