import type { ReportPeriod, ReportSource } from '../core/report/report.js';
import type { PrismaClient } from './generated/client.js';

// The report in one statement: status changes from the audit trail, case creation times, and
// follow-ups. Indexed on audit_event(action, created_at); about 1,000 cases with their history
// answer in milliseconds (npm run bench:report).

const REPORT_SQL = `
WITH period AS (SELECT $1::timestamptz AS lo, $2::timestamptz AS hi),
changes AS (
  SELECT a.case_id, a.to_status, min(a.created_at) AS at
    FROM audit_event a
   WHERE a.action = 'status_changed' AND a.case_id IS NOT NULL
   GROUP BY a.case_id, a.to_status
),
reached AS (
  SELECT ch.*, c.created_at AS opened_at, c.organisation_id
    FROM changes ch JOIN "case" c ON c.id = ch.case_id, period p
   WHERE (p.lo IS NULL OR ch.at >= p.lo) AND (p.hi IS NULL OR ch.at < p.hi)
),
touched AS (
  SELECT DISTINCT c.organisation_id
    FROM audit_event a JOIN "case" c ON c.id = a.case_id, period p
   WHERE c.organisation_id IS NOT NULL AND (p.lo IS NULL OR a.created_at >= p.lo) AND (p.hi IS NULL OR a.created_at < p.hi)
)
SELECT
  (SELECT count(*)::int FROM touched) AS organisations_active,
  (SELECT count(*)::int FROM "case" c, period p WHERE (p.lo IS NULL OR c.created_at >= p.lo) AND (p.hi IS NULL OR c.created_at < p.hi)) AS cases_opened,
  (SELECT count(*)::int FROM reached WHERE to_status = 'drafted') AS specs_drafted,
  (SELECT count(*)::int FROM reached WHERE to_status = 'approved') AS specs_approved,
  (SELECT count(*)::int FROM audit_event a, period p WHERE a.action = 'meeting_confirmed' AND (p.lo IS NULL OR a.created_at >= p.lo) AND (p.hi IS NULL OR a.created_at < p.hi)) AS introductions,
  (SELECT count(*)::int FROM reached WHERE to_status = 'hired') AS hires,
  (SELECT count(*)::int FROM audit_event a, period p WHERE a.action = 'follow_up_done' AND (p.lo IS NULL OR a.created_at >= p.lo) AND (p.hi IS NULL OR a.created_at < p.hi)) AS follow_ups_done,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - opened_at) / 86400) FROM reached WHERE to_status = 'approved') AS median_days_to_approved,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - opened_at) / 86400) FROM reached WHERE to_status = 'hired') AS median_days_to_hire
`;

interface Row {
  organisations_active: number; cases_opened: number; specs_drafted: number; specs_approved: number;
  introductions: number; hires: number; follow_ups_done: number;
  median_days_to_approved: number | null; median_days_to_hire: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

export function createPrismaReportSource(prisma: PrismaClient): ReportSource {
  return {
    async report(period: ReportPeriod) {
      const [r] = await prisma.$queryRawUnsafe<Row[]>(REPORT_SQL, period.from, period.to);
      if (!r) throw new Error('report query returned no row');
      return {
        organisationsActive: r.organisations_active, casesOpened: r.cases_opened, specsDrafted: r.specs_drafted,
        specsApproved: r.specs_approved, introductions: r.introductions, hires: r.hires, followUpsDone: r.follow_ups_done,
        medianDaysToApprovedSpec: num(r.median_days_to_approved), medianDaysToHire: num(r.median_days_to_hire),
      };
    },
  };
}
