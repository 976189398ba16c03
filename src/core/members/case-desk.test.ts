import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { offlineEngine } from '../intake/offline.js';
import { createPrismaCaseStore } from '../../db/prisma-case-store.js';
import { createPrismaWorkflowStore } from '../../db/prisma-workflow-store.js';
import { replyToPlainText, type Reply } from '../replies.js';
import { createCaseDesk, caseQuery } from './case-desk.js';

// The case list from a messenger: an advisor sees their organisation's cases and those it
// handed on; the hub sees all; a case of another organisation reads as missing.

let db: TestDatabase;
let desk: ReturnType<typeof createCaseDesk>;
const said = (r: Reply[]) => r.map(replyToPlainText).join('\n');
const as = (externalId: string) => ({ channel: 'slack', externalId });

async function seedCase(id: string, organisationId: string, company: { name: string; prefecture: string; industry: string }) {
  await db.prisma.owner.create({ data: { id: `o-${id}`, channel: 'test', externalId: `o-${id}` } });
  await db.prisma.company.create({ data: { id: `co-${id}`, ...company } });
  await db.prisma.case.create({ data: { id, ownerId: `o-${id}`, companyId: `co-${id}`, organisationId, dialogue: { phase: 'step1', settled: [] } } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  await p.organisation.createMany({ data: [
    { id: 'org-a', name: '浜松商工会議所', kind: 'cci' }, { id: 'org-b', name: '磐田信用金庫', kind: 'bank' }, { id: 'hub', name: '拠点', kind: 'hub', isHub: true },
  ] });
  await p.member.createMany({ data: [
    { id: 'm-a', organisationId: 'org-a', role: 'advisor', displayName: '山田' },
    { id: 'm-b', organisationId: 'org-b', role: 'advisor', displayName: '鈴木' },
    { id: 'm-h', organisationId: 'hub', role: 'coordinator', displayName: '佐藤' },
  ] });
  await p.memberIdentity.createMany({ data: [
    { channel: 'slack', externalId: 'UA', memberId: 'm-a' }, { channel: 'slack', externalId: 'UB', memberId: 'm-b' }, { channel: 'slack', externalId: 'UH', memberId: 'm-h' },
  ] });
  await seedCase('C-AAAAAAAA', 'org-a', { name: '浜松精工', prefecture: '静岡県', industry: 'manufacturing' });
  await seedCase('C-BBBBBBBB', 'org-b', { name: '磐田運送', prefecture: '静岡県', industry: 'transport' });
  await seedCase('C-CCCCCCCC', 'org-b', { name: '掛川茶園', prefecture: '静岡県', industry: 'agriculture_fishery' });
  await p.caseShare.create({ data: { caseId: 'C-CCCCCCCC', organisationId: 'org-a' } }); // handed from A to B
  desk = createCaseDesk({ store: createPrismaCaseStore(p), workflowStore: createPrismaWorkflowStore(p), content: offlineEngine().content });
});
afterAll(async () => db?.close());

describe('case desk', () => {
  it('lists the advisor organisation cases and those it handed on', async () => {
    const text = said(await desk.respond('一覧', as('UA')));
    expect(text).toContain('浜松商工会議所の最近の案件（2件）');
    expect(text).toContain('C-AAAAAAAA');
    expect(text).toContain('C-CCCCCCCC');
    expect(text).not.toContain('C-BBBBBBBB');
  });

  it('lets the hub see every case, and the terminal too', async () => {
    expect(said(await desk.respond('list', as('UH')))).toContain('（3件）');
    expect(said(await desk.respond('一覧'))).toContain('（3件）');
  });

  it('shows a case of the organisation, and treats another organisation case as missing', async () => {
    expect(said(await desk.respond('表示 C-AAAAAAAA', as('UA')))).toContain('案件 C-AAAAAAAA［ヒアリング中］');
    expect(said(await desk.respond('show c-bbbbbbbb', as('UA')))).toBe('案件 C-BBBBBBBB は見つかりませんでした。');
    expect(said(await desk.respond('C-BBBBBBBB', as('UB')))).toContain('案件 C-BBBBBBBB［');
  });

  it.each([
    ['検索 浜松', 'UA', ['C-AAAAAAAA'], ['C-BBBBBBBB']],
    ['search 運輸', 'UA', [], ['C-BBBBBBBB']],
    ['検索 運輸', 'UB', ['C-BBBBBBBB'], ['C-AAAAAAAA']],
    ['検索 静岡', 'UH', ['C-AAAAAAAA', 'C-BBBBBBBB', 'C-CCCCCCCC'], []],
    ['検索 cccc', 'UA', ['C-CCCCCCCC'], ['C-AAAAAAAA']],
  ])('searches %s as %s within scope', async (command, user, found, hidden) => {
    const text = said(await desk.respond(command, as(user)));
    for (const id of found) expect(text).toContain(id);
    for (const id of hidden) expect(text).not.toContain(id);
    if (!found.length) expect(text).toContain('見つかりませんでした');
  });

  it('refuses an unregistered account and explains the commands otherwise', async () => {
    expect(said(await desk.respond('一覧', as('UNKNOWN')))).toContain('登録されていないアカウント');
    expect(said(await desk.respond('なにか', as('UA')))).toContain('【使えるコマンド】');
    expect(said(await desk.respond('検索', as('UA')))).toContain('検索する言葉');
  });

  it('maps industry words to their codes', () => {
    expect(caseQuery('製造').industries).toEqual(['manufacturing']);
    expect(caseQuery('浜松').industries).toEqual([]);
  });
});
