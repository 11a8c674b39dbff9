// Builds the tool as one self-contained HTML file from a release build: the page CSS,
// the JS glue and the wasm (base64) are inlined, and the app starts with the async
// init from the bytes, so it works opened straight from disk (file://) or over HTTP.
// Its policy (the single file's one in src/csp.rs, read from app-facts.json) allows no
// connection at all.
//
//   node scripts/single-file.mjs <dist dir> <output file>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, hashSource } from './app-facts.mjs';

const [dist = 'dist', output = 'target/single-file/lia-assessment.html'] = process.argv.slice(2);
const read = (name) => readFileSync(path.join(dist, name));

const glue = read('lia.js').toString('utf8');
const wasm = read('lia_bg.wasm');
const css = read('page.css').toString('utf8');
const page = read('index.html').toString('utf8');
// The host element with the message shown until the app mounts, as index.html has it.
const fallback = page.match(/<div data-lia-widget>[\s\S]*?<\/div><\/div>/)?.[0];
if (!fallback) {
  console.error('single-file.mjs: index.html has no <div data-lia-widget> with its fallback message');
  process.exit(1);
}
const icon = page.match(/<link rel="icon" href="(data:[^"]+)"/)?.[1];
if (!icon) {
  console.error('single-file.mjs: index.html has no inline (data:) icon');
  process.exit(1);
}

// The glue is an ES module ending `export { …, <init> as default }`: find the init.
const init = glue.match(/export\s*\{[^}]*\b(\w+)\s+as\s+default\b[^}]*\}/)?.[1]
  ?? glue.match(/export\s+default\s+(\w+)\s*;/)?.[1];
if (!init) {
  console.error('single-file.mjs: cannot find the default export (the init function) in lia.js');
  process.exit(1);
}

// Inside <script>, "</script" would end the element early; in JS, "<\/script" means the same.
const safe = (js) => js.replaceAll('</script', '<\\/script');
const loader = `${safe(glue)}
const bytes = Uint8Array.from(atob(document.getElementById('lia-wasm').textContent.trim()), (c) => c.charCodeAt(0));
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
    ${fallback}
    <noscript>This assessment tool needs JavaScript and WebAssembly to run. Nothing you type is sent anywhere.</noscript>
    <script type="application/octet-stream" id="lia-wasm">${wasm.toString('base64')}</script>
    <script type="module">${loader}</script>
  </body>
</html>
`;

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`single-file.mjs: wrote ${output} (${html.length} bytes, wasm ${wasm.length} bytes)`);
