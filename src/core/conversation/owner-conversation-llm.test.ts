import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/support/cli.js';
import { createTestConversation, testLlm } from '../../../test/support/conversation.js';
import { checkExpectations, loadTranscriptFixtures } from '../../../test/support/expectations.js';
import {
  answer, completion, emptyExtractionAnswer, fact, startFakeOpenAI, type Behaviour, type FakeOpenAI, type RecordedRequest,
} from '../../../test/support/fake-openai.js';
import { replyToPlainText, type Reply } from '../replies.js';
import { toCaseSheet } from '../sheet.js';
import type { OwnerConversation } from './owner-conversation.js';

// The owner path with an LLM configured, on the test database, through the real openai SDK
// and LangChain against a local fake server: a good answer is used where the offline engine
// found nothing; every failure ends the turn on the offline engine with the same case sheet.

let t: Awaited<ReturnType<typeof createTestConversation>>;
let fake: FakeOpenAI;
beforeAll(async () => {
  t = await createTestConversation();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
beforeEach(() => fake.reset());

const fixture = loadTranscriptFixtures(join(ROOT, 'test/fixtures/transcripts')).find((f) => f.name.startsWith('01-'))!;
let seq = 0;

async function play(owners: OwnerConversation, owner: string, messages: string[], sender: { displayName?: string } = {}) {
  const replies: Reply[] = [];
  let caseId: string | null = null;
  for (const text of messages) {
    const r = await owners.handle({ channel: 'test', eventId: `llm-${++seq}`, sender: { externalId: owner, ...sender }, kind: 'text', text, receivedAt: new Date() });
    expect(r.status).toBe('processed');
    caseId = r.caseId ?? caseId;
    replies.push(...r.replies);
  }
  const stored = await t.store.getCase(caseId as string);
  const sheet = toCaseSheet(stored!.id, stored!.status, stored!.fields, stored!.dialogue.settled);
  return { caseId: caseId as string, sheet, said: replies.map(replyToPlainText).join('\n') };
}

const withoutId = <T extends { caseId: string }>(sheet: T) => ({ ...sheet, caseId: undefined });
const ownerText = (r: RecordedRequest) => /<owner_message>\n([\s\S]*)\n<\/owner_message>/.exec(r.user)?.[1] ?? '';

/** A model that reads a few things the offline rules miss (and one they get right). */
const oracle: Behaviour = (request) => {
  const text = ownerText(request);
  const a = emptyExtractionAnswer() as ReturnType<typeof emptyExtractionAnswer> & Record<string, unknown>;
  if (text.includes('遠州')) a.company.prefecture = fact('静岡県', '遠州') as never;
  if (text.includes('三十人弱')) a.company.employees = fact(28, '三十人弱') as never;
  if (text.includes('ベテランがいない')) a.talentIssues = [{ summary: '段取りを教えられるベテランがいない', evidence: '段取りを教えられるベテランがいない', sure: true }] as never;
  return answer(a, { usage: { prompt_tokens: 1000, completion_tokens: 60 } });
};

const GOOD = ['うちは遠州の町工場で、旋盤やフライスで部品を削ってます', '従業員はパート入れて三十人弱かな', '納期遅れが続いてて困ってます', '若い衆に段取りを教えられるベテランがいない'];

const FAILURES: [string, Behaviour, string][] = [
  ['malformed JSON', () => completion('{"company": {"industry": '), 'malformed'],
  ['a schema-invalid answer', () => answer({ company: 'metalworks', status: 'approved' }), 'schema_invalid'],
  ['a slow model past the budget', () => ({ ...answer(emptyExtractionAnswer()), delayMs: 3000 }), 'timeout'],
  ['a 500', () => ({ status: 500, raw: '<html>Internal Server Error</html>' }), 'http_5xx'],
  ['a refusal', () => completion(null, { refusal: "I'm sorry, I can't help with that." }), 'refusal'],
];

describe.each(['openai', 'langchain'] as const)('owner conversation with the %s provider', (provider) => {
  let owners: OwnerConversation;
  let quick: OwnerConversation;
  let offline: Awaited<ReturnType<typeof play>>;
  beforeAll(async () => {
    owners = t.withLlm(await testLlm(provider, fake.url, 2000));
    quick = t.withLlm(await testLlm(provider, fake.url, 400));
    offline = await play(t.owners, `offline-${provider}`, fixture.messages);
  });

  it.each(FAILURES)('answers from the offline engine on %s, with the same case sheet', async (name, behaviour, reason) => {
    fake.on('*', behaviour);
    const started = performance.now();
    const r = await play(quick, `${provider}-${name}`, fixture.messages);
    // One budget per turn bounds even the slow model: 400 ms, and a margin for the database.
    expect((performance.now() - started) / fixture.messages.length).toBeLessThan(1500);
    expect(withoutId(r.sheet)).toEqual(withoutId(offline.sheet));
    expect(checkExpectations(r.sheet, fixture.expected).filter((x) => !x.ok)).toEqual([]);
    expect(r.said).not.toMatch(/error|timeout|429|500|json|エラー|sorry/i);
    const calls = await t.db.prisma.llmCall.findMany({ where: { caseId: r.caseId } });
    expect(calls.length).toBeGreaterThanOrEqual(fixture.messages.length - 1);
    expect(calls.every((c) => c.outcome === 'fallback')).toBe(true);
    expect(new Set(calls.map((c) => c.reason))).toContain(reason);
  });

  it('uses a good structured answer only where the offline engine found nothing', async () => {
    fake.on('extract', oracle);
    const r = await play(owners, `${provider}-good`, GOOD);
    expect(r.sheet.company).toMatchObject({ prefecture: '静岡県', employees: 30, industry: 'manufacturing' });
    expect(r.sheet.step1.talentIssues).toContain('段取りを教えられるベテランがいない');
    const calls = await t.db.prisma.llmCall.findMany({ where: { caseId: r.caseId }, orderBy: { createdAt: 'asc' } });
    expect(calls.map((c) => [c.task, c.outcome, c.filled])).toEqual([
      ['extract', 'ok', ['company.prefecture']],
      ['extract', 'ok', []],
      ['extract', 'ok', []],
      ['extract', 'ok', ['step1.talentIssues']],
    ]);
    expect(calls[0]).toMatchObject({ provider, promptVersion: 'extract.v1', model: 'fake-model', inputTokens: 1000, outputTokens: 60 });
  });

  it('retries a 429 once and then uses the answer', async () => {
    let n = 0;
    fake.on('extract', (req) => (++n % 2 === 1 ? { status: 429, headers: { 'retry-after-ms': '20' }, json: { error: { message: 'rate limited' } } } : oracle(req)));
    const r = await play(owners, `${provider}-429`, GOOD.slice(0, 1));
    expect(r.sheet.company.prefecture).toBe('静岡県');
    expect(fake.requests.filter((x) => x.task === 'extract')).toHaveLength(2);
  });

  it('writes the STEP 1 summary and the spec wording, never over what the owner wrote', async () => {
    fake.on('summarise', () => answer({ summary: '品質の仕組みを担える人が社内にいないことが、ISO取得が進まない背景ではないでしょうか。この見立てで合っていますか？' }));
    fake.on('draft_spec', () => answer({
      persona: '製造業で品質保証の仕組みづくりを担い、現場と対話しながら進められる方',
      expectations: 'ISO9001の取得に向けて品質の記録と改善の流れをつくり、取引先に選ばれ続ける体制を整えること',
      duties: ['品質マニュアルの整備', '不良データの記録と分析', 'ISO審査への対応'],
      appeal: '社長のすぐそばで品質の仕組みを一からつくれる',
    }));
    const r = await play(owners, `${provider}-drafts`, INTAKE);
    expect(r.said).toContain('伴走の見立て');
    expect(r.said).toContain('ISO取得が進まない背景ではないでしょうか');
    const spec = r.sheet.step2.spec;
    expect(spec.persona).toBe('製造業で品質保証の仕組みづくりを担い、現場と対話しながら進められる方');
    expect(spec.duties).toEqual(['品質マニュアルの整備', '不良データの記録と分析', 'ISO審査への対応']);
    expect(spec.appeal).toBe('地域で50年の実績があります');
    expect(spec.monthlyBudgetYen).toBe(150000);
    const calls = await t.db.prisma.llmCall.findMany({ where: { caseId: r.caseId } });
    expect(calls.map((c) => c.task)).toContain('summarise');
    expect(calls.map((c) => c.task)).toContain('draft_spec');
    // Each turn read the message on the case as the last turn left it: never stale.
    expect(calls.filter((c) => c.outcome !== 'ok')).toEqual([]);
  });

  it('reads the case from the database for an owner it has not seen (another process)', async () => {
    fake.on('extract', oracle);
    const first = await play(owners, `${provider}-moved`, GOOD.slice(0, 3));
    const elsewhere = t.withLlm(await testLlm(provider, fake.url, 2000));
    const r = await play(elsewhere, `${provider}-moved`, GOOD.slice(3));
    expect(r.caseId).toBe(first.caseId);
    const last = await t.db.prisma.llmCall.findFirst({ where: { caseId: r.caseId }, orderBy: { createdAt: 'desc' } });
    expect(last).toMatchObject({ outcome: 'ok', filled: ['step1.talentIssues'] });
  });

  it('lets the offline engine answer a turn whose case moved on while the model read', async () => {
    fake.on('extract', (req) => ({ ...oracle(req), delayMs: 150 }));
    const send = (text: string) => owners.handle({ channel: 'test', eventId: `llm-${++seq}`, sender: { externalId: `${provider}-race` }, kind: 'text', text, receivedAt: new Date() });
    // The owner exists first: two first-ever messages racing is the owner table's business.
    await send('こんにちは');
    const results = await Promise.all([send(GOOD[0] as string), send('従業員は28人です')]);
    expect(results.every((r) => r.status === 'processed')).toBe(true);
    const calls = await t.db.prisma.llmCall.findMany({ where: { caseId: results[0]?.caseId as string } });
    expect(calls.map((c) => c.reason ?? c.outcome).sort()).toEqual(['ok', 'ok', 'stale']);
  });

  it('sends no company name, messenger id or display name to the model', async () => {
    await play(owners, `U-secret-${provider}`, ['株式会社川口メッキです。川口で電子部品のめっき加工をやってます', '社員は28人です', '取引先からISOを取ってくれと言われて困ってます'], { displayName: '山田 花子' });
    const later = fake.requests.slice(1).map((r) => r.user).join('\n');
    expect(later).toContain('めっき');
    expect(later).not.toContain('川口メッキ');
    expect(fake.requests.map((r) => JSON.stringify(r.body)).join('\n')).not.toMatch(/U-secret|山田|花子/);
  });
});

const INTAKE = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります',
];
