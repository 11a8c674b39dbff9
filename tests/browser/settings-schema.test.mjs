// docs/lia-settings.schema.json, the settings file's JSON Schema (generated from the
// reader's limits by src/organisation/schema.rs), held by ajv in strict mode to the same
// damaged files the tool's reader is held to (tests/fixtures/settings/cases.json, and
// tests/organisation_settings.rs for the reader): it refuses every one it can see, and
// accepts those only the tool can judge (unique ids, a check's question, a card's
// fingerprint) and every file the tool reads. No browser: plain Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const read = async (path) => JSON.parse(await fs.readFile(new URL(path, root), 'utf8'));
const schema = await read('docs/lia-settings.schema.json');
const example = await read('docs/settings.example.json');
const cases = await read('tests/fixtures/settings/cases.json');
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const errors = (file) => (validate(file) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`));

/** The example with a case's patch applied (JSON Pointer paths; set or remove). */
function patched(patch) {
  const file = structuredClone(example);
  for (const step of patch) {
    const parts = step.path.split('/').slice(1);
    const last = parts.pop();
    const parent = parts.reduce((at, key) => at[key], file);
    if (step.op === 'set') parent[last] = step.value;
    else if (step.op === 'remove') delete parent[last];
    else throw new Error(`no op ${step.op}`);
  }
  return file;
}

test('the schema accepts the documented example and every file the tool reads', () => {
  assert.deepEqual(errors(example), []);
  for (const c of cases.accepted) assert.deepEqual(errors(patched(c.patch)), [], c.name);
});

test('the schema refuses each damaged file it can see, and leaves to the tool what it cannot', () => {
  const seen = cases.refused.filter((c) => c.schema);
  assert.ok(seen.length >= 30);
  for (const c of seen) assert.notDeepEqual(errors(patched(c.patch)), [], `accepted although ${c.name}`);
  for (const c of cases.refused.filter((c) => !c.schema)) {
    assert.deepEqual(errors(patched(c.patch)), [], `${c.name}: the tool's own check, not the schema's`);
  }
});
