// scripts/app-facts.mjs against the examples src/facts.rs computed in Rust: the keys and
// the sizes it writes are the app's, for any namespace, id and size the file lists. (No
// browser: this checks the helper the other tests rely on.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FACTS,
  DEFAULT_NAMESPACE,
  indexKey,
  recordKey,
  recordPrefix,
  namespacePrefix,
  quarantineKey,
  quarantineNoteKey,
  formatBytes,
  contentSecurityPolicy,
} from '../../scripts/app-facts.mjs';

test('the key helpers write the keys the store writes', () => {
  const { namespace, id, n, keys } = FACTS.storage.example;
  assert.equal(indexKey(namespace), keys.index);
  assert.equal(recordKey(id, namespace), keys.record);
  assert.equal(quarantineKey(id, n, namespace), keys.quarantine);
  assert.equal(quarantineNoteKey(id, n, namespace), keys.quarantine_note);
  assert.ok(keys.record.startsWith(recordPrefix(namespace)));
  assert.ok(Object.values(keys).every((key) => key.startsWith(namespacePrefix(namespace))));
  assert.equal(recordKey(id), recordKey(id, DEFAULT_NAMESPACE));
  // A value is put in once, never read again as a template.
  assert.equal(recordKey('{ns}', namespace), keys.record.replace(id, '{ns}'));
});

test('formatBytes writes every size as format_bytes does', () => {
  assert.ok(FACTS.size_format.examples.length > 5);
  for (const [size, text] of FACTS.size_format.examples) assert.equal(formatBytes(size), text, `${size}`);
});

test('a policy needs every placeholder filled, and nothing else', () => {
  assert.throws(() => contentSecurityPolicy('single_file', { 'loader-hash': ["'sha256-a'"] }), /css-hash/);
  assert.throws(() => contentSecurityPolicy('report', { 'css-hash': [], extra: [] }), /extra/);
  assert.throws(() => contentSecurityPolicy('nowhere', {}), /nowhere/);
});
