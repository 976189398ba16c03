import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../../src/db/generated/client.js';
import { generateCandidates } from '../../../src/core/matching/generate.js';
import type { CandidateStore } from '../../../src/core/matching/ports.js';
import { hashPassword } from '../auth/password.js';
import type { AccountStore } from '../ports.js';

// "Load sample data": a small support network to try the simulator with, written with fixed
// ids so loading it twice changes nothing but the sample coordinator's password (shown once).

export const SAMPLE = {
  network: 'sample',
  desk: { id: 'sample-desk', name: '川口商工会（サンプル）', kind: 'shokokai', slackChannelId: 'C-SIM' },
  bank: { id: 'sample-bank', name: '埼玉中央信用金庫（サンプル）', kind: 'shinkin', slackChannelId: 'C-SIM-BANK' },
  hub: { id: 'sample-hub', name: '埼玉県プロフェッショナル人材戦略拠点（サンプル）', kind: 'hub' },
  advisor: { id: 'sample-advisor', organisation: 'sample-desk', displayName: '佐藤 美咲', slack: 'U-SIM-SATO' },
  coordinator: { id: 'sample-coordinator', organisation: 'sample-hub', displayName: '高橋 健一', teams: 'aad-sim-takahashi', slack: 'U-SIM-TAKAHASHI' },
  email: 'coordinator@example.jp',
  /** A generated pool, the same people every time (ids SAMPLE-…), enough to propose from. */
  pool: { count: 300, seed: 'sample' },
} as const;

/** Whom the simulator's Slack and Teams panes act as. */
export const SIM_ACTORS = {
  slack: { channel: 'slack', externalId: SAMPLE.advisor.slack },
  teams: { channel: 'teams', externalId: SAMPLE.coordinator.teams },
} as const;

export interface SampleResult {
  email: string;
  password: string;
  /** False when another organisation already receives new cases; the sample desk then does not. */
  intakeDesk: boolean;
  /** People in the generated sample pool (created or refreshed). */
  candidates: number;
}

export async function loadSampleData(prisma: PrismaClient, accounts: AccountStore, candidates: CandidateStore): Promise<SampleResult> {
  const password = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  const intakeDesk = await prisma.$transaction(async (tx) => {
    // Never take new cases away from a real intake desk that is already set up.
    const otherDesk = await tx.organisation.findFirst({ where: { isDefault: true, id: { not: SAMPLE.desk.id } } });
    const orgs = [
      { ...SAMPLE.desk, isDefault: !otherDesk, isHub: false },
      { ...SAMPLE.bank, isDefault: false, isHub: false },
      { ...SAMPLE.hub, slackChannelId: null, isDefault: false, isHub: true },
    ];
    for (const o of orgs) {
      const data = { name: o.name, kind: o.kind, slackChannelId: o.slackChannelId, isHub: o.isHub, isDefault: o.isDefault, networkId: SAMPLE.network };
      await tx.organisation.upsert({ where: { id: o.id }, create: { id: o.id, ...data }, update: data });
    }
    const members = [
      { ...SAMPLE.advisor, role: 'advisor' as const, ids: { slack: SAMPLE.advisor.slack } },
      { ...SAMPLE.coordinator, role: 'coordinator' as const, ids: { teams: SAMPLE.coordinator.teams, slack: SAMPLE.coordinator.slack } },
    ];
    for (const m of members) {
      const data = { organisationId: m.organisation, role: m.role, displayName: m.displayName };
      await tx.member.upsert({ where: { id: m.id }, create: { id: m.id, ...data }, update: data });
      for (const [channel, externalId] of Object.entries(m.ids)) {
        await tx.memberIdentity.upsert({
          where: { channel_externalId: { channel, externalId } }, create: { channel, externalId, memberId: m.id }, update: { memberId: m.id },
        });
      }
    }
    return !otherDesk;
  });
  await accounts.upsert({ email: SAMPLE.email, passwordHash, memberId: SAMPLE.coordinator.id });
  const pool = [...generateCandidates(SAMPLE.pool.count, SAMPLE.pool.seed)].map((c) => ({ ...c, profile: { ...c.profile, id: `SAMPLE-${c.profile.id}` } }));
  await candidates.upsertMany(pool);
  return { email: SAMPLE.email, password, intakeDesk, candidates: pool.length };
}

export async function sampleLoaded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.member.count({ where: { id: { in: [SAMPLE.advisor.id, SAMPLE.coordinator.id] } } })) === 2;
}
