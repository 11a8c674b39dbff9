// The short names the build gives what the wasm and its glue call each other by
// (scripts/wasm-names.mjs): the built wasm and glue agree, and a glue that does not name
// each import exactly once, or names an export other than as `wasm.name`, fails the build
// instead of being guessed at. No browser: the wasm is run by Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withShortNames } from '../../scripts/wasm-names.mjs';
import { DIST } from './support.mjs';

const LONG_A = '__wbg_first_0123456789abcdef';
const LONG_B = '__wbg_second_fedcba9876543210';

/** A module importing two functions from "./lia_bg.js", exporting `run`, which calls both in order. */
function twoImports() {
  const str = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  const imports = [2, ...str('./lia_bg.js'), ...str(LONG_A), 0, 0, ...str('./lia_bg.js'), ...str(LONG_B), 0, 0];
  const body = [0, 0x10, 0, 0x10, 1, 0x0b];
  return Buffer.from([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, imports),
    ...section(3, [1, 0]),
    ...section(7, [1, ...str('run'), 0, 2]),
    ...section(10, [1, body.length, ...body]),
  ]);
}

/** A glue as wasm-bindgen writes it: the import object, keyed by module, and the exports called as `wasm.name`. */
const glueOf = (keys) => `const calls = [];
const import0 = { ${keys.map((k, i) => `${k}: function() { calls.push(${i}); }`).join(', ')} };
const start = (wasm) => wasm.run();
return { imports: { "./lia_bg.js": import0 }, calls, start };`;

test('the wasm and the glue get the same short names, and the wasm still calls what it called', async () => {
  const { wasm, glue } = withShortNames(twoImports(), glueOf([LONG_A, LONG_B]));
  assert.ok(!glue.includes(LONG_A) && !glue.includes(LONG_B), glue);
  assert.ok(!wasm.includes(Buffer.from(LONG_A)) && !wasm.includes(Buffer.from('./lia_bg.js')));
  const { imports, calls, start } = new Function(glue)();
  assert.deepEqual(Object.keys(imports), ['w']);
  const { instance } = await WebAssembly.instantiate(wasm, imports);
  assert.deepEqual(Object.keys(instance.exports), ['a'], 'the export `run` is renamed');
  start(instance.exports);
  assert.deepEqual(calls, [0, 1]);
});

test('a glue that names an import twice, or not at all, stops the build', () => {
  assert.throws(() => withShortNames(twoImports(), glueOf([LONG_A])), /__wbg_second_fedcba9876543210 0 times/);
  assert.throws(
    () => withShortNames(twoImports(), `${glueOf([LONG_A, LONG_B])}\nconst again = ${LONG_B};`),
    /__wbg_second_fedcba9876543210 2 times/,
  );
  assert.throws(() => withShortNames(twoImports(), glueOf([LONG_A, LONG_B]).replace('"./lia_bg.js"', '"./other.js"')), /the module name 0 times/);
  assert.throws(() => withShortNames(twoImports(), `${glueOf([LONG_A, LONG_B])}\nconst name = 'run';`), /the export run 1 times as a property, key or string other than wasm.run/);
  assert.throws(() => withShortNames(twoImports(), `${glueOf([LONG_A, LONG_B])}\nconst other = (x) => x.run();`), /the export run 1 times/);
});

test('the built wasm imports and exports only short names (but its memory), and the built glue names each import', () => {
  const wasm = readFileSync(path.join(DIST, 'lia_bg.wasm'));
  const glue = readFileSync(path.join(DIST, 'lia.js'), 'utf8');
  const names = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(names.length > 100, `${names.length} imports`);
  for (const { module, name } of names) {
    assert.equal(module, 'w');
    assert.match(name, /^[a-zA-Z]{1,2}$/);
    // A key of the (minified) import object: after `{` or `,`, before `:`.
    assert.ok(new RegExp(`[{,]${name}:`).test(glue), `lia.js has no key ${name}`);
  }
  assert.ok(/[{,]w:\{/.test(glue), 'lia.js keys its import object by the module "w"');
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.ok(exported.includes('memory'));
  for (const name of exported.filter((n) => n !== 'memory')) assert.match(name, /^[a-zA-Z]{1,2}$/);
});
