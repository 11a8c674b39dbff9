// Records people can file: the JSON export (checked against the published JSON Schema
// and its digest recomputed here), the self-contained HTML report (every answer, the
// findings and the sign-off in it, nothing fetched or run), and both imported back.
import { test } from 'node:test';
import { approveThroughFiles } from './approval-steps.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  useBrowser,
  freshApp,
  openId,
  goTo,
  goToStart,
  field,
  waitForStored,
  assertNoErrors,
} from './storage-helpers.mjs';
import {
  validateExport,
  answerKinds,
  digestOf,
  downloadFrom,
  browserToday,
  chooseFile,
  dropFile,
  openReport,
  storedAssessments,
  withoutImportEntry,
} from './file-helpers.mjs';
import { SCHEMA_VERSION, EXPORT_FORMAT, REPORT_SCRIPT_ID, recordKey } from '../../scripts/app-facts.mjs';

const env = useBrowser();

const EXAMPLE = "Employees' emergency contacts";
const JSON_BUTTON = 'Download to open later (JSON)';
const HTML_BUTTON = 'Download the report (HTML)';
const SECTIONS = ['about', 'triage', 'purpose', 'necessity', 'nature', 'expectations', 'impact', 'dpia', 'decision', 'sign-off'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Letters of U+00C0–U+017F that are not a base letter plus accents. */
const LATIN_SPECIAL = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ł: 'l', ŀ: 'l', þ: 'th', ĳ: 'ij', ı: 'i', ĸ: 'k', ŉ: 'n', ŋ: 'n', ſ: 's', ŧ: 't' };

/** `slug` of src/export/file_name.rs: ASCII letters and digits, Latin letters without
 * their accents, every other run made one `-`, at most 60 characters. */
function slug(title) {
  const fold = (c) => {
    if (/[A-Za-z0-9]/.test(c)) return c.toLowerCase();
    const code = c.codePointAt(0);
    if (code < 0xc0 || code > 0x17f) return '-';
    const lower = c.toLowerCase();
    const letters = LATIN_SPECIAL[lower] ?? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return /^[a-z]+$/.test(letters) ? letters : '-';
  };
  const words = [...title].map(fold).join('').split(/-+/).filter(Boolean);
  const out = words.join('-').slice(0, 60).replace(/-+$/, '');
  return out || 'untitled';
}

async function cargoVersion() {
  const toml = await fs.readFile(path.resolve(import.meta.dirname, '../../Cargo.toml'), 'utf8');
  return /^version\s*=\s*"([^"]+)"/m.exec(toml)[1];
}

/** Starts from the example; returns its id once it is saved and its task list shows. */
async function startExample(page) {
  await page.getByRole('button', { name: `Start from this example: ${EXAMPLE}` }).click();
  await page.getByRole('button', { name: JSON_BUTTON }).waitFor();
  const id = openId(page);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, recordKey(id));
  return id;
}

/** Checks a downloaded export: name, schema, envelope, digest; returns it parsed. */
async function checkJsonExport(page, file, stored) {
  const title = stored.answers['about.title'];
  // The version and the state are in the name, then the day.
  assert.match(file.name, new RegExp(`^lia-${slug(title)}-v${stored.version}-(draft|approved)-${await browserToday(page)}\\.json$`));
  const value = JSON.parse(file.text);
  assert.deepEqual(await validateExport(value), [], 'the export matches docs/lia-assessment.schema.json');
  assert.equal(value.format, EXPORT_FORMAT);
  assert.equal(value.schema_version, SCHEMA_VERSION);
  assert.equal(value.app_version, await cargoVersion());
  const age = Date.now() - Date.parse(value.exported_at);
  assert.ok(age >= 0 && age < 120000, `exported just now (${value.exported_at})`);
  assert.deepEqual(value.assessment, stored, 'the export holds the assessment as saved');
  assert.ok(Array.isArray(value.outcome.findings), 'the findings are in the outcome');
  assert.deepEqual(value.digest, { algorithm: 'sha256', value: digestOf(value.assessment) }, 'the digest is the SHA-256 of the canonical assessment');
  return value;
}

/** What the app shows on each section page: the controls present and every option's label. */
async function appQuestions(page, id) {
  const shown = { controls: new Set(), labels: {} };
  for (const section of SECTIONS) {
    await goTo(page, id, section);
    await page.locator('#lia-page-heading').waitFor();
    const found = await page.evaluate(() => {
      const root = document.querySelector('[data-lia-widget]').shadowRoot;
      const controls = [...root.querySelectorAll('main input, main textarea')].map((c) => c.name || c.id);
      const labels = {};
      for (const input of root.querySelectorAll('main input[type=radio], main input[type=checkbox]')) {
        labels[input.name] ??= {};
        labels[input.name][input.value] = root.querySelector(`label[for="${input.id}"]`).textContent.trim();
      }
      return { controls, labels };
    });
    found.controls.forEach((c) => shown.controls.add(c));
    Object.assign(shown.labels, found.labels);
  }
  return shown;
}

const fieldId = (key) => `q-${key.replaceAll('.', '-')}`;

/** Checks that the opened report shows every answer as the app does, the findings and the sign-off. */
async function checkReport(report, exported, shown) {
  const { page, log } = report;
  const rows = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('tr[id^="q-"]')].map((tr) => [
        tr.id.slice(2),
        {
          text: tr.querySelector('td').textContent,
          items: [...tr.querySelectorAll('td li')].map((li) => li.textContent),
          datetime: tr.querySelector('td time')?.getAttribute('datetime') ?? null,
        },
      ]),
    ),
  );
  const kinds = await answerKinds();
  const answers = exported.assessment.answers;
  let checked = 0;
  for (const [key, answer] of Object.entries(answers)) {
    const row = rows[key];
    const id = fieldId(key);
    if (!row) {
      assert.ok(!shown.controls.has(id), `${key} is answered and shown in the app, but missing from the report`);
      continue;
    }
    checked += 1;
    switch (kinds[key]) {
      case 'text':
        assert.equal(row.text, answer.trim(), `report answer to ${key}`);
        break;
      case 'date': {
        const [y, m, d] = answer.split('-').map(Number);
        assert.equal(row.datetime, answer, `report date of ${key}`);
        assert.equal(row.text, `${d} ${MONTHS[m - 1]} ${y}`, `report date of ${key}`);
        break;
      }
      case 'choice':
        assert.equal(row.text, shown.labels[id][answer], `report answer to ${key}`);
        break;
      case 'choices':
        assert.deepEqual(row.items, answer.map((k) => shown.labels[id][k]), `report answers to ${key}`);
        break;
      default:
        assert.fail(`unknown question ${key}`);
    }
  }
  assert.ok(checked >= 20, `${checked} answers found in the report`);
  // The impacts, every finding with its message, and the sign-off.
  const body = await page.locator('body').textContent();
  for (const impact of exported.assessment.impacts) {
    assert.ok(body.includes(impact.description.trim()), `impact ${impact.id} is in the report`);
  }
  const findings = await page.evaluate(() =>
    [...document.querySelectorAll('#findings li.finding')].map((li) => ({ id: li.id.replace(/^finding-/, ''), message: li.querySelector('.message').textContent })),
  );
  assert.deepEqual(
    findings.map((f) => f.id).sort(),
    exported.outcome.findings.map((f) => f.id).sort(),
    'every finding, and only those',
  );
  for (const f of exported.outcome.findings) {
    assert.equal(findings.find((x) => x.id === f.id).message, f.message);
  }
  const signOff = await page.locator('#sign-off').textContent();
  for (const key of ['sign-off.completed-name', 'sign-off.completed-role', 'sign-off.approved-name', 'sign-off.approved-role']) {
    assert.ok(signOff.includes(answers[key]), `the sign-off shows ${key}`);
  }
  // Approved through the hand-over and signed by an approver the browser that made the
  // report trusts: said so, with the key's fingerprint.
  await page.getByText(/^Approved by .* on .*, signed by a trusted approver\. This is the record as approved\.$/).waitFor();
  await page.getByText(/Signed by a trusted approver: the signature matches this content and decision, and the key \(fingerprint ([0-9A-F]{4} ){7}[0-9A-F]{4}\)/).first().waitFor();
  // Self-contained and inert: nothing fetched, nothing run, nothing refused.
  assert.deepEqual(log.requests, ['http://report.invalid/lia-report.html'], 'the report fetches nothing');
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'nothing the policy had to block');
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ type: s.type, id: s.id, src: s.src })));
  assert.deepEqual(scripts, [{ type: 'application/json', id: REPORT_SCRIPT_ID, src: '' }], 'the only script is the inert JSON copy');
  const embedded = JSON.parse(await page.locator(`script#${REPORT_SCRIPT_ID}`).textContent());
  assert.deepEqual(embedded.assessment, exported.assessment);
  assert.deepEqual(embedded.digest, exported.digest);
  const external = await page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], link, img, iframe, object, embed, form, base')].map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(external, [], 'no external reference');
}

test('both files download from the task list and the check page, the JSON matches the schema, the report shows everything, and both import back identical', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startExample(page);
    const draft = (await storedAssessments(page))[id].assessment;
    // From the task list.
    const draftJson = await checkJsonExport(page, await downloadFrom(page, JSON_BUTTON), draft);
    const draftHtml = await downloadFrom(page, HTML_BUTTON);
    assert.equal(draftHtml.name, `lia-${slug(draft.answers['about.title'])}-v1-draft-${await browserToday(page)}.html`);
    assert.equal(draftJson.assessment.status, 'draft');

    // Approved (sent, approved and signed by a trusted approver, the file opened here),
    // then downloaded from the check page.
    await approveThroughFiles(page, id);
    await page.evaluate((id) => (location.hash = `#/a/${id}/check`), id);
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await page.getByText('It is kept as the record and cannot be changed.', { exact: false }).first().waitFor();
    await waitForStored(page, id, (r) => r.assessment.status === 'approved');
    const approved = (await storedAssessments(page))[id].assessment;
    const jsonFile = await downloadFrom(page, JSON_BUTTON);
    const exported = await checkJsonExport(page, jsonFile, approved);
    const htmlFile = await downloadFrom(page, HTML_BUTTON);
    assert.ok(approved.answers['sign-off.approved-date'], 'approval dated the sign-off');

    // The report, opened on its own.
    const shown = await appQuestions(page, id);
    const report = await openReport(env.browser, htmlFile.text);
    try {
      await checkReport(report, exported, shown);
    } finally {
      await report.close();
    }

    // Both files import back, each into a browser that has never seen them: identical.
    for (const [how, file, put] of [
      ['JSON by the file picker', { name: jsonFile.name, mimeType: 'application/json', buffer: Buffer.from(jsonFile.text) }, chooseFile],
      ['HTML report by drag-and-drop', { name: htmlFile.name, mimeType: 'text/html', buffer: Buffer.from(htmlFile.text) }, dropFile],
    ]) {
      const other = await freshApp(env);
      try {
        await put(other.page, file);
        await other.page.getByRole('button', { name: JSON_BUTTON }).waitFor();
        assert.equal(openId(other.page), id, `${how}: imported under its own id`);
        const stored = await storedAssessments(other.page);
        assert.deepEqual(Object.keys(stored), [id], `${how}: one assessment stored`);
        assert.deepEqual(withoutImportEntry(stored[id].assessment), approved, `${how}: identical`);
        // The digest matched; the only warning is that this browser does not trust the
        // approver's key.
        const warning = await other.page.locator('#lia-import-warning').textContent();
        assert.doesNotMatch(warning, /check value \(digest\)/, `${how}: the digest matched`);
        assert.match(warning, /signed by a key not on the trusted list/, `${how}: the approval's key is not trusted here`);
        // Its own export again carries the same digest as the original, but for the log entry.
        assertNoErrors(other.record, how);
      } finally {
        await other.context.close();
      }
    }

    // Back where it was made: the saved one is approved, so it can only be kept beside it.
    await goToStart(page);
    await chooseFile(page, { name: jsonFile.name, mimeType: 'application/json', buffer: Buffer.from(jsonFile.text) });
    const clash = page.locator('#lia-import-clash');
    await clash.getByText('The saved one is approved, so it cannot be replaced', { exact: false }).waitFor();
    assert.equal(await clash.getByRole('button', { name: 'Replace the saved one' }).count(), 0);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('importing an assessment already saved here asks: replace it, or keep both', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startExample(page);
    const original = (await storedAssessments(page))[id];
    const file = await downloadFrom(page, JSON_BUTTON);
    const upload = { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) };

    // Changed here after the export.
    await goTo(page, id, 'about');
    await field(page, 'What do you want to call this assessment?').fill('Changed after export');
    await waitForStored(page, id, (r) => r.assessment.answers['about.title'] === 'Changed after export');
    await goToStart(page);

    // Cancel: nothing changes.
    const before = await storedAssessments(page);
    await chooseFile(page, upload);
    const clash = page.locator('#lia-import-clash');
    await clash.getByText('The file is a copy of “Changed after export”, which is already saved here.', { exact: false }).waitFor();
    await clash.getByRole('button', { name: 'Cancel' }).click();
    await clash.waitFor({ state: 'detached' });
    assert.deepEqual(await storedAssessments(page), before, 'cancel changes nothing');

    // Replace: the file's assessment under the same id, saved over the changed one.
    await chooseFile(page, upload);
    await clash.getByRole('button', { name: 'Replace the saved one' }).click();
    await waitForStored(page, id, (r) => r.assessment.answers['about.title'] !== 'Changed after export');
    let stored = await storedAssessments(page);
    assert.deepEqual(Object.keys(stored), [id]);
    assert.deepEqual(withoutImportEntry(stored[id].assessment), original.assessment);
    assert.ok(stored[id].revision > before[id].revision, 'saved as a newer revision');

    // Keep both: a second assessment, under a new id, with the same answers.
    await goToStart(page);
    await chooseFile(page, upload);
    await clash.getByRole('button', { name: 'Keep both' }).click();
    await page.getByRole('button', { name: JSON_BUTTON }).waitFor();
    const newId = openId(page);
    assert.notEqual(newId, id);
    stored = await storedAssessments(page);
    assert.deepEqual(Object.keys(stored).sort(), [id, newId].sort());
    assert.deepEqual(stored[newId].assessment.answers, original.assessment.answers);
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});

test('a file changed after export opens with a clear warning on the imported assessment', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    const id = await startExample(page);
    const file = await downloadFrom(page, JSON_BUTTON);
    const changed = JSON.parse(file.text);
    changed.assessment.answers['about.organisation'] = 'Someone else entirely';
    const noDigest = JSON.parse(file.text);
    delete noDigest.digest;
    const edited = { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) };

    // Here, where it is saved, the user cancels: the saved one shows no warning.
    await goToStart(page);
    await chooseFile(page, edited);
    await page.locator('#lia-import-clash').getByRole('button', { name: 'Cancel' }).click();
    await goTo(page, id);
    await page.getByRole('button', { name: JSON_BUTTON }).waitFor();
    await page.waitForTimeout(200);
    assert.equal(await page.locator('#lia-import-warning').count(), 0, 'a cancelled import leaves no warning');

    const other = await freshApp(env);
    try {
      const { page: p } = other;
      await chooseFile(p, edited);
      const warning = p.locator('#lia-import-warning');
      await warning.getByText('Warning: “edited.json” was changed after it was exported.', { exact: false }).waitFor();
      assert.equal(openId(p), id);
      const stored = (await storedAssessments(p))[id].assessment;
      assert.equal(stored.answers['about.organisation'], 'Someone else entirely');
      assert.match(stored.review_log.at(-1).note, /was changed after it was exported/, 'the warning is kept in the review log');
      // Also on its check page.
      await p.getByRole('link', { name: 'Check your answers' }).click();
      await warning.waitFor();

      // No digest at all: a warning of its own.
      await goToStart(p);
      await chooseFile(p, { name: 'no-digest.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(noDigest)) });
      await p.locator('#lia-import-clash').getByRole('button', { name: 'Keep both' }).click();
      await warning.getByText('Warning: “no-digest.json” has no check value (digest)', { exact: false }).waitFor();
      assertNoErrors(other.record);
    } finally {
      await other.context.close();
    }
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});
