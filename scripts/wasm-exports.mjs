// Exports of the release wasm that nothing calls, taken out before the last wasm-opt run
// (scripts/wasm-order.mjs), which then drops the code only they kept.
//
// Leptos depends on server_fn with its "browser" feature, and that on wasm-streams, whose
// stream adapters (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink)
// are `#[wasm_bindgen]` classes: exported, so kept whether used or not. They serve
// server functions' streams; this app has no server and no server function. The glue
// (lia.js) still defines the classes, and only calls into the wasm when one is made,
// which nothing does. About 4 KB of code, 1.1 KB gzip (docs/performance.md).
const STREAMS = /intounderlying(source|bytesource|sink)_/;
// And a global Leptos's `wasm_split_helpers` exports for a code-splitting tool this build
// does not use: named `_WASM_SPLIT_MARKER_` and 16 hex digits of the SHA-256 of that
// crate's Cargo.toml path, which is under CARGO_HOME, so it made the wasm differ from one
// machine to another (a first run on a new machine, CARGO_HOME elsewhere, built a single
// file 119 bytes larger, over its ceiling). Nothing reads it.
const MARKER = /^_WASM_SPLIT_MARKER_[0-9a-f]{16}/;
const UNUSED = new RegExp(`${STREAMS.source}|${MARKER.source}`);

/** `bytes` (a wasm module) without the exports named by `UNUSED`. */
export function withoutUnusedExports(bytes) {
  const out = [bytes.subarray(0, 8)];
  let p = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[p++];
      value |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return value >>> 0;
  };
  let removed = 0;
  while (p < bytes.length) {
    const start = p;
    const id = bytes[p++];
    const size = leb();
    const end = p + size;
    if (id !== 7) {
      out.push(bytes.subarray(start, end));
      p = end;
      continue;
    }
    const kept = [];
    const count = leb();
    for (let i = 0; i < count; i++) {
      const from = p;
      const length = leb();
      const name = Buffer.from(bytes.subarray(p, p + length)).toString('utf8');
      p += length + 1; // the name, then the kind
      leb(); // the index
      if (STREAMS.test(name)) removed += 1;
      if (UNUSED.test(name)) continue;
      kept.push(bytes.subarray(from, p));
    }
    const body = Buffer.concat([unsigned(kept.length), ...kept]);
    out.push(Buffer.from([7]), unsigned(body.length), body);
    p = end;
  }
  // A glue of another wasm-bindgen or Leptos version may name them otherwise: then the
  // pattern is to be looked at again, not silently left behind.
  if (removed === 0) throw new Error('wasm-exports.mjs: none of the unused stream exports found; check UNUSED against lia.js');
  return Buffer.concat(out);
}

function unsigned(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
