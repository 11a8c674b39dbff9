// Short names for what the wasm imports from its glue (lia.js), given to both at once.
//
// wasm-bindgen names each of the 231 functions the wasm imports from the glue after the
// browser function it wraps and a hash of its signature
// (`__wbg_set_nodeValue_7e9217115013d873`), all from the module "./lia_bg.js". Each name
// is written twice: in the wasm's import section and as a key of the glue's import
// object. The hashes are 16 hex digits that no compressor can shorten, and the single
// file carries the glue as plain text. Here each becomes a name of one or two letters
// (and the module "w"), in the wasm and in the glue alike. The glue must name each of
// them exactly once, as its key: otherwise the build fails rather than guess.

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
 * minified) with the imports' module and names made short; throws if the glue does not
 * name each import exactly once.
 */
export function withShortImports(wasm, glue) {
  const sections = readSections(wasm);
  const imports = sections.find((s) => s.id === 2);
  if (!imports) throw new Error('wasm-imports.mjs: the wasm has no import section');
  const entries = readImports(imports);
  const modules = new Set(entries.map((e) => e.module));
  if (modules.size !== 1) throw new Error(`wasm-imports.mjs: imports from ${[...modules].join(', ')}; one module expected`);
  const [module] = modules;
  let text = replaceOnce(glue, JSON.stringify(module), JSON.stringify(MODULE), 'the module name');
  const renamed = entries.map((e, i) => ({ ...e, name: shortName(i), module: MODULE }));
  for (let i = 0; i < entries.length; i++) {
    // Named once in all, as a key of the import object (the name, then a colon).
    const anywhere = new RegExp(`(?<![\\w$])${entries[i].name}(?![\\w$])`, 'g');
    replaceOnce(text, anywhere, '', entries[i].name);
    text = replaceOnce(text, new RegExp(`(?<![\\w$.])${entries[i].name}(?=\\s*:)`, 'g'), renamed[i].name, `${entries[i].name} as a key`);
  }
  const body = Buffer.concat([leb(renamed.length), ...renamed.flatMap((e) => [str(e.module), str(e.name), e.description])]);
  const out = [wasm.subarray(0, 8)];
  for (const s of sections) out.push(s === imports ? section(2, body) : wasm.subarray(s.start, s.end));
  return { wasm: Buffer.concat(out), glue: text };
}

/** `text` with the one match of `pattern` replaced; throws unless there is exactly one. */
function replaceOnce(text, pattern, replacement, what) {
  const count = typeof pattern === 'string' ? text.split(pattern).length - 1 : (text.match(pattern) ?? []).length;
  if (count !== 1) throw new Error(`wasm-imports.mjs: the glue names ${what} ${count} times; once expected`);
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
      throw new Error(`wasm-imports.mjs: an import of kind ${kind}`);
    }
    entries.push({ module, name, description: bytes.subarray(from, r.at) });
  }
  if (r.at !== imports.end) throw new Error('wasm-imports.mjs: the import section was not read to its end');
  return entries;
}
