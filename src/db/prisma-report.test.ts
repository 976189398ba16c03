import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';
import { seedNetwork, type TestNetwork } from '../../test/support/network.js';
import { seedReportHistory } from '../../test/support/report-history.js';
import { formatReport, parsePeriod } from '../core/report/report.js';
import { linkageCsv } from '../core/report/handoff.js';
import { linkageRows } from './prisma-handoff.js';
import { createPrismaReportSource } from './prisma-report.js';

// The network's figures from the audit trail, and the 情報連携シート, on a real database.

let db: TestDatabase;
let net: TestNetwork;
let reached: Record<string, number>;

beforeAll(async () => {
  db = await createTestDatabase();
  net = await seedNetwork(db.prisma);
  reached = await seedReportHistory(db.prisma, { count: 60, seed: 7, start: new Date('2025-04-01T00:00:00+09:00'), organisationIds: [net.desk, net.bank], tag: 'r' });
});
afterAll(async () => db?.close());

describe('bansou report', () => {
  it('counts each milestone once per case over all time', async () => {
    const r = await createPrismaReportSource(db.prisma).report(parsePeriod(undefined, undefined));
    expect(r).toMatchObject({
      casesOpened: 60, specsDrafted: reached.drafted ?? 0, specsApproved: reached.approved ?? 0, introductions: reached.introduced ?? 0,
      hires: reached.hired ?? 0, followUpsDone: reached.following_up ?? 0, organisationsActive: 2,
    });
    expect(r.medianDaysToApprovedSpec).toBeGreaterThan(0);
    expect(r.medianDaysToHire!).toBeGreaterThan(r.medianDaysToApprovedSpec!);
  });

  it('limits to the period and prints md, csv and json', async () => {
    const source = createPrismaReportSource(db.prisma);
    const none = await source.report(parsePeriod('2020-01-01', '2020-12-31'));
    expect(none).toMatchObject({ casesOpened: 0, specsApproved: 0, medianDaysToHire: null });
    const part = await source.report(parsePeriod('2025-04-01', '2025-04-03'));
    expect(part.casesOpened).toBe(24); // one case every three hours, three days
    const full = { from: '2025-04-01', to: '2025-04-03', ...part };
    expect(formatReport(full, 'md')).toContain('| 新しい相談 | 24 |');
    expect(formatReport(full, 'csv').split('\r\n')[0]).toBe('指標,key,値');
    expect(JSON.parse(formatReport(full, 'json')).casesOpened).toBe(24);
    expect(() => parsePeriod('2025/04/01', undefined)).toThrow('YYYY-MM-DD');
  });

  it('writes the 情報連携シート with a BOM, CRLF and RFC 4180 quoting', async () => {
    await db.prisma.company.update({ where: { id: 'co-r-0' }, data: { name: '株式会社"川口",メッキ' } });
    const csv = linkageCsv(await linkageRows(db.prisma));
    expect(csv.startsWith('\uFEFF案件ID,会社名,業種,所在地,人材ニーズ(求人タイトル),状況,担当機関\r\n')).toBe(true);
    expect(csv).toContain('C-r-0,"株式会社""川口"",メッキ",製造業,埼玉県,,');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(61);
  });
});
