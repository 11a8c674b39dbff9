// The release wasm's functions laid out in an order gzip compresses well (used by
// scripts/postbuild.mjs, on the wasm Trunk has just optimised).
//
// Rust makes many copies of one generic function, one for each type it is used with
// (each `drop_in_place`, each view's `build` and `rebuild`), and the copies are much
// alike. gzip finds a repeat only within the 32 KB before it, so the copies compress
// best side by side. wasm-opt can sort the functions by their names; the names are those
// Trunk's wasm-opt kept (`-g` in index.html), each ending in a hash that would scatter the
// copies of one function. So each function is renamed, in the name section only, to its
// name without the hash followed by its size (similar copies of one function are also of
// similar size), and wasm-opt then sorts by those names and writes the module without
// them. The code is the same, in another order (docs/performance.md has the figures).
import { spawnSync } from 'node:child_process';
import { leb, reader, readSections, section, str } from './wasm-bytes.mjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The wasm-opt Trunk has just used: ./dev puts binaryen's (npm `binaryen`, the version
// Trunk.toml names) first on PATH, and checks it is that one.
const WASM_OPT = 'wasm-opt';

/** `bytes` (a wasm module with a name section) with its functions in the order above. */
export function orderForGzip(bytes) {
  const keyed = withSortKeys(bytes);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lia-wasm-order-'));
  try {
    const input = path.join(dir, 'in.wasm');
    const output = path.join(dir, 'out.wasm');
    writeFileSync(input, keyed);
    // Only the order changes: no optimisation pass runs again (but the removal of what
    // nothing refers to any more, after wasm-exports.mjs). StackIR is written
    // optimised as `-Oz` writes it (without it the same code is 4 KB larger). The
    // features are read from the module's target-features section, then dropped, with
    // the producers section and (no -g) the names.
    const run = spawnSync(
      WASM_OPT,
      [
        // What only the exports taken out by wasm-exports.mjs kept goes too.
        '--remove-unused-module-elements',
        '--reorder-functions-by-name',
        '--generate-stack-ir',
        '--optimize-stack-ir',
        '--optimize-level=2',
        '--shrink-level=2',
        '--strip-producers',
        '--strip-target-features',
        input,
        '-o',
        output,
      ],
      { encoding: 'utf8' },
    );
    if (run.error || run.status !== 0) {
      throw new Error(`wasm-opt (ordering the functions) failed: ${run.error ?? run.stderr.slice(0, 2000)}`);
    }
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The module with each function's name replaced by its sort key. */
function withSortKeys(bytes) {
  const sections = readSections(bytes);
  const imported = importedFunctions(sections.find((s) => s.id === 2));
  const code = sections.find((s) => s.id === 10);
  const names = sections.find((s) => s.id === 0 && customName(s) === 'name');
  if (!code) throw new Error('the wasm has no code section');
  if (!names) throw new Error('the wasm has no name section: keep -g in the wasm-opt options of index.html');
  const sizes = bodySizes(code);
  const keyed = functionNames(names).map(([index, name]) => {
    const size = sizes[index - imported];
    const plain = name.replace(/::h[0-9a-f]{16}$/, '');
    return [index, size === undefined ? name : `${plain} ${String(size).padStart(8, '0')}`];
  });
  const out = [bytes.subarray(0, 8)];
  for (const s of sections) {
    out.push(s === names ? section(0, nameSection(keyed)) : bytes.subarray(s.start, s.end));
  }
  return Buffer.concat(out);
}

function customName(s) {
  return reader(s.bytes, s.content).name();
}

/** How many functions are imported (they come first in the function index space). */
function importedFunctions(imports) {
  if (!imports) return 0;
  const r = reader(imports.bytes, imports.content);
  let functions = 0;
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = imports.bytes[r.at++];
    if (kind === 0) {
      r.u32();
      functions++;
    } else if (kind === 1) {
      r.at++; // reference type
      const flags = r.u32();
      r.u32();
      if (flags & 1) r.u32();
    } else if (kind === 2) {
      const flags = r.u32();
      r.u32();
      if (flags & 1) r.u32();
    } else if (kind === 3) {
      r.at += 2; // value type, mutability
    } else {
      throw new Error(`an import of an unknown kind (${kind})`);
    }
  }
  return functions;
}

function bodySizes(code) {
  const r = reader(code.bytes, code.content);
  const sizes = [];
  for (let n = r.u32(); n > 0; n--) {
    const size = r.u32();
    sizes.push(size);
    r.at += size;
  }
  return sizes;
}

/** The function names of a name section: [index, name] pairs. */
function functionNames(s) {
  const r = reader(s.bytes, s.content);
  r.name(); // "name"
  while (r.at < s.end) {
    const id = s.bytes[r.at++];
    const size = r.u32();
    if (id === 1) {
      const pairs = [];
      for (let n = r.u32(); n > 0; n--) {
        const index = r.u32();
        pairs.push([index, r.name()]);
      }
      return pairs;
    }
    r.at += size;
  }
  throw new Error('the name section has no function names');
}

/** A name section of function names only (all wasm-opt needs to sort them). */
function nameSection(pairs) {
  const entries = Buffer.concat([leb(pairs.length), ...pairs.map(([i, name]) => Buffer.concat([leb(i), str(name)]))]);
  return Buffer.concat([str('name'), Buffer.from([1]), leb(entries.length), entries]);
}
