// `npm run bench:follow-up`: scheduled check-ins through the job queue with several server
// processes on one PostgreSQL. Writes N hired cases whose 30-day check-in is due, starts K
// `bansou start` processes, and times how long until every owner was asked; prints how the work
// split and whether anything ran twice. Prints numbers; asserts nothing.
// Options: --count N (default 500), --servers K (default 2). Needs `npm run build` first.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { emptyFields } from '../src/core/case-sheet.js';
import { planCheckIns } from '../src/core/follow-up/plan.js';
import { initialDialogue } from '../src/core/intake/state.js';
import { caseFollowUps } from '../src/db/prisma-follow-up-store.js';
import { createCliDatabase } from '../test/support/cli-database.js';
import { startServerProcess } from '../test/support/server-process.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '500' }, servers: { type: 'string', default: '2' } } });
const COUNT = Number(values.count);
const SERVERS = Number(values.servers);
process.env.BANSOU_TEST_DB ??= 'postgres';

const db = await createCliDatabase();
const app = await openApp(loadConfig({ ...db.env }), pino({ level: 'silent' }));
try {
  const hiredAt = new Date(Date.now() - 31 * 86_400_000);
  const t0 = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const { id } = await app.store.withOwner({ channel: 'line', externalId: `U${randomUUID().replaceAll('-', '')}` }, (tx) => tx.createCase(emptyFields(), { ...initialDialogue(), phase: 'done' }));
    await app.db.prisma.case.update({ where: { id }, data: { status: 'hired' } });
    await caseFollowUps(app.db.prisma).plan(id, planCheckIns(id, hiredAt, [30, 90, 180]));
  }
  console.log(`database: postgres  hired cases: ${COUNT}  (written in ${(performance.now() - t0).toFixed(0)} ms)  servers: ${SERVERS}`);
  const start = performance.now();
  const servers = Array.from({ length: SERVERS }, () => startServerProcess({ ...db.env, BANSOU_SIMULATOR: 'off', LOG_LEVEL: 'info', BANSOU_JOBS_POLL_SECONDS: '0.5' }));
  await Promise.all(servers.map((s) => s.port));
  const listening = performance.now() - start;
  while ((await app.db.prisma.followUp.count({ where: { day: 30, state: 'asked' } })) < COUNT) await new Promise((r) => setTimeout(r, 100));
  const elapsed = performance.now() - start;
  await new Promise((r) => setTimeout(r, 2_000));
  const asked = await app.db.prisma.auditEvent.count({ where: { action: 'follow_up_asked' } });
  const split = servers.map((s) => s.log().split('\n').filter((l) => l.includes('"check-in due"') && l.includes('"outcome":"asked"')).length);
  console.log(`all ${COUNT} check-ins asked ${elapsed.toFixed(0)} ms after the servers were launched (listening after ${listening.toFixed(0)} ms)`);
  console.log(`  throughput ${(COUNT / ((elapsed - listening) / 1000)).toFixed(0)} check-ins/s once listening; split ${split.join(' / ')}; asked twice: ${asked - COUNT}`);
  for (const s of servers) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
} finally {
  await app.close();
  await db.cleanup();
}
