// Unpacking the single file's wasm: an LZMA stream (the ".lzma" form `xz --format=lzma`
// writes, about a quarter smaller than gzip for this wasm) kept in the page byte for
// byte: the file is windows-1252, where every byte is one character (see fromPage). This
// file is inlined into the single file's loader, so it is plain script, small, and
// depends on nothing.
//
// The LZMA decoder follows the LZMA specification (LzmaSpec.cpp of the LZMA SDK, public
// domain): a range decoder, adaptive bit models, literals with the matched byte, lengths
// and distances, four repeated distances, twelve states.

/* exported unpackWasm */
// eslint-disable-next-line no-unused-vars
function unpackWasm(text) {
  if (document.characterSet.toLowerCase() !== 'windows-1252') {
    // A server that sends the file with a character set of its own (often UTF-8)
    // overrides the file's, and that reading changes the packed bytes.
    throw new Error(
      `the server sent this file as ${document.characterSet} text, which changes it. Open the file straight from your computer, or have the server send it as text/html without a character set (or with charset=windows-1252)`,
    );
  }
  // The first byte is the one the stream was XORed with (single-file.mjs: it leaves the
  // fewest bytes to escape).
  const bytes = fromPage(text);
  for (let i = 1; i < bytes.length; i++) bytes[i] ^= bytes[0];
  return lzmaDecode(bytes.subarray(1));
}

// The page's text back to bytes. The file is windows-1252, in which each byte is one
// character: most are the same number, 32 are typographic characters (the table). Four
// bytes a page cannot carry as they are (NUL and CR, which the HTML parser changes; "<",
// which could end the script element; and DEL, the escape itself) are written as DEL and
// a digit.
function fromPage(text) {
  const high = [8364, 129, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 141, 381, 143,
    144, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 157, 382, 376];
  const byteOf = new Map(high.map((c, i) => [c, 128 + i]));
  const escaped = [0, 13, 60, 127];
  const out = new Uint8Array(text.length);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 127) {
      out[at++] = escaped[text.charCodeAt(++i) - 48];
    } else if (c < 128 || (c >= 160 && c < 256)) {
      out[at++] = c;
    } else {
      const b = byteOf.get(c);
      if (b === undefined) throw new Error('the packed wasm is damaged');
      out[at++] = b;
    }
  }
  return out.subarray(0, at);
}

function lzmaDecode(input) {
  let pos = 0;
  const byte = () => {
    if (pos >= input.length) throw new Error('LZMA: input ends early');
    return input[pos++];
  };
  // Header: properties, dictionary size, unpacked size (all ones: unknown, end marker).
  let d = byte();
  const lc = d % 9;
  d = (d / 9) | 0;
  const lp = d % 5;
  const pb = (d / 5) | 0;
  pos += 4;
  let size = 0;
  let known = false;
  for (let i = 0; i < 8; i++) {
    const b = byte();
    if (b !== 255) known = true;
    if (i < 6) size += b * 2 ** (8 * i);
  }
  if (!known) throw new Error('LZMA: the unpacked size must be known');
  const out = new Uint8Array(size);
  let outPos = 0;

  // The range decoder. `range` and `code` are unsigned 32-bit values kept in signed
  // 32-bit variables (so the engine never turns them into doubles); unsigned order is
  // compared with the top bit flipped.
  let range = -1;
  let code = 0;
  if (byte() !== 0) throw new Error('LZMA: bad stream');
  for (let i = 0; i < 4; i++) code = (code << 8) | byte();
  const normalize = () => {
    if ((range & 0xff000000) === 0) {
      range <<= 8;
      code = (code << 8) | byte();
    }
  };
  const bit = (probs, i) => {
    const p = probs[i];
    const bound = Math.imul(range >>> 11, p);
    if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
      range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      normalize();
      return 0;
    }
    range = (range - bound) | 0;
    code = (code - bound) | 0;
    probs[i] = p - (p >>> 5);
    normalize();
    return 1;
  };
  const direct = (n) => {
    let res = 0;
    for (; n > 0; n--) {
      range >>>= 1;
      code = (code - range) | 0;
      const t = code >> 31;
      code = (code + (range & t)) | 0;
      normalize();
      res = (res << 1) + t + 1;
    }
    return res >>> 0;
  };
  const probs = (n) => new Uint16Array(n).fill(1024);
  const tree = (p, offset, bits) => {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) + bit(p, offset + m);
    return m - (1 << bits);
  };
  const reverse = (p, offset, bits) => {
    let m = 1;
    let sym = 0;
    for (let i = 0; i < bits; i++) {
      const b = bit(p, offset + m);
      m = (m << 1) + b;
      sym |= b << i;
    }
    return sym;
  };

  const posStates = 1 << pb;
  const literal = probs(0x300 << (lc + lp));
  const isMatch = probs(12 << 4);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(12 << 4);
  const posSlot = probs(4 << 6);
  const posDecoders = probs(1 + 114);
  const align = probs(16);
  const lengthDecoder = () => ({
    choice: probs(2),
    low: probs(posStates << 3),
    mid: probs(posStates << 3),
    high: probs(256),
  });
  const lenDec = lengthDecoder();
  const repLenDec = lengthDecoder();
  const length = (dec, posState) => {
    if (bit(dec.choice, 0) === 0) return tree(dec.low, posState << 3, 3);
    if (bit(dec.choice, 1) === 0) return 8 + tree(dec.mid, posState << 3, 3);
    return 16 + tree(dec.high, 0, 8);
  };

  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  while (outPos < size) {
    const posState = outPos & (posStates - 1);
    if (bit(isMatch, (state << 4) + posState) === 0) {
      // A literal, coded with the byte before it (and, after a match, the matched byte).
      const prev = outPos > 0 ? out[outPos - 1] : 0;
      const base = 0x300 * (((outPos & ((1 << lp) - 1)) << lc) + (prev >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = out[outPos - rep0 - 1];
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = bit(literal, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(literal, base + symbol);
      out[outPos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(isRep, state) !== 0) {
      if (outPos === 0) throw new Error('LZMA: bad stream');
      if (bit(isRepG0, state) === 0) {
        if (bit(isRep0Long, (state << 4) + posState) === 0) {
          // A single byte at the last distance.
          state = state < 7 ? 9 : 11;
          out[outPos] = out[outPos - rep0 - 1];
          outPos++;
          continue;
        }
      } else {
        let dist;
        if (bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(repLenDec, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(lenDec, posState);
      state = state < 7 ? 7 : 10;
      // The distance: a slot by the length, then bits by the slot.
      const lenState = len < 3 ? len : 3;
      const slot = tree(posSlot, lenState << 6, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const numBits = (slot >>> 1) - 1;
        let dist = ((2 | (slot & 1)) << numBits) >>> 0;
        if (slot < 14) {
          dist += reverse(posDecoders, dist - slot, numBits);
        } else {
          dist += direct(numBits - 4) << 4;
          dist += reverse(align, 0, 4);
        }
        rep0 = dist >>> 0;
      }
      if (rep0 === 0xffffffff) break; // the end marker
    }
    len += 2;
    if (rep0 >= outPos) throw new Error('LZMA: bad distance');
    for (; len > 0 && outPos < size; len--) {
      out[outPos] = out[outPos - rep0 - 1];
      outPos++;
    }
  }
  if (outPos !== size) throw new Error('LZMA: output cut short');
  return out;
}
