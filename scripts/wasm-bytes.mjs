// Reading and writing the parts of a wasm module the build scripts touch (its sections,
// LEB128 numbers, names), shared by wasm-exports.mjs, wasm-order.mjs and wasm-names.mjs.

/** A reader of `bytes` from `at`: `u32()` (unsigned LEB128) and `name()` (a UTF-8 name). */
export function reader(bytes, at) {
  const r = { bytes, at };
  r.u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[r.at++];
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
    }
  };
  r.name = () => {
    const n = r.u32();
    const s = bytes.subarray(r.at, r.at + n).toString('utf8');
    r.at += n;
    return s;
  };
  return r;
}

/** Each section: its id, where it starts (id byte) and ends, and where its content starts. */
export function readSections(bytes) {
  const magic = bytes.subarray(0, 8).toString('hex');
  if (magic !== '0061736d01000000') throw new Error('not a wasm module (version 1)');
  const r = reader(bytes, 8);
  const sections = [];
  while (r.at < bytes.length) {
    const start = r.at;
    const id = bytes[r.at++];
    const size = r.u32();
    sections.push({ id, start, content: r.at, end: r.at + size, bytes });
    r.at += size;
  }
  return sections;
}

/** `n` as unsigned LEB128. */
export function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

/** A name: its length, then its UTF-8 bytes. */
export function str(s) {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([leb(b.length), b]);
}

/** A section: its id, its length, its content. */
export function section(id, content) {
  return Buffer.concat([Buffer.from([id]), leb(content.length), content]);
}
