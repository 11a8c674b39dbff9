// Builds the tool as one self-contained HTML file from a release build, small enough to
// e-mail (at most 500 KB): the pre-rendered page and the styles are inlined, so it reads
// and works at once; the JS glue is minified; the wasm is packed with LZMA (a quarter
// smaller than gzip) and kept as text 8/7 of its size (base-128), unpacked in the page
// by scripts/single-file/unpack.js. It works opened straight from disk (file://) or over
// HTTP. Its policy (the single file's one in src/csp.rs, read from app-facts.json)
// allows no connection at all.
//
//   node scripts/single-file.mjs <dist dir> <output file>
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { contentSecurityPolicy, hashSource } from './app-facts.mjs';

const [dist = 'dist', output = 'target/single-file/lia-assessment.html'] = process.argv.slice(2);
const read = (name) => readFileSync(path.join(dist, name));
const fail = (why) => {
  console.error(`single-file.mjs: ${why}`);
  process.exit(1);
};
const minify = (js, format) => transformSync(js, { minify: true, format, target: 'es2020', charset: 'utf8' }).code;

const glue = minify(read('lia.js').toString('utf8'), 'esm');
const wasm = read('lia_bg.wasm');
// page.css then main.css (the pre-rendered page's styles), as index.html has them.
const css = `${read('page.css').toString('utf8')}\n${read('main.css').toString('utf8')}`;
const page = read('index.html').toString('utf8');

// The widget's element as index.html has it: the pre-rendered page and the message
// shown if the app cannot start.
const widgetStart = page.indexOf('<div data-lia-widget>');
const widgetEnd = page.indexOf('<noscript>');
if (widgetStart < 0 || widgetEnd < widgetStart) fail('index.html has no <div data-lia-widget> before its <noscript>');
const widget = page.slice(widgetStart, widgetEnd).trim();
if (!widget.includes('data-lia-prerendered')) fail('index.html has no pre-rendered page (scripts/postbuild.mjs)');
const noscript = page.match(/<noscript>[\s\S]*?<\/noscript>/)?.[0] ?? fail('index.html has no <noscript>');
const icon = page.match(/<link rel="icon" href="(data:[^"]+)"/)?.[1] ?? fail('index.html has no inline (data:) icon');

// The glue is an ES module ending `export{…,<init> as default,…}`: find the init.
const init = glue.match(/export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/)?.[1] ?? fail('cannot find the init function in lia.js');

// The wasm, packed: LZMA ("xz --format=lzma", with its size written in the header so the
// page knows how much to expect), then base-128 text.
const lzma = Buffer.from(execFileSync('xz', ['--format=lzma', '-9e', '--stdout'], { input: wasm, maxBuffer: 1 << 28 }));
lzma.writeBigUInt64LE(BigInt(wasm.length), 5);

/** Bytes as text, 7 bits a character (see fromBase128 in unpack.js, which reverses it). */
function toBase128(bytes) {
  const escaped = new Map([
    [0, 0],
    [13, 1],
    [60, 2],
  ]);
  const groups = [];
  let bits = 0;
  let count = 0;
  for (const byte of bytes) {
    bits = (bits << 8) | byte;
    count += 8;
    while (count >= 7) {
      count -= 7;
      groups.push((bits >>> count) & 127);
    }
    bits &= (1 << count) - 1;
  }
  if (count > 0) groups.push((bits << (7 - count)) & 127);
  const out = [`${bytes.length}:`];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (escaped.has(g)) {
      const next = i + 1 < groups.length ? groups[++i] : 0;
      out.push(String.fromCharCode(128 + (escaped.get(g) << 7) + next));
    } else {
      out.push(String.fromCharCode(g));
    }
  }
  return out.join('');
}
const packed = toBase128(lzma);

const unpack = minify(readFileSync(new URL('./single-file/unpack.js', import.meta.url), 'utf8'), undefined);

// Inside <script>, "</script" would end the element early; in JS, "<\/script" means the same.
const safe = (js) => js.replaceAll('</script', '<\\/script');
const loader = `${safe(glue)}
${safe(unpack)}
const bytes = unpackWasm(document.getElementById('lia-wasm').textContent);
await ${init}({ module_or_path: bytes });
`;

const policy = contentSecurityPolicy('single_file', {
  'loader-hash': [hashSource(loader)],
  'css-hash': [hashSource(css)],
});

const html = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Legitimate interests assessment</title>
    <link rel="icon" href="${icon}" />
    <style>${css}</style>
  </head>
  <body>
    ${widget}
    ${noscript}
    <script type="application/octet-stream" id="lia-wasm">${packed}</script>
    <script type="module">${loader}</script>
  </body>
</html>
`;

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, html);
const size = Buffer.byteLength(html);
console.log(
  `single-file.mjs: wrote ${output} (${size} bytes: wasm ${wasm.length} → ${lzma.length} LZMA → ${Buffer.byteLength(packed)} as text; glue ${glue.length}; styles ${css.length})`,
);
