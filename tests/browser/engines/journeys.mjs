// The user journeys, written once and run in every engine (suite.mjs registers each as
// "[engine] name"). A journey gets `t`: t.page() for a fresh session with one page,
// t.session() for a session to open several pages in, t.server (the local server:
// origin, put, hold, received), t.engine and t.name. Each page has the methods of
// drivers.mjs. What an engine does differently is fixed in the app, not here; a journey
// is left out in an engine only where that engine cannot do what it needs
// (`unsupported`, with the reason), or where another test already runs it in that
// engine, more deeply (`elsewhere`, naming it); a journey waiting for another branch is
// a `placeholder`.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { SINGLE_FILE } from '../support.mjs';
import crypto from 'node:crypto';
import { answerKinds, canonicalJson, digestOf } from '../file-helpers.mjs';
import { exportOf, lifeOfOne, record, reviewedDigest } from '../register-files.mjs';
import { approve, approvedFile, assessmentOf, cardFile, contentDigest, makeApprover } from '../approvals.mjs';
import { startServer } from './server.mjs';
import { PAYLOADS, PAYLOAD, harmless } from '../xss-payloads.mjs';
import {
  SCHEMA_VERSION,
  EXPORT_FORMAT,
  REPORT_SCRIPT_ID,
  recordKey,
  recordPrefix,
  namespacePrefix,
  JOURNAL,
} from '../../../scripts/app-facts.mjs';
import {
  TITLE,
  JSON_BUTTON,
  HTML_BUTTON,
  EXAMPLE,
  startExample,
  ORGANISATION,
  DESCRIPTION,
  RECIPIENTS,
  button,
  link,
  heading,
  label,
  css,
  text,
  openApp,
  openId,
  startNew,
  storedRecord,
  storedRecords,
  waitForStored,
  waitForStatus,
  goToHash,
  goToStart,
  findingIds,
  expectFinding,
  assertNoErrors,
  waitForFocus,
  activate,
  typeInto,
  tick,
  choose,
  expectHeadingFocused,
} from './steps.mjs';

export const JOURNEYS = [];
const journey = (name, run, options = {}) => JOURNEYS.push({ name, run, ...options });

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

// ---- the start page ---------------------------------------------------------------------

journey('the start page shows its heading, privacy promise and examples, logs no error and fetches nothing after it is ready', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const before = t.server.received.length;
  assert.equal(await page.text(heading('Legitimate interests assessment')), 'Legitimate interests assessment');
  await page.waitFor(text('Everything you type stays in this browser. Nothing is sent anywhere.', { within: { role: 'main' } }));
  await page.waitFor(button('Start a new assessment'));
  await page.waitFor(button("Start from this example: Employees' emergency contacts"));
  await page.waitFor(link('Open several files as a register'));
  assert.equal(await page.title(), 'Legitimate interests assessment');
  // The message shown until the app starts is hidden now.
  assert.equal(await page.exists(css('[data-lia-widget] > .lia-fallback', { document: true })), false, 'the starting message is hidden');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(t.server.received.slice(before), [], 'no request once the page is ready');
  // Everything the page loaded came from its own server: the page, its script and its wasm.
  const loaded = await page.run(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
  assert.deepEqual(loaded.filter((u) => new URL(u).origin !== t.server.origin), [], `[${t.name}] requests to other origins`);
  for (const file of [/\/lia\.js$/, /\/lia_bg\.wasm\.gz$/]) assert.ok(loaded.some((u) => file.test(u)), `[${t.name}] ${file} was loaded: ${loaded}`);
  // The packed wasm was unpacked and run: the plain one, three times the bytes, is only
  // the loader's fallback.
  assert.ok(!loaded.some((u) => /\/lia_bg\.wasm$/.test(u)), `[${t.name}] the plain wasm was not needed: ${loaded}`);
  await assertNoErrors(page);
});

// ---- a new assessment by keyboard through every page ------------------------------------

journey('a new assessment by keyboard alone, through every page, the task list and check your answers', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  await activate(page, { role: 'button', name: 'Start a new assessment' }, { max: 40 });
  await expectHeadingFocused(page, 'Describe the processing');
  const id = await openId(page);
  await typeInto(page, 'q-about-title', 'Keyboard only');
  await tick(page, 'Tenants or residents');
  // "Save and continue" with answers missing: the error summary takes focus.
  await activate(page, { role: 'button', name: 'Save and continue' });
  await waitForFocus(page, { id: 'lia-error-summary' });
  assert.match(await page.title(), /^Error: /);
  // Its links put the cursor in the field.
  await activate(page, { role: 'link', name: 'Describe the processing' });
  await waitForFocus(page, { id: 'q-about-description' });
  await page.type('Cameras at the depot, typed in every engine.');
  await activate(page, { role: 'link', name: 'Return to the task list' }, { max: 200 });
  await expectHeadingFocused(page, 'Keyboard only');

  // Every other section, opened from the task list, answered and left by keyboard.
  const answers = {
    triage: async () => choose(page, 'q-triage-purpose-category', 'Direct marketing'),
    purpose: async () => typeInto(page, 'q-purpose-why', 'To tell tenants about services.'),
    necessity: async () => choose(page, 'q-necessity-helps', 'Yes'),
    nature: async () => choose(page, 'q-nature-children', 'No'),
    expectations: async () => choose(page, 'q-expectations-relationship', 'Yes'),
    impact: async () => choose(page, 'q-impact-explain', 'Yes'),
    dpia: async () => choose(page, 'q-dpia-done', 'No'),
    decision: async () => typeInto(page, 'q-decision-justification', 'Weighed with care.'),
    'sign-off': async () => typeInto(page, 'q-sign-off-completed-name', 'T Knight'),
  };
  for (const [index, [key, title]] of SECTIONS.entries()) {
    if (key === 'about') continue;
    await activate(page, { role: 'link', name: `${index + 1}. ${title}` }, { max: 60 });
    await page.until(async () => (await page.hash()).endsWith(`/${key}`), { message: `the ${key} page` });
    await expectHeadingFocused(page, title);
    assert.equal(await page.title(), `${title} – Legitimate interests assessment`);
    await answers[key]();
    await activate(page, { role: 'link', name: 'Return to the task list' }, { max: 200 });
    await expectHeadingFocused(page, 'Keyboard only');
  }
  await activate(page, { role: 'link', name: 'Check your answers' }, { max: 60 });
  await expectHeadingFocused(page, 'Check your answers');
  const check = await page.text({ role: 'main' });
  for (const words of ['Keyboard only', 'Cameras at the depot', 'To tell tenants about services.', 'T Knight']) {
    assert.ok(check.includes(words), `[${t.name}] check your answers shows "${words}"`);
  }
  const saved = await waitForStored(page, id, (r) => r.assessment.answers['sign-off.completed-name'] === 'T Knight');
  assert.equal(saved.assessment.answers['about.description'], 'Cameras at the depot, typed in every engine.');
  assert.deepEqual(saved.assessment.answers['about.people'], ['tenants']);
  assert.equal(saved.assessment.answers['triage.purpose-category'], 'direct-marketing');
  await assertNoErrors(page);
});

// ---- findings ---------------------------------------------------------------------------

journey('findings appear as answers are given and clear when they change', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  await startNew(page);
  assert.deepEqual(await findingIds(page), [], 'a new assessment has no findings');
  await goToHash(page, `#/a/${await openId(page)}/triage`);
  await page.click(label('Direct marketing'));
  await page.click(label('E-mail'));
  await page.click(label('Individuals'));
  await expectFinding(page, 'pecr.soft-opt-in.unconfirmed', false);
  await page.click(label('The soft opt-in (regulation 22(3))'));
  await expectFinding(page, 'pecr.soft-opt-in.unconfirmed');
  await expectFinding(page, 'pecr.soft-opt-in.evidence');
  // Another basis: both go.
  await page.click(label('Consent'));
  await expectFinding(page, 'pecr.soft-opt-in.unconfirmed', false);
  await expectFinding(page, 'pecr.soft-opt-in.evidence', false);
  // A finding's "Go to" link puts the cursor on the question.
  await goToHash(page, `#/a/${await openId(page)}/decision`);
  await page.fill(label('Do you have any comments to justify your answer?'), 'We rely on it.');
  await expectFinding(page, 'decision.undecided');
  await page.click(link('Go to: Can rely on legitimate interests'));
  await waitForFocus(page, { id: 'q-decision-rely' });
  await page.click(css('input[name="q-decision-rely"][value="no"]'));
  await expectFinding(page, 'decision.undecided', false);
  // Issue 26: an answer suggested from earlier ones is never pre-selected. It is shown
  // beside the question with its reason and a button to use it, and is not an answer
  // until the person chooses.
  const id = await openId(page);
  await goToHash(page, `#/a/${id}/about`);
  await page.click(label('Contact details'));
  await goToHash(page, `#/a/${id}/nature`);
  await page.waitFor(css('#q-nature-special-suggestion', { text: /^Suggested: No, because none of the kinds of data you selected is special category data\./ }));
  assert.equal(await page.checked(css('input[name="q-nature-special"][value="no"]')), false, `[${page.name}] "No" is not pre-selected`);
  assert.equal(await page.checked(css('input[name="q-nature-special"][value="yes"]')), false, `[${page.name}] nor is "Yes"`);
  // Untouched, the section is not started and nothing is asked of it yet. Using the first
  // suggestion makes "No" an answer (the section is started) and the other suggestion is
  // then flagged; using that one too clears it.
  await expectFinding(page, 'nature.suggestion-unconfirmed', false);
  await page.click(css('#q-nature-special-use'));
  await page.until(async () => page.checked(css('input[name="q-nature-special"][value="no"]')), { message: 'the suggestion used as the answer' });
  await expectFinding(page, 'nature.suggestion-unconfirmed');
  await page.click(css('#q-nature-criminal-use'));
  await expectFinding(page, 'nature.suggestion-unconfirmed', false);
  const saved = await waitForStored(page, id, (r) => r.assessment.answers['nature.criminal'] === 'no');
  assert.equal(saved.assessment.answers['nature.private'], undefined, `[${page.name}] nothing else was written`);
  await assertNoErrors(page);
});

// Issue 28: the rules run once typing pauses (not on every key), so a click or a change
// of page straight after the last key must act on the answer as typed. Both are done
// here inside one task of the page, so no pause can come between the key and the click.
// (That the rules do run after a pause with no click is the "findings appear" journey:
// its justification is typed, then the finding is waited for.)
journey('a click or a new page straight after typing acts on the answer as typed, before the rules would run by themselves', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const id = await startExample(page);
  // Sets the description and, in the same task, clicks "Save and continue" or "Return to
  // the task list"; gives what the task list first draws for the section, two frames on.
  const typeAnd = (words, target) =>
    page.run(
      (words, target) => {
        const root = document.querySelector('[data-lia-widget]').shadowRoot;
        const field = root.getElementById('q-about-description');
        field.value = words;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        const name = target === 'save' ? 'Save and continue' : 'Return to the task list';
        [...root.querySelectorAll('button, a')].find((e) => e.textContent.trim() === name).click();
        return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(root.getElementById('lia-task-about-status')?.textContent ?? null))));
      },
      words,
      target,
    );
  await goToHash(page, `#/a/${id}/about`);
  await page.waitFor(css('#q-about-description'));
  // Emptied, then "Save and continue" at once: the page says the description is missing.
  await typeAnd('', 'save');
  await page.waitFor(css('#lia-error-summary'));
  assert.match(await page.text(css('#lia-error-summary')), /Describe the processing|description/i, `[${page.name}] the emptied description is missing`);
  assert.ok((await page.hash()).endsWith('/about'), `[${page.name}] the page stays`);
  // Typed again, then "Save and continue" at once: it counts, and the page moves on.
  await typeAnd('Cameras at the depot.', 'save');
  await page.until(async () => !(await page.hash()).endsWith('/about'), { message: 'Save and continue leaves the page' });
  await waitForStored(page, id, (r) => r.assessment.answers['about.description'] === 'Cameras at the depot.');
  // Emptied, then straight to the task list: the list first drawn has the section open.
  await goToHash(page, `#/a/${id}/about`);
  await page.waitFor(css('#q-about-description'));
  assert.equal(await typeAnd('', 'tasks'), 'In progress', `[${page.name}] the task list first drawn straight after the description was emptied`);
  await assertNoErrors(page);
});

// Typing changes the open assessment quietly (issue 28): what shows it elsewhere on the
// page, as the header's title, hears of it once typing pauses, and at once when a click
// comes first. Nothing else changes the record here, so the header can only follow the
// keys by those two ways.
journey('what shows the answer elsewhere follows typing once it pauses, and at once at a click', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  await startNew(page);
  const header = css('.lia-header__assessment');
  await page.focus(label(TITLE));
  await page.type('Depot cameras');
  await page.until(async () => (await page.text(header)) === 'Depot cameras', { message: 'the header showing the title typed, once typing paused' });
  // A key, then a click on the same task: the header drawn next shows the key.
  const drawn = await page.run(() => {
    const root = document.querySelector('[data-lia-widget]').shadowRoot;
    const field = root.getElementById('q-about-title');
    field.value = 'Depot cameras 2';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    [...root.querySelectorAll('button')].find((e) => e.textContent.trim() === 'Save and continue').click();
    return new Promise((resolve) => requestAnimationFrame(() => resolve(root.querySelector('.lia-header__assessment')?.textContent ?? null)));
  });
  assert.equal(drawn, 'Depot cameras 2', `[${page.name}] the header drawn straight after the click`);
  await assertNoErrors(page);
});

// A new page moves the keyboard to its heading in the next frame. On a busy machine that
// frame can come after someone has already clicked into a field and begun typing: the
// heading must not take the keyboard from them then, or their next keys are lost (the
// likely cause of a WebKit journey once never saving "HR team draft"). Frames are held
// back 600 ms.
journey('someone already typing on a new page keeps the keyboard when its frame comes late', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  await page.run(() => {
    const frame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => frame(() => setTimeout(() => frame(callback), 600));
  });
  await page.click(button('Start a new assessment'));
  await page.focus(label(TITLE));
  await page.type('Typed at once');
  await new Promise((resolve) => setTimeout(resolve, 900));
  await page.type(', and on');
  assert.equal((await page.focused())?.id, 'q-about-title', `[${t.name}] the keyboard stays in the field`);
  assert.equal(await page.value(label(TITLE)), 'Typed at once, and on');
  await assertNoErrors(page);
});

// ---- impacts and the risk matrix --------------------------------------------------------

journey('impacts are added, rated before and after safeguards, shown on the risk matrix, removed and restored', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const id = await startNew(page);
  await goToHash(page, `#/a/${id}/impact`);
  await page.waitFor(heading('Assess the likely impact and safeguards'));
  await page.click(button('Add an impact'));
  const added = await waitForFocus(page, (d) => /^impact-\d+-description$/.test(d.id));
  const base = added.id.replace(/-description$/, '');
  await page.type('Tenants receive e-mails they did not want');
  await page.click(css(`#${base}-likelihood-probable`));
  await page.click(css(`#${base}-severity-severe`));
  await page.fill(css(`#${base}-safeguards`), 'An unsubscribe link in every e-mail.');
  await page.click(css(`#${base}-residual-likelihood-remote`));
  await page.click(css(`#${base}-residual-severity-minimal`));
  const sentence = await page.text(css('main .lia-matrix__text li'));
  assert.match(sentence, /^Impact 1 \(Tenants receive e-mails they did not want\)\. Before safeguards: probable likelihood, severe severity: high risk\./);
  assert.match(sentence, /After safeguards: remote likelihood, minimal severity: low risk\./);
  // The drawing: the hollow marker top right (probable, severe), the filled one bottom left.
  const geometry = await page.run(() => {
    const root = document.querySelector('[data-lia-widget]').shadowRoot;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height };
    };
    const svg = root.querySelector('main .lia-matrix__svg');
    return {
      svg: box(svg),
      before: box(root.querySelector('main .lia-matrix__marker--before circle')),
      after: box(root.querySelector('main .lia-matrix__marker--after circle')),
      line: root.querySelectorAll('main .lia-matrix__move').length,
    };
  });
  assert.ok(geometry.svg.w > 100 && geometry.svg.h > 100, `[${t.name}] the matrix is drawn: ${JSON.stringify(geometry.svg)}`);
  assert.ok(geometry.before.w > 0 && geometry.after.w > 0, `[${t.name}] both markers are drawn`);
  assert.ok(geometry.before.x > geometry.after.x, `[${t.name}] before is right of after (more likely)`);
  assert.ok(geometry.before.y < geometry.after.y, `[${t.name}] before is above after (more severe)`);
  assert.equal(geometry.line, 1, 'a line joins the two');

  // The first impact's card, marked: a keyed row whose key stays is never drawn again,
  // so the mark must outlive adding, removing and restoring the second (a redrawn card
  // would lose it, and with it focus and text being typed there).
  const mark = (base) => page.run((b) => {
    const card = document.querySelector('[data-lia-widget]').shadowRoot.getElementById(`${b}-description`).closest('.lia-impact');
    card.__liaKept = true;
  }, base);
  const kept = (base) => page.run((b) => document.querySelector('[data-lia-widget]').shadowRoot.getElementById(`${b}-description`).closest('.lia-impact').__liaKept === true, base);
  await mark(base);

  // A second impact, removed; "Undo" takes focus and brings it back.
  await page.click(button('Add another impact'));
  await waitForFocus(page, (d) => /^impact-\d+-description$/.test(d.id) && d.id !== added.id);
  // Typed with a pause mid-word, as on a slow machine (or by a person): the autosave
  // stores "A " first. What is checked below must be what was saved after the undo,
  // never that earlier save (a wait for "two impacts stored" alone could take it).
  await page.type('A ');
  await new Promise((resolve) => setTimeout(resolve, 700));
  await page.type('second impact');
  await page.click(button('Remove impact 2'));
  await waitForFocus(page, { role: 'button', name: 'Undo removing impact 2' });
  assert.equal(await page.count(css('main .lia-impact')), 1);
  await page.press('Enter');
  await page.until(async () => (await page.count(css('main .lia-impact'))) === 2, { message: 'the impact restored' });
  assert.equal(await kept(base), true, `[${t.name}] the first impact's card was drawn again`);
  // The undo made a change, so the status says "Saving…" until it is saved.
  await waitForStatus(page, 'Saved');
  const [first, second] = (await storedRecord(page, id)).assessment.impacts;
  assert.deepEqual(
    [first.description, first.likelihood, first.severity, first.residual_likelihood, first.residual_severity],
    ['Tenants receive e-mails they did not want', 'probable', 'severe', 'remote', 'minimal'],
  );
  assert.equal(second.description, 'A second impact');
  await assertNoErrors(page);
});

// ---- drafts survive a reload and a crash ------------------------------------------------

// Text that is easy to get subtly wrong: spaces at both ends, several lines, a tab,
// quotes, letters beyond ASCII, an emoji (a surrogate pair) and a combining accent.
const TRICKY = 'Line one\nLine two\twith a tab\n\n  indented 😀 and e\u0301 “quoted” ‘single’ <Ltd> & co ';

journey('a draft survives a reload: typed and pasted text, ticks, choices and a date, exactly', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const id = await startNew(page);
  await page.fill(label(TITLE), '  Tenants’ newsletter — “spring” 2026  ');
  await page.fill(label(ORGANISATION), 'Ŵelsh Housing & Co <Ltd> "quoted" \'single\'');
  await page.paste(label(DESCRIPTION, { exact: true }), TRICKY);
  // A textarea keeps CR LF as LF (HTML's rule), so that is what is shown and saved.
  await page.paste(label(RECIPIENTS), 'No one outside our organisation.\r\nSecond line after CRLF');
  await page.click(css('input[name="q-about-people"][value="tenants"]'));
  await page.click(css('input[name="q-about-scale"][value="1000-10000"]'));
  await page.click(css('input[name="q-about-started"][value="no"]'));
  await page.fill(css('#q-about-start-date'), '7');
  await page.fill(css('#q-about-start-date-month'), '3');
  await page.fill(css('#q-about-start-date-year'), '2026');
  const typed = {
    'about.title': '  Tenants’ newsletter — “spring” 2026  ',
    'about.organisation': 'Ŵelsh Housing & Co <Ltd> "quoted" \'single\'',
    'about.description': TRICKY,
    'about.recipients': 'No one outside our organisation.\nSecond line after CRLF',
    'about.people': ['tenants'],
    'about.scale': '1000-10000',
    'about.started': 'no',
    'about.start-date': '2026-3-7',
  };
  // Reloaded at once, the last key maybe not yet autosaved: leaving the page saves it.
  await page.reload();
  await page.waitForScript(() => document.querySelector('[data-lia-widget][data-lia-ready="true"]') !== null);
  await page.waitFor(heading('Describe the processing'));
  assert.equal(await page.value(label(TITLE)), typed['about.title']);
  assert.equal(await page.value(label(ORGANISATION)), typed['about.organisation']);
  assert.equal(await page.value(label(DESCRIPTION)), TRICKY);
  assert.equal(await page.value(label(RECIPIENTS)), typed['about.recipients']);
  assert.equal(await page.checked(css('input[name="q-about-people"][value="tenants"]')), true);
  assert.equal(await page.checked(css('input[name="q-about-scale"][value="1000-10000"]')), true);
  assert.equal(await page.checked(css('input[name="q-about-started"][value="no"]')), true);
  assert.equal(await page.value(css('#q-about-start-date')), '7');
  assert.equal(await page.value(css('#q-about-start-date-month')), '3');
  assert.equal(await page.value(css('#q-about-start-date-year')), '2026');
  const stored = await storedRecord(page, id);
  assert.deepEqual(stored.assessment.answers, typed, `[${t.name}] storage holds every answer as typed`);
  assert.equal(stored.schema_version, SCHEMA_VERSION);
  assert.ok(Number.isInteger(stored.revision) && stored.revision >= 2, `revision ${stored.revision}`);
  await waitForStatus(page, 'Saved');
  await assertNoErrors(page);
});

// The whole browser killed (SIGKILL to its main process) and started again on the same
// profile. Chromium keeps localStorage in memory for seconds before writing it, so this
// holds only through the write-ahead journal in IndexedDB.
journey(
  'text shown as "Saved" survives the browser being killed 1–3 s later',
  async (t) => {
    const trials = Number(process.env.LIA_ENGINE_CRASH_TRIALS ?? 2);
    const lost = [];
    for (let trial = 1; trial <= trials; trial++) {
      const profile = await fs.mkdtemp(path.join(os.tmpdir(), `lia-crash-${t.name}-`));
      try {
        let running = await t.engine.persistent(profile);
        await openApp(running.page, `${t.server.origin}/`);
        await startNew(running.page);
        const words = `Crash trial ${trial} ${Math.random().toString(36).slice(2, 8)}`;
        await running.page.focus(label(TITLE));
        await running.page.type(words);
        await waitForStatus(running.page, 'Saved');
        const wait = 1000 + Math.random() * 2000;
        await new Promise((resolve) => setTimeout(resolve, wait));
        await running.kill();
        running = await t.engine.persistent(profile);
        await openApp(running.page, `${t.server.origin}/`);
        if (!(await running.page.waitFor(link(words)).then(() => true, () => false))) lost.push({ trial, waitedMs: Math.round(wait) });
        await running.kill();
      } finally {
        await fs.rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      }
    }
    assert.deepEqual(lost, [], `[${t.name}] text lost in ${lost.length} of ${trials} trials`);
  },
  {
    elsewhere: {
      // The same kill of the same Chromium, six trials instead of two.
      chromium: 'tests/browser/crash.test.mjs kills this Chromium the same way, in six trials',
    },
    unsupported: {
      webkit:
        'MiniBrowser under WebDriver keeps its data in an ephemeral store that ends with the browser, and killing the page\'s process ends the WebDriver session: there is nothing left to look in',
    },
  },
);

// ---- export JSON and HTML, import both back -------------------------------------------

/** Serves `html` at a fresh address of its own and opens it in a fresh session. */
async function openOnItsOwn(t, html, name = 'report') {
  const pathname = `/__own/${name}-${Math.random().toString(36).slice(2)}.html`;
  const url = t.server.put(pathname, html);
  const page = await t.page();
  const before = t.server.received.length;
  await page.goto(url);
  await page.run(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const requests = () => t.server.received.slice(before).filter((u) => u !== pathname);
  return { page, requests };
}

/** An assessment as imported, without the log entry the import added. */
function withoutImportEntry(a) {
  const copy = structuredClone(a);
  const last = copy.review_log?.pop();
  assert.ok(last && /^Imported from /.test(last.note), `the last log entry records the import: ${JSON.stringify(last)}`);
  if (copy.review_log.length === 0) delete copy.review_log;
  return copy;
}

journey('both files and the review reminder download, the report stands on its own, and the JSON (chosen) and the report (dropped) import back identical', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const id = await startExample(page);
  const saved = (await storedRecord(page, id)).assessment;
  const json = await page.download(() => page.click(button(JSON_BUTTON)));
  assert.match(json.name, /^lia-employees-emergency-contacts-v1-draft-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(json.text);
  assert.equal(exported.format, EXPORT_FORMAT);
  assert.equal(exported.schema_version, SCHEMA_VERSION);
  assert.deepEqual(exported.assessment, saved, 'the export holds the assessment as saved');
  assert.deepEqual(exported.digest, { algorithm: 'sha256', value: digestOf(saved) }, 'the digest is that of the canonical assessment');
  const html = await page.download(() => page.click(button(HTML_BUTTON)));
  assert.match(html.name, /^lia-employees-emergency-contacts-v1-draft-\d{4}-\d{2}-\d{2}\.html$/);
  // The review reminder: one all-day event on the review date, an alarm two weeks before.
  const ics = await page.download(() => page.click(button('Download a review reminder (calendar)')));
  assert.match(ics.name, /^lia-employees-emergency-contacts-v1-draft-\d{4}-\d{2}-\d{2}\.ics$/);
  assert.equal(ics.text.match(/\r\nBEGIN:VEVENT\r\n/g)?.length, 1);
  assert.ok(ics.text.includes(`DTSTART;VALUE=DATE:${saved.answers['sign-off.review-date'].replaceAll('-', '')}`), ics.text);
  assert.ok(ics.text.includes('TRIGGER:-P14D'));

  // The report, opened on its own: the record in it, nothing fetched, run or refused.
  const report = await openOnItsOwn(t, html.text);
  assert.equal(await report.page.text(heading(EXAMPLE, 1, { document: true })), EXAMPLE);
  const inReport = await report.page.run((scriptId) => ({
    scripts: [...document.scripts].map((s) => `${s.type}#${s.id}`),
    embedded: JSON.parse(document.getElementById(scriptId).textContent),
    findings: document.querySelectorAll('#findings li.finding').length,
    violations: window.__cspViolations,
  }), REPORT_SCRIPT_ID);
  assert.deepEqual(inReport.scripts, [`application/json#${REPORT_SCRIPT_ID}`]);
  assert.deepEqual(inReport.embedded.assessment, saved);
  assert.equal(inReport.findings, exported.outcome.findings.length);
  assert.deepEqual(inReport.violations, []);
  assert.deepEqual(report.requests(), [], 'the report fetches nothing');
  await assertNoErrors(report.page, 'the report');

  // Both import back, each into a browser that has never seen them.
  for (const [how, put] of [
    ['the JSON, chosen', (p) => p.chooseFiles(label('Choose a file'), [{ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) }])],
    ['the report, dropped', (p) => p.dropFiles(css('.lia-drop-zone'), [{ name: html.name, mimeType: 'text/html', buffer: Buffer.from(html.text) }])],
  ]) {
    const other = await t.page();
    await openApp(other, `${t.server.origin}/`);
    await put(other);
    await other.waitFor(button(JSON_BUTTON));
    assert.equal(await openId(other), id, `${how}: under its own id`);
    const stored = await storedRecord(other, id);
    assert.deepEqual(withoutImportEntry(stored.assessment), saved, `${how}: identical`);
    assert.equal(await other.exists(css('#lia-import-warning')), false, `${how}: the digest matched`);
    await assertNoErrors(other, how);
  }
  await assertNoErrors(page);
});

// ---- the single file from file:// -------------------------------------------------------

journey('the single file opened from disk runs a whole assessment, keeps it over a reload and downloads both files', async (t) => {
  const page = await t.page();
  await openApp(page, pathToFileURL(SINGLE_FILE).href);
  await page.run(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
  });
  await page.click(button(`Start from this example: ${EXAMPLE}`));
  await page.click(link('1. Describe the processing'));
  await page.fill(label(TITLE), 'Emergency contacts (from disk)');
  await waitForStatus(page, 'Saved');
  await page.click(link('Back to the task list'));
  await page.click(link('Check your answers'));
  const sent = await page.download(() => page.click(button('Send for approval')));
  assert.match(sent.name, /-for-approval-\d{4}-\d{2}-\d{2}\.html$/);
  await page.waitFor(css('#lia-awaiting', { text: /^Sent for approval on/ }));
  assert.deepEqual(await page.run(() => window.__cspViolations), []);
  await page.reload();
  await page.waitForScript(() => document.querySelector('[data-lia-widget][data-lia-ready="true"]') !== null);
  await page.run(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
  });
  await page.waitFor(heading('Check your answers'));
  await page.waitFor(css('#lia-awaiting', { text: /^Sent for approval on/ }));
  await page.click(link('Back to the task list'));
  await page.waitFor(heading('Emergency contacts (from disk)'));
  const json = JSON.parse((await page.download(() => page.click(button(JSON_BUTTON)))).text);
  assert.equal(json.format, EXPORT_FORMAT);
  assert.equal(json.assessment.status, 'draft');
  assert.equal(json.assessment.handover.length, 1, 'sent once, waiting');
  assert.equal(json.assessment.answers['about.title'], 'Emergency contacts (from disk)');
  const report = await page.download(() => page.click(button(HTML_BUTTON)));
  assert.match(report.name, /^lia-emergency-contacts-from-disk-v1-round-1-sent-\d{4}-\d{2}-\d{2}\.html$/);
  assert.match(report.text, /Emergency contacts \(from disk\)/);
  assert.deepEqual(await page.run(() => window.__cspViolations), []);
  const loaded = await page.run(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(loaded.filter((u) => !/^(blob|data|file):/.test(u)), [], `[${t.name}] nothing loaded but the file itself`);
  await assertNoErrors(page);
});

// ---- two widgets in a host page ---------------------------------------------------------

journey('two widgets on a host page with hostile CSS keep separate drafts, take their own settings and leave the page alone', async (t) => {
  const page = await t.page();
  const host = `${t.server.origin}/demo/hostile-host.html`;
  const ready = () =>
    page.waitForScript(() => document.querySelectorAll('[data-lia-widget][data-lia-ready="true"]').length === 2, [], { timeout: page.timeout * 2 });
  await page.goto(host);
  await ready();
  const privacy = { widget: '#widget-privacy' };
  const hr = { widget: '#widget-hr' };
  assert.equal(await page.text(css('.lia-header__organisation', privacy)), 'Acme Housing');
  assert.equal(await page.text(css('.lia-header__organisation', hr)), 'Acme Housing HR');
  assert.equal(await page.q('style', css('.lia-header', privacy), 'background-color'), 'rgb(122, 31, 92)', 'data-accent applied');
  assert.equal(await page.q('style', css('.lia-header', hr), 'background-color'), 'rgb(29, 78, 137)', 'the default accent elsewhere');
  // The widget's own sizes and looks, not the host's 28 px root, uppercase, letter-spacing or hot pink.
  const lead = await page.run(() => {
    const s = getComputedStyle(document.querySelector('#widget-privacy').shadowRoot.querySelector('.lia-lead'));
    return { size: parseFloat(s.fontSize), transform: s.textTransform, spacing: s.letterSpacing, family: s.fontFamily };
  });
  assert.ok(lead.size >= 16 && lead.size <= 22, `[${t.name}] lead text is ${lead.size}px`);
  assert.equal(lead.transform, 'none');
  assert.equal(lead.spacing, 'normal', `[${t.name}] letter-spacing`);
  assert.doesNotMatch(lead.family, /Comic Sans/);
  assert.notEqual(await page.q('style', button('Start a new assessment', privacy), 'background-color'), 'rgb(255, 105, 180)', 'not hot pink');
  for (const [widget, title] of [[privacy, 'Privacy team draft'], [hr, 'HR team draft']]) {
    await page.click(button('Start a new assessment', widget));
    await page.fill(label(TITLE, widget), title);
  }
  assert.equal(await page.value(label(ORGANISATION, privacy)), 'Acme Housing');
  // data-approver-role fills in the approver's role of a new assessment.
  await page.click(link('Back to the task list', privacy));
  await page.click(link('10. Sign off and set a review date', privacy));
  assert.equal(await page.value(label("What is the approver's role?", privacy)), 'Data Protection Officer');
  // Both titles saved, each in its own widget's records (four keys can be there before
  // the titles: a record and an index each, written when each assessment started).
  const titleSaved = async (namespace, title) =>
    Object.values(await storedRecords(page, namespace)).some((r) => r.assessment?.answers?.['about.title'] === title);
  await page.until(
    async () => (await titleSaved('privacy-team', 'Privacy team draft')) && (await titleSaved('hr-team', 'HR team draft')),
    { message: 'both drafts saved, each with its title' },
  );
  assert.equal(new URL(await page.url()).hash, '', 'neither widget takes over the address');
  assert.equal(await page.title(), 'Acme Housing intranet: privacy tools (demo host page)');
  await page.reload();
  await ready();
  await page.waitFor(link('Privacy team draft', { ...privacy, within: css('table.lia-saved') }));
  await page.waitFor(link('HR team draft', { ...hr, within: css('table.lia-saved') }));
  assert.equal(await page.exists(link('HR team draft', privacy)), false);
  assert.equal(await page.exists(link('Privacy team draft', hr)), false);
  const keys = Object.keys(await page.storage());
  assert.ok(keys.every((k) => k.startsWith(namespacePrefix('privacy-team')) || k.startsWith(namespacePrefix('hr-team'))), keys.join(', '));
  assert.ok(keys.some((k) => k.startsWith(recordPrefix('privacy-team'))) && keys.some((k) => k.startsWith(recordPrefix('hr-team'))));
  // The host page's own elements are as its own CSS made them.
  const hostStyle = await page.run(() => getComputedStyle(document.getElementById('host-button')).backgroundColor);
  assert.equal(hostStyle, 'rgb(255, 105, 180)', 'the host button keeps its own (hot pink) style');
  await assertNoErrors(page);
});

// ---- storage blocked --------------------------------------------------------------------

// The engine itself refuses storage: the single file served with a policy that sandboxes
// it (an opaque origin, as in a frame without allow-same-origin), so localStorage and
// IndexedDB throw. The tool works in memory, says so on every page, and the work can
// leave as a file.
journey('with storage blocked by the browser the tool works in memory, says so on every page, and the work can be downloaded', async (t) => {
  // Its bytes as they are, sent without a character set as a server would.
  const html = await fs.readFile(SINGLE_FILE);
  const url = t.server.put('/__sandboxed/lia-assessment.html', html, 'text/html', {
    'content-security-policy': 'sandbox allow-scripts allow-downloads allow-forms',
  });
  const page = await t.page();
  await openApp(page, url);
  assert.equal(await page.run(() => origin), 'null', 'an opaque origin');
  const words = 'nothing is kept after you close the page: download a copy before you leave';
  await page.waitFor(text(new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { within: css('#lia-no-storage') }));
  await page.waitFor(text(/Nothing is being kept in this browser/, { within: css('#lia-storage-use') }));
  const id = await startNew(page);
  await page.fill(label(TITLE), 'Only in memory');
  await page.fill(label(DESCRIPTION, { exact: true }), 'Still typed here');
  await waitForStatus(page, 'Not saved');
  const file = JSON.parse((await page.download(() => page.click(button('Download a copy', { within: css('#lia-no-storage') })))).text);
  assert.equal(file.assessment.id, id);
  assert.equal(file.assessment.answers['about.description'], 'Still typed here');
  await page.click(link('Return to the task list'));
  await page.waitFor(heading('Only in memory'));
  await page.waitFor(css('#lia-no-storage'));
  await page.click(css('.lia-header__product'));
  await page.waitFor(css('#lia-no-storage'));
  await page.click(link('Only in memory'));
  await page.click(link('1. Describe the processing'));
  assert.equal(await page.value(label(DESCRIPTION)), 'Still typed here');
  await assertNoErrors(page);
});

// ---- hostile text -----------------------------------------------------------------------

/** Every element of the document and the widget's shadow root (tag and attribute names), and any mark a payload left. */
function inspect() {
  const shape = [];
  const marks = [];
  const walk = (root, where) => {
    for (const el of root.querySelectorAll('*')) {
      const names = el.getAttributeNames().filter((n) => n !== 'data-engine-pick').sort();
      shape.push(`${where}${el.localName}[${names.join(',')}]`);
      for (const name of names) {
        const value = el.getAttribute(name);
        if (name.startsWith('on')) marks.push(`${el.localName} has ${name}`);
        if ((name === 'class' || name === 'id') && /xss-/.test(value)) marks.push(`${el.localName} ${name}=${value}`);
        const runs = /^\s*(javascript|vbscript):/i.test(value) || (/^\s*data:/i.test(value) && !/^\s*data:image\//i.test(value));
        if (runs && ['href', 'src', 'action', 'data', 'formaction', 'xlink:href', 'srcdoc'].includes(name)) marks.push(`${el.localName} ${name}=${value.slice(0, 40)}`);
      }
      if (el.shadowRoot) walk(el.shadowRoot, `${where}${el.localName}>>`);
    }
  };
  walk(document, '');
  if (window.__xss !== undefined) marks.push(`window.__xss = ${window.__xss}`);
  return { shape, marks };
}

/** The example with `words` in every text and date answer, impact and log entry. */
async function everywhere(base, words) {
  const kinds = await answerKinds();
  const a = structuredClone(base);
  for (const [key, kind] of Object.entries(kinds)) if (kind === 'text' || kind === 'date') a.answers[key] = `${words}\n${key}`;
  a.impacts = a.impacts.map((impact) => ({ ...impact, description: `${words} (impact)`, safeguards: `${words} (safeguards)` }));
  a.review_log = [{ date: words, note: `${words} (log)` }];
  return a;
}

/** Writes `entries` into a fresh session's localStorage from a blank page of the app's origin. */
async function seeded(t, entries) {
  const session = await t.session();
  const page = await session.newPage();
  await page.goto(t.server.put('/__seed.html', '<!doctype html><title>seed</title>'));
  await page.run((e) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  return { session, page };
}

journey('the XSS payloads in every text field run nothing and add no element, in the app on every page and in the report', async (t) => {
  const setup = await t.page();
  await openApp(setup, `${t.server.origin}/`);
  const base = (await storedRecord(setup, await startExample(setup))).assessment;
  const sections = SECTIONS.map(([key]) => key);
  const shapes = {};
  const reports = {};
  for (const [name, words] of [['hostile', PAYLOAD], ['plain', harmless(PAYLOAD)]]) {
    const a = await everywhere({ ...base, id: 'hostile-1' }, words);
    const damaged = JSON.stringify({ schema_version: 'x', assessment: { answers: { 'about.title': words } } });
    const { page } = await seeded(t, {
      [recordKey(a.id)]: JSON.stringify({ schema_version: SCHEMA_VERSION, revision: 1, saved_at: 1764000000000, assessment: a }),
      [recordKey('damaged-1')]: damaged,
    });
    await openApp(page, `${t.server.origin}/`);
    shapes[name] = {};
    await page.waitFor(heading('Your assessments', 2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    shapes[name].start = await page.run(inspect);
    for (const [pageName, rest] of [['tasks', ''], ...sections.map((s) => [s, `/${s}`]), ['check', '/check']]) {
      await goToHash(page, `#/a/${a.id}${rest}`);
      await page.waitFor(css('#lia-page-heading'));
      await page.waitFor(css('#lia-findings-title'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      shapes[name][pageName] = await page.run(inspect);
    }
    await goToHash(page, `#/a/${a.id}`);
    assert.equal(await page.text(css('#lia-page-heading')), a.answers['about.title'].replace(/\s+/g, ' ').trim());
    reports[name] = (await page.download(() => page.click(button(HTML_BUTTON)))).text;
    await assertNoErrors(page, `the app (${name})`);
  }
  for (const pageName of Object.keys(shapes.plain)) {
    assert.deepEqual(shapes.hostile[pageName].marks, [], `[${t.name}] ${pageName} page: marks left by a payload`);
    assert.deepEqual(shapes.hostile[pageName].shape, shapes.plain[pageName].shape, `[${t.name}] ${pageName} page: the same elements as with harmless text`);
  }
  const seen = {};
  for (const [name, html] of Object.entries(reports)) {
    const report = await openOnItsOwn(t, html, `xss-${name}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    seen[name] = await report.page.run(inspect);
    assert.deepEqual(report.requests(), [], `${name} report: nothing fetched`);
    assert.deepEqual(await report.page.run(() => [...document.scripts].map((s) => s.type)), ['application/json']);
    await assertNoErrors(report.page, `the ${name} report`);
  }
  assert.deepEqual(seen.hostile.marks, []);
  assert.deepEqual(seen.hostile.shape, seen.plain.shape, `[${t.name}] the report: the same elements as with harmless text`);
});

// ---- the Content Security Policy --------------------------------------------------------

journey('the policy lets the app work without a violation and blocks a request to another origin injected into the page', async (t) => {
  const other = await startServer();
  t.cleanup.push(() => other.close());
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  await page.run(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI }));
  });
  await page.click(button(/^Start from this example: Lenders/));
  await page.click(link('Check your answers'));
  await page.waitFor(heading('Check your answers'));
  assert.equal(await page.q('style', css('.lia-header'), 'background-color'), 'rgb(29, 78, 137)', 'the adopted stylesheet applied');
  assert.deepEqual(await page.run(() => window.__cspViolations), [], 'no violation while the app works');
  // A request injected into the page: refused by the policy, never reaching the other server.
  const outcome = await page.run(async (target) => {
    try {
      await fetch(target);
      return 'fetched';
    } catch {
      return 'refused';
    }
  }, `${other.origin}/from-the-app`);
  assert.equal(outcome, 'refused');
  await page.run((target) => {
    const img = document.createElement('img');
    img.src = target;
    document.querySelector('[data-lia-widget]').shadowRoot.append(img);
  }, `${other.origin}/image-in-the-app`);
  await page.until(async () => (await page.run(() => window.__cspViolations.length)) >= 2, { message: 'two violations' });
  const seen = await page.run(() => window.__cspViolations);
  assert.deepEqual(
    seen.map((v) => v.directive.replace(/-elem$/, '')).sort(),
    ['connect-src', 'img-src'],
    `[${t.name}] the policy refused both: ${JSON.stringify(seen)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(other.received, [], 'nothing reached the other origin');
});

// ---- the register and its calendar (issue 16) ---------------------------------------------

/** Today in the browser's time zone, `yyyy-mm-dd` (the register's files are dated from it). */
function browserToday(page) {
  return page.run(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });
}

journey('several files open as a register: broken ones named, sorted by a header, the CSV and the calendar downloaded, a review linked to its version', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const today = await browserToday(page);
  const files = [];
  const dues = [-10, 5, 200, null, 29];
  for (let i = 0; i < 5; i++) {
    const a = record(today, i, { status: i % 2 ? 'approved' : 'draft', review: dues[i] });
    files.push({ name: `record-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(exportOf(a)) });
  }
  const v1 = record(today, 100, { title: 'Staff newsletter', status: 'approved', review: -3 });
  const v2 = { ...structuredClone(v1), id: 'rec-100-v2', version: 2, status: 'draft', review_of: v1.id };
  v2.reviewed = { version: 1, approved_on: v1.answers['sign-off.approved-date'], digest: reviewedDigest(v1) };
  v2.answers = { ...v2.answers, 'about.organisation': 'Renamed Ltd' };
  delete v2.answers['sign-off.approved-name'];
  delete v2.answers['sign-off.approved-date'];
  files.push({ name: 'newsletter-v1.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(v1)) });
  files.push({ name: 'newsletter-v2.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(v2)) });
  files.push({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, not a record.') });
  files.push({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something-else"}') });

  await page.click(link('Open several files as a register'));
  await page.until(async () => (await page.hash()) === '#/register', { message: 'the register page' });
  await page.waitFor(heading('Register of assessments'));
  await page.chooseFiles(label('Choose files'), files);
  await page.waitFor(css('#lia-register-status', { text: '9 files read: 7 records added to the register, 2 could not be read.' }));
  const failures = await page.texts(css('#lia-register-failures li'));
  assert.equal(failures.length, 2);
  for (const name of ['notes.txt', 'other.json']) assert.ok(failures.some((f) => f.startsWith(`“${name}” could not be read: `)), `${name}: ${failures}`);
  // One row per assessment: the review and the version it reviews are one.
  assert.equal(await page.count(css('table.lia-register tbody tr')), 6);
  assert.equal(await page.text(css('th[aria-sort=ascending] button')), 'Review due');

  // Sorting by a header: ascending, then descending.
  const titles = () => page.texts(css('table.lia-register tbody th[scope=row] > span'));
  await page.click(button('Assessment', { within: css('table.lia-register thead') }));
  await page.waitFor(css('th[aria-sort=ascending]', { text: /Assessment/ }));
  const up = await titles();
  assert.deepEqual(up, [...up].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await page.click(button('Assessment', { within: css('table.lia-register thead') }));
  await page.waitFor(css('th[aria-sort=descending]', { text: /Assessment/ }));
  assert.deepEqual(await titles(), [...up].reverse());

  const csv = await page.download(() => page.click(button('Download as a spreadsheet (CSV)')));
  assert.match(csv.name, /^lia-register-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(csv.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).length, 7, 'a header and a line for each of the six assessments');
  const ics = await page.download(() => page.click(button('Download review dates (calendar)')));
  assert.match(ics.name, /^lia-review-dates-\d{4}-\d{2}-\d{2}\.ics$/);
  assert.equal(ics.text.match(/\r\nBEGIN:VEVENT\r\n/g).length, 5, 'one event for each assessment with a review date');
  assert.ok(ics.text.includes('TRIGGER:-P14D'));

  // The review and the version it reviews.
  const chains = await page.texts(css('#lia-register-chains li'));
  assert.equal(chains.length, 1);
  assert.match(chains[0], /^Staff newsletter, version 2: Version 2 reviews exactly the approved version 1\./);
  await page.click(link('See what changed'));
  await page.waitFor(heading('What changed since version 1'));
  assert.deepEqual(await page.texts(css('main tr.lia-change th')), ['Which organisation is responsible for the processing?']);
  await page.click(link('Back to the register'));
  await page.waitFor(heading('Register of assessments'));

  // Several more dropped at once join the same register, a broken one named.
  const more = record(today, 200, { title: 'Dropped record', status: 'draft', review: 40 });
  await page.dropFiles(css('.lia-drop-zone'), [
    { name: 'dropped.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(more)) },
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') },
  ]);
  await page.waitFor(css('#lia-register-status', { text: '2 files read: 1 record added to the register, 1 could not be read.' }));
  assert.equal(await page.count(css('table.lia-register tbody tr')), 7);
  assert.ok((await titles()).includes('Dropped record'));
  assert.ok((await page.texts(css('#lia-register-failures li'))).some((f) => f.startsWith('“broken.json” could not be read: ')));

  // Keep one, an earlier copy beneath its assessment's row: it opens, and the start page lists it.
  await page.click(css('table.lia-register summary', { text: '1 earlier copy' }));
  await page.click(button('Keep in this browser: Staff newsletter, Version 1, marked approved'));
  await page.waitFor(heading('Staff newsletter'));
  await page.click(link('All assessments'));
  // Marked approved in its file, but not signed: never shown as approved, and no
  // approver or approval date in the list.
  const kept = css('table.lia-saved tbody tr', { text: /Approval not signed, version 1/ });
  await page.waitFor(kept);
  assert.ok(!(await page.text(kept)).includes('Approver 0'), `[${t.name}] no approver for an approval that does not verify`);
  await assertNoErrors(page);
});

// ---- an approval, for the journeys that need an approved record ---------------------------

/** `yyyy-mm-dd` as the app writes it: "4 December 2026". */
function longDate(day) {
  const [y, m, d] = day.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

/**
 * The open assessment `id` approved as the hand-over does it, files only: this browser
 * trusts a test approver's key card, sends the assessment, the approver (in Node, signing
 * the documented bytes) approves the file, and it is opened here again.
 */
async function approveThroughFiles(page, id) {
  const approver = makeApprover({ name: 'Sam Patel', role: 'Data Protection Officer', organisation: 'Example Manufacturing Ltd' });
  const card = cardFile(approver);
  await trustCard(page, { name: card.name, bytes: card.buffer }, approver.card.fingerprint, 'Sam Patel');
  await goToHash(page, `#/a/${id}/check`);
  await page.waitFor(heading('Check your answers'));
  const sent = await page.download(() => page.click(button('Send for approval')));
  const approved = approvedFile(assessmentOf(sent.text), approver, await browserToday(page));
  await goToStart(page);
  await page.chooseFiles(label('Choose a file'), [approved]);
  await page.waitFor(css('#lia-approval-status', { text: /^Signed by a trusted approver/ }));
  await waitForStored(page, id, (r) => r.assessment.status === 'approved');
}

// ---- one row per assessment (issue 27) -------------------------------------------------------

journey('the five files of one assessment are one row with four superseded copies beneath, a copy kept twice is one, and a hand-edited file is flagged', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const today = await browserToday(page);
  const file = (name, a) => ({ name, mimeType: 'application/json', buffer: Buffer.from(exportOf(a)) });
  const life = lifeOfOne(today);
  // The approval signed by an approver this browser trusts (issue 24).
  const approver = makeApprover({ name: 'Sam Patel', role: 'DPO' });
  const card = cardFile(approver);
  await trustCard(page, { name: card.name, bytes: card.buffer }, approver.card.fingerprint, 'Sam Patel');
  life[4].assessment = approve(structuredClone(life[3].assessment), approver, today);
  const files = life.map(({ name, assessment }) => file(name, assessment));
  // The approval kept twice under two names: one copy, both names.
  files.push(file('contacts-approved (copy).json', life[4].assessment));
  files.push(file('other-1.json', record(today, 301, { title: 'Visitor log', review: 30 })));
  files.push(file('other-2.json', record(today, 302, { title: 'Parking permits', status: 'approved', review: 60 })));
  // A file edited by hand after it was written: its digest no longer matches.
  const edited = JSON.parse(exportOf(record(today, 303, { title: 'Door entry fobs', status: 'approved', review: 90 })));
  edited.assessment.answers['decision.rely'] = 'yes';
  edited.assessment.answers['about.organisation'] = 'Edited by hand';
  files.push({ name: 'fobs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });

  await goToStart(page);
  await page.click(link('Open several files as a register'));
  await page.waitFor(heading('Register of assessments'));
  await page.chooseFiles(label('Choose files'), files);
  await page.waitFor(css('#lia-register-count', { text: 'Showing 4 of 4 assessments, from 9 files.' }));
  assert.equal(await page.count(css('table.lia-register tbody tr')), 4);
  const row = css('table.lia-register tbody tr', { text: /Staff emergency contacts/ });
  // Trust at a glance: the signed approval is approved; one marked approved with no
  // signature says so.
  assert.match(await page.text(row), /Approved/);
  assert.ok(!/not signed|does not match/.test(await page.text(row)), await page.text(row));
  assert.match(await page.text(css('table.lia-register tbody tr', { text: /Parking permits/ })), /not signed/);
  // The latest copy is the approval, with both its file names; the other four beneath it.
  assert.match(await page.text(css('table.lia-register tbody tr th .lia-break', { text: /contacts-approved\.json/ })), /contacts-approved \(copy\)\.json/);
  await page.click(css('table.lia-register summary', { text: '4 earlier copies' }));
  const earlier = await page.texts(css('table.lia-register .lia-earlier li'));
  assert.equal(earlier.length, 4, earlier.join(' / '));
  assert.ok(earlier.every((e) => e.startsWith('Superseded')), earlier.join(' / '));
  for (const name of ['contacts-draft.json', 'contacts-sent.json', 'contacts-returned.json', 'contacts-resent.json']) {
    assert.ok(earlier.some((e) => e.includes(name)), `${name} beneath the row`);
  }
  // The hand-edited file is flagged in its row.
  assert.match(await page.text(css('table.lia-register tbody tr', { text: /Door entry fobs/ })), /Digest does not match/);
  await assertNoErrors(page);
});

// ---- what changed between versions (issue 16) -----------------------------------------------

journey('a review shows exactly what changed since the approved version, on its page and in the report', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const v1 = await startExample(page);
  await approveThroughFiles(page, v1);
  await page.click(button('Start a review'));
  await page.until(async () => !(await page.hash()).includes(v1), { message: 'the review opened' });
  const v2 = await openId(page);
  const draft = (await waitForStored(page, v2, () => true)).assessment;
  assert.equal(draft.review_of, v1);
  assert.deepEqual([draft.reviewed.version, draft.reviewed.approved_on], [1, await browserToday(page)]);
  assert.match(draft.reviewed.digest, /^[0-9a-f]{64}$/);
  await page.click(link('1. Describe the processing'));
  await page.fill(label(ORGANISATION), 'Example Manufacturing plc');
  await page.click(link('Return to the task list'));
  await page.click(link(/^3\. Identify the legitimate interest/));
  const why = await page.value(css('#q-purpose-why'));
  await page.fill(css('#q-purpose-why'), why.replace('designated', 'chosen'));
  await page.click(link('Return to the task list'));
  await waitForStored(page, v2, (r) => r.assessment.answers['purpose.why']?.includes('chosen'));
  await page.click(link('See what changed since version 1'));
  await page.waitFor(heading('What changed since version 1'));
  assert.equal(await page.text(css('#lia-chain')), 'Version 2 reviews exactly the approved version 1.');
  const on = longDate(await browserToday(page));
  // Two answers, and (issue 26) the finding that the answers resting on the purpose are
  // to be checked again, newly raised.
  assert.equal(await page.text(css('#lia-changes-summary')), `3 changes from version 1 (approved on ${on}) to version 2 (draft).`);
  const changed = await page.texts(css('main tr.lia-change th'));
  assert.deepEqual(changed.filter((t) => !t.startsWith('Blocker: ')).sort(), ['Which organisation is responsible for the processing?', 'Why do you want to process the data?']);
  assert.ok(changed.some((t) => t.startsWith('Blocker: Some answers rest on an answer that changed')), `[${page.name}] ${changed}`);
  assert.equal(await page.text(css('main tr.lia-change del')), '[removed] designated');
  assert.equal(await page.text(css('main tr.lia-change ins')), '[added] chosen');
  assert.match(
    (await page.texts(css('main tr.lia-change'))).find((row) => row.startsWith('Which organisation')),
    /Changed Example Manufacturing Ltd Example Manufacturing plc$/,
  );
  // The check page links there too.
  await page.click(link('Back to the task list'));
  await page.click(link('Check your answers'));
  await page.click(link('See what changed since version 1'));
  await page.waitFor(heading('What changed since version 1'));
  await page.click(link('Back to the task list'));
  const html = (await page.download(() => page.click(button(HTML_BUTTON)))).text;
  const report = await openOnItsOwn(t, html, 'review');
  assert.equal(await report.page.text(css('#changes h2', { document: true })), `Appendix B: Changes since version 1, approved on ${on}`);
  assert.match(await report.page.text(css('#changes', { document: true })), /Version 2 reviews exactly the approved version 1\./);
  assert.deepEqual(
    (await report.page.texts(css('#changes tbody th[scope=row]', { document: true }))).filter((t) => !t.startsWith('Blocker: ')).sort(),
    ['Which organisation is responsible for the processing?', 'Why do you want to process the data?'],
  );
  assert.ok((await report.page.texts(css('#changes del', { document: true }))).includes('designated'), 'the word taken out is marked');
  assert.ok((await report.page.texts(css('#changes ins', { document: true }))).includes('chosen'), 'the word put in is marked');
  assert.deepEqual(report.requests(), []);
  await assertNoErrors(page);
});

// ---- answers a change has made stale (issue 26) ---------------------------------------------------

journey('a review that changes the purpose marks the answers resting on it "Check again", and cannot be sent for approval until they are confirmed', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const v1 = await startExample(page);
  await approveThroughFiles(page, v1);
  await page.click(button('Start a review'));
  await page.until(async () => !(await page.hash()).includes(v1), { message: 'the review opened' });
  const v2 = await openId(page);

  // The review changes the purpose.
  await page.click(link(/^3\. Identify the legitimate interest/));
  await page.fill(css('#q-purpose-why'), 'To phone an employee\u2019s chosen contact if they are hurt at work, and to invite the contact to our family open day.');
  await waitForStored(page, v2, (r) => Object.keys(r.assessment.check_again ?? {}).length > 0);
  await page.click(link('Return to the task list'));

  // The task list, a question page and "Check your answers" say "Check again".
  await page.waitFor(css('#lia-task-expectations-status', { text: 'Check again' }));
  assert.equal(await page.text(css('#lia-task-about-status')), 'Completed', `[${page.name}] what did not change is not marked`);
  await page.click(link(/^6\. Consider people/));
  await page.waitFor(css('#q-expectations-obvious-check-again', { text: /Check again.*“Why you want to process the data” changed after this answer was given/ }));
  await page.click(link('Return to the task list'));
  await page.click(link('Check your answers'));
  await page.waitFor(heading('Check your answers'));
  assert.ok((await page.count(css('.lia-summary-list .lia-check-again'))) > 5, `[${page.name}] the rows say "Check again"`);
  await expectFinding(page, 'record.check-again');

  // Sending for approval is refused while any answer is marked, and nothing is recorded.
  await page.click(button('Send for approval'));
  await page.waitFor(css('.lia-error-message', { text: /^It could not be sent: \d+ answers rest on an answer that changed after they were given\./ }));
  assert.equal((await storedRecord(page, v2)).assessment.handover, undefined, `[${page.name}] not sent`);

  // Each page's answers checked and confirmed as they stand.
  for (const key of ['purpose', 'necessity', 'expectations', 'impact', 'dpia', 'decision', 'sign-off']) {
    await goToHash(page, `#/a/${v2}/${key}`);
    await page.click(css('#lia-confirm-page'));
    await page.until(async () => !(await page.exists(css('#lia-confirm-page'))), { message: `the ${key} page confirmed` });
  }
  await waitForStored(page, v2, (r) => r.assessment.check_again === undefined);
  await goToHash(page, `#/a/${v2}/check`);
  await page.waitFor(heading('Check your answers'));
  await expectFinding(page, 'record.check-again', false);
  const sent = await page.download(() => page.click(button('Send for approval')));
  assert.match(sent.name, /-v2-round-1-for-approval-\d{4}-\d{2}-\d{2}\.html$/);
  await waitForStored(page, v2, (r) => r.assessment.handover?.length === 1);
  await assertNoErrors(page);
});

// ---- the pre-rendered start page --------------------------------------------------------------

journey('"Start a new assessment" clicked on the pre-rendered page before the app has loaded is honoured, with what was typed', async (t) => {
  const release = t.server.hold(/lia_bg\.wasm(\.gz)?$/);
  t.cleanup.push(async () => release());
  const page = await t.page();
  await page.navigate(`${t.server.origin}/`);
  const pre = (q) => ({ document: true, ...q, within: css('[data-lia-prerendered]') });
  await page.waitFor(pre(heading('Legitimate interests assessment')));
  await page.click(pre(button('Start a new assessment')));
  await page.waitFor(pre(heading('Describe the processing')));
  assert.equal(await page.exists(pre(css('.lia-prerender__start'))), false, 'the start page gave way to the first page');
  await page.focus(pre(label(TITLE)));
  await page.type('Typed before the app started');
  await page.click(pre(css('input[name="q-about-people"][value="tenants"]')));
  await page.focus(pre(label(DESCRIPTION, { exact: true })));
  await page.type('Cameras at the depot');
  assert.equal(await page.run(() => document.querySelector('[data-lia-widget]').dataset.liaReady ?? null), null, 'the app has not started');
  release();
  await page.waitForScript(() => document.querySelector('[data-lia-widget][data-lia-ready="true"]') !== null, [], { timeout: page.timeout * 2 });
  await page.waitFor(heading('Describe the processing'));
  assert.equal(await page.value(label(TITLE)), 'Typed before the app started');
  assert.equal(await page.value(label(DESCRIPTION)), 'Cameras at the depot');
  assert.equal(await page.checked(css('input[name="q-about-people"][value="tenants"]')), true);
  assert.equal((await page.focused())?.id, 'q-about-description', 'the keyboard is where it was');
  await page.type(' and more');
  assert.equal(await page.value(label(DESCRIPTION)), 'Cameras at the depot and more');
  await page.until(async () => /^#\/a\/[^/]+\/about$/.test(await page.hash()), { message: 'the address of the new assessment' });
  const id = await openId(page);
  await waitForStored(page, id, (r) => r.assessment.answers['about.title'] === 'Typed before the app started');
  // One assessment, at its own address: going back does not start a second.
  assert.deepEqual(Object.keys(await storedRecords(page)), [id]);
  await page.back();
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(Object.keys(await storedRecords(page)), [id], `[${t.name}] going back does not start a second assessment`);
  await assertNoErrors(page);
});

// ---- the passphrase, and the notice when opened as a file -------------------------------

journey('opened as a file, the tool says other local pages may share its storage; a passphrase keeps them out, and a wrong one changes nothing', async (t) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-other-file-'));
  t.cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
  const otherUrl = pathToFileURL(path.join(dir, 'other.html')).href;
  await fs.writeFile(path.join(dir, 'other.html'), '<!doctype html><meta charset="utf-8"><title>Another local file</title><p>Another file.</p>');
  const session = await t.session();
  const page = await session.newPage();
  const toolUrl = pathToFileURL(SINGLE_FILE).href;
  await openApp(page, toolUrl);
  const notice = css('#lia-file-origin');
  await page.waitFor(heading('You opened this tool as a file on this computer', 2, { within: notice }));
  await page.waitFor(text(/Another HTML file you open here could read the assessments/, { within: notice }));
  await page.click(button('Start a new assessment'));
  await page.fill(label(TITLE), 'Tenancy fraud checks');
  await waitForStatus(page, 'Saved');

  // What another local page can see of this browser's file storage (in this engine).
  const other = await session.newPage();
  const readOther = async () => {
    await other.goto(otherUrl);
    return other.storage();
  };
  // Each engine tried (Chromium, Firefox, WebKit) gives every file:// page one storage:
  // the notice is true there.
  assert.ok(Object.values(await readOther()).some((v) => v.includes('Tenancy fraud checks')), `[${t.name}] another local file reads the draft before a passphrase`);

  await goToHash(page, '#/');
  // The list drawn above the panel first, so the click is not aimed before it moves.
  await page.waitFor(link('Tenancy fraud checks'));
  await setPassphrase(page);
  await page.waitFor(text(/Your saved assessments are encrypted with your passphrase/, { within: notice }));
  const mine = await page.storage();
  assert.ok(Object.keys(mine).some((k) => k.startsWith(recordPrefix())), 'the record is there');
  for (const [key, value] of Object.entries(mine)) assert.ok(!value.includes('Tenancy fraud checks'), `${key} holds no title in clear`);
  for (const [key, value] of Object.entries(await readOther())) assert.ok(!value.includes('Tenancy fraud checks'), `another file reads no title in clear (${key})`);
  // Another local page plants an "approved" record where it can.
  await other.run(
    ([key, value]) => localStorage.setItem(key, value),
    [recordKey('planted'), JSON.stringify({ schema_version: SCHEMA_VERSION, revision: 1, saved_at: 1, assessment: { id: 'planted', version: 1, status: 'approved', answers: { 'about.title': 'Approved by another page' }, impacts: [] } })],
  );

  // Opened again: locked until the passphrase is given; a wrong one changes nothing.
  await page.goto('about:blank');
  await openApp(page, toolUrl);
  await page.waitFor(css('#lia-locked'));
  assert.equal(await page.exists(css('.lia-saved')), false, 'nothing listed before the passphrase');
  const before = await page.storage();
  await page.fill(label('Passphrase', { exact: true }), 'kettle harbour violent');
  await page.click(button('Unlock'));
  await page.waitFor(text(/That is not the passphrase/, { within: css('#lia-unlock-error-summary') }), { timeout: 60000 });
  // The error summary takes the keyboard (on the next frame, which after the key
  // derivation may be a while in Firefox); a person types again from there.
  await waitForFocus(page, { id: 'lia-unlock-error-summary' });
  assert.deepEqual(await page.storage(), before, 'a wrong passphrase changes nothing');
  await page.fill(label('Passphrase', { exact: true }), 'kettle harbour violet');
  await page.click(button('Unlock'));
  await page.waitFor(link('Tenancy fraud checks'), { timeout: 60000 });
  assert.equal(await page.exists(link('Approved by another page')), false, 'what another page planted is never listed');
  // It is set aside as not this tool's.
  await page.waitFor(text(/not encrypted with your passphrase/, { within: css('#lia-damaged') }));
  await assertNoErrors(page);
});

const PASSPHRASE = 'kettle harbour violet';

/** Sets the journeys' passphrase on the start page and waits until all is sealed with it. */
async function setPassphrase(page) {
  await page.click(css('#lia-passphrase summary'));
  await page.fill(label('Passphrase', { exact: true }), PASSPHRASE);
  await page.fill(label('Type it again'), PASSPHRASE);
  await page.click(button('Set the passphrase'));
  await page.waitFor(text(/now encrypted with your passphrase/, { within: css('#lia-notice') }), { timeout: 60000 });
}

/** `page` brought to the front and opened at `url` again, and unlocked with the passphrase. */
async function reopenAndUnlock(page, url) {
  await page.bringToFront();
  await page.goto('about:blank');
  await openApp(page, url);
  await page.waitFor(css('#lia-locked'));
  await page.fill(label('Passphrase', { exact: true }), PASSPHRASE);
  await page.click(button('Unlock'));
}

// Another page of the same site, as it can use the journal: every entry (key and text),
// or one written under a key. Opened at the journal's version, so the app's own opening
// finds the store there.
async function journalOf(page, put) {
  return page.run(
    async (journal, put) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(journal.database, journal.version);
        request.onupgradeneeded = () => request.result.createObjectStore(journal.store);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const tx = db.transaction(journal.store, 'readwrite');
        const store = tx.objectStore(journal.store);
        if (put) store.put(put[1], put[0]);
        const all = await new Promise((resolve, reject) => {
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
          values.onerror = () => reject(values.error);
        });
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        return Object.fromEntries(all);
      } finally {
        db.close();
      }
    },
    JOURNAL,
    put ?? null,
  );
}

journey('another page of the site plants journal entries and rolls back a sealed record: after reload and unlock nothing planted is applied, and the rollback is reported', async (t) => {
  const session = await t.session();
  const page = await session.newPage();
  await openApp(page, `${t.server.origin}/`);
  await setPassphrase(page);
  const id = await startNew(page);
  await page.fill(label(TITLE), 'Staff CCTV, first');
  await waitForStatus(page, 'Saved');
  const key = recordKey(id);

  // Another page of the same origin keeps the sealed record as it is now.
  const other = await session.newPage();
  await other.goto(t.server.put('/__own/another-page.html', '<!doctype html><meta charset="utf-8"><title>Another page</title><p>Another page of the site.</p>'));
  const kept = (await other.storage())[key];
  assert.ok(kept?.startsWith('lia-sealed:'), `[${t.name}] the record is sealed: ${kept?.slice(0, 40)}`);
  assert.ok(!kept.includes('Staff CCTV'));
  await page.bringToFront();
  await page.fill(label(TITLE), 'Staff CCTV, second');
  await waitForStatus(page, 'Saved');
  await page.until(async () => (await page.storage())[key] !== kept, { message: 'the second version stored' });
  await page.until(async () => Object.keys(await journalOf(page)).includes(key), { message: 'the journal holds the record' });

  // Later, it writes the old record back, and plants in the journal a removal of it (the
  // issue's entry) and an "approved" record of its own.
  await other.bringToFront();
  await other.run(([k, v]) => localStorage.setItem(k, v), [key, kept]);
  await journalOf(other, [key, JSON.stringify({ key, value: null, revision: 9007199254740991 })]);
  const planted = JSON.stringify({ schema_version: SCHEMA_VERSION, revision: 1, saved_at: 1, assessment: { id: 'planted', version: 1, status: 'approved', answers: { 'about.title': 'Approved by another page' }, impacts: [] } });
  await journalOf(other, [recordKey('planted'), JSON.stringify({ key: recordKey('planted'), value: planted, revision: 1 })]);

  // Opened again, and unlocked.
  await reopenAndUnlock(page, `${t.server.origin}/`);
  // The rollback is reported; nothing planted is applied: the record is still there
  // (older, as rolled back), no "approved" record is listed, and the planted entries are
  // set aside, not recovered.
  const notice = css('#lia-notice');
  await page.waitFor(text(/One assessment saved here is missing or older than when it was last saved/, { within: notice }), { timeout: 60000 });
  const said = await page.text(notice);
  assert.match(said, /“Staff CCTV, second” is an older version than the one last saved here\./);
  assert.match(said, /2 copies in this browser's journal of recent saves did not open with your passphrase and were not used/);
  assert.doesNotMatch(said, /recovered/);
  await page.waitFor(link('Staff CCTV, first'));
  assert.equal(await page.exists(link('Approved by another page')), false, 'what another page planted is never listed');
  assert.match(await page.text(css('#lia-damaged')), /does not open with your passphrase/);
  await page.until(async () => !Object.keys(await journalOf(page)).includes(recordKey('planted')), { message: 'the planted entries taken out of the journal' });
  // Seen: dismissed, and not said again on the next visit.
  await page.click(button('Dismiss', { within: notice }));
  await page.goto('about:blank');
  await openApp(page, `${t.server.origin}/`);
  await page.fill(label('Passphrase', { exact: true }), 'kettle harbour violet');
  await page.click(button('Unlock'));
  await page.waitFor(link('Staff CCTV, first'), { timeout: 60000 });
  assert.equal(await page.exists(notice), false, 'nothing more to report');
  await assertNoErrors(page);
});

// Another page of the same site, as it can use the key store: this browser's list of
// trusted approvers as kept, after writing `put` in its place when given.
async function trustedListOf(page, put) {
  return page.run(async (put) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('lia-approver', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('keys');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const tx = db.transaction('keys', 'readwrite');
      const store = tx.objectStore('keys');
      if (put !== null) store.put(put, 'lia:trusted-approvers');
      const got = store.get('lia:trusted-approvers');
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      return got.result ?? null;
    } finally {
      db.close();
    }
  }, put ?? null);
}

journey('with a passphrase, another page of the site cannot add an approver: the trusted list is sealed, and a list it plants is refused and said so', async (t) => {
  const session = await t.session();
  const page = await session.newPage();
  await openApp(page, `${t.server.origin}/`);
  const today = await browserToday(page);
  await setPassphrase(page);
  const sam = makeApprover({ name: 'Sam Patel', role: 'DPO' });
  const samCard = cardFile(sam);
  await trustCard(page, { name: samCard.name, bytes: samCard.buffer }, sam.card.fingerprint, 'Sam Patel');

  // Kept sealed: another page of the site sees no card in it.
  const other = await session.newPage();
  await other.goto(t.server.put('/__own/another-page.html', '<!doctype html><meta charset="utf-8"><title>Another page</title><p>Another page of the site.</p>'));
  const kept = await trustedListOf(other);
  assert.ok(kept?.startsWith('lia-sealed:'), `[${t.name}] the list is sealed: ${kept?.slice(0, 60)}`);
  assert.ok(!kept.includes('Sam Patel') && !kept.includes(sam.card.key), `[${t.name}] nothing of the card in clear`);
  // It writes its own list in clear: Mallory's card, whose forged approval would then show as trusted.
  const mallory = makeApprover({ name: 'Mallory Jones', role: 'Chief Executive' });
  await trustedListOf(other, JSON.stringify([mallory.card]));
  const forged = approvedFile(record(today, 401, { title: 'Forged approval' }), mallory, today, 'forged.json');

  // Opened again and unlocked: the planted list is refused and said so; no one on it is trusted.
  await reopenAndUnlock(page, `${t.server.origin}/`);
  await page.waitFor(heading('Your assessments', 2), { timeout: 60000 });
  await page.click(link('Approver keys'));
  await page.waitFor(heading('Approver keys'));
  await page.waitFor(css('#lia-trusted-refused', { text: /is not sealed with a passphrase set here now/ }));
  assert.equal(await page.exists(css('#lia-trusted-list', { text: /Mallory/ })), false, `[${t.name}] the planted card is not trusted`);
  await goToStart(page);
  await page.click(link('Open several files as a register'));
  await page.waitFor(heading('Register of assessments'));
  await page.chooseFiles(label('Choose files'), [forged]);
  const row = css('table.lia-register tbody tr', { text: /Forged approval/ });
  await page.waitFor(row);
  assert.match(await page.text(row), /signed by a key not on the trusted list/);

  // Trusting Sam again replaces the planted list with a sealed one, and the note goes.
  await trustCard(page, { name: samCard.name, bytes: samCard.buffer }, sam.card.fingerprint, 'Sam Patel');
  assert.equal(await page.exists(css('#lia-trusted-refused')), false);
  await other.bringToFront();
  assert.ok((await trustedListOf(other)).startsWith('lia-sealed:'), `[${t.name}] sealed again`);
  await page.bringToFront();
  await assertNoErrors(page);
});

journey('half a character put into a field shows what is saved', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const id = await startNew(page);
  await page.fill(label(TITLE), 'Half');
  await waitForStatus(page, 'Saved');
  // Pasted in by another program: a lone surrogate, which text cannot hold.
  await page.run(() => {
    const input = document.querySelector('[data-lia-widget]').shadowRoot.querySelector('input[name="about.title"]');
    input.value = 'Half \ud800 a character';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const stored = await waitForStored(page, id, (r) => r.assessment.answers['about.title'] !== 'Half');
  assert.equal(stored.assessment.answers['about.title'], 'Half \ufffd a character');
  await page.until(async () => (await page.value(label(TITLE))) === 'Half \ufffd a character', { message: 'the field to show what is saved' });
  await assertNoErrors(page);
});

// ---- two tabs -----------------------------------------------------------------------------

journey('two tabs: a change saved in one appears in the other, and an approval in one makes the other read-only', async (t) => {
  const session = await t.session();
  const a = await session.newPage();
  await openApp(a, `${t.server.origin}/`);
  const id = await startExample(a);
  const b = await session.newPage();
  await openApp(b, `${t.server.origin}/#/a/${id}/about`);
  await b.waitFor(label(DESCRIPTION, { exact: true }));
  // Back to the first tab, as a person would switch to it.
  await a.bringToFront();
  await goToHash(a, `#/a/${id}/about`);
  await expectHeadingFocused(a, 'Describe the processing');
  await a.fill(label(DESCRIPTION, { exact: true }), 'Changed in tab A');
  await waitForStored(a, id, (r) => r.assessment.answers['about.description'] === 'Changed in tab A');
  await b.waitFor(text(/changed in another tab or window/, { within: css('#lia-notice') }));
  await b.until(async () => (await b.value(label(DESCRIPTION))) === 'Changed in tab A', { message: 'tab B to show tab A’s change' });
  // B edits on top: saved as a later revision, and A follows. Not "the next" one: filling
  // is a Delete and then keys, and a loaded machine may pause long enough between them to
  // save the emptied field first (CI, WebKit, stop 45).
  const revision = (await storedRecord(a, id)).revision;
  await b.bringToFront();
  await b.fill(label(DESCRIPTION, { exact: true }), 'Then changed in tab B');
  await waitForStored(b, id, (r) => r.revision > revision && r.assessment.answers['about.description'] === 'Then changed in tab B');
  await a.until(async () => (await a.value(label(DESCRIPTION))) === 'Then changed in tab B', { message: 'tab A to follow' });
  await waitForStatus(a, 'Saved');
  await waitForStatus(b, 'Saved');
  assert.equal(await b.exists(css('#lia-conflict')), false, 'no question was needed');
  assert.equal(await a.exists(css('#lia-conflict')), false, 'nor in tab A');
  // Approved in A: B, with nothing unsaved, follows read-only.
  await a.bringToFront();
  await approveThroughFiles(a, id);
  await b.waitForScript(() => document.querySelector('[data-lia-widget]').shadowRoot.querySelector('#q-about-title')?.matches(':disabled') === true);
  await assertNoErrors(a, 'tab A');
  await assertNoErrors(b, 'tab B');
});

// ---- the Word document --------------------------------------------------------------------

/** The text of a Word or OpenDocument file as LibreOffice lays it out: converted to PDF
 * headless (a profile of its own, so runs never share one) and read back with pdftotext. */
async function wordText(bytes, ext = 'docx') {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-word-'));
  try {
    await fs.writeFile(path.join(dir, `record.${ext}`), bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, `record.${ext}`)]);
    return (await run('pdftotext', ['-layout', path.join(dir, 'record.pdf'), '-'])).replace(/\s+/g, ' ');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function run(program, args) {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: 120000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${program} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

journey('the Word and OpenDocument files download, open in a word processor and hold the record: title, control table, answers, findings, page numbers', async (t) => {
  const page = await t.page();
  await openApp(page, `${t.server.origin}/`);
  const id = await startExample(page);
  const saved = (await storedRecord(page, id)).assessment;
  const squeeze = (s) => s.replace(/\s+/g, ' ').trim();
  for (const [label, ext] of [['Download as a Word document', 'docx'], ['Download as OpenDocument (ODT)', 'odt']]) {
    const file = await page.download(() => page.click(button(label)));
    assert.match(file.name, new RegExp(`^lia-employees-emergency-contacts-v1-draft-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
    assert.equal(file.bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', `[${t.name}] ${ext}: a ZIP package`);
    const words = await wordText(file.bytes, ext);
    for (const [what, want] of [
      ['the title', EXAMPLE],
      ['the control table', 'Document control'],
      ['the organisation', saved.answers['about.organisation']],
      ['the purpose', saved.answers['purpose.why'].split(/\s+/).slice(0, 8).join(' ')],
      ['the findings appendix', 'Appendix A: Findings'],
      ['the page numbers', 'Page 1 of '],
    ]) {
      assert.ok(words.includes(squeeze(want)), `[${t.name}] the ${ext} file shows ${what}: "${want}"`);
    }
  }
  await assertNoErrors(page);
});

// ---- the organisation's settings ----------------------------------------------------------

/** docs/settings.example.json cut down to two questions, one check and one approver's key card. */
async function twoQuestionSettings() {
  const example = JSON.parse(await fs.readFile(new URL('../../../docs/settings.example.json', import.meta.url), 'utf8'));
  return {
    ...example,
    questions: example.questions.filter((q) => q.id === 'system' || q.id === 'cctv'),
    checks: example.checks.filter((c) => c.id === 'cctv-needs-dpia'),
    policy: {},
  };
}

const ORG_CHECK = 'Our policy is a DPIA for every use of CCTV: record its reference in the DPIA section.';
const ORG_SETTINGS = 'Riverside Housing Association: legitimate interests assessments';

journey("a host page's settings: two questions asked and answered, their check found, shown in both reports, the Word and OpenDocument files and the register, and its approver trusted", async (t) => {
  const settings = JSON.stringify(await twoQuestionSettings());
  const attribute = settings.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const host = t.server.put(
    '/riverside-intranet.html',
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Riverside intranet</title>
<main><div id="widget" data-lia-widget data-namespace="riverside" data-settings="${attribute}"></div></main>
<script type="module" src="/demo/embed.js"></script></html>`,
  );
  const page = await t.page();
  await page.goto(host);
  await page.waitForScript(() => document.querySelector('[data-lia-widget][data-lia-ready="true"]') !== null);
  await underTheSettings(t, page);
});

journey('the same settings file chosen on the settings page of the single file opened from disk gives the same: questions, check, reports, files, register and approver', async (t) => {
  const settings = JSON.stringify(await twoQuestionSettings(), null, 2);
  const page = await t.page();
  await openApp(page, pathToFileURL(SINGLE_FILE).href);
  await page.click(link("Your organisation's settings"));
  await page.waitFor(heading("Your organisation's settings"));
  await page.chooseFiles(label('Choose a settings file'), [{ name: 'riverside-settings.json', mimeType: 'application/json', buffer: Buffer.from(settings) }]);
  await page.waitFor(text({ re: '^The settings in “riverside-settings\\.json” are now used\\.' }));
  await goToStart(page);
  await underTheSettings(t, page);
});

/** With the two-question settings loaded: a new assessment answers their questions, their
 * check is found, and the pages, both reports, the Word and OpenDocument files, the
 * register and the trusted list show them. */
async function underTheSettings(t, page) {
  await page.click(button('Start a new assessment'));
  await page.waitFor(heading("Riverside Housing Association's questions", 2));
  await page.fill(label(TITLE), 'Repairs texts');
  await page.fill(label('Which system holds the data?'), 'Orchard <b>HMS</b>');
  await page.click(link('Return to the task list'));
  await page.click(link('5. Consider the nature of the data'));
  await page.waitFor(heading('Consider the nature of the data'));
  await page.click(css('#lia-org-cctv'));
  await page.waitFor(css('[data-finding="org.cctv-needs-dpia"]'));
  assert.match(await page.text(css('[data-finding="org.cctv-needs-dpia"]')), /Our policy is a DPIA for every use of CCTV/);

  // Check your answers: each with its answer.
  await page.click(link('Return to the task list'));
  await page.click(link('Check your answers'));
  const value = (question) => page.text(css('.lia-summary-list__value', { within: css('.lia-summary-list__row', { text: { re: `^${question}` } }) }));
  assert.equal(await value('Which system holds the data\\?'), 'Orchard <b>HMS</b>');
  assert.equal(await value('Does this involve CCTV\\?'), 'Yes');

  // The JSON and the report: the answers and the check's finding, with the settings as its source.
  const json = await page.download(() => page.click(button(JSON_BUTTON)));
  const exported = JSON.parse(json.text);
  assert.deepEqual(exported.assessment.organisation.answers.map((a) => [a.id, a.text ?? a.yes_no]), [['system', 'Orchard <b>HMS</b>'], ['cctv', 'yes']]);
  const finding = exported.outcome.findings.find((f) => f.id === 'org.cctv-needs-dpia');
  assert.deepEqual([finding.organisation_question, finding.source.citation], ['cctv', ORG_SETTINGS]);
  const report = await page.download(() => page.click(button(HTML_BUTTON)));
  for (const want of ['Which system holds the data?', 'Orchard &lt;b&gt;HMS&lt;/b&gt;', ORG_CHECK, `Source: ${ORG_SETTINGS}, revision 2026.1. Rule org.cctv-needs-dpia.`]) {
    assert.ok(report.text.includes(want), `[${t.name}] the report shows ${want}`);
  }
  assert.ok(!report.text.includes('<b>HMS'), `[${t.name}] the answer escaped`);
  // The Word and OpenDocument files, as a word processor reads them.
  for (const [name, ext] of [['Download as a Word document', 'docx'], ['Download as OpenDocument (ODT)', 'odt']]) {
    const file = await page.download(() => page.click(button(name)));
    const words = await wordText(file.bytes, ext);
    for (const want of ['Which system holds the data?', 'Orchard <b>HMS</b>', 'Does this involve CCTV?', ORG_CHECK, 'Rule org.cctv-needs-dpia.']) {
      assert.ok(words.includes(want), `[${t.name}] the ${ext} file shows ${want}`);
    }
  }

  // The register, from the JSON file: the settings named, the check's warning counted.
  await goToStart(page);
  await page.click(link('Open several files as a register'));
  await page.waitFor(heading('Register of assessments'));
  await page.chooseFiles(label('Choose files'), [{ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) }]);
  await page.waitFor(css('table.lia-register tbody tr'));
  const row = await page.text(css('table.lia-register tbody tr'));
  assert.ok(row.includes(`Settings: ${ORG_SETTINGS} (revision 2026.1)`), `[${t.name}] ${row}`);
  const cells = await page.texts(css('table.lia-register tbody tr td'));
  assert.ok(cells.includes(String(exported.outcome.counts.warnings)), `[${t.name}] the warnings counted with the check's: ${cells} against ${JSON.stringify(exported.outcome.counts)} ${exported.outcome.findings.map((f) => f.id + ':' + f.severity)}`);

  // The approver's key card in the settings is trusted, as the organisation's.
  await goToStart(page);
  await page.click(link('Approver keys'));
  await page.waitFor(css('#lia-trusted-list', { text: /Your organisation's list: Priya Shah/ }));
  await assertNoErrors(page);
}

// ---- the hand-over for approval -------------------------------------------------------------

const PURPOSE = 'Identify the legitimate interest (purpose test)';
const COMMENT = 'Say how important the benefit is, and for whom.';
const FIX = 'Essential: staff safety depends on reaching someone quickly.';
const REPLY = 'Done: it now says how important it is, and for whom.';

/** Opens a downloaded file with "Choose a file" on the start page. */
async function openFile(page, file) {
  await goToStart(page);
  await page.chooseFiles(label('Choose a file'), [{ name: file.name, mimeType: 'text/html', buffer: file.bytes }]);
}

/** The approver makes their key once, in their browser, and downloads its key card. */
async function makeKey(page, { name, role, organisation }) {
  await goToStart(page);
  await page.click(link('Approver keys'));
  await page.waitFor(heading('Approver keys'));
  await page.fill(label('Your name'), name);
  await page.fill(label('Your role'), role);
  await page.fill(label('Your organisation'), organisation);
  await page.click(button('Create your approver key'));
  await page.waitFor(heading('Your key card', 3));
  const fingerprint = await page.text(css('#lia-key-card .lia-fingerprint'));
  assert.match(fingerprint, /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/, `[${page.name}] eight groups of four`);
  const card = await page.download(() => page.click(button('Download your key card')));
  assert.match(card.name, /^lia-approver-key-[a-z-]+\.json$/);
  return { fingerprint, card };
}

/** Adds a key card to this browser's trusted approvers, after checking its fingerprint. */
async function trustCard(page, card, fingerprint, who) {
  await goToStart(page);
  await page.click(link('Approver keys'));
  await page.waitFor(heading('Approver keys'));
  await page.chooseFiles(label('Choose a key card'), [{ name: card.name, mimeType: 'application/json', buffer: card.bytes }]);
  await page.waitFor(heading('Check the fingerprint before you trust it', 4));
  assert.equal(await page.text(css('#lia-pending-card .lia-fingerprint')), fingerprint, `[${page.name}] the fingerprint shown is the card's`);
  // Not before the fingerprint is checked.
  await page.click(button('Trust this approver'));
  await page.waitFor(css('#lia-card-errors', { text: /Confirm that you have checked the fingerprint/ }));
  await page.click(label(`I have checked this fingerprint with ${who}`));
  await page.click(button('Trust this approver'));
  await page.waitFor(css('#lia-trusted-list', { text: new RegExp(who) }));
}

/** The approver opens the file, comments, decides, signs and downloads the file to give back. */
async function decide(page, file, { verdict, comment }) {
  await openFile(page, file);
  await page.until(async () => (await page.hash()) === '#/approve', { message: 'the approver’s page' });
  await page.waitFor(heading(EXAMPLE));
  assert.equal(await page.count(link(/^Change/)), 0, `[${page.name}] read-only: no "Change" links`);
  assert.match(await page.text(css('#lia-signer')), /^You sign as Sam Patel \(Data Protection Officer, Example Manufacturing Ltd\)\./);
  if (comment) await page.fill(label(`Comment on “${PURPOSE}” (optional)`), comment);
  await page.click(label(verdict));
  await page.click(button('Sign and record your decision'));
  await page.waitFor(css('#lia-decision-recorded'));
  const back = await page.download(() => page.click(button(verdict === 'Approve it' ? 'Download the approved file' : 'Download the returned file')));
  assert.deepEqual(await storedRecords(page), {}, `[${page.name}] nothing kept in the approver’s browser`);
  await page.click(button('Close this file'));
  await page.waitFor(heading('Your assessments', 2));
  return back;
}

journey('an assessment is handed over between two browsers, files only: the approver makes a key and sends its card, the author trusts it, returned with a comment and a reply, fixed, approved and signed by a trusted approver; a hand-edited copy is not', async (t) => {
  const author = await t.page();
  const approver = await t.page();
  await openApp(author, `${t.server.origin}/`);
  await openApp(approver, `${t.server.origin}/`);

  // 0. The approver makes their key and sends its card; the author checks the
  //    fingerprint with them (here: reads it off their page) and trusts it.
  const { fingerprint, card } = await makeKey(approver, { name: 'Sam Patel', role: 'Data Protection Officer', organisation: 'Example Manufacturing Ltd' });
  await author.bringToFront();
  await trustCard(author, card, fingerprint, 'Sam Patel');
  await goToStart(author);
  const id = await startExample(author);

  // 1. The author sends it.
  await author.click(link('Check your answers'));
  await author.waitFor(heading('Check your answers'));
  assert.equal(await author.exists(button('Approve this assessment')), false, `[${t.name}] no one-click approval for the author`);
  const sent1 = await author.download(() => author.click(button('Send for approval')));
  assert.match(sent1.name, /-v1-round-1-for-approval-\d{4}-\d{2}-\d{2}\.html$/);
  assert.match(await author.text(css('#lia-handover-stage')), /^Sent for approval on \d+ \w+ \d{4}\. Waiting for the decision\.$/);
  await waitForStored(author, id, (r) => r.assessment.handover?.length === 1);

  // 2. The approver returns it with a comment on the purpose test.
  await approver.bringToFront();
  const returned = await decide(approver, sent1, { verdict: 'Return it with comments', comment: COMMENT });
  assert.match(returned.name, /-v1-round-1-returned-\d{4}-\d{2}-\d{2}\.html$/);

  // 3. The author opens it: the same record, the comment beside the questions, signed
  //    by the trusted approver; they reply to it.
  await author.bringToFront();
  await openFile(author, returned);
  await author.until(async () => (await author.hash()) === `#/a/${id}`, { message: 'the record opened' });
  const banner = { role: 'region', name: 'Returned with comments' };
  assert.match(await author.text(banner), /Returned with comments by Sam Patel \(Data Protection Officer, Example Manufacturing Ltd\) on .+ Signed by a trusted approver/);
  await author.click(link(PURPOSE, { within: banner }));
  await author.waitFor(heading(PURPOSE));
  assert.ok((await author.text({ role: 'note', name: 'Comment from the approver' })).includes(COMMENT));
  await author.fill(label(`Your reply to the comment on “${PURPOSE}” (optional)`), REPLY);

  // 4. The author fixes it and sends it again.
  await author.fill(label('How important are those benefits?'), FIX);
  await waitForStored(author, id, (r) => r.assessment.answers['purpose.importance'] === FIX && r.assessment.handover[0].replies?.[0]?.text === REPLY);
  await author.click(link('Return to the task list'));
  await author.click(link('Check your answers'));
  await author.waitFor(heading('Check your answers'));
  const sent2 = await author.download(() => author.click(button('Send for approval')));
  await waitForStored(author, id, (r) => r.assessment.handover?.length === 2);

  // 5. The approver sees their comment, the reply and what changed since; approves.
  await approver.bringToFront();
  await openFile(approver, sent2);
  await approver.waitFor(heading('Earlier rounds', 2));
  const earlier = await approver.text(css('#lia-earlier-rounds'));
  assert.ok(earlier.includes(COMMENT) && earlier.includes(REPLY), `[${t.name}] the comment and the reply: ${earlier}`);
  assert.equal(await approver.text(css('#lia-since-returned-summary')), '1 change since you returned it.');
  assert.ok((await approver.text(css('#lia-since-returned'))).includes('How important are those benefits?'));
  await approver.click(button('Close this file'));
  const approved = await decide(approver, sent2, { verdict: 'Approve it' });
  assert.match(approved.name, /-v1-round-2-approved-\d{4}-\d{2}-\d{2}\.html$/);

  // 6. The author's record becomes the approved one, signed by a trusted approver.
  await author.bringToFront();
  await openFile(author, approved);
  await author.until(async () => (await author.hash()) === `#/a/${id}`, { message: 'the record opened' });
  await author.waitFor({ role: 'region', name: 'Approved' });
  assert.match(await author.text(css('#lia-read-only')), /^This assessment was approved on \d+ \w+ \d{4}\./);
  const status = await author.text(css('#lia-approval-status'));
  assert.match(status, /^Signed by a trusted approver\s*Approved by Sam Patel \(Data Protection Officer, Example Manufacturing Ltd\) on .+\. Signed by a trusted approver: the signature matches this content and decision, and the key \(fingerprint ([0-9A-F]{4} ){7}[0-9A-F]{4}\) is on the list of trusted approvers kept in this browser\.$/);
  assert.ok(status.includes(fingerprint), `[${t.name}] the fingerprint checked`);
  const { assessment: record } = await waitForStored(author, id, (r) => r.assessment.status === 'approved');
  assert.equal(record.answers['purpose.importance'], FIX, `[${t.name}] the version approved is the fixed one`);
  assert.deepEqual(record.handover.map((r) => r.decision?.verdict), ['returned', 'approved']);
  assert.equal(record.handover[0].replies[0].text, REPLY);
  assert.equal(Object.keys(await storedRecords(author)).length, 1, `[${t.name}] one record, not a copy`);

  // Both reports, the Word and the OpenDocument files say so too, with the reply.
  const sayApproved = /Approved by Sam Patel \(Data Protection Officer, Example Manufacturing Ltd\) on [^.]+, signed by a trusted approver\. This is the record as approved\./;
  await goToHash(author, `#/a/${id}/check`);
  await author.waitFor(heading('Check your answers'));
  const report = await author.download(() => author.click(button(HTML_BUTTON)));
  // Named approved: the approval verifies against this browser's trusted list (a name
  // made without it says "approval-not-verified").
  assert.match(report.name, /-v1-approved-\d{4}-\d{2}-\d{2}\.html$/, `[${t.name}] ${report.name}`);
  const shown = report.text.slice(0, report.text.indexOf('<script type="application/json"'));
  assert.match(shown, sayApproved, `[${t.name}] the HTML report`);
  assert.ok(shown.includes(REPLY), `[${t.name}] the reply in the report`);
  for (const label of ['Download as a Word document', 'Download as OpenDocument (ODT)']) {
    // The parts of both packages are stored uncompressed: their text is in the bytes.
    const file = await author.download(() => author.click(button(label)));
    assert.match(file.bytes.toString('utf8'), sayApproved, `[${t.name}] ${label}`);
  }

  // 7. The register says so too: the saved record and the approved file.
  const hand = assessmentOf(approved.text);
  const edited = structuredClone(hand);
  edited.handover[1].decision.role = 'Chief Executive';
  edited.answers['sign-off.approved-role'] = 'Chief Executive';
  await goToStart(author);
  await author.click(link('Open several files as a register'));
  await author.waitFor(heading('Register of assessments'));
  await author.click(button('Add the assessments saved in this browser'));
  await author.chooseFiles(label('Choose files'), [
    { name: approved.name, mimeType: 'text/html', buffer: approved.bytes },
    { name: 'hand-edited.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(edited)) },
  ]);
  await author.waitFor(css('table.lia-register tbody tr', { text: /hand-edited/ }));
  // One assessment, one row (issue 27): the hand-edited file claims the same version and
  // round with other content, so it is a conflict, never merged or taken as the record.
  const rows = await author.texts(css('table.lia-register tbody tr'));
  assert.equal(rows.length, 1, `[${t.name}] ${rows}`);
  assert.match(rows[0], /Two copies of version 1, round 2, approved differ/);
  await author.click(css('table.lia-register summary'));
  const copies = await author.texts(css('table.lia-register .lia-earlier li'));
  const forged = copies.find((r) => r.includes('hand-edited'));
  assert.ok(forged, `[${t.name}] ${copies}`);
  assert.match(forged, /^In conflict Version 1, round 2, approved Approval signature does not match/);
  assert.ok(!/Approved by Sam Patel \(Chief Executive/.test(forged), forged);
  // The row itself is the genuine approval, in the file: approved, signed by a trusted
  // approver.
  assert.ok(rows[0].includes(approved.name), rows[0]);
  assert.equal(await author.text(css('table.lia-register tbody tr td:nth-of-type(1)')), 'Approved');

  // 8. The hand-edited copy, opened on its own in a browser that trusts the approver too.
  const third = await t.page();
  await openApp(third, `${t.server.origin}/`);
  await trustCard(third, card, fingerprint, 'Sam Patel');
  await openFile(third, { name: 'hand-edited.json', bytes: Buffer.from(exportOf(edited)) });
  await third.waitFor(css('#lia-approval-status'));
  assert.match(await third.text(css('#lia-approval-status')), /^Signature does not match\s*Warning: Marked approved by Sam Patel \(Chief Executive, Example Manufacturing Ltd\) on .+, but the signature does not match:/);
  assert.match(await third.text(css('#lia-read-only')), /^This assessment is marked approved, but its approval cannot be relied on\./);
  await assertNoErrors(author, 'the author’s browser');
  await assertNoErrors(approver, 'the approver’s browser');
  await assertNoErrors(third, 'a third browser');
});

// ---- an approver key where the tool runs from a file --------------------------------------

/**
 * Holds the approver's key store (IndexedDB `lia-approver`): a read-write transaction of
 * the test's own, kept open by one read after another, so the app's reads wait behind it
 * until `releaseKeyStore`. Resolves once it holds the store.
 */
function holdKeyStore(page) {
  return page.run(
    () =>
      new Promise((resolve, reject) => {
        window.__liaHold = { held: false, released: false };
        const open = indexedDB.open('lia-approver');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('keys', 'readwrite').objectStore('keys');
          const again = () => {
            const read = store.count();
            read.onsuccess = () => {
              if (!window.__liaHold.held) {
                window.__liaHold.held = true;
                resolve(true);
              }
              if (!window.__liaHold.released) again();
            };
            read.onerror = () => reject(read.error);
          };
          again();
        };
      }),
  );
}

/** Lets the app's reads go on; says whether the store was still held until now. */
function releaseKeyStore(page) {
  return page.run(() => {
    const held = window.__liaHold?.held === true && !window.__liaHold.released;
    if (window.__liaHold) window.__liaHold.released = true;
    return held;
  });
}

journey('while the key store is slow to answer, the approver’s page says the key is being read, never that there is none', async (t) => {
  const session = await t.session();
  const approver = await session.newPage();
  await openApp(approver, `${t.server.origin}/`);
  await makeKey(approver, { name: 'Sam Patel', role: 'Data Protection Officer', organisation: 'Example Manufacturing Ltd' });
  // Another page of the site holds the store; the approver's page starts again behind it.
  const holder = await session.newPage();
  await openApp(holder, `${t.server.origin}/`);
  await holdKeyStore(holder);
  await approver.goto('about:blank');
  await openApp(approver, `${t.server.origin}/`);
  const sent = record('2026-11-22', 7, { title: 'Visitor log' });
  sent.handover = [{ sent: '2026-11-22', content: contentDigest(sent) }];
  await approver.chooseFiles(label('Choose a file'), [{ name: 'visitor-log-for-approval.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(sent)) }]);
  await approver.waitFor(heading('Visitor log'));
  assert.equal(await approver.text(css('#lia-signer')), 'Reading your approver key…', `[${t.name}] not "you need a key"`);
  assert.equal(await releaseKeyStore(holder), true, `[${t.name}] the store was held until now`);
  await approver.until(async () => /^You sign as Sam Patel \(Data Protection Officer, Example Manufacturing Ltd\)\./.test(await approver.text(css('#lia-signer'))), {
    message: 'the key, once read, signs',
  });
  await assertNoErrors(approver);
});

journey('opened as a file, an approver key is made only with the passphrase, kept sealed with it, and signs once it is given again', async (t) => {
  const session = await t.session();
  const page = await session.newPage();
  const toolUrl = pathToFileURL(SINGLE_FILE).href;
  await openApp(page, toolUrl);
  await page.click(link('Approver keys'));
  await page.waitFor(heading('Approver keys'));
  await page.fill(label('Your name'), 'Sam Patel');
  await page.fill(label('Your role'), 'Data Protection Officer');
  await page.click(button('Create your approver key'));
  // Every page opened from a file shares this storage: not without a passphrase.
  await page.waitFor(css('#lia-key-errors', { text: /Set a passphrase on the start page first/ }));
  assert.equal(await page.exists(heading('Your key card', 3)), false);

  await goToStart(page);
  await setPassphrase(page);
  await page.click(link('Approver keys'));
  await page.fill(label('Your name'), 'Sam Patel');
  await page.fill(label('Your role'), 'Data Protection Officer');
  await page.click(button('Create your approver key'));
  await page.waitFor(heading('Your key card', 3));
  const card = JSON.parse((await page.download(() => page.click(button('Download your key card')))).text);
  // What is kept: the card, and the private key only sealed (no key object another
  // local page could use).
  const kept = await page.run(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lia-approver');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').getAll();
          get.onsuccess = () => resolve(get.result.map((v) => ({ sealed: typeof v.sealed, key: typeof v.key, card: typeof v.card })));
          get.onerror = () => reject(get.error);
        };
      }),
  );
  assert.deepEqual(kept, [{ sealed: 'string', key: 'undefined', card: 'string' }], `[${t.name}] sealed, never a key object`);

  // Opened again: the key signs only once the passphrase is given.
  await page.goto('about:blank');
  await openApp(page, toolUrl);
  await page.waitFor(css('#lia-locked'));
  // The key store is held by a transaction of this test's own from before the passphrase
  // is given until the signer is read, as a slow store would be: what the page says of
  // the key meanwhile must be true (usable now, or being read), never "cannot be used".
  await holdKeyStore(page);
  await page.fill(label('Passphrase', { exact: true }), 'kettle harbour violet');
  await page.click(button('Unlock'));
  await page.waitFor(heading('Your assessments', 2), { timeout: 60000 });
  // A file sent for approval by someone else, returned with a comment and signed.
  const sent = record('2026-11-22', 7, { title: 'Visitor log' });
  sent.handover = [{ sent: '2026-11-22', content: contentDigest(sent) }];
  await page.chooseFiles(label('Choose a file'), [{ name: 'visitor-log-for-approval.json', mimeType: 'application/json', buffer: Buffer.from(exportOf(sent)) }]);
  await page.waitFor(heading('Visitor log'));
  const meanwhile = await page.text(css('#lia-signer'));
  assert.match(meanwhile, /^(You sign as Sam Patel \(Data Protection Officer\)\.|Reading your approver key…$)/, `[${t.name}] while the store is slow`);
  assert.equal(await releaseKeyStore(page), true, `[${t.name}] the store was held until now`);
  await page.until(async () => /^You sign as Sam Patel \(Data Protection Officer\)\./.test(await page.text(css('#lia-signer'))), {
    message: 'the key, opened with the passphrase, signs',
  });
  await page.fill(label('Comments on the whole assessment (optional)'), 'Please finish the necessity test.');
  await page.click(label('Return it with comments'));
  await page.click(button('Sign and record your decision'));
  await page.waitFor(css('#lia-decision-recorded'));
  const back = assessmentOf((await page.download(() => page.click(button('Download the returned file')))).text);
  const decision = back.handover[0].decision;
  assert.equal(decision.signature.key, card.key);
  // The signature verifies in Node over the bytes docs/schema.md describes.
  const message = canonicalJson({
    approver: { algorithm: 'Ed25519', key: card.key, name: card.name, organisation: card.organisation, role: card.role },
    by_author: false,
    comments: [],
    content: back.handover[0].content,
    date: decision.date,
    earlier: digestOf([]),
    format: 'lia-decision',
    note: decision.note,
    round: 1,
    sent: '2026-11-22',
    verdict: 'returned',
    version: 1,
  });
  const publicKey = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(card.key, 'base64').toString('base64url') }, format: 'jwk' });
  assert.ok(crypto.verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(decision.signature.value, 'base64')), `[${t.name}] the signature verifies`);
  await assertNoErrors(page);
});

// ---- the driver itself ----------------------------------------------------------------------

// The rules redraw their findings once typing pauses, and may move what is below them; a
// driver's click aimed before that and arriving after (on a loaded machine) met what had
// moved there instead (the WebKit review journey, twice). Here the page moves the button
// as the pointer arrives and puts another in its place: the click must reach the button
// or nothing, never the one now under the pointer.
journey('the driver clicks what it aims at, even when the page moves it as the pointer arrives', async (t) => {
  const page = await t.page();
  const html = `<!doctype html><meta charset="utf-8"><title>click check</title>
<style>body { margin: 0 } button { display: block; width: 240px; height: 40px; margin: 8px }</style>
<button id="target">Target</button>
<script>
  window.clicks = [];
  const target = document.getElementById('target');
  target.addEventListener('click', () => clicks.push('target'));
  addEventListener('pointermove', () => {
    if (window.moved) return;
    window.moved = true;
    const decoy = document.createElement('button');
    decoy.textContent = 'Decoy';
    decoy.addEventListener('click', () => clicks.push('decoy'));
    target.before(decoy);
  });
</script>`;
  await page.goto(t.server.put('/__click-check.html', html));
  await page.click(css('#target', { document: true }));
  assert.equal(await page.run(() => window.moved), true, 'the page moved the button under the pointer');
  assert.deepEqual(await page.run(() => window.clicks), ['target']);
  // Nothing of the guard is left to hold a later click or key.
  await page.focus(css('#target', { document: true }));
  await page.press('Enter');
  await page.until(async () => (await page.run(() => window.clicks.length)) === 2, { message: 'the key’s click' });
  assert.deepEqual(await page.run(() => window.clicks), ['target', 'target']);
});
