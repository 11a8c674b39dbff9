// Bad files: each kind gets its own message, and nothing stored changes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  freshContext,
  openApp,
  seedStorage,
  dumpStorage,
  assessment,
  recordText,
  assertNoErrors,
} from './storage-helpers.mjs';
import { chooseFile, dropFile } from './file-helpers.mjs';
import {
  SCHEMA_VERSION,
  EXPORT_FORMAT,
  REPORT_SCRIPT_ID,
  MAX_IMPORT_BYTES,
  indexKey,
  recordKey,
  quarantineKey,
  quarantineNoteKey,
} from '../../scripts/app-facts.mjs';

const env = useBrowser();

const SAVED = {
  [recordKey('kept-1')]: recordText(assessment('kept-1', { 'about.title': 'Kept one' }), { revision: 2 }),
  [recordKey('imp-1')]: recordText(assessment('imp-1', { 'about.title': 'Same id as the files' }), { revision: 9 }),
  [quarantineKey('old-1', 1)]: '{"cut',
  [quarantineNoteKey('old-1', 1)]: '{"title":"Old damaged","reason":"cut short","set_aside_at":1}',
  'someone-else': 'theirs',
};

/** A well-formed export of `imp-1` (without a digest), to spoil in one way at a time. */
function goodExport() {
  return {
    format: EXPORT_FORMAT,
    schema_version: SCHEMA_VERSION,
    app_version: '0.1.0',
    exported_at: '2026-11-22T10:15:00.000Z',
    assessment: {
      id: 'imp-1',
      version: 1,
      status: 'draft',
      answers: { 'about.title': 'From a file' },
      impacts: [{ id: 1, description: 'Harm', likelihood: 'possible', severity: 'minimal', safeguards: '' }],
    },
  };
}

const json = (value) => Buffer.from(JSON.stringify(value, null, 2));
const utf8 = (text) => Buffer.from(text, 'utf8');
/** A number of bytes as the messages write it: 5,242,880. */
const thousands = (n) => n.toLocaleString('en-GB');

const CASES = [
  {
    what: 'an empty file',
    file: { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) },
    message: '“empty.json” could not be opened: The file is empty. Choose a JSON export or an HTML report saved from this tool.',
  },
  {
    what: 'a file of only white space',
    file: { name: 'blank.json', mimeType: 'application/json', buffer: utf8(' \n\t\n') },
    message: '“blank.json” could not be opened: The file is empty.',
  },
  {
    what: 'a file over 5 MB',
    file: { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20) },
    message: new RegExp(
      `^“huge\\.json” could not be opened: The file is too large to import: it is .* \\(${thousands(MAX_IMPORT_BYTES + 1)} bytes\\) and the limit is .* \\(${thousands(MAX_IMPORT_BYTES)} bytes\\)\\.`,
    ),
  },
  {
    what: 'a file that is not text',
    file: { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) },
    message: '“photo.json” could not be opened: The file is not a text file this tool can read: it is not UTF-8 text (the first unreadable byte is byte 3 of the file).',
  },
  {
    what: 'text that is not JSON',
    file: { name: 'notes.json', mimeType: 'application/json', buffer: utf8(`{"format": "${EXPORT_FORMAT}",\n  oops: 1}`) },
    message: /^“notes\.json” could not be opened: The file is not valid JSON: there is a mistake at line 2, column 3 \(/,
  },
  {
    what: 'JSON cut short',
    file: { name: 'cut.json', mimeType: 'application/json', buffer: json(goodExport()).subarray(0, 120) },
    message: /^“cut\.json” could not be opened: The file is not valid JSON: it stops at line \d+, column \d+, before the data is complete/,
  },
  {
    what: 'JSON that is not an export',
    file: { name: 'package.json', mimeType: 'application/json', buffer: json({ name: 'something', version: '1.0.0' }) },
    message: `“package.json” could not be opened: The file is JSON, but not an assessment exported from this tool (it has no "format": "${EXPORT_FORMAT}").`,
  },
  {
    what: 'an assessment of the wrong shape',
    file: {
      name: 'shape.json',
      mimeType: 'application/json',
      buffer: json({ ...goodExport(), assessment: { ...goodExport().assessment, impacts: [{ ...goodExport().assessment.impacts[0], likelihood: 'sometimes' }] } }),
    },
    message: /^“shape\.json” could not be opened: The assessment in the file cannot be read: the field "impacts\[0\]\.likelihood" is not right: /,
  },
  {
    what: 'an answer of the wrong type',
    file: {
      name: 'types.json',
      mimeType: 'application/json',
      buffer: json({ ...goodExport(), assessment: { ...goodExport().assessment, answers: { 'about.people': 'tenants' } } }),
    },
    message: /^“types\.json” could not be opened: The assessment in the file cannot be read: the field "answers\.about\.people" is not right: /,
  },
  {
    what: 'a future schema version',
    file: { name: 'future.json', mimeType: 'application/json', buffer: json({ ...goodExport(), schema_version: 99 }) },
    message: `“future.json” could not be opened: This file was saved by a newer version of this tool (format version 99; this version reads up to ${SCHEMA_VERSION}). Open it with the newer version, or update this one.`,
  },
  {
    what: 'a format version no release has written',
    file: { name: 'zero.json', mimeType: 'application/json', buffer: json({ ...goodExport(), schema_version: 0 }) },
    message: '“zero.json” could not be opened: The file says it is in format version 0, which no version of this tool has written, so it cannot be imported.',
  },
  {
    what: 'an HTML file with no embedded assessment',
    file: { name: 'page.html', mimeType: 'text/html', buffer: utf8('<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Not a report</p><script>var x = 1;</script></body></html>') },
    message: '“page.html” could not be opened: This HTML file has no assessment in it. Only reports saved from this tool can be imported: they carry a copy of the assessment.',
  },
  {
    what: 'an HTML report whose embedded assessment is damaged',
    file: {
      name: 'report.html',
      mimeType: 'text/html',
      buffer: utf8(`<!DOCTYPE html><html><body><h1>Report</h1><script type="application/json" id="${REPORT_SCRIPT_ID}">${JSON.stringify({ ...goodExport(), schema_version: 99 })}</script></body></html>`),
    },
    message: /^“report\.html” could not be opened: This HTML report carries a copy of an assessment, but it cannot be read\. This file was saved by a newer version of this tool/,
  },
];

// One page for every case, opened once on the saved records, as a person trying one bad
// file after another would: each case waits for the message naming its own file, and the
// store must still be exactly what the page started with. (A fresh browser context and
// start-up per case cost 1.7 s of CPU each, for the same checks.) The page is opened by
// the first test that asks for it, once the file's browser is running.
let opened;
function shared() {
  opened ??= (async () => {
    const { context, record } = await freshContext(env);
    await seedStorage(context, env.server.origin, SAVED);
    const page = await context.newPage();
    await openApp(page, env.server.origin);
    await page.getByRole('link', { name: 'Kept one', exact: true }).waitFor();
    return { context, record, page, before: await dumpStorage(page) };
  })();
  return opened;
}
after(async () => (await opened)?.context.close());

test('start-up changes only the index', async () => {
  const { before } = await shared();
  assert.deepEqual(Object.keys(before).sort(), [...Object.keys(SAVED), indexKey()].sort());
});

CASES.forEach(({ what, file, message }, i) => {
  const how = i % 2 === 0 ? 'chosen' : 'dropped';
  test(`${what} (${how}): its own message, and nothing stored changes`, async () => {
    const { page, record, before } = await shared();
    await (how === 'chosen' ? chooseFile : dropFile)(page, file);
    // The message about this file, not the one before it.
    const inline = page.locator('#lia-import-error').filter({ hasText: `“${file.name}”` });
    await inline.waitFor();
    const shown = (await inline.textContent()).replace(/^Error: /, '');
    if (typeof message === 'string') assert.ok(shown.startsWith(message), `message:\n${shown}\nexpected to start:\n${message}`);
    else assert.match(shown, message);
    // The error summary says the same and links to the file input.
    assert.equal(await page.locator('#lia-import-error-summary a').textContent(), shown);
    await page.waitForTimeout(300);
    assert.deepEqual(await dumpStorage(page), before, 'storage is exactly as it was');
    assert.equal(new URL(page.url()).hash, '#/', 'still on the start page');
    assert.equal(await page.locator('#lia-import-clash').count(), 0);
    assertNoErrors(record);
  });
});
