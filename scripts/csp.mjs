// Trunk post-build hook: writes the Content Security Policy into the built index.html.
// The inline loader Trunk generates is allowed by its SHA-256, computed here from the
// exact text that was built (never a fixed nonce). Everything else may only come from
// this site, and nothing at all may come from anywhere else.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('csp.mjs: no TRUNK_STAGING_DIR and no directory given');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

/** Base64 SHA-256 of each inline script's exact text, as CSP hashes it. */
export function inlineScriptHashes(text) {
  const hashes = [];
  for (const match of text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

const hashes = inlineScriptHashes(html);
const policy = [
  "default-src 'none'",
  // Our own module and wasm, the loader by hash; wasm compiles without 'unsafe-eval'.
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  // The favicon is a data: URL; the app itself uses no images.
  "img-src data:",
  // Loading the wasm is a fetch of our own file; nothing else may be fetched.
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
if (!/<meta charset="utf-8" \/>/.test(html)) {
  console.error('csp.mjs: index.html has no <meta charset="utf-8" /> to place the policy after');
  process.exit(1);
}
// The policy must come before any script it governs.
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
writeFileSync(file, html);
console.log(`csp.mjs: policy written with ${hashes.length} inline script hash(es)`);
