import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestConversation } from '../../../test/support/conversation.js';
import { replyToPlainText, type Reply } from '../replies.js';
import { createOwnerConversation } from './owner-conversation.js';
import type { InboundMessage } from './inbound.js';

// The owner path on a real database (PGlite or PostgreSQL): store first, de-duplicate,
// refuse bad input kindly, keep turns of one owner in order, and audit status changes.

let t: Awaited<ReturnType<typeof createTestConversation>>;
beforeAll(async () => (t = await createTestConversation()));
afterAll(async () => t?.close());

let seq = 0;
function message(owner: string, text: string | null, extra: Partial<InboundMessage> = {}): InboundMessage {
  seq += 1;
  return { channel: 'test', eventId: `ev-${owner}-${seq}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date(), ...extra };
}
const said = (replies: Reply[]) => replies.map(replyToPlainText).join('\n');

async function say(owner: string, ...texts: string[]) {
  let last;
  for (const text of texts) last = await t.owners.handle(message(owner, text));
  return last!;
}

describe('owner conversation on the database', () => {
  it('stores the inbound message and the replies, and marks the message processed', async () => {
    const m = message('o-store', '浜松で金属加工をしています');
    const r = await t.owners.handle(m);
    expect(r.status).toBe('processed');
    const rows = await t.db.prisma.messageLog.findMany({ where: { caseId: r.caseId }, orderBy: { receivedAt: 'asc' } });
    const inbound = rows.find((x) => x.direction === 'inbound');
    expect(inbound).toMatchObject({ eventId: m.eventId, state: 'processed', text: m.text });
    expect(rows.filter((x) => x.direction === 'outbound').length).toBe(r.replies.length);
  });

  it('processes a redelivered event once, however often it arrives', async () => {
    const m = message('o-dup', '今治でタオルを作っています');
    const results = [await t.owners.handle(m), await t.owners.handle(m), await t.owners.handle(m)];
    expect(results.map((r) => r.status)).toEqual(['processed', 'duplicate', 'duplicate']);
    expect(results[1]?.replies).toEqual([]);
    expect(await t.db.prisma.messageLog.count({ where: { channel: 'test', eventId: m.eventId } })).toBe(1);
  });

  it.each([
    ['empty', message('o-bad', '   '), '空のよう'],
    ['oversized', message('o-bad', 'あ'.repeat(5001)), '長すぎる'],
    ['a sticker', message('o-bad', null, { kind: 'sticker' }), '文字でお答え'],
  ])('keeps %s input, answers kindly and changes no case', async (_name, m, expected) => {
    const r = await t.owners.handle(m);
    expect(r.status).toBe('rejected');
    expect(said(r.replies)).toContain(expected);
    const row = await t.db.prisma.messageLog.findUniqueOrThrow({ where: { channel_eventId: { channel: 'test', eventId: m.eventId } } });
    expect(row.state).toBe('rejected');
    expect(row.text).toBe(m.text);
  });

  it('repeats the current question after refusing input on a case in progress', async () => {
    await say('o-repeat', '気仙沼で水産加工をやってます。従業員は42名');
    const r = await t.owners.handle(message('o-repeat', null, { kind: 'image' }));
    expect(said(r.replies)).toContain('困っていること');
  });

  it('runs concurrent messages of one owner one after another, losing none', async () => {
    await say('o-race', 'こんにちは');
    const texts = ['燕市で洋食器を作っています', '従業員は十二名です', '海外に直接売っていきたいのが課題です', '英語ができる者が社内におりません'];
    const results = await Promise.all(texts.map((text) => t.owners.handle(message('o-race', text))));
    expect(results.every((r) => r.status === 'processed')).toBe(true);
    const stored = await t.store.getCase(results[0]?.caseId as string);
    expect(stored?.fields.company).toMatchObject({ prefecture: '新潟県', employees: 12 });
    expect(stored?.fields.step1.issues.map((i) => i.category)).toContain('overseas');
    expect(stored?.fields.step1.talentIssues.length).toBeGreaterThan(0);
  });

  it('welcomes an owner back after a long pause, on the same case', async () => {
    let clock = new Date('2026-11-01T09:00:00Z');
    const owners = createOwnerConversation({ store: t.store, engine: t.engine, log: pino({ level: 'silent' }), now: () => clock });
    const first = await owners.handle(message('o-resume', '長野で温泉旅館をやっています'));
    clock = new Date(Date.now() + 7 * 60 * 60 * 1000);
    const later = await owners.handle(message('o-resume', '従業員は15名ほど'));
    expect(later.caseId).toBe(first.caseId);
    expect(said(later.replies)).toContain('おかえりなさい');
  });

  it('marks the message failed and apologises when a turn cannot be saved', async () => {
    const broken = { ...t.store, withOwner: async () => { throw new Error('connection lost'); } };
    const owners = createOwnerConversation({ store: broken, engine: t.engine, log: pino({ level: 'silent' }) });
    const m = message('o-fail', '倉敷で運送業をやってます');
    const r = await owners.handle(m);
    expect(r.status).toBe('failed');
    expect(said(r.replies)).toContain('受け付けています');
    const row = await t.db.prisma.messageLog.findUniqueOrThrow({ where: { channel_eventId: { channel: 'test', eventId: m.eventId } } });
    expect(row).toMatchObject({ state: 'failed', error: 'connection lost' });
  });
});

const INTAKE = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります',
];

describe('case lifecycle from the owner side', () => {
  it('drafts the spec in versions and audits the move to drafted', async () => {
    const r = await say('o-life', ...INTAKE, '予算は月20万円に変更', 'この内容でOK');
    const stored = await t.store.getCase(r.caseId as string);
    expect(stored?.status).toBe('drafted');
    expect(stored?.fields.step2.spec.monthlyBudgetYen).toBe(200000);
    const versions = await t.db.prisma.jobSpecDraft.findMany({ where: { caseId: r.caseId as string }, orderBy: { version: 'asc' } });
    expect(versions.length).toBeGreaterThan(2);
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    expect((versions.at(-1)?.spec as { monthlyBudgetYen: number }).monthlyBudgetYen).toBe(200000);
    const audits = await t.db.prisma.auditEvent.findMany({ where: { caseId: r.caseId as string, action: 'status_changed' } });
    expect(audits).toEqual([expect.objectContaining({ fromStatus: 'intake', toStatus: 'drafted', actorType: 'owner', channel: 'test' })]);
  });

  it('opens a new case, with the company carried over, for a new consultation', async () => {
    const done = await say('o-life', 'ありがとう');
    expect(said(done.replies)).toContain('新しい相談');
    const fresh = await say('o-life', '新しい相談');
    expect(fresh.caseId).not.toBe(done.caseId);
    const stored = await t.store.getCase(fresh.caseId as string);
    expect(stored?.status).toBe('intake');
    expect(stored?.fields.company).toMatchObject({ name: '株式会社川口メッキ', prefecture: '埼玉県' });
    const previous = await t.store.getCase(done.caseId as string);
    expect(previous?.status).toBe('drafted');
  });

  it('closes a non_talent case with a referral', async () => {
    const r = await say('o-refer', ...INTAKE.slice(0, 6), '人以外の方法で解決したい');
    expect(said(r.replies)).toContain('窓口');
    expect((await t.store.getCase(r.caseId as string))?.status).toBe('closed');
  });
});
