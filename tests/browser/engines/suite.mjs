// Registers every journey (journeys.mjs) as a node:test test for one engine, named
// "[engine] journey", so the summary counts each engine's tests and a failure names its
// engine. One server and one browser per engine file; each journey gets fresh sessions
// (isolated storage), closed after it whatever happens.
import { test, before, after } from 'node:test';
import { launchEngine } from './drivers.mjs';
import { startServer } from './server.mjs';
import { JOURNEYS } from './journeys.mjs';

export function runJourneys(engineName) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.engine = await launchEngine(engineName);
  });
  after(async () => {
    await env.engine?.close();
    await env.server?.close();
  });

  const only = process.env.LIA_JOURNEYS ? new RegExp(process.env.LIA_JOURNEYS, 'i') : null;
  for (const journey of JOURNEYS) {
    if (only && !only.test(journey.name)) continue;
    const skip = journey.placeholder ?? journey.unsupported?.[engineName] ?? journey.elsewhere?.[engineName];
    test(`[${engineName}] ${journey.name}`, skip ? { skip } : {}, async () => {
      const sessions = [];
      const t = {
        engine: env.engine,
        name: engineName,
        server: env.server,
        /** A fresh session: its own storage, closed when the journey ends. */
        async session() {
          const session = await env.engine.newSession();
          sessions.push(session);
          return session;
        },
        /** A fresh session with one page. */
        async page() {
          const session = await t.session();
          return session.newPage();
        },
        cleanup: [],
      };
      try {
        await journey.run(t);
      } finally {
        for (const step of t.cleanup.reverse()) await step().catch(() => {});
        for (const session of sessions) await session.close().catch(() => {});
      }
    });
  }
}
