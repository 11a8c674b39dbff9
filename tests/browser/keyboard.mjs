// Keyboard-only helpers for the browser tests: what has focus (through the widget's
// shadow root), Tab until a wanted control has focus (failing after a bound, so a test
// proves the control is reachable), and choosing, ticking and typing with keys only.
import assert from 'node:assert/strict';

/**
 * Describes the element that really has focus: document.activeElement is the widget's
 * host, so this walks down through open shadow roots. Runs in the page.
 */
function describeFocus() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const squeeze = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  let role = el.getAttribute('role');
  if (!role) {
    if (tag === 'a' && el.hasAttribute('href')) role = 'link';
    else if (tag === 'button') role = 'button';
    else if (tag === 'textarea') role = 'textbox';
    else if (tag === 'input') role = { radio: 'radio', checkbox: 'checkbox', file: 'file' }[type] ?? 'textbox';
    else if (/^h[1-6]$/.test(tag)) role = 'heading';
  }
  const labelled = el.labels && el.labels.length ? squeeze(el.labels[0].textContent) : '';
  const name = squeeze(el.getAttribute('aria-label')) || labelled || squeeze(el.textContent);
  return {
    id: el.id,
    tag,
    role,
    name,
    group: el.getAttribute('name'),
    checked: typeof el.checked === 'boolean' ? el.checked : null,
    value: typeof el.value === 'string' ? el.value : null,
  };
}

/** What has focus now (null when nothing in particular, i.e. the body). */
export function focused(page) {
  return page.evaluate(describeFocus);
}

/**
 * True when a focus description matches `want`: any of `id`, `role`, `name` (a string
 * or a RegExp), `group` (a radio's name) and `value`, or a function of the description.
 */
function matches(desc, want) {
  if (!desc) return false;
  if (typeof want === 'function') return want(desc);
  if (want.id !== undefined && desc.id !== want.id) return false;
  if (want.role !== undefined && desc.role !== want.role) return false;
  if (want.group !== undefined && desc.group !== want.group) return false;
  if (want.value !== undefined && desc.value !== want.value) return false;
  if (want.name !== undefined) {
    if (want.name instanceof RegExp ? !want.name.test(desc.name) : desc.name !== want.name) return false;
  }
  return true;
}

function show(want) {
  if (typeof want === 'function') return want.toString();
  return JSON.stringify(want, (k, v) => (v instanceof RegExp ? v.toString() : v));
}

/**
 * Presses Tab (or Shift+Tab with `back`) until the focused element matches `want`,
 * at most `max` times; fails, listing where focus went, if it never does. Returns the
 * focused element's description.
 */
export async function tabTo(page, want, { max = 120, back = false } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  let desc = await focused(page);
  if (matches(desc, want)) return desc;
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    desc = await focused(page);
    if (matches(desc, want)) return desc;
    seen.push(desc ? `${desc.role ?? desc.tag}#${desc.id} "${desc.name.slice(0, 50)}"` : '(body)');
  }
  assert.fail(`${key} never reached ${show(want)} in ${max} presses; focus went: ${seen.slice(-25).join(' | ')}`);
}

/** Waits until the focused element matches `want` (focus moves on the next frame). */
export async function waitForFocus(page, want, timeout = 5000) {
  const end = Date.now() + timeout;
  let desc;
  while (Date.now() < end) {
    desc = await focused(page);
    if (matches(desc, want)) return desc;
    await page.waitForTimeout(20);
  }
  assert.fail(`focus never reached ${show(want)}; it is on ${JSON.stringify(desc)}`);
}

/** Tabs to a control and activates it with Enter (links, buttons). */
export async function activate(page, want, options) {
  await tabTo(page, want, options);
  await page.keyboard.press('Enter');
}

/**
 * Tabs to a text box by id and types into it, key by key, as a person would; with
 * `paste`, the text arrives in one input event, as when pasted from the LIA document
 * (for long passages, so the keyboard test stays quick).
 */
export async function typeInto(page, id, text, { paste = false, ...options } = {}) {
  await tabTo(page, { id }, options);
  if (paste) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
}

/** Tabs to a checkbox by its label and ticks it with Space (unless already ticked). */
export async function tick(page, label, options) {
  const desc = await tabTo(page, { role: 'checkbox', name: label }, options);
  if (!desc.checked) await page.keyboard.press('Space');
  const after = await focused(page);
  assert.equal(after.checked, true, `"${label}" is ticked`);
}

/**
 * Tabs into the radio group whose inputs are named `group` (the question's control id),
 * then chooses `label` with the arrow keys and Space. A suggestion from earlier answers
 * is never pre-selected (issue 26), so the radio chosen is always the person's own.
 */
export async function choose(page, group, label, options) {
  let desc = await tabTo(page, { role: 'radio', group }, options);
  for (let i = 0; i < 30 && desc.name !== label; i++) {
    await page.keyboard.press('ArrowDown');
    desc = await focused(page);
  }
  assert.equal(desc.name, label, `radio "${label}" found in group ${group}`);
  await page.keyboard.press('Space');
  desc = await focused(page);
  assert.equal(desc.checked, true, `radio "${label}" in ${group} is selected`);
  return desc;
}

/** Types a date into the three GOV.UK boxes of a date question. */
export async function typeDate(page, id, iso, options) {
  const [year, month, day] = iso.split('-');
  await typeInto(page, id, day, options);
  await page.keyboard.press('Tab');
  await waitForFocus(page, { id: `${id}-month` }, 1000);
  await page.keyboard.type(month);
  await page.keyboard.press('Tab');
  await waitForFocus(page, { id: `${id}-year` }, 1000);
  await page.keyboard.type(year);
}

/** Waits for the focus to be on the page's heading after a change of page; returns its text. */
export async function expectHeadingFocused(page, text) {
  const desc = await waitForFocus(page, { id: 'lia-page-heading' });
  if (text !== undefined) assert.equal(desc.name, text, 'the focused page heading');
  return desc.name;
}
