// The steps the journeys repeat, over the driver interface of drivers.mjs: open the app,
// start an assessment, wait for a save, read findings, and the keyboard-only moves (Tab
// until a control has focus, activate, tick, choose, type).
import assert from 'node:assert/strict';
import { recordKey, recordPrefix } from '../../../scripts/app-facts.mjs';

export const TITLE = 'What do you want to call this assessment?';
export const ORGANISATION = 'Which organisation is responsible for the processing?';
export const DESCRIPTION = 'Describe the processing';
export const RECIPIENTS = 'Who will the data be shared with?';
export const JSON_BUTTON = 'Download to open later (JSON)';
export const HTML_BUTTON = 'Download the report (HTML)';
export const EXAMPLE = "Employees' emergency contacts";

/** Query shorthands. */
export const button = (name, extra = {}) => ({ role: 'button', name, ...extra });
export const link = (name, extra = {}) => ({ role: 'link', name, ...extra });
export const heading = (name, level = 1, extra = {}) => ({ role: 'heading', level, name, ...extra });
export const label = (text, extra = {}) => ({ label: text, ...extra });
export const css = (selector, extra = {}) => ({ css: selector, ...extra });
export const text = (words, extra = {}) => ({ text: words, ...extra });

/** Opens the app (or `url`) and waits until the widget says it is mounted. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForScript(() => document.querySelector('[data-lia-widget][data-lia-ready="true"]') !== null, [], {
    timeout: page.timeout * 2,
  });
}

/** The id of the open assessment, from the URL hash `#/a/<id>…`. */
export async function openId(page) {
  const hash = await page.hash();
  const match = /^#\/a\/([^/?]+)/.exec(hash);
  assert.ok(match, `[${page.name}] an assessment is open (hash ${hash})`);
  return decodeURIComponent(match[1]);
}

/** "Start a new assessment" (by mouse) and wait for its first page; returns its id. */
export async function startNew(page) {
  await page.click(button('Start a new assessment'));
  await page.waitFor(heading('Describe the processing'));
  await page.until(async () => /^#\/a\//.test(await page.hash()), { message: 'the address of the new assessment' });
  return openId(page);
}

/** Starts from the built-in example by mouse; returns its id once it is saved. */
export async function startExample(page, example = EXAMPLE) {
  await page.click(button(`Start from this example: ${example}`));
  await page.waitFor(button(JSON_BUTTON));
  const id = await openId(page);
  await waitForStored(page, id, () => true);
  return id;
}

/** The stored record of `id` (parsed), or null. */
export async function storedRecord(page, id, namespace) {
  const raw = await page.run((key) => localStorage.getItem(key), recordKey(id, namespace));
  return raw === null ? null : JSON.parse(raw);
}

/** Every stored record of a namespace (the default one unless given), id → parsed record. */
export async function storedRecords(page, namespace) {
  const prefix = recordPrefix(namespace);
  const all = await page.storage();
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), JSON.parse(v)]));
}

/** Waits until the stored record of `id` satisfies `check(record)`; returns it. */
export async function waitForStored(page, id, check, timeout) {
  let seen;
  try {
    return await page.until(
      async () => {
        seen = await storedRecord(page, id);
        return seen && check(seen) ? seen : null;
      },
      { timeout, message: `the stored record of ${id} to satisfy ${check}` },
    );
  } catch (error) {
    // What was stored instead, for the failure's message: its revision and answers.
    const what = seen ? `revision ${seen.revision}, answers ${JSON.stringify(seen.assessment?.answers).slice(0, 600)}` : 'nothing';
    error.message += `; stored was ${what}`;
    throw error;
  }
}

/** Waits until the header's save status says `words`. */
export async function waitForStatus(page, words) {
  await page.waitFor(css('#lia-save-status', { text: words }));
}

/** Sets the address's hash, as a link within the app would. */
export async function goToHash(page, hash) {
  await page.run((h) => {
    location.hash = h;
  }, hash);
  await page.until(async () => (await page.hash()) === hash, { message: `the address ${hash}` });
}

/** Back to the start page through the header link. */
export async function goToStart(page) {
  await page.click(css('.lia-header__product'));
  await page.waitFor(heading('Your assessments', 2));
}

/** The rule ids of the findings shown, sorted, without repeats. */
export async function findingIds(page) {
  const ids = await page.run(() =>
    [...(document.querySelector('[data-lia-widget]').shadowRoot.querySelectorAll('#lia-findings li[data-finding]') ?? [])].map((e) => e.dataset.finding),
  );
  return [...new Set(ids)].sort();
}

/** Waits until the finding is shown (or, with `present` false, gone). */
export async function expectFinding(page, id, present = true) {
  await page.until(async () => (await findingIds(page)).includes(id) === present, {
    message: `finding ${id} to ${present ? 'appear' : 'go'}`,
  });
}

/**
 * Firefox asks for /favicon.ico of its own accord for a page served without an icon,
 * and logs the refusal when that page's policy (the report's) does not allow it: the
 * browser's request, not the page's, so it is not counted as the page's error.
 */
const BROWSER_OWN = /Content-Security-Policy: .*\/favicon\.ico\b/;

/** Fails if the page recorded an error (a panic shows as one), a console error or a dialog. */
export async function assertNoErrors(page, what = 'the page') {
  const errors = (await page.errors()).filter((e) => !BROWSER_OWN.test(e));
  assert.deepEqual(errors, [], `[${page.name}] errors in ${what}`);
}

// ---- the keyboard alone -----------------------------------------------------------------

function matches(desc, want) {
  if (!desc) return false;
  if (typeof want === 'function') return want(desc);
  for (const key of ['id', 'role', 'group', 'value']) if (want[key] !== undefined && desc[key] !== want[key]) return false;
  if (want.name !== undefined) {
    if (want.name instanceof RegExp ? !want.name.test(desc.name) : desc.name !== want.name) return false;
  }
  return true;
}

/** Presses Tab (Shift+Tab with `back`) until what has focus matches `want`; fails after `max`. */
export async function tabTo(page, want, { max = 120, back = false } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  let desc = await page.focused();
  if (matches(desc, want)) return desc;
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.press(key);
    desc = await page.focused();
    if (matches(desc, want)) return desc;
    seen.push(desc ? `${desc.role ?? desc.tag}#${desc.id} "${(desc.name ?? '').slice(0, 40)}"` : '(body)');
  }
  assert.fail(`[${page.name}] ${key} never reached ${JSON.stringify(want, (k, v) => (v instanceof RegExp ? String(v) : v))} in ${max} presses; focus went: ${seen.slice(-20).join(' | ')}`);
}

/** Waits until what has focus matches `want` (focus moves on the next frame). */
export async function waitForFocus(page, want) {
  return page.until(async () => {
    const desc = await page.focused();
    return matches(desc, want) ? desc : null;
  }, { message: `focus on ${JSON.stringify(want)}` });
}

/** Tabs to a control and activates it with Enter. */
export async function activate(page, want, options) {
  await tabTo(page, want, options);
  await page.press('Enter');
}

/** Tabs to a text box by id and types into it key by key. */
export async function typeInto(page, id, words, options) {
  await tabTo(page, { id }, options);
  await page.type(words);
}

/** Tabs to a tick box by its label and ticks it with Space. */
export async function tick(page, name, options) {
  const desc = await tabTo(page, { role: 'checkbox', name }, options);
  if (!desc.checked) await page.press('Space');
  await page.until(async () => (await page.focused())?.checked === true, { message: `"${name}" ticked` });
}

/** Tabs into a radio group, moves to `name` with the arrow keys, and chooses it with Space. */
export async function choose(page, group, name, options) {
  let desc = await tabTo(page, { role: 'radio', group }, options);
  for (let i = 0; i < 30 && desc.name !== name; i++) {
    await page.press('ArrowDown');
    desc = await page.focused();
  }
  assert.equal(desc.name, name, `[${page.name}] radio "${name}" in ${group}`);
  await page.press('Space');
  await page.until(async () => (await page.focused())?.checked === true, { message: `"${name}" chosen` });
}

/** Waits for the page's heading to have focus after a change of page; returns its text. */
export async function expectHeadingFocused(page, words) {
  const desc = await waitForFocus(page, { id: 'lia-page-heading' });
  if (words !== undefined) assert.equal(desc.name, words, `[${page.name}] the focused heading`);
  return desc.name;
}
