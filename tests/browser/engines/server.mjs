// The local server for the cross-engine journeys: the release build (and the demo host
// page and the single file beside it), plus what a journey needs to put on the same
// origin without any engine's interception (which WebDriver classic does not have):
// pages it writes (a report to open on its own, a host page with frames, a blank page to
// seed storage from) and requests it holds back (the wasm, as on a slow link).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DIST, DEMO, SINGLE_FILE, TYPES } from '../support.mjs';

/**
 * Serves the build on 127.0.0.1 at a free port. `put(path, body, type)` serves a page of
 * the journey's own at that path (with any headers given); `hold(pattern)` keeps matching requests waiting until
 * the function it returns is called; `received` lists every request's path.
 */
export async function startServer({ host = '127.0.0.1' } = {}) {
  const received = [];
  const pages = new Map();
  const holds = [];
  const mounts = { '/demo/': DEMO, '/single/': path.dirname(SINGLE_FILE) };
  const server = http.createServer(async (req, res) => {
    // A browser asks for a page's icon of its own accord: not the page's doing.
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    received.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    for (const hold of holds) if (hold.pattern.test(pathname)) await hold.released;
    const own = pages.get(pathname);
    if (own) {
      res.writeHead(200, { 'content-type': own.type, 'cache-control': 'no-store', ...own.headers });
      res.end(own.body);
      return;
    }
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? path.resolve(mounts[mount]) : path.resolve(DIST);
    let file = path.join(base, mount ? pathname.slice(mount.length) : pathname);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return {
    origin: `http://${host}:${port}`,
    port,
    received,
    put(pathname, body, type = 'text/html; charset=utf-8', headers = {}) {
      pages.set(pathname, { body, type, headers });
      return `http://${host}:${port}${pathname}`;
    },
    hold(pattern) {
      const entry = { pattern };
      entry.released = new Promise((resolve) => (entry.release = resolve));
      holds.push(entry);
      return () => {
        if (holds.includes(entry)) holds.splice(holds.indexOf(entry), 1);
        entry.release();
      };
    },
    close: () => {
      for (const hold of holds.splice(0)) hold.release();
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
