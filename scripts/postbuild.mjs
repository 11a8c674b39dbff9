// Trunk post-build hook: makes the built index.html fast wherever it is opened.
//
// 1. The pre-rendered page (scripts/prerendered.html, the app's own start page and first
//    question page, captured by scripts/prerender.mjs) goes into the widget's element,
//    so the page is there, and its links work, before the app has loaded.
// 2. The wasm's functions are put in an order gzip compresses well (wasm-order.mjs), and
//    what it and the glue call each other by gets short names in both (wasm-names.mjs). It
//    is also written gzip-compressed (lia_bg.wasm.gz, by zopfli: see `pack`), and the
//    loader fetches that and unpacks it as it arrives (DecompressionStream, compiling as
//    it streams), so a server that does not compress .wasm sends a third of the bytes.
//    Where the browser cannot unpack it, or the packed file cannot be had, the plain
//    wasm is used.
// 3. The Content Security Policy: the served page's one in src/csp.rs (read from
//    app-facts.json), with the SHA-256 of each inline script as built (never a nonce).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, gunzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { contentSecurityPolicy, inlineScriptHashes } from './app-facts.mjs';
import { withoutUnusedExports } from './wasm-exports.mjs';
import { orderForGzip } from './wasm-order.mjs';
import { withShortNames } from './wasm-names.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('postbuild.mjs: no TRUNK_STAGING_DIR and no directory given');
  process.exit(1);
}
const fail = (why) => {
  console.error(`postbuild.mjs: ${why}`);
  process.exit(1);
};
const file = path.join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

// 1. The pre-rendered page.
const prerendered = readFileSync(new URL('./prerendered.html', import.meta.url), 'utf8').trim();
if (!html.includes('<div data-lia-widget>')) fail('index.html has no <div data-lia-widget>');
html = html.replace('<div data-lia-widget>', `<div data-lia-widget>${prerendered}`);

// 2. The packed wasm, and the loader that unpacks it.
// The names the wasm and the glue call each other by, made short in both (wasm-names.mjs).
const gluePath = path.join(dir, 'lia.js');
const { wasm, glue: plainGlue } = withShortNames(
  orderForGzip(withoutUnusedExports(readFileSync(path.join(dir, 'lia_bg.wasm')))),
  readFileSync(gluePath, 'utf8'),
);
writeFileSync(path.join(dir, 'lia_bg.wasm'), wasm);
const packed = pack(path.join(dir, 'lia_bg.wasm'), wasm);
writeFileSync(path.join(dir, 'lia_bg.wasm.gz'), packed);
const loader = `
import init from './lia.js';
// The wasm packed with gzip, unpacked as it arrives; the plain one if that cannot be done.
const unpacked = () =>
  fetch('./lia_bg.wasm.gz').then((response) => {
    if (!response.ok) throw new Error(\`lia_bg.wasm.gz: \${response.status}\`);
    const body = response.body.pipeThrough(new DecompressionStream('gzip'));
    return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
  });
let wasm;
try {
  if (typeof DecompressionStream !== 'function') throw new Error('no DecompressionStream');
  wasm = await init({ module_or_path: unpacked() });
} catch {
  wasm = await init({ module_or_path: './lia_bg.wasm' });
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
const trunkLoader = /<script type="module">[\s\S]*?<\/script>/;
if (!trunkLoader.test(html)) fail("index.html has no Trunk loader (<script type=\"module\">) to replace");
html = html.replace(trunkLoader, `<script type="module">${loader}</script>`);
// Fetch the packed wasm at once, as Trunk had the plain one fetched.
const wasmPreload = /<link rel="preload" href="[^"]*lia_bg\.wasm"[^>]*>/;
if (!wasmPreload.test(html)) fail('index.html has no preload of lia_bg.wasm to replace');
html = html.replace(wasmPreload, '<link rel="preload" href="./lia_bg.wasm.gz" as="fetch" type="application/gzip" crossorigin="anonymous">');

// The glue, minified: half the script for a slow laptop to parse while the page loads.
// Its preload's integrity is that of the file as it now is.
const glue = transformSync(plainGlue, { minify: true, format: 'esm', target: 'es2020', charset: 'utf8' }).code;
writeFileSync(gluePath, glue);
const integrity = `sha384-${createHash('sha384').update(glue).digest('base64')}`;
const gluePreload = /(<link rel="modulepreload" href="[^"]*lia\.js"[^>]*integrity=")[^"]*(")/;
if (!gluePreload.test(html)) fail('index.html has no modulepreload of lia.js with an integrity to update');
html = html.replace(gluePreload, `$1${integrity}$2`);

// 3. The policy, before any script it governs.
const hashes = inlineScriptHashes(html);
const policy = contentSecurityPolicy('served', { 'inline-script-hashes': hashes });
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
if (!/<meta charset="utf-8" \/>/.test(html)) fail('index.html has no <meta charset="utf-8" /> to place the policy after');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);

writeFileSync(file, html);
console.log(
  `postbuild.mjs: pre-rendered page ${prerendered.length} bytes; wasm ${wasm.length} → ${packed.length} bytes gzip; policy with ${hashes.length} inline script hash(es)`,
);

/**
 * The wasm as gzip, for the loader to fetch. zopfli (Debian's `zopfli`, which ./dev
 * installs) writes ordinary gzip that every browser's DecompressionStream reads, searched
 * much harder than `gzip -9`: 4.5% fewer bytes to download (572,806 against 600,327 on
 * 2026-12-06), for about 4 s of build. Without zopfli, zlib's best, with a warning (and
 * ./dev test's size budget, which holds the packed file too, fails).
 */
function pack(file, wasm) {
  const run = spawnSync('zopfli', ['--i15', '-c', file], { maxBuffer: 64 << 20 });
  if (run.error || run.status !== 0) {
    console.warn(`postbuild.mjs: zopfli did not run (${run.error?.message ?? run.stderr}); lia_bg.wasm.gz packed by zlib instead (4.5% larger)`);
    return gzipSync(wasm, { level: constants.Z_BEST_COMPRESSION });
  }
  if (!gunzipSync(run.stdout).equals(wasm)) fail('zopfli wrote a gzip file that does not unpack to the wasm');
  return run.stdout;
}
