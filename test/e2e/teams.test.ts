import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeTeams, teamsClient, teamsUser, type ConnectorCall, type FakeTeams, type TeamsClient } from '../support/fake-teams.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Teams end to end: the real server in this process, a fake Bot Connector on 127.0.0.1, and
// requests posted to /api/messages as Teams posts them (anonymous mode, TEAMS_ENABLED=true).

const COORDINATOR = teamsUser('aad-coord-1', '佐藤 花子');
const LATE_COORDINATOR = teamsUser('aad-coord-2', '鈴木 一郎');
const ADVISOR_IN_TEAMS = teamsUser('aad-advisor-9', '田中 次郎');
const STRANGER = teamsUser('aad-stranger', '山本 三郎');

const INTAKE = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります', 'この内容でOK',
];

let fake: FakeTeams;
let server: TestServer;
let teams: TeamsClient;

async function seedNetwork(s: TestServer): Promise<void> {
  const prisma = s.app.db.prisma;
  await prisma.organisation.create({ data: { id: 'org-hub', name: '静岡県プロ人材戦略拠点', kind: 'hub', isHub: true, isDefault: true } });
  await prisma.member.createMany({
    data: [
      { id: 'm-coord-1', organisationId: 'org-hub', role: 'coordinator', displayName: '佐藤 花子' },
      { id: 'm-coord-2', organisationId: 'org-hub', role: 'coordinator', displayName: '鈴木 一郎' },
      { id: 'm-advisor-1', organisationId: 'org-hub', role: 'advisor', displayName: '高橋 健' },
      { id: 'm-advisor-9', organisationId: 'org-hub', role: 'advisor', displayName: '田中 次郎' },
    ],
  });
  await prisma.memberIdentity.createMany({
    data: [
      { channel: 'teams', externalId: COORDINATOR.aadObjectId, memberId: 'm-coord-1' },
      { channel: 'teams', externalId: LATE_COORDINATOR.aadObjectId, memberId: 'm-coord-2' },
      { channel: 'teams', externalId: ADVISOR_IN_TEAMS.aadObjectId, memberId: 'm-advisor-9' },
      { channel: 'slack', externalId: 'U1', memberId: 'm-advisor-1' },
    ],
  });
}

/** An owner's whole intake through the core, ending with a confirmed (drafted) spec. */
async function draftedCase(owner: string): Promise<string> {
  let caseId: string | null = null;
  for (const [i, text] of INTAKE.entries()) {
    const r = await server.app.owners.handle({ channel: 'test', eventId: `${owner}-${i}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() });
    caseId = r.caseId ?? caseId;
  }
  expect((await server.app.store.getCase(caseId as string))?.status).toBe('drafted');
  return caseId as string;
}

const attachments = (c: ConnectorCall) => (c.body.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[];
const cardOf = (c: ConnectorCall) => attachments(c)[0]?.content as { body: unknown[]; actions: { verb?: string }[] } | undefined;
const cardText = (card: unknown) => JSON.stringify(card) ?? '';
const approvalCardsFor = (user: { conversationId: string }, caseId: string) => (calls: ConnectorCall[]) => calls.filter((c) =>
  c.status < 300 && c.method === 'POST' && c.conversationId === user.conversationId && cardText(cardOf(c)).includes(`求人の承認依頼　案件 ${caseId}`));
const audits = (caseId: string, action: string) => server.app.db.prisma.auditEvent.count({ where: { caseId, action } });

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

beforeAll(async () => {
  fake = await startFakeTeams();
  server = await startTestServer({ TEAMS_ENABLED: 'true' });
  teams = teamsClient(server.url, fake.url);
  await seedNetwork(server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('Teams for coordinators', () => {
  it('answers a registered coordinator from the case desk and stores the chat for later', async () => {
    const res = await teams.message(COORDINATOR, '一覧');
    expect(res.status).toBe(200);
    const [reply] = (await fake.waitFor((calls) => calls.some((c) => c.conversationId === COORDINATOR.conversationId))).filter((c) => c.conversationId === COORDINATOR.conversationId);
    expect(reply?.body).toMatchObject({ type: 'message', recipient: { id: `29:${COORDINATOR.aadObjectId}` } });
    expect(String(reply?.body.text)).toMatch(/案件/);
    const ref = await server.app.db.prisma.conversationRef.findUnique({ where: { memberId_channel: { memberId: 'm-coord-1', channel: 'teams' } } });
    expect(ref?.reference).toMatchObject({ serviceUrl: fake.url, conversation: { id: COORDINATOR.conversationId } });
  });

  it('refuses someone unregistered politely, and remembers nothing', async () => {
    await teams.message(STRANGER, '一覧');
    const [reply] = (await fake.waitFor((calls) => calls.some((c) => c.conversationId === STRANGER.conversationId))).filter((c) => c.conversationId === STRANGER.conversationId);
    expect(String(reply?.body.text)).toContain('登録されていません');
    expect(await server.app.db.prisma.conversationRef.count()).toBe(1);
  });

  let caseId: string;
  let cardActivityId: string;

  it('delivers the approval card proactively once, through a connector answering 429 then 500', async () => {
    caseId = await draftedCase('owner-1');
    fake.failNext({ status: 429, retryAfterSeconds: 1 }, { status: 500 });
    const sent = await server.app.workflow.act({ channel: 'slack', externalId: 'U1' }, caseId, { type: 'send_for_approval', comment: 'ISO 取得経験者を優先したいです' });
    expect(sent.outcome).toBe('done');
    const calls = await fake.waitFor((c) => approvalCardsFor(COORDINATOR, caseId)(c).length >= 1, 20_000);
    const failed = calls.filter((c) => c.status >= 400 && c.conversationId === COORDINATOR.conversationId);
    expect(failed.map((c) => c.status)).toEqual([429, 500]);
    await new Promise((r) => setTimeout(r, 1500)); // nothing else arrives afterwards
    const cards = approvalCardsFor(COORDINATOR, caseId)(fake.calls);
    expect(cards).toHaveLength(1);
    const card = cardOf(cards[0] as ConnectorCall);
    expect(attachments(cards[0] as ConnectorCall)[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.actions.map((a) => a.verb)).toEqual(['approve', 'return', 'edit']);
    expect(cardText(card)).toContain('ISO 取得経験者を優先したいです'); // the advisor's comment
    expect(cardText(card)).toContain('Input.Text'); // the box for a return comment
    cardActivityId = cards[0]?.activityId as string;
    const row = await server.app.db.prisma.outbox.findFirst({ where: { channel: 'teams', caseId, address: { path: ['memberId'], equals: 'm-coord-1' } } });
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('keeps the card for a coordinator who has not opened a chat, and delivers it when they install the bot', async () => {
    await vi.waitFor(async () => {
      const waiting = await server.app.db.prisma.outbox.findFirst({ where: { channel: 'teams', caseId, address: { path: ['memberId'], equals: 'm-coord-2' } } });
      expect(waiting).toMatchObject({ state: 'pending', lastError: expect.stringContaining('has not opened a chat') });
    }, { timeout: 5_000, interval: 50 });
    await teams.installed(LATE_COORDINATOR);
    await fake.waitFor((c) => approvalCardsFor(LATE_COORDINATOR, caseId)(c).length === 1);
    await fake.waitFor((c) => c.some((x) => x.conversationId === LATE_COORDINATOR.conversationId && String(x.body.text).includes('承認のご依頼はこのチャット')));
  });

  it('refuses a non-coordinator politely, audits the attempt and leaves the case as it was', async () => {
    const res = await teams.execute(ADVISOR_IN_TEAMS, 'approve', { caseId });
    expect(res.status).toBe(200);
    const body = res.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(body.value)).toContain('コーディネーターだけ');
    const stranger = (await teams.execute(STRANGER, 'approve', { caseId })).body as InvokeBody;
    expect(String(stranger.value)).toContain('登録されていない');
    expect((await server.app.store.getCase(caseId))?.status).toBe('in_review');
    expect(await audits(caseId, 'refused_decide')).toBe(2);
    expect(await audits(caseId, 'spec_approved')).toBe(0);
  });

  it('asks for a reason when a return comes without one', async () => {
    const body = (await teams.execute(COORDINATOR, 'return', { caseId, comment: '  ' }, cardActivityId)).body as InvokeBody;
    expect(String(body.value)).toContain('理由');
    expect((await server.app.store.getCase(caseId))?.status).toBe('in_review');
  });

  it('approves: the card is replaced by one saying who decided and when, and every copy is updated in place', async () => {
    const before = fake.calls.length;
    const res = await teams.execute(COORDINATOR, 'approve', { caseId }, cardActivityId);
    const body = res.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = body.value as { actions: unknown[] };
    expect(card.actions).toEqual([]);
    expect(cardText(card)).toMatch(/佐藤 花子 さんが \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2} に承認しました/);
    expect((await server.app.store.getCase(caseId))?.status).toBe('approved');
    expect(await audits(caseId, 'spec_approved')).toBe(1);
    // Both coordinators' cards are redrawn (PUT), and the other coordinator hears who decided.
    const calls = await fake.waitFor((c) => c.slice(before).filter((x) => x.method === 'PUT').length === 2 &&
      c.slice(before).some((x) => x.conversationId === LATE_COORDINATOR.conversationId && String(x.body.text).includes('承認')));
    const puts = calls.slice(before).filter((x) => x.method === 'PUT');
    expect(puts.map((p) => p.activityId)).toContain(cardActivityId);
    expect(puts.every((p) => cardText(cardOf(p)).includes('に承認しました'))).toBe(true);
  });

  it('a second click changes nothing and says so', async () => {
    const transitions = await audits(caseId, 'status_changed');
    const body = (await teams.execute(COORDINATOR, 'approve', { caseId }, cardActivityId)).body as InvokeBody;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('判断済み');
    expect(await audits(caseId, 'spec_approved')).toBe(1);
    expect(await audits(caseId, 'status_changed')).toBe(transitions);
    expect((await server.app.store.getCase(caseId))?.status).toBe('approved');
  });

  it('edits the spec from the card, then returns it with a comment', async () => {
    const second = await draftedCase('owner-2');
    await server.app.workflow.act({ channel: 'slack', externalId: 'U1' }, second, { type: 'send_for_approval', comment: null });
    const form = (await teams.execute(COORDINATOR, 'edit', { caseId: second })).body as InvokeBody;
    expect(cardText(form.value)).toContain('"id":"monthlyBudgetYen"');
    expect(cardText(form.value)).toContain('"value":150000');

    const invalid = (await teams.execute(COORDINATOR, 'save_edit', { caseId: second, monthlyBudgetYen: '-5' })).body as InvokeBody;
    expect(cardText(invalid.value)).toContain('0 以上');
    expect((await server.app.store.getCase(second))?.fields.step2.spec.monthlyBudgetYen).toBe(150000);

    const saved = (await teams.execute(COORDINATOR, 'save_edit', { caseId: second, monthlyBudgetYen: '250000', title: '品質保証アドバイザー（副業）' })).body as InvokeBody;
    expect(cardText(saved.value)).toContain('求人の下書きを更新しました');
    expect(cardText(saved.value)).toContain('品質保証アドバイザー（副業）');
    const spec = (await server.app.store.getCase(second))?.fields.step2.spec;
    expect(spec).toMatchObject({ monthlyBudgetYen: 250000, title: '品質保証アドバイザー（副業）' });

    const returned = (await teams.execute(COORDINATOR, 'return', { caseId: second, comment: '予算の根拠を経営者にご確認ください' })).body as InvokeBody;
    expect(cardText(returned.value)).toContain('差し戻しました');
    expect(cardText(returned.value)).toContain('予算の根拠を経営者にご確認ください');
    expect((await server.app.store.getCase(second))?.status).toBe('returned');
    expect(await audits(second, 'spec_returned')).toBe(1);
  });

  it('answers an unreadable card action without touching any case', async () => {
    const body = (await teams.execute(COORDINATOR, 'approve', { caseId: 'not-a-case' })).body as InvokeBody;
    expect(String(body.value)).toContain('読み取れません');
  });
});

describe('Teams with an app registration', () => {
  let secured: TestServer;
  beforeAll(async () => {
    secured = await startTestServer({ TEAMS_CLIENT_ID: '00000000-0000-0000-0000-00000000b07a', TEAMS_CLIENT_SECRET: 'not-a-secret', TEAMS_TENANT_ID: '00000000-0000-0000-0000-0000000000aa' });
  }, 60_000);
  afterAll(async () => secured?.close());

  const unsignedToken = (claims: Record<string, unknown>) => {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${part(claims)}.${Buffer.from('sig').toString('base64url')}`;
  };

  it.each([
    ['no Authorization header', {}],
    ['a malformed header', { authorization: 'Basic abc' }],
    ['a token that is not a JWT', { authorization: 'Bearer nonsense' }],
    ['a token for another bot', { authorization: `Bearer ${unsignedToken({ aud: 'someone-else', iss: 'https://api.botframework.com', exp: Math.floor(Date.now() / 1000) + 600 })}` }],
  ])('refuses a request with %s (401) and processes nothing', async (_name, headers) => {
    const client = teamsClient(secured.url, 'https://smba.trafficmanager.net/jp/');
    const res = await client.post(client.activity(COORDINATOR, { type: 'message', text: '一覧' }), headers);
    expect(res.status).toBe(401);
    expect(await secured.app.db.prisma.outbox.count()).toBe(0);
  });
});
