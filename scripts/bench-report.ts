// `npm run bench:report`: the network report over 1,000 cases with their lifecycle history.
// Creates a private test database (PostgreSQL with BANSOU_TEST_DB=postgres, as
// scripts/test.sh does; otherwise the embedded PGlite), writes the cases and their audit
// trail, then times the report for all time and for one quarter. The target is < 2 s on
// PostgreSQL. Prints numbers; asserts nothing. Options: --count N (default 1000), --rounds N.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parsePeriod } from '../src/core/report/report.js';
import { createPrismaReportSource } from '../src/db/prisma-report.js';
import { createTestDatabase, testDatabaseKind } from '../test/support/db.js';
import { seedNetwork } from '../test/support/network.js';
import { seedReportHistory } from '../test/support/report-history.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '5' } } });
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);

const db = await createTestDatabase();
try {
  const net = await seedNetwork(db.prisma);
  const t0 = performance.now();
  await seedReportHistory(db.prisma, { count: COUNT, seed: 42, start: new Date('2025-04-01T00:00:00+09:00'), organisationIds: [net.desk, net.bank, net.hub], tag: 'bench' });
  const audits = await db.prisma.auditEvent.count();
  console.log(`database: ${testDatabaseKind()}  cases: ${COUNT}  audit rows: ${audits}  (seeded in ${(performance.now() - t0).toFixed(0)} ms)`);
  const source = createPrismaReportSource(db.prisma);
  for (const [label, period] of [['all time', parsePeriod(undefined, undefined)], ['2025-04-01..2025-06-30', parsePeriod('2025-04-01', '2025-06-30')]] as const) {
    const times: number[] = [];
    let last: unknown;
    for (let i = 0; i < ROUNDS; i++) {
      const s = performance.now();
      last = await source.report(period);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: first ${times[0]!.toFixed(1)} ms … median ${times[Math.floor(ROUNDS / 2)]!.toFixed(1)} ms, max ${times[ROUNDS - 1]!.toFixed(1)} ms (target < 2000 ms)`);
    console.log(`  ${JSON.stringify(last)}`);
  }
} finally {
  await db.close();
}
