// The release wasm's functions laid out in an order gzip compresses well (used by
// scripts/postbuild.mjs, on the wasm Trunk has just optimised).
//
// gzip finds a repeat only within the 32 KB before it, so a function compresses best
// just after functions whose code it repeats. Rust makes many copies of one generic
// function (each `drop_in_place`, each view's `build` and `rebuild`), and a view's code
// repeats the code of other views, wherever they are in the source. The functions are
// first put in the order of their names without the hash, then size (the copies of one
// generic function side by side); then, starting from the first, each next function is
// the one still to be placed whose code is most covered by the code of the functions
// placed in the last 32 KB: the share of its 6-byte runs found there (`coverOrder`;
// ties go to the earlier in the name order). wasm-opt lays the functions out in the
// order of their names, so each is renamed, in the name section only, to its place in
// that order, and wasm-opt then sorts by those names and writes the module without
// them. The code is the same, in another order (docs/performance.md has the figures).
//
// What gzip makes of an order is chaotic: a run length or window a little different
// gives an order up to 2.5 KB better or worse under gzip -9, and which is best changes
// with every edit. So a few runs and windows (`CHOICES`) are each tried, and the order
// gzip -9 compresses smallest is kept (GNU gzip, which the budget measures with).
import { spawnSync } from 'node:child_process';
import { leb, reader, readSections, section, str } from './wasm-bytes.mjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The wasm-opt Trunk has just used: ./dev puts binaryen's (npm `binaryen`, the version
// Trunk.toml names) first on PATH, and checks it is that one.
const WASM_OPT = 'wasm-opt';

/** The run lengths and windows tried, each [run, window]: the first is the one used
 * alone until 2026-12-06 (fifteenth session). */
export const CHOICES = [6, 7].flatMap((run) =>
  [32768, 32000, 31000, 30000, 29000, 28000].map((window) => [run, window]),
);

/** `bytes` (a wasm module with a name section) with its functions in the order above:
 * of the orders made with each of `choices`, the one gzip -9 compresses smallest (the
 * first of those that tie). */
export function orderForGzip(bytes, choices = CHOICES) {
  let best = null;
  let bestSize = Infinity;
  for (const [run, window] of choices) {
    const ordered = inOrder(withSortKeys(bytes, run, window));
    const size = gzipSize(ordered);
    if (size < bestSize) {
      best = ordered;
      bestSize = size;
    }
  }
  return best;
}

/** How many bytes `gzip -9` makes of `bytes`. */
function gzipSize(bytes) {
  const run = spawnSync('gzip', ['-9', '-c', '-n'], { input: bytes, maxBuffer: 1 << 28 });
  if (run.error || run.status !== 0) {
    throw new Error(`gzip (measuring an order of the functions) failed: ${run.error ?? run.stderr}`);
  }
  return run.stdout.length;
}

/** `keyed` (a module whose function names are their sort keys) with its functions in
 * that order, written as the release is. */
function inOrder(keyed) {
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

/** The module with each function's name replaced by its sort key (`coverOrder`'s, with
 * runs of `run` bytes and a window of `window`). */
function withSortKeys(bytes, run, window) {
  const sections = readSections(bytes);
  const imported = importedFunctions(sections.find((s) => s.id === 2));
  const code = sections.find((s) => s.id === 10);
  const names = sections.find((s) => s.id === 0 && customName(s) === 'name');
  if (!code) throw new Error('the wasm has no code section');
  if (!names) throw new Error('the wasm has no name section: keep -g in the wasm-opt options of index.html');
  const bodies = functionBodies(code);
  // Every function defined here, by its name (a function without one comes first).
  const named = new Map(functionNames(names));
  const byName = bodies
    .map((body, i) => {
      const plain = (named.get(i + imported) ?? '').replace(/::h[0-9a-f]{16}$/, '');
      return [i + imported, `${plain} ${String(body.length).padStart(8, '0')}`];
    })
    .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const placed = coverOrder(
    byName.map(([index]) => bodies[index - imported]),
    run,
    window,
  );
  const keyed = placed.map((j, place) => [byName[j][0], `f${String(place).padStart(7, '0')}`]);
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

/** Each function body's bytes, in the order of the code section. */
function functionBodies(code) {
  const r = reader(code.bytes, code.content);
  const bodies = [];
  for (let n = r.u32(); n > 0; n--) {
    const size = r.u32();
    bodies.push(code.bytes.subarray(r.at, r.at + size));
    r.at += size;
  }
  return bodies;
}

/**
 * An order of `bodies` (given in the order to start from) in which each body comes
 * after the bodies whose code covers the most of it: at each step, of those not yet
 * placed, the one with the largest share of its `runLength`-byte runs found in the bodies placed
 * in the last `windowSize` bytes (gzip's is 32,768). Returns the bodies' positions in that
 * order.
 */
export function coverOrder(bodies, runLength = 6, windowSize = 32768) {
  const n = bodies.length;
  // Each body's distinct runs (numbered), with how often each occurs in it.
  const runIds = new Map();
  const runs = bodies.map((body) => {
    const counts = new Map();
    for (let i = 0; i + runLength <= body.length; i++) {
      let h = 0x811c9dc5;
      for (let k = 0; k < runLength; k++) h = Math.imul(h ^ body[i + k], 0x01000193) >>> 0;
      let id = runIds.get(h);
      if (id === undefined) runIds.set(h, (id = runIds.size));
      counts.set(id, (counts.get(id) || 0) + 1);
    }
    return counts;
  });
  // Which bodies have each run, and how often.
  const holders = Array.from({ length: runIds.size }, () => []);
  runs.forEach((counts, j) => counts.forEach((c, id) => holders[id].push(j, c)));
  const whole = bodies.map((body) => Math.max(1, body.length - runLength + 1));
  const inWindow = new Int32Array(runIds.size);
  // For each body not placed: how many of its runs are in the window now.
  const covered = new Float64Array(n);
  const done = new Uint8Array(n);
  const order = [];
  const enter = (j, step) => {
    for (const id of runs[j].keys()) {
      const was = inWindow[id];
      inWindow[id] += step;
      if ((was === 0) !== (inWindow[id] === 0)) {
        const list = holders[id];
        for (let k = 0; k < list.length; k += 2) covered[list[k]] += step * list[k + 1];
      }
    }
  };
  let windowBytes = 0;
  let oldest = 0;
  for (let step = 0; step < n; step++) {
    let best = -1;
    let bestShare = -1;
    for (let j = 0; j < n; j++) {
      if (done[j]) continue;
      const share = covered[j] / whole[j];
      if (share > bestShare) {
        bestShare = share;
        best = j;
      }
    }
    done[best] = 1;
    order.push(best);
    enter(best, 1);
    windowBytes += bodies[best].length;
    while (windowBytes - bodies[order[oldest]].length > windowSize) {
      windowBytes -= bodies[order[oldest]].length;
      enter(order[oldest++], -1);
    }
  }
  return order;
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
