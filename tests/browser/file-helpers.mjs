// Helpers for the file tests: downloads, the JSON Schema check, the digest computed
// independently, importing by the file picker and by drag-and-drop, and the HTML report
// opened on its own in a page that records anything it tries to do.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import { recordPrefix } from '../../scripts/app-facts.mjs';

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../docs/lia-assessment.schema.json');

let validator;
/** The export's JSON Schema (draft 2020-12), compiled once. */
export async function validateExport(value) {
  if (!validator) {
    const schema = JSON.parse(await fs.readFile(SCHEMA_PATH, 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    validator = ajv.compile(schema);
  }
  const ok = validator(value);
  return ok ? [] : validator.errors.map((e) => `${e.instancePath} ${e.message}`);
}

/** The kinds of answer, from the schema: question key → 'text' | 'choice' | 'choices'. */
export async function answerKinds() {
  const schema = JSON.parse(await fs.readFile(SCHEMA_PATH, 'utf8'));
  const kinds = {};
  for (const [key, property] of Object.entries(schema.$defs.answers.properties)) {
    if (property.type === 'array') kinds[key] = 'choices';
    else if (property.enum) kinds[key] = 'choice';
    else if (property.type === 'string') kinds[key] = property.$comment?.startsWith('yyyy-mm-dd') ? 'date' : 'text';
  }
  return kinds;
}

/** RFC 8785 canonical JSON for what an assessment holds (strings, integers, arrays, objects). */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/** The SHA-256 of an assessment's canonical JSON, as the export's digest should say. */
export function digestOf(assessmentValue) {
  return crypto.createHash('sha256').update(canonicalJson(assessmentValue), 'utf8').digest('hex');
}

/** Clicks a download button (the first one with that name) and returns the file's name and text. */
export async function downloadFrom(page, buttonName, scope = page) {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: buttonName, exact: true }).first().click();
  const file = await download;
  const text = await fs.readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** Today in the browser's time zone as yyyy-mm-dd (the date in file names). */
export function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });
}

/** Chooses a file in "Choose a file" on the start page. */
export async function chooseFile(page, { name, mimeType, buffer }) {
  await page.getByLabel('Choose a file', { exact: true }).setInputFiles({ name, mimeType, buffer });
}

/** Drops a file on the start page's drop zone, as a drag from the desktop would. */
export async function dropFile(page, { name, mimeType, buffer }) {
  await page.evaluate(
    ({ name, mimeType, base64 }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      const zone = document.querySelector('[data-lia-widget]').shadowRoot.querySelector('.lia-drop-zone');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
      }
    },
    { name, mimeType, base64: Buffer.from(buffer).toString('base64') },
  );
}

/**
 * Opens an HTML report in its own context at a made-up address, the way a browser shows
 * a downloaded file: its own Content Security Policy applies. Records every request,
 * dialog, console message, page error and CSP violation. Returns `{ page, log, close }`.
 */
export async function openReport(browser, html, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled });
  const url = 'http://report.invalid/lia-report.html';
  const log = { requests: [], dialogs: [], console: [], pageErrors: [] };
  context.on('request', (request) => log.requests.push(request.url()));
  await context.route('**/*', (route) =>
    route.request().url() === url
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  // Counts policy violations; injected by the browser, not by the page, so CSP does not apply to it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log.pageErrors.push(String(error)));
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, log, close: () => context.close() };
}

/** Every stored assessment of the default namespace, id → parsed record. */
export function storedAssessments(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(prefix)) out[key.slice(prefix.length)] = JSON.parse(localStorage.getItem(key));
    }
    return out;
  }, recordPrefix());
}

/** An assessment with the import's log entry (the last one) taken off, to compare with the original. */
export function withoutImportEntry(a) {
  const copy = structuredClone(a);
  const last = copy.review_log?.pop();
  assert.ok(last && /^Imported from /.test(last.note), `the last log entry records the import: ${JSON.stringify(last)}`);
  if (copy.review_log.length === 0) delete copy.review_log;
  return copy;
}
