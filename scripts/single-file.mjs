// Builds the tool as one self-contained HTML file from a release build, small enough to
// e-mail (at most 500 KB): the pre-rendered page and the styles are inlined, so it reads
// and works at once; the JS glue and the styles are minified; the wasm is packed with
// LZMA (a quarter smaller than gzip) and kept in the page byte for byte: the file is
// windows-1252, where each byte is one character (everything else in it is ASCII, with
// character references for the rest), unpacked by scripts/single-file/unpack.js. It
// works opened straight from disk (file://) or from a server that sends it without a
// character set. Its policy (the single file's one in src/csp.rs, read from
// app-facts.json) allows no connection at all.
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
// ASCII only (anything else escaped): the file is windows-1252, and a script or style
// cannot use character references.
const minify = (code, format, loader = 'js') =>
  transformSync(code, { minify: true, format, loader, target: 'es2020', charset: 'ascii' }).code;
/** HTML text and attributes as ASCII: anything else as a character reference. */
const asciiHtml = (html) => html.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);

const glue = minify(read('lia.js').toString('utf8'), 'esm');
const wasm = read('lia_bg.wasm');
// page.css then main.css (the pre-rendered page's styles), as index.html has them.
const css = minify(`${read('page.css').toString('utf8')}\n${read('main.css').toString('utf8')}`, undefined, 'css');
const page = read('index.html').toString('utf8');

// The widget's element as index.html has it: the pre-rendered page and the message
// shown if the app cannot start.
const widgetStart = page.indexOf('<div data-lia-widget>');
const widgetEnd = page.indexOf('<noscript>');
if (widgetStart < 0 || widgetEnd < widgetStart) fail('index.html has no <div data-lia-widget> before its <noscript>');
const widget = asciiHtml(page.slice(widgetStart, widgetEnd).trim());
if (!widget.includes('data-lia-prerendered')) fail('index.html has no pre-rendered page (scripts/postbuild.mjs)');
const noscript = asciiHtml(page.match(/<noscript>[\s\S]*?<\/noscript>/)?.[0] ?? fail('index.html has no <noscript>'));
const icon = page.match(/<link rel="icon" href="(data:[^"]+)"/)?.[1] ?? fail('index.html has no inline (data:) icon');

// The glue is an ES module ending `export{…,<init> as default,…}`: find the init.
const init = glue.match(/export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/)?.[1] ?? fail('cannot find the init function in lia.js');

// The wasm, packed: LZMA ("xz --format=lzma", with its size written in the header so the
// page knows how much to expect), then base-128 text. Each literal is coded in the
// context of the 4 bits before it, and no context is taken from the position (wasm has
// no fixed-width fields): 1.8 KB smaller than `-9e`'s lc=3, lp=0, pb=2.
const lzma = Buffer.from(
  execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,lc=4,lp=0,pb=0', '--stdout'], { input: wasm, maxBuffer: 1 << 28 }),
);
lzma.writeBigUInt64LE(BigInt(wasm.length), 5);

// The bytes a page cannot carry as they are (NUL, CR, "<" and DEL, the escape itself),
// written as DEL and their place in this list (see fromPage in unpack.js).
const ESCAPED = [0, 13, 60, 127];

/** Bytes as windows-1252 text, one character each (see fromPage in unpack.js). */
function toPage(bytes) {
  const high = [8364, 129, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 141, 381, 143,
    144, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 157, 382, 376];
  const escapes = new Map(ESCAPED.map((b, i) => [b, String(i)]));
  const out = [];
  for (const b of bytes) {
    if (escapes.has(b)) out.push(Buffer.from([127, escapes.get(b).charCodeAt(0)]));
    else out.push(Buffer.from([b]));
  }
  // The file is written as bytes: these are the file's bytes, not characters.
  return Buffer.concat(out);
}
// The stream is kept XORed with the one byte (written first) that leaves the fewest bytes
// to escape: the escapes are about 1.6 % of the stream, and which stream has more or fewer
// is chance, a few hundred bytes either way from one build to the next.
const counts = new Array(256).fill(0);
for (const b of lzma) counts[b]++;
const cost = (mask) => ESCAPED.reduce((n, e) => n + counts[e ^ mask], 0);
let mask = 0;
for (let m = 1; m < 256; m++) if (cost(m) < cost(mask)) mask = m;
const packed = toPage(Buffer.concat([Buffer.from([mask]), lzma.map((b) => b ^ mask)]));

const unpack = minify(readFileSync(new URL('./single-file/unpack.js', import.meta.url), 'utf8'), undefined);

// Inside <script>, "</script" would end the element early; in JS, "<\/script" means the same.
const safe = (js) => js.replaceAll('</script', '<\\/script');
const loader = `${safe(glue)}
${safe(unpack)}
let bytes;
try {
  bytes = unpackWasm(document.getElementById('lia-wasm').textContent);
} catch (error) {
  // Say why at once, in place of the pre-rendered page (whose buttons would do nothing)
  // and of the general message (which waits a few seconds).
  document.querySelector('[data-lia-prerendered]')?.remove();
  document.querySelector('.lia-fallback__starting')?.remove();
  const problem = document.querySelector('.lia-fallback__problem');
  if (problem) {
    problem.textContent = \`This copy of the tool could not start: \${error.message}.\`;
    problem.style.animation = 'none';
    problem.setAttribute('role', 'alert');
  }
  throw error;
}
await ${init}({ module_or_path: bytes });
`;

const policy = contentSecurityPolicy('single_file', {
  'loader-hash': [hashSource(loader)],
  'css-hash': [hashSource(css)],
});

const before = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="windows-1252" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Legitimate interests assessment</title>
    <link rel="icon" href="${icon}" />
    <style>${css}</style>
  </head>
  <body>
    ${widget}
    ${noscript}
    <script type="application/octet-stream" id="lia-wasm">`;
const after = `</script>
    <script type="module">${loader}</script>
  </body>
</html>
`;
for (const [name, part] of [['page', before], ['loader', after]]) {
  if (/[^\x00-\x7f]/.test(part)) fail(`the ${name} is not all ASCII, so windows-1252 would change it`);
}
const file = Buffer.concat([Buffer.from(before, 'latin1'), packed, Buffer.from(after, 'latin1')]);

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, file);
console.log(
  `single-file.mjs: wrote ${output} (${file.length} bytes: wasm ${wasm.length} → ${lzma.length} LZMA → ${packed.length} in the page, XORed with ${mask}: ${cost(mask)} escapes, ${cost(0)} without; glue ${glue.length}; styles ${css.length})`,
);
