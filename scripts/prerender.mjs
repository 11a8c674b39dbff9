// The pre-rendered page: the start page and the first question page as the app itself
// draws them, captured from the release build in headless Chromium, so what people see
// before the app has started is the same markup as after (it cannot drift: a browser
// test captures again and compares). The build puts it into index.html and the single
// file (scripts/postbuild.mjs, scripts/single-file.mjs).
//
//   node scripts/prerender.mjs <dist dir> <output file>     (./dev prerender)
//   capture(distDir) → the HTML, for the test that compares
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The id of the first question page in the pre-rendered page: `#/new` shows it. */
export const NEW_PAGE_ID = '/new';
export const PRERENDERED_ATTRIBUTE = 'data-lia-prerendered';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

function serve(dist) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    try {
      let body = await readFile(file);
      if (file.endsWith('index.html')) {
        // The capture's app keeps nothing and shows placeholders for what is a visitor's own.
        body = Buffer.from(body.toString('utf8').replace('<div data-lia-widget>', '<div data-lia-widget data-lia-prerender>'));
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** In the page: the widget's drawing of the current page, as HTML to keep. */
function snapshot({ newPage }) {
  const root = document.querySelector('[data-lia-widget]').shadowRoot.querySelector('.lia');
  const copy = root.cloneNode(true);
  // What only the live app can honestly show: the save status, the findings (they follow
  // the answers), and anything for assistive technology that announces changes.
  for (const gone of copy.querySelectorAll('#lia-save-status, .lia-findings, aside, #lia-live, .lia-header__assessment')) {
    gone.remove();
  }
  copy.querySelector('.lia-body--with-panel')?.classList.remove('lia-body--with-panel');
  if (newPage) {
    // Only the page itself: the frame (header, footer) is the start page's.
    return copy.querySelector('main').innerHTML;
  }
  return copy.outerHTML;
}

/** Leptos leaves empty comments as placeholders: not needed in static HTML. */
const tidy = (html) => html.replace(/<!---->/g, '').replace(/<!--[^>]*?-->/g, '');

/** Captures the pre-rendered block from a release build in `dist`. */
export async function capture(dist, chromiumPath = process.env.LIA_CHROMIUM ?? '/usr/bin/chromium') {
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // A fixed window, and no stored state: the capture is the same on every run.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.locator('[data-lia-widget][data-lia-ready="true"]').waitFor();
    const start = tidy(await page.evaluate(snapshot, { newPage: false }));
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Describe the processing' }).waitFor();
    let first = tidy(await page.evaluate(snapshot, { newPage: true }));
    // Ids of the start page's frame are its own; the first page's heading gets another.
    first = first.replaceAll('id="lia-page-heading"', 'id="lia-page-heading-new" elementtiming="lia-first-page"');
    // The benchmark reads when each heading was first drawn (Element Timing).
    const startPage = start.replace('id="lia-page-heading"', 'id="lia-page-heading" elementtiming="lia-start-page"');
    // The start page's frame, with both pages in its main area: the start page shown,
    // the first page shown instead when the address is #/new (see main.css).
    const mainOpen = startPage.indexOf('<main');
    const mainBodyStart = startPage.indexOf('>', mainOpen) + 1;
    const mainEnd = startPage.lastIndexOf('</main>');
    return (
      `<div class="lia-root lia-prerender" ${PRERENDERED_ATTRIBUTE}>` +
      startPage.slice(0, mainBodyStart) +
      `<div class="lia-prerender__start">${startPage.slice(mainBodyStart, mainEnd)}</div>` +
      `<div class="lia-prerender__new" id="${NEW_PAGE_ID}">${first}</div>` +
      startPage.slice(mainEnd) +
      `</div>`
    );
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', output = 'scripts/prerendered.html'] = process.argv.slice(2);
  const html = await capture(dist);
  writeFileSync(output, `${html}\n`);
  console.log(`prerender.mjs: wrote ${output} (${html.length} bytes)`);
}
