// Trunk post-build hook: writes the Content Security Policy into the built index.html.
// The policy is the served page's one in src/csp.rs (read from app-facts.json). The
// inline loader Trunk generates is allowed by its SHA-256, computed here from the exact
// text that was built (never a fixed nonce). Everything else may only come from this
// site, and nothing at all may come from anywhere else.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, inlineScriptHashes } from './app-facts.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('csp.mjs: no TRUNK_STAGING_DIR and no directory given');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const hashes = inlineScriptHashes(html);
const policy = contentSecurityPolicy('served', { 'inline-script-hashes': hashes });

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
