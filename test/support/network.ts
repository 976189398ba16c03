import { randomUUID } from 'node:crypto';
import type { CandidateRecord } from '../../src/core/matching/candidate.js';
import type { PrismaClient } from '../../src/db/generated/client.js';

// A small support network for tests: an intake desk (a 商工会 with a Slack channel), a
// regional bank, and the hub whose coordinator approves; each member with messenger ids.

export interface TestNetwork {
  desk: string;
  bank: string;
  hub: string;
  advisor: { id: string; slack: string };
  bankAdvisor: { id: string; slack: string };
  coordinator: { id: string; slack: string; teams: string };
}

export async function seedNetwork(prisma: PrismaClient, tag = randomUUID().slice(0, 8)): Promise<TestNetwork> {
  const id = (p: string) => `${p}-${tag}`;
  await prisma.organisation.createMany({
    data: [
      { id: id('desk'), name: `川口商工会-${tag}`, kind: 'shokokai', slackChannelId: `C-DESK-${tag}`, isDefault: true },
      { id: id('bank'), name: `埼玉りそな-${tag}`, kind: 'bank', slackChannelId: `C-BANK-${tag}` },
      { id: id('hub'), name: `プロ人材拠点-${tag}`, kind: 'hub', isHub: true },
    ],
  });
  const member = async (org: string, role: 'advisor' | 'coordinator', name: string, ids: Record<string, string>) => {
    const mid = id(name);
    await prisma.member.create({ data: { id: mid, organisationId: id(org), role, displayName: name } });
    for (const [channel, externalId] of Object.entries(ids)) await prisma.memberIdentity.create({ data: { channel, externalId, memberId: mid } });
    return mid;
  };
  const advisor = { id: await member('desk', 'advisor', '佐藤', { slack: `U-SATO-${tag}` }), slack: `U-SATO-${tag}` };
  const bankAdvisor = { id: await member('bank', 'advisor', '鈴木', { slack: `U-SUZUKI-${tag}` }), slack: `U-SUZUKI-${tag}` };
  const coordinator = {
    id: await member('hub', 'coordinator', '高橋', { slack: `U-TAKA-${tag}`, teams: `aad-taka-${tag}` }),
    slack: `U-TAKA-${tag}`, teams: `aad-taka-${tag}`,
  };
  return { desk: id('desk'), bank: id('bank'), hub: id('hub'), advisor, bankAdvisor, coordinator };
}

/** An owner's intake through to a confirmed spec (status drafted). */
export const INTAKE_TO_DRAFT = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります', 'この内容でOK',
];

/**
 * A quality expert the INTAKE_TO_DRAFT spec ranks high, `E2E-<n>`, whose name and e-mail
 * start with the given words, so a test can look for any leak of them.
 */
export const qualityExpert = (n: number, secret: { name: string; email: string }): CandidateRecord => ({
  profile: {
    id: `E2E-${n}`, kind: 'senior', prefecture: '埼玉県', remoteOk: true, daysPerWeek: 2, workStyles: ['side_job', 'advisory'],
    skillCategories: ['quality', 'production'], industries: ['manufacturing'], monthlyFeeMinYen: 80000,
    headline: `元電機メーカー品質保証課長${n}`, summary: 'ISO9001の認証取得を指導しました。',
  },
  personal: { name: `${secret.name} ${n}子`, email: `${secret.email}${n}@example.jp`, age: 60 + n },
});
