// Short names for what the wasm and its glue (lia.js) call each other by, given to both at
// once.
//
// wasm-bindgen names each of the 231 functions the wasm imports from the glue after the
// browser function it wraps and a hash of its signature
// (`__wbg_set_nodeValue_7e9217115013d873`), all from the module "./lia_bg.js", and the
// wasm exports its closures' entry points under names with a hash too
// (`wasm_bindgen__convert__closures_____invoke__h40a7b3091017dec5`). Each name is written
// in the wasm and again in the glue: an import as a key of the glue's import object, an
// export in each `wasm.name` that calls it. The hashes are 16 hex digits that no compressor
// can shorten, and the single file carries the glue as plain text. Here each becomes a
// name of one or two letters (and the module "w"), in the wasm and in the glue alike; the
// export `memory` keeps its name (what `init` resolves to is read for it). The glue must
// name each import exactly once, as its key, and each export only as `wasm.name`:
// otherwise the build fails rather than guess.

import { leb, reader, readSections, section, str } from './wasm-bytes.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MODULE = 'w';

/** The n-th short name: a…Z, then aa, ab… (valid JavaScript property names). */
function shortName(n) {
  let name = '';
  let k = n;
  do {
    name = LETTERS[k % LETTERS.length] + name;
    k = Math.floor(k / LETTERS.length) - 1;
  } while (k >= 0);
  return name;
}

/**
 * `wasm` (bytes) and `glue` (the text of lia.js as wasm-bindgen wrote it, not yet
 * minified) with the imports' module and names and the exports' names made short;
 * throws if the glue does not name each import exactly once, as a key, and each export
 * only as `wasm.name`.
 */
export function withShortNames(wasm, glue) {
  const sections = readSections(wasm);
  const imports = sections.find((s) => s.id === 2);
  if (!imports) throw new Error('wasm-names.mjs: the wasm has no import section');
  const entries = readImports(imports);
  const modules = new Set(entries.map((e) => e.module));
  if (modules.size !== 1) throw new Error(`wasm-names.mjs: imports from ${[...modules].join(', ')}; one module expected`);
  const [module] = modules;
  let text = replaceOnce(glue, JSON.stringify(module), JSON.stringify(MODULE), 'the module name');
  const renamed = entries.map((e, i) => ({ ...e, name: shortName(i), module: MODULE }));
  for (let i = 0; i < entries.length; i++) {
    // Named once in all, as a key of the import object (the name, then a colon).
    const anywhere = new RegExp(`(?<![\\w$])${entries[i].name}(?![\\w$])`, 'g');
    once(text, anywhere, entries[i].name);
    text = replaceOnce(text, new RegExp(`(?<![\\w$.])${entries[i].name}(?=\\s*:)`, 'g'), renamed[i].name, `${entries[i].name} as a key`);
  }
  const body = Buffer.concat([leb(renamed.length), ...renamed.flatMap((e) => [str(e.module), str(e.name), e.description])]);
  const exports = sections.find((s) => s.id === 7);
  const exported = exports ? readExports(exports) : [];
  let next = 0;
  const shortExports = exported.map((e) => {
    if (KEPT_EXPORTS.has(e.name)) return e;
    const name = shortName(next++);
    // Called as `wasm.name`; any other mention must be a variable of the glue's own (a
    // wrapper function of the same name, which the minifier renames anyway), never a
    // property of something else, a key or a string.
    const called = new RegExp(`(?<![\\w$])wasm\\.${e.name}(?![\\w$])`, 'g');
    const calls = (text.match(called) ?? []).length;
    const asProperty = (text.match(new RegExp(`([.'"\`]\\s*${e.name}(?![\\w$]))|((?<![\\w$])${e.name}\\s*(['"\`:]))`, 'g')) ?? []).length;
    if (asProperty !== calls) throw new Error(`wasm-names.mjs: the glue names the export ${e.name} ${asProperty - calls} times as a property, key or string other than wasm.${e.name}`);
    text = text.replace(called, `wasm.${name}`);
    return { ...e, name };
  });
  const exportBody = Buffer.concat([leb(shortExports.length), ...shortExports.flatMap((e) => [str(e.name), e.description])]);
  const out = [wasm.subarray(0, 8)];
  for (const s of sections) {
    if (s === imports) out.push(section(2, body));
    else if (s === exports) out.push(section(7, exportBody));
    else out.push(wasm.subarray(s.start, s.end));
  }
  return { wasm: Buffer.concat(out), glue: text };
}

/** Exports keeping their names: the memory, read from what `init` resolves to. */
const KEPT_EXPORTS = new Set(['memory']);

/** Each export: its name and the raw bytes of its kind and index. */
function readExports(exports) {
  const r = reader(exports.bytes, exports.content);
  const entries = [];
  for (let count = r.u32(); count > 0; count--) {
    const name = r.name();
    const from = r.at;
    r.at += 1; // the kind
    r.u32(); // the index
    entries.push({ name, description: exports.bytes.subarray(from, r.at) });
  }
  return entries;
}

/** Throws unless `pattern` (a string, or a global RegExp) matches `text` exactly once. */
function once(text, pattern, what) {
  const count = typeof pattern === 'string' ? text.split(pattern).length - 1 : (text.match(pattern) ?? []).length;
  if (count !== 1) throw new Error(`wasm-names.mjs: the glue names ${what} ${count} times; once expected`);
}

/** `text` with the one match of `pattern` replaced; throws unless there is exactly one. */
function replaceOnce(text, pattern, replacement, what) {
  once(text, pattern, what);
  return text.replace(pattern, replacement);
}

/** Each import: its module, its name and the raw bytes of what it imports. */
function readImports(imports) {
  const bytes = imports.bytes;
  const r = reader(bytes, imports.content);
  const entries = [];
  const limits = () => {
    const flags = r.u32();
    r.u32();
    if (flags & 1) r.u32();
  };
  for (let count = r.u32(); count > 0; count--) {
    const module = r.name();
    const name = r.name();
    const from = r.at;
    const kind = bytes[r.at++];
    if (kind === 0) {
      r.u32(); // a function: its type index
    } else if (kind === 1) {
      r.at += 1; // a table: its element type, then its limits
      limits();
    } else if (kind === 2) {
      limits(); // a memory
    } else if (kind === 3) {
      r.at += 2; // a global: its type and mutability
    } else {
      throw new Error(`wasm-names.mjs: an import of kind ${kind}`);
    }
    entries.push({ module, name, description: bytes.subarray(from, r.at) });
  }
  if (r.at !== imports.end) throw new Error('wasm-names.mjs: the import section was not read to its end');
  return entries;
}
