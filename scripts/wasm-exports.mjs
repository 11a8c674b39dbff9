// Exports of the release wasm that nothing calls, taken out before the last wasm-opt run
// (scripts/wasm-order.mjs), which then drops the code only they kept.
//
// Leptos depends on server_fn with its "browser" feature, and that on wasm-streams, whose
// stream adapters (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink)
// are `#[wasm_bindgen]` classes: exported, so kept whether used or not. They serve
// server functions' streams; this app has no server and no server function. The glue
// (lia.js) still defines the classes, and only calls into the wasm when one is made,
// which nothing does. About 4 KB of code, 1.1 KB gzip (docs/performance.md).
import { leb, reader, readSections, section } from './wasm-bytes.mjs';

const STREAMS = /intounderlying(source|bytesource|sink)_/;
// And a global Leptos's `wasm_split_helpers` exports for a code-splitting tool this build
// does not use: named `_WASM_SPLIT_MARKER_` and 16 hex digits of the SHA-256 of that
// crate's Cargo.toml path, which is under CARGO_HOME, so it made the wasm differ from one
// machine to another (a first run on a new machine, CARGO_HOME elsewhere, built a single
// file 119 bytes larger, over its ceiling). Nothing reads it.
export const MARKER = /_WASM_SPLIT_MARKER_[0-9a-f]{16}/;
const UNUSED = new RegExp(`${STREAMS.source}|^${MARKER.source}`);

/** `bytes` (a wasm module) without the exports named by `UNUSED`. */
export function withoutUnusedExports(bytes) {
  const out = [bytes.subarray(0, 8)];
  let removed = 0;
  for (const s of readSections(bytes)) {
    if (s.id !== 7) {
      out.push(bytes.subarray(s.start, s.end));
      continue;
    }
    const r = reader(bytes, s.content);
    const kept = [];
    for (let count = r.u32(); count > 0; count--) {
      const from = r.at;
      const name = r.name();
      r.at += 1; // the kind
      r.u32(); // the index
      if (STREAMS.test(name)) removed += 1;
      if (!UNUSED.test(name)) kept.push(bytes.subarray(from, r.at));
    }
    out.push(section(7, Buffer.concat([leb(kept.length), ...kept])));
  }
  // A glue of another wasm-bindgen or Leptos version may name them otherwise: then the
  // pattern is to be looked at again, not silently left behind.
  if (removed === 0) throw new Error('wasm-exports.mjs: none of the unused stream exports found; check UNUSED against lia.js');
  return Buffer.concat(out);
}
