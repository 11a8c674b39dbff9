// One small driver interface over three engines, so each journey is written once:
//   chromium  Debian's Chromium through Playwright (playwright-core, CDP)
//   firefox   Debian's Firefox ESR through puppeteer-core (WebDriver BiDi)
//   webkit    Debian's WebKitGTK MiniBrowser through WebdriverIO (classic WebDriver,
//             WebKitWebDriver), under xvfb-run: this MiniBrowser has no headless mode
// A journey sees an engine, sessions (isolated storage: a browser context, or for
// WebKit a WebDriver session of its own) and pages with the same methods everywhere:
// go to a URL, find by role, label or text inside the widget's shadow root, click with
// the mouse, type, press keys, paste, choose files, take a download (saved by the browser
// itself and read from where it saved it), read storage, run a function in the page.
// Nothing is fetched from outside: each engine is the one Debian installed.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { CHROMIUM, launchBrowser as launchChromium, launchPersistentChromium, killChromium } from '../support.mjs';
import { toolkit } from './in-page.mjs';

export const PATHS = {
  chromium: CHROMIUM,
  firefox: process.env.LIA_FIREFOX ?? '/usr/bin/firefox-esr',
  webkitDriver: process.env.LIA_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver',
  miniBrowser: process.env.LIA_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

/** How long a wait lasts before it fails (WebKit under Xvfb and Firefox start slower). */
export const TIMEOUT = { chromium: 10000, firefox: 15000, webkit: 20000 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Text in a query: a RegExp travels into the page as { re, flags }. */
function portable(value) {
  if (value instanceof RegExp) return { re: value.source, flags: value.flags };
  if (Array.isArray(value)) return value.map(portable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, portable(v)]));
  return value;
}

/** Records what a page does wrong, read back by `errors()`: installed after each load. */
function recordErrors() {
  if (window.__engineErrors) return;
  window.__engineErrors = [];
  addEventListener('error', (e) => window.__engineErrors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__engineErrors.push(`unhandled rejection: ${e.reason}`));
}

/**
 * Waits for a new file in `dir` (one not in `before`), finished (the browser writes a
 * partial file first and renames it), reads it and removes it so the next download of
 * the same name keeps its name.
 */
async function takeSaved(dir, before, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const names = (await fs.readdir(dir)).filter((n) => !before.has(n) && !/\.(part|download)$/.test(n) && !n.startsWith('.'));
    if (names.length > 0) {
      const file = path.join(dir, names[0]);
      let size = -1;
      for (;;) {
        const now = (await fs.stat(file)).size;
        if (now === size && now > 0) break;
        size = now;
        await sleep(100);
      }
      const bytes = await fs.readFile(file);
      await fs.rm(file);
      return { name: names[0], bytes, text: bytes.toString('utf8') };
    }
    if (Date.now() > end) throw new Error(`no download saved in ${dir} within ${timeout} ms`);
    await sleep(50);
  }
}

/** The page's localStorage, key → text. */
function readStorage() {
  const out = {};
  for (let i = 0; i < localStorage.length; i++) out[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
  return out;
}

/** What every page offers, on top of each driver's few primitives. */
class Page {
  constructor(engine) {
    this.engine = engine;
    this.name = engine.name;
    this.timeout = TIMEOUT[engine.name];
    this.dialogs = [];
    this.consoleErrors = [];
    this.pageErrors = [];
  }

  /** Runs the toolkit's `op` on what `query` finds (see in-page.mjs). */
  q(op, query = {}, extra = null) {
    return this.run(toolkit, op, portable(query), portable(extra));
  }

  /** Polls `check` (an async function) until it returns something truthy. */
  async until(check, { timeout = this.timeout, message = 'the condition' } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await check();
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() > end) {
        const detail = last instanceof Error ? `: ${last.message}` : last === undefined ? '' : ` (last: ${JSON.stringify(last)?.slice(0, 300)})`;
        throw new Error(`[${this.name}] waited ${timeout} ms for ${message}${detail}; the page was ${await this.where()}`);
      }
      await sleep(40);
    }
  }

  /** Where the page is, for a failure's message: its address and its main heading. */
  async where() {
    try {
      return await this.run(() => {
        const root = document.querySelector('[data-lia-widget]')?.shadowRoot ?? document;
        // What the page says of itself: an error summary, or a status still showing.
        const said = [...root.querySelectorAll('[role=status], [role=alert]')]
          .map((e) => e.textContent.trim().replace(/\s+/g, ' ').slice(0, 200))
          .filter(Boolean);
        return `${location.href} with heading "${root.querySelector('h1')?.textContent ?? '(none)'}"${said.length ? `, saying ${JSON.stringify(said)}` : ''}`;
      });
    } catch (error) {
      return `not answering (${error.message.slice(0, 200)})`;
    }
  }

  /** Waits until `query` finds something (or, with `gone`, nothing). */
  async waitFor(query, { timeout, gone = false } = {}) {
    await this.until(async () => (await this.q('exists', query)) !== gone, {
      timeout,
      message: `${JSON.stringify(query)} to ${gone ? 'go' : 'appear'}`,
    });
  }

  /** Waits until the page's script `fn(...args)` returns something truthy. */
  waitForScript(fn, args = [], options = {}) {
    return this.until(() => this.run(fn, ...args), { message: String(fn).slice(0, 120), ...options });
  }

  async exists(query) {
    return this.q('exists', query);
  }

  async count(query) {
    return this.q('count', query);
  }

  async text(query) {
    await this.waitFor(query);
    return this.q('text', query);
  }

  async texts(query) {
    return this.q('texts', query);
  }

  async value(query) {
    await this.waitFor(query);
    return this.q('value', query);
  }

  async checked(query) {
    await this.waitFor(query);
    return this.q('checked', query);
  }

  async attr(query, name) {
    await this.waitFor(query);
    return this.q('attr', query, name);
  }

  /**
   * A click with the mouse, in the middle of the element (scrolled into view), that
   * reaches that element or nothing: aimed again if the page moved under the pointer.
   */
  async click(query) {
    const misses = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.waitFor(query);
      // Aimed only once the element stays where it is, as Playwright's own clicks wait
      // for it: an engine may still scroll after the last keys, as Firefox does when it
      // brings the caret of the text just typed back into view on its next frame.
      let point = await this.q('point', query);
      for (let i = 0; i < 20; i++) {
        await sleep(50);
        const again = await this.q('aim', query);
        if (again.x === point.x && again.y === point.y) break;
        point = again;
      }
      // The page can still move before the click arrives: the rules redraw their
      // findings once typing pauses, and under load the driver's click comes late. The
      // guard set by 'aim' stops a click that meets something else (see in-page.mjs).
      await this.mouseClick(point.x, point.y);
      let seen = await this.q('aimed');
      for (let i = 0; i < 5 && !seen.gone && !seen.clicked && !seen.missed; i++) {
        await sleep(40);
        seen = await this.q('aimed');
      }
      if (!seen.gone) seen = await this.q('aimed', {}, { end: true });
      if (!seen.missed) return;
      misses.push(seen.missed);
    }
    throw new Error(`[${this.name}] a click on ${JSON.stringify(query)} met something else each time: ${misses.join('; ')}`);
  }

  /** Puts the keyboard in the element; with `select`, its text selected. */
  async focus(query, options = null) {
    await this.waitFor(query);
    return this.q('focus', query, options);
  }

  /** Replaces a text box's text by typing, key by key. */
  async fill(query, text) {
    await this.focus(query, { select: true });
    await this.press('Delete');
    if (text) await this.type(text);
  }

  /** Text arriving in one input event, as when pasted. */
  async paste(query, text) {
    await this.waitFor(query);
    return this.q('paste', query, text);
  }

  /** What has the keyboard: { id, tag, role, name, group, checked, value } or null. */
  focused() {
    return this.q('focused');
  }

  /** Files chosen in a file input by the engine's own file chooser command. */
  async chooseFiles(query, files) {
    await this.waitFor({ ...query, hidden: true });
    const token = await this.q('pick', { ...query, hidden: true });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `lia-${this.name}-files-`));
    try {
      const paths = [];
      for (const file of files) {
        const where = path.join(dir, String(paths.length));
        await fs.mkdir(where);
        paths.push(path.join(where, file.name));
        await fs.writeFile(paths.at(-1), file.buffer);
      }
      await this.setInputFiles(`[data-engine-pick="${token}"]`, files, paths);
    } finally {
      // The engine has read the files once the change event has run.
      setTimeout(() => fs.rm(dir, { recursive: true, force: true }), 30000).unref();
    }
  }

  /** Files dropped on an element, as a drag from the desktop. */
  async dropFiles(query, files) {
    await this.waitFor(query);
    const encoded = files.map((f) => ({ name: f.name, type: f.mimeType, base64: Buffer.from(f.buffer).toString('base64') }));
    return this.q('drop', query, encoded);
  }

  /** Brings this page's tab to the front, as a person switching to it would. */
  async bringToFront() {
    await this.front?.();
  }

  /** The page's localStorage, key → text. */
  storage() {
    return this.run(readStorage);
  }

  /** Page errors, console errors (where the engine reports them) and dialogs seen. */
  async errors() {
    const inPage = (await this.run(() => window.__engineErrors ?? []).catch(() => [])) ?? [];
    return [...new Set([...this.pageErrors, ...inPage])].concat(this.consoleErrors, this.dialogs.map((d) => `dialog: ${d}`));
  }

  /** Starts going to `url` without waiting for the page to load (it may never, on purpose). */
  async navigate(url) {
    await this.run((u) => {
      setTimeout(() => {
        location.href = u;
      }, 0);
    }, url).catch(() => {});
  }

  /** The hash of the address. */
  async hash() {
    return new URL(await this.url()).hash;
  }

  /**
   * Runs `action` and returns the file the browser saves: { name, bytes, text }. Firefox and
   * WebKit save into a folder of this run's own (see each engine), without asking.
   */
  async download(action) {
    const dir = this.downloads;
    const before = new Set(await fs.readdir(dir));
    await action();
    return takeSaved(dir, before, this.timeout);
  }

  async afterLoad() {
    await this.run(recordErrors).catch(() => {});
  }
}

// ---- Chromium through Playwright -------------------------------------------------------

class ChromiumPage extends Page {
  constructor(engine, page) {
    super(engine);
    this.page = page;
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    page.on('dialog', (d) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  }

  run(fn, ...args) {
    return this.page.evaluate(`(${fn})(...${JSON.stringify(args)})`);
  }

  async goto(url) {
    await this.page.goto(url);
    await this.afterLoad();
  }

  async reload() {
    await this.page.reload();
    await this.afterLoad();
  }

  async back() {
    await this.page.goBack();
  }

  async url() {
    return this.page.url();
  }

  title() {
    return this.page.title();
  }

  front() {
    return this.page.bringToFront();
  }

  mouseClick(x, y) {
    return this.page.mouse.click(x, y);
  }

  press(key) {
    return this.page.keyboard.press(key);
  }

  type(text) {
    return this.page.keyboard.type(text);
  }

  setInputFiles(selector, files) {
    return this.page.locator(selector).setInputFiles(files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: Buffer.from(f.buffer) })));
  }

  /** Chromium downloads for real: the file is read from where it was saved. */
  async download(action) {
    const download = this.page.waitForEvent('download', { timeout: this.timeout });
    await action();
    const file = await download;
    const bytes = await fs.readFile(await file.path());
    return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  }

  close() {
    return this.page.close();
  }
}

async function chromiumEngine() {
  const browser = await launchChromium();
  const engine = {
    name: 'chromium',
    async newSession() {
      const context = await browser.newContext({ acceptDownloads: true });
      return {
        engine,
        async newPage() {
          return new ChromiumPage(engine, await context.newPage());
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
    /** Chromium on a profile folder, its main process ours to kill. */
    async persistent(profile) {
      const running = await launchPersistentChromium(profile, { timeout: 30000 });
      const page = new ChromiumPage(engine, await running.browser.contexts()[0].newPage());
      return { page, kill: () => killChromium(running) };
    },
  };
  return engine;
}

// ---- Firefox through puppeteer (WebDriver BiDi) ---------------------------------------

const PUPPETEER_KEYS = { Space: ' ', A: 'a' };

class FirefoxPage extends Page {
  constructor(engine, page) {
    super(engine);
    this.page = page;
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    page.on('dialog', (d) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  }

  run(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.afterLoad();
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    await this.afterLoad();
  }

  async back() {
    await this.page.goBack();
  }

  async url() {
    return this.page.url();
  }

  title() {
    return this.page.title();
  }

  /**
   * Firefox sends keys and clicks to the tab in front only: the page acted on is
   * brought there first (Chromium's and WebKit's drivers do this themselves).
   */
  async front() {
    if (this.engine.front !== this) {
      await this.page.bringToFront();
      this.engine.front = this;
    }
  }

  async mouseClick(x, y) {
    await this.front();
    return this.page.mouse.click(x, y);
  }

  async press(combo) {
    await this.front();
    const keys = combo.split('+').map((k) => PUPPETEER_KEYS[k] ?? k);
    const key = keys.pop();
    for (const modifier of keys) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(key);
    for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier);
  }

  async type(text) {
    await this.front();
    return this.page.keyboard.type(text);
  }

  async setInputFiles(selector, files, paths) {
    const handle = await this.page.$(`[data-lia-widget] >>> ${selector}`) ?? (await this.page.$(selector));
    await handle.uploadFile(...paths);
  }

  close() {
    return this.page.close();
  }
}

async function firefoxEngine() {
  // Downloads are saved, without a question, into a folder of this run's own.
  const downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-firefox-downloads-'));
  const launch = (options = {}) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: PATHS.firefox,
      headless: true,
      extraPrefsFirefox: {
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
      ...options,
    });
  const browser = await launch();
  const engine = {
    name: 'firefox',
    async newSession() {
      const context = await browser.createBrowserContext();
      return {
        engine,
        async newPage() {
          const page = new FirefoxPage(engine, await context.newPage());
          page.downloads = downloads;
          return page;
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      await fs.rm(downloads, { recursive: true, force: true });
    },
    /** Firefox on a profile folder, its main process ours to kill. */
    async persistent(profile) {
      const own = await launch({ userDataDir: profile });
      const page = new FirefoxPage(engine, await own.newPage());
      return {
        page,
        async kill() {
          const child = own.process();
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGKILL');
          await exited;
          await own.close().catch(() => {});
        },
      };
    },
  };
  return engine;
}

// ---- WebKit through WebdriverIO (classic WebDriver) -----------------------------------

/** WebDriver's key codes for the keys the journeys press. */
const WEBDRIVER_KEYS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Space: '\uE00D',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Backspace: '\uE003',
  A: 'a',
};

class WebKitPage extends Page {
  constructor(engine, session, handle) {
    super(engine);
    this.session = session;
    this.handle = handle;
    this.b = session.b;
  }

  async use() {
    if (this.session.current !== this.handle) {
      await this.b.switchToWindow(this.handle);
      this.session.current = this.handle;
    }
    return this.b;
  }

  async front() {
    await this.use();
  }

  async run(fn, ...args) {
    const b = await this.use();
    return b.execute(fn, ...args);
  }

  async goto(url) {
    const b = await this.use();
    await b.url(url);
    await this.afterLoad();
  }

  async reload() {
    const b = await this.use();
    await b.refresh();
    await this.afterLoad();
  }

  async back() {
    const b = await this.use();
    await b.back();
  }

  async url() {
    const b = await this.use();
    return b.getUrl();
  }

  async title() {
    const b = await this.use();
    return b.getTitle();
  }

  async mouseClick(x, y) {
    const b = await this.use();
    await b
      .action('pointer', { parameters: { pointerType: 'mouse' } })
      .move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' })
      .down({ button: 0 })
      .up({ button: 0 })
      .perform();
  }

  async press(combo) {
    const b = await this.use();
    const keys = combo.split('+').map((k) => WEBDRIVER_KEYS[k] ?? k);
    const key = keys.pop();
    let action = b.action('key');
    for (const modifier of keys) action = action.down(modifier);
    action = action.down(key).up(key);
    for (const modifier of [...keys].reverse()) action = action.up(modifier);
    await action.perform();
  }

  async type(text) {
    const b = await this.use();
    let action = b.action('key');
    for (const char of text) {
      const key = char === '\n' ? WEBDRIVER_KEYS.Enter : char;
      action = action.down(key).up(key);
    }
    await action.perform();
  }

  async setInputFiles(selector, files, paths) {
    const b = await this.use();
    const host = await b.$('[data-lia-widget]');
    const input = await host.shadow$(selector);
    await b.elementSendKeys(input.elementId, paths.join('\n'));
  }

  async close() {
    const b = await this.use();
    await b.closeWindow();
    this.session.current = null;
  }
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A display for MiniBrowser, which has no headless mode: the one given in DISPLAY, or an
 * Xvfb started through xvfb-run for as long as the engine is used.
 */
async function display() {
  if (process.env.DISPLAY) return { env: { DISPLAY: process.env.DISPLAY }, stop: () => {} };
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'sh', '-c', 'echo "$DISPLAY $XAUTHORITY"; exec sleep 86400'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  const [name, auth] = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('xvfb-run gave no display within 20 s')), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim().split(' '));
      }
    });
    child.on('exit', (code) => reject(new Error(`xvfb-run exited (${code})`)));
  });
  return { env: { DISPLAY: name, ...(auth ? { XAUTHORITY: auth } : {}) }, stop };
}

/**
 * Starts WebKitWebDriver on a free port; resolves once it answers. The MiniBrowser it
 * starts saves downloads, without a question, in the XDG download folder: here one of
 * this session's own (`downloads`).
 */
async function startWebKitDriver(screenEnv) {
  const port = await freePort();
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'lia-webkit-'));
  const downloads = path.join(home, 'downloads');
  await fs.mkdir(downloads);
  await fs.mkdir(path.join(home, 'config'));
  await fs.writeFile(path.join(home, 'config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  // Without compositing mode: under Xvfb there is no GPU, so WebKitGTK's accelerated
  // compositing runs on Mesa's software GL, emulating a GPU on the CPU. Painting without it
  // leaves what the journeys check (the DOM, scripts, storage, focus, files) the same, and
  // the WebKit journeys took 116 s of CPU instead of 203 (docs/performance.md).
  const env = {
    WEBKIT_DISABLE_COMPOSITING_MODE: '1',
    ...process.env,
    ...screenEnv,
    XDG_CONFIG_HOME: path.join(home, 'config'),
  };
  // The driver and the MiniBrowser it starts say nothing while all is well; what they
  // say when a browser is lost (a crash, a display error) is shown when it stops.
  const log = path.join(home, 'driver.log');
  const out = await fs.open(log, 'w');
  const driver = spawn(PATHS.webkitDriver, [`--port=${port}`], { stdio: ['ignore', out.fd, out.fd], env });
  await out.close();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // One driver per session: the listener goes with it, so they do not pile up.
    process.removeListener('exit', stop);
    driver.kill('SIGTERM');
    try {
      const said = fsSync.readFileSync(log, 'utf8').trim();
      if (said) console.error(`WebKitWebDriver and MiniBrowser said:\n${said.split('\n').slice(-40).join('\n')}`);
    } catch {
      // nothing was written
    }
    fs.rm(home, { recursive: true, force: true }).catch(() => {});
  };
  process.once('exit', stop);
  const ready = Date.now() + 30000;
  for (;;) {
    if (await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false)) return { port, stop, downloads };
    if (Date.now() > ready) {
      stop();
      throw new Error('WebKitWebDriver did not start within 30 s');
    }
    await sleep(100);
  }
}

async function webkitEngine() {
  const screen = await display();
  const engine = {
    name: 'webkit',
    /**
     * A session of its own: WebKitWebDriver allows one session at a time, so each gets
     * its own driver (and so its own MiniBrowser, with storage of its own).
     */
    async newSession() {
      const driver = await startWebKitDriver(screen.env);
      let b;
      try {
        b = await remote({
          hostname: '127.0.0.1',
          port: driver.port,
          logLevel: 'error',
          connectionRetryCount: 1,
          capabilities: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: PATHS.miniBrowser, args: ['--automation'] },
            'wdio:enforceWebDriverClassic': true,
          },
        });
      } catch (error) {
        driver.stop();
        throw error;
      }
      await b.setWindowSize(1280, 1000).catch(() => {});
      const session = { engine, b, current: await b.getWindowHandle() };
      let first = true;
      session.newPage = async () => {
        let handle = session.current;
        if (first) first = false;
        else ({ handle } = await b.createWindow('tab'));
        const page = new WebKitPage(engine, session, handle);
        page.downloads = driver.downloads;
        return page;
      };
      session.close = async () => {
        await b.deleteSession().catch(() => {});
        driver.stop();
      };
      return session;
    },
    async close() {
      screen.stop();
    },
    // MiniBrowser under WebDriver keeps its data in a store that lives as long as the
    // browser: nothing can survive a restart to be looked for.
    persistent: null,
  };
  return engine;
}

/** Starts an engine by name. */
export function launchEngine(name) {
  switch (name) {
    case 'chromium':
      return chromiumEngine();
    case 'firefox':
      return firefoxEngine();
    case 'webkit':
      return webkitEngine();
    default:
      throw new Error(`unknown engine ${name}`);
  }
}
