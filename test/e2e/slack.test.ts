import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import type { TestServer } from '../support/server.js';
import {
  ADVISOR, BANK_CHANNEL, BANKER, CASES_CHANNEL, delivered, inputs, ownerSays, seedNetwork, slackClient, startSlackServer, STEP1, STEP2, STRANGER, texts,
} from '../support/slack-scenario.js';
import { nowSeconds, post, signCommand, signEvent } from '../support/slack-signer.js';

// The Slack side of a case, end to end: the real server, requests signed as Slack signs them,
// and a fake Slack Web API that records what the bot posts.

let fake: FakeSlack;
let server: TestServer;
let slack: ReturnType<typeof slackClient>;
let caseId: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  server = await startSlackServer(fake);
  await seedNetwork(server.app);
  slack = slackClient(server.url, fake);
  caseId = await ownerSays(server.app, 'U-owner-kawaguchi', [...STEP1, ...STEP2]);
  await delivered(server.app);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

const prisma = () => server.app.db.prisma;
const thread = async () => (await prisma().caseThread.findUnique({ where: { caseId } }))!;
const threadTexts = async () => {
  const t = await thread();
  return fake.messages.filter((m) => m.thread_ts === t.rootTs).map((m) => m.text);
};
const ephemeralsTo = (user: string) => fake.callsOf('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));
const lastView = () => fake.callsOf('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: Record<string, unknown> }[] };

describe('the case in its organisation channel', () => {
  it('posts the case card once as the thread root, updates it in place, and carries milestones in the thread', async () => {
    const roots = fake.messages.filter((m) => m.channel === CASES_CHANNEL && !m.thread_ts);
    expect(roots).toHaveLength(1);
    const t = await thread();
    expect(t).toMatchObject({ channelId: CASES_CHANNEL, rootTs: roots[0]?.ts });
    expect(JSON.stringify(roots[0]?.blocks)).toContain(caseId);
    expect((await threadTexts()).join('\n')).toMatch(/STEP 1 の要約を確認[\s\S]*求人の下書きを確認/);
    const updates = fake.callsOf('chat.update').filter((c) => c.args.ts === t.rootTs);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    const actions = JSON.stringify(roots[0]?.blocks);
    expect(actions).toContain('"action_id":"send_for_approval"');
    expect(actions).toContain('求人案作成済み');
  });
});

describe('case card buttons', () => {
  it('takes the case: acks at once, tells the advisor, and says so in the thread', async () => {
    const res = await slack.press(ADVISOR, 'take_case', caseId);
    expect(res.status).toBe(200);
    await eventually(async () => expect(await threadTexts()).toContain('山田太郎 さんが担当になりました。'));
    expect(ephemeralsTo(ADVISOR)).toContain(`案件 ${caseId} の担当になりました。`);
    await delivered(server.app);
    expect(fake.messages.find((m) => m.ts === fake.messages[0]?.ts)?.text).toContain('山田太郎');
  });

  it('politely refuses someone who is not registered, and audits it', async () => {
    await slack.press(STRANGER, 'take_case', caseId);
    await eventually(() => expect(ephemeralsTo(STRANGER).join()).toContain('登録されていないアカウント'));
    expect(await prisma().auditEvent.count({ where: { caseId, action: 'refused_take', actorId: `slack:${STRANGER}` } })).toBe(1);
  });

  it('asks the owner through a modal; an empty question keeps the modal open', async () => {
    await slack.press(ADVISOR, 'ask_owner', caseId);
    await eventually(() => expect(lastView()?.callback_id).toBe('ask_owner'));
    const empty = await slack.submit(ADVISOR, lastView(), inputs({ question: ' ' }));
    expect(JSON.parse(empty.body)).toMatchObject({ response_action: 'errors', errors: { question: expect.any(String) } });
    const sent = await slack.submit(ADVISOR, lastView(), inputs({ question: '品質管理の担当者は今何名いますか？' }));
    expect(sent.status).toBe(200);
    await eventually(async () => expect((await threadTexts()).join()).toContain('山田太郎 さんが経営者に質問しました：品質管理の担当者は今何名いますか？'));
    // No LINE adapter here, so nothing is queued for the owner's messenger.
    expect(await prisma().outbox.count({ where: { channel: { not: 'slack' } } })).toBe(0);
  });

  it('edits the draft in a prefilled modal', async () => {
    await slack.press(ADVISOR, 'edit_draft', caseId);
    await eventually(() => expect(lastView()?.callback_id).toBe('edit_draft'));
    const budget = lastView().blocks.find((b) => b.block_id === 'monthlyBudgetYen');
    expect(budget?.element).toMatchObject({ initial_value: '150000' });
    await slack.submit(ADVISOR, lastView(), { ...inputs({ title: 'ISO9001取得を導く品質保証アドバイザー', duties: 'ISO9001の取得支援\n品質管理の社内教育' }), monthlyBudgetYen: { value: { type: 'number_input', value: '180000' } } });
    await eventually(async () => expect((await server.app.store.getCase(caseId))?.fields.step2.spec).toMatchObject({
      title: 'ISO9001取得を導く品質保証アドバイザー', duties: ['ISO9001の取得支援', '品質管理の社内教育'], monthlyBudgetYen: 180000,
    }));
    await eventually(async () => expect((await threadTexts()).join()).toContain('山田太郎 さんが求人の下書きを編集しました。'));
  });

  it('sends the draft to the coordinator for approval', async () => {
    await slack.press(ADVISOR, 'send_for_approval', caseId);
    await eventually(async () => expect((await server.app.store.getCase(caseId))?.status).toBe('in_review'));
    await eventually(async () => expect((await threadTexts()).join()).toContain('山田太郎 さんがコーディネーターに承認を依頼しました。'));
    expect(ephemeralsTo(ADVISOR)).toContain('コーディネーターに承認を依頼しました。');
  });

  it('hands the case over to another organisation (トスアップ), which then sees it', async () => {
    await slack.press(ADVISOR, 'hand_over', caseId);
    await eventually(() => expect(lastView()?.callback_id).toBe('hand_over'));
    const select = lastView().blocks.find((b) => b.block_id === 'to')?.element as { options: { text: { text: string }; value: string }[] };
    expect(select.options.map((o) => o.text.text)).not.toContain('川口商工会議所');
    const bank = select.options.find((o) => o.text.text === '埼玉りそな地域支援部');
    await slack.submit(ADVISOR, lastView(), { to: { value: { type: 'static_select', selected_option: { value: bank?.value } } }, ...inputs({ note: '設備資金の相談もあります' }) });
    await eventually(() => expect(texts(fake, BANK_CHANNEL).join()).toContain(`山田太郎 さんから案件 ${caseId} が引き継がれました。`));
    await eventually(async () => expect((await threadTexts()).join()).toContain('山田太郎 さんが 埼玉りそな地域支援部 に引き継ぎました。'));
    await slack.press(BANKER, 'take_case', caseId, BANK_CHANNEL);
    await eventually(() => expect(ephemeralsTo(BANKER)).toContain(`案件 ${caseId} の担当になりました。`));
  });
});

describe('/bansou and the App Home tab', () => {
  const command = (user: string, text: string, id: string) => post(`${server.url}/slack/events`, signCommand('e2e-signing-secret', {
    command: '/bansou', text, user_id: user, channel_id: CASES_CHANNEL, trigger_id: `cmd-${id}`, response_url: fake.responseUrl(id), team_id: 'T0FAKE',
  }));
  const answer = (id: string) => JSON.stringify(fake.responses.find((r) => r.url.endsWith(`/${id}`))?.body ?? '');

  it('lists, shows and searches the member cases, ephemerally', async () => {
    await command(ADVISOR, '一覧', 'list');
    await command(ADVISOR, `表示 ${caseId}`, 'show');
    await command(BANKER, '検索 川口', 'search');
    await command(STRANGER, '一覧', 'stranger');
    await eventually(() => expect(fake.responses).toHaveLength(4));
    expect(answer('list')).toContain(caseId); // handed on, so still followed by the chamber
    expect(answer('list')).toContain('"response_type":"ephemeral"');
    expect(answer('show')).toContain('株式会社川口メッキ');
    expect(answer('search')).toContain(caseId);
    expect(answer('stranger')).toContain('登録されていないアカウント');
  });

  it('publishes the advisor cases on the Home tab', async () => {
    await slack.event('EvHome1', { type: 'app_home_opened', user: ADVISOR, tab: 'home', channel: 'D0HOME' });
    await eventually(() => expect(fake.callsOf('views.publish').length).toBeGreaterThan(0));
    const call = fake.callsOf('views.publish').at(-1);
    expect(call?.args.user_id).toBe(ADVISOR);
    expect(JSON.stringify(call?.args.view)).toContain(caseId);
  });
});

describe('thread replies and Slack retries', () => {
  it('records a reply in the case thread once, however many times Slack delivers it', async () => {
    const t = await thread();
    const event = { type: 'message', user: ADVISOR, channel: CASES_CHANNEL, text: '社長は来週から出張とのこと', ts: `${nowSeconds()}.000900`, thread_ts: t.rootTs };
    const answers = [await slack.event('EvRetry1', event), await slack.event('EvRetry1', event, { retryNum: 1 }), await slack.event('EvRetry1', event, { retryNum: 2 })];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await eventually(async () => expect(await prisma().caseComment.count({ where: { caseId, text: '社長は来週から出張とのこと' } })).toBe(1));
    await eventually(() => expect(fake.callsOf('reactions.add')).toHaveLength(1));
    expect(await prisma().messageLog.count({ where: { channel: 'slack', eventId: 'EvRetry1' } })).toBe(1);
    expect(await prisma().messageLog.findFirst({ where: { eventId: 'EvRetry1' } })).toMatchObject({ state: 'processed', kind: 'text', senderId: ADVISOR });
  });

  it('does not record a reply from someone unregistered, and tells them why', async () => {
    const t = await thread();
    await slack.event('EvStranger1', { type: 'message', user: STRANGER, channel: CASES_CHANNEL, text: '横から失礼します', ts: `${nowSeconds()}.000901`, thread_ts: t.rootTs });
    await eventually(() => expect(ephemeralsTo(STRANGER).join()).toContain('案件のコメントとして記録されます'));
    expect(fake.callsOf('chat.postEphemeral').at(-1)?.args.thread_ts).toBe(t.rootTs);
    expect(await prisma().caseComment.count({ where: { text: '横から失礼します' } })).toBe(0);
  });
});

describe('requests Slack did not sign', () => {
  it.each([
    ['forged (another secret)', { secret: 'not-the-secret' }],
    ['unsigned', { unsigned: true }],
    ['replayed (older than 5 minutes)', { timestamp: nowSeconds() - 6 * 60 }],
  ])('refuses %s with 401 and stores nothing', async (_name, options) => {
    const before = await prisma().messageLog.count();
    const res = await slack.event(`EvBad-${_name}`, { type: 'app_home_opened', user: ADVISOR, tab: 'home' }, options);
    expect(res.status).toBe(401);
    const pressed = await slack.press(ADVISOR, 'take_case', caseId, CASES_CHANNEL, options);
    expect(pressed.status).toBe(401);
    expect(await prisma().messageLog.count()).toBe(before);
  });

  it('answers Slack\'s signed URL verification with its challenge', async () => {
    const res = await post(`${server.url}/slack/events`, signEvent('e2e-signing-secret', { type: 'url_verification', token: 'legacy', challenge: 'c-123' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-123' });
    const forged = await post(`${server.url}/slack/events`, signEvent('forged', { type: 'url_verification', challenge: 'c-123' }));
    expect(forged.status).toBe(401);
  });

  it('refuses a wrongly signed body (changed after signing) with 401', async () => {
    const before = await prisma().messageLog.count();
    const signed = signCommand('e2e-signing-secret', { command: '/bansou', text: '一覧', user_id: ADVISOR, channel_id: 'C1', trigger_id: 'x', response_url: fake.responseUrl('x') });
    const res = await post(`${server.url}/slack/events`, { ...signed, body: signed.body.replace('U0ADVISOR1', 'U0BANKER01') });
    expect(res.status).toBe(401);
    expect(await prisma().messageLog.count()).toBe(before);
  });
});

describe('the 3-second deadline', () => {
  it('acks at once while the work behind it is slow, and finishes the work afterwards', async () => {
    fake.script('views.publish', { hang: true });
    const res = await slack.event('EvSlow1', { type: 'app_home_opened', user: ADVISOR, tab: 'home' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const pressed = await slack.press(ADVISOR, 'take_case', caseId);
    expect(pressed.ms).toBeLessThan(3000);
    await eventually(() => expect(fake.callsOf('views.publish').length).toBeGreaterThan(1));
    expect(await prisma().messageLog.findFirst({ where: { eventId: 'EvSlow1' } })).toMatchObject({ state: 'received' });
    fake.releaseHung();
    await eventually(async () => expect(await prisma().messageLog.findFirst({ where: { eventId: 'EvSlow1' } })).toMatchObject({ state: 'failed' }));
  });
});
