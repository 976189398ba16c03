import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCase } from '../../../test/support/cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { createPrismaCandidateStore } from '../../db/prisma-candidate-store.js';
import { createPrismaCaseStore } from '../../db/prisma-case-store.js';
import { createPrismaWorkflowStore } from '../../db/prisma-workflow-store.js';
import { emptyFields, type CaseFields } from '../case-sheet.js';
import { loadIntakeContent } from '../intake/content.js';
import { createCaseDesk } from '../members/case-desk.js';
import { replyToPlainText } from '../replies.js';
import type { CandidateRecord } from './candidate.js';
import { generateCandidates } from './generate.js';
import type { CandidateStore } from './ports.js';
import { createShortlistService, type ShortlistService } from './shortlist.js';

// A case's shortlist from stored cases and candidates: ranked, saved, balanced across open
// cases, and shown to coordinators without personal data.

let db: TestDatabase;
let candidates: CandidateStore;
let service: ShortlistService;
let caseStore: ReturnType<typeof createPrismaCaseStore>;

const isoCase = (): Partial<CaseFields> => {
  const f = emptyFields();
  return {
    company: { ...f.company, industry: 'manufacturing', prefecture: '埼玉県' },
    step1: { vision: null, issues: [{ summary: '取引先からISO9001の取得を求められている', category: 'quality', priority: 1 }], talentIssues: [] },
    step2: { direction: 'core_hire', spec: { ...f.step2.spec, skillCategories: ['quality'], workStyles: ['advisory'], daysPerWeek: 1, location: { prefecture: '埼玉県', remoteOk: null } } },
  };
};

const planted: CandidateRecord = {
  profile: {
    id: 'PLANT-ISO', kind: 'senior', prefecture: '埼玉県', remoteOk: false, daysPerWeek: 2, workStyles: ['advisory'],
    skillCategories: ['quality'], industries: ['manufacturing'], monthlyFeeMinYen: 100000,
    headline: '元大手自動車メーカー品質保証部長', summary: 'ISO9001の認証取得を12社で指導しました。品質保証部長として不良率を半減させました。',
  },
  personal: { name: '品質 太郎', email: 'iso@example.com', age: 66 },
};

beforeAll(async () => {
  db = await createTestDatabase();
  caseStore = createPrismaCaseStore(db.prisma);
  candidates = createPrismaCandidateStore(db.prisma);
  service = createShortlistService({ cases: caseStore, candidates });
  await candidates.upsertMany([...generateCandidates(600, 'shortlist'), planted]);
});
afterAll(async () => db?.close());

describe('shortlistForCase', () => {
  it('ranks the pool for a stored case, saves the shortlist and shows nothing personal', async () => {
    const caseId = await storeCase(caseStore, 'sl-1', isoCase());
    const result = await service.shortlistForCase(caseId, 5);
    expect(result.poolSize).toBe(601);
    expect(result.proposals[0]?.candidateId).toBe('PLANT-ISO');
    expect(JSON.stringify(result)).not.toMatch(/品質 太郎|iso@example.com|"age"|"name"|"email"/u);
    const saved = await candidates.loadShortlist(caseId);
    expect(saved.map((e) => e.candidateId)).toEqual(result.proposals.map((p) => p.candidateId));
    expect(saved[0]).toMatchObject({ rank: 1, state: 'proposed', reasons: result.proposals[0]?.reasons });
  });

  it('balances exposure: a person proposed on other open cases is marked and drops', async () => {
    const first = await storeCase(caseStore, 'sl-2', isoCase());
    const before = await service.rank({ caseId: null, spec: isoCase().step2!.spec, issues: isoCase().step1!.issues, talentIssues: [], industry: 'manufacturing' }, 5);
    await service.shortlistForCase(first, 5);
    const second = await storeCase(caseStore, 'sl-3', isoCase());
    const result = await service.shortlistForCase(second, 5);
    const plantedNow = result.proposals.find((p) => p.candidateId === 'PLANT-ISO');
    expect(plantedNow?.gaps).toContain('ほかに2件の案件で紹介を検討中です'); // sl-1 and sl-2
    expect(plantedNow?.score).toBeLessThan(before.proposals.find((p) => p.candidateId === 'PLANT-ISO')?.score as number);
  });

  it('never proposes again someone declined for the case, and counts capacity already promised', async () => {
    const caseId = await storeCase(caseStore, 'sl-4', isoCase());
    await service.shortlistForCase(caseId, 5);
    await candidates.setShortlistState(caseId, 'PLANT-ISO', 'declined');
    expect((await service.shortlistForCase(caseId, 50)).proposals.some((p) => p.candidateId === 'PLANT-ISO')).toBe(false);
    const other = await storeCase(caseStore, 'sl-5', isoCase());
    await candidates.addCommitment({ candidateId: 'PLANT-ISO', caseId: null, daysPerWeek: 1.6, kind: 'engagement' });
    expect((await service.shortlistForCase(other, 50)).proposals.some((p) => p.candidateId === 'PLANT-ISO')).toBe(false);
  });

  it('refuses a case that does not exist or names nothing to match yet', async () => {
    await expect(service.shortlistForCase('C-ZZZZZZZZ')).rejects.toThrow('見つかりませんでした');
    const empty = await storeCase(caseStore, 'sl-6');
    await expect(service.shortlistForCase(empty)).rejects.toThrow('まだ求める分野や課題');
  });

  it('answers 「候補 C-…」 on the case desk, with ids and headlines but no names', async () => {
    const caseId = await storeCase(caseStore, 'sl-7', isoCase());
    const desk = createCaseDesk({ store: caseStore, workflowStore: createPrismaWorkflowStore(db.prisma), content: loadIntakeContent(), shortlists: service });
    const said = (await desk.respond(`候補 ${caseId.toLowerCase()}`)).map(replyToPlainText).join('\n');
    expect(said).toContain(`案件 ${caseId} の候補者`);
    expect(said).toMatch(/^1\. \S+［/mu);
    expect(said).toContain('承認した後');
    expect(said).not.toContain('品質 太郎');
    expect((await desk.respond('ヘルプ')).map(replyToPlainText).join('')).toContain('候補 C-XXXXXXXX');
  });
});
