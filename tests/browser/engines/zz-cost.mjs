import { execSync } from 'node:child_process';
import { launchEngine } from './drivers.mjs';
import { startServer } from './server.mjs';
import { openApp } from './steps.mjs';
const busy = () => { const l = execSync('head -1 /proc/stat').toString().split(/\s+/).map(Number); return (l[1]+l[2]+l[3]+l[6]+l[7]+l[8]) / 100; };
const name = process.argv[2];
const server = await startServer();
const engine = await launchEngine(name);
const N = 5;
let b = busy(), t = Date.now();
for (let i = 0; i < N; i++) { const s = await engine.newSession(); const p = await s.newPage(); await openApp(p, server.origin + '/'); await s.close(); }
console.log(name, 'session + app', ((busy() - b) / N).toFixed(2), 'core-s', ((Date.now() - t) / N / 1000).toFixed(2), 's');
const s = await engine.newSession(); const p = await s.newPage();
b = busy(); t = Date.now();
for (let i = 0; i < N; i++) { await openApp(p, server.origin + '/?' + i); }
console.log(name, 'app load in one session', ((busy() - b) / N).toFixed(2), 'core-s', ((Date.now() - t) / N / 1000).toFixed(2), 's');
await s.close(); await engine.close(); await server.close();
process.exit(0);
