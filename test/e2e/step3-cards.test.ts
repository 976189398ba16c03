import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type FakeSlack } from '../support/fake-slack.js';
import { teamsClient, teamsUser, type ConnectorCall, type FakeTeams, type TeamsClient } from '../support/fake-teams.js';
import { COORDINATOR, startAllMessengers, type AllMessengers } from '../support/messengers.js';
import { ADVISOR, CASES_CHANNEL, delivered, inputs, ownerSays, slackClient, STEP1, STEP2 } from '../support/slack-scenario.js';
import type { TestServer } from '../support/server.js';
import { qualityExpert } from '../support/network.js';

// The members' STEP 3 buttons, end to end: the coordinator's shortlist and meeting cards in
// Teams (Action.Execute invokes as Teams posts them), the advisor's hire, follow-up and close
// buttons in the Slack case thread (signed block_actions and view_submission).

const ADVISOR_IN_TEAMS = teamsUser('aad-advisor-yamada', '山田太郎');
const OWNER = 'U0step3owner000000000000000000001';

const person = (n: number) => qualityExpert(n, { name: '秘匿', email: 'hidden' });

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

let all: AllMessengers;
let slack: FakeSlack;
let teams: FakeTeams;
let server: TestServer;
let t: TeamsClient;
/** One client for the whole file: its trigger ids must stay unique (they de-duplicate interactions). */
let sc: ReturnType<typeof slackClient>;
let caseId: string;
let shortlistActivity: string;
let proposed: string[];

const prisma = () => server.app.db.prisma;
const audits = (action: string) => prisma().auditEvent.count({ where: { caseId, action } });
const status = async () => (await prisma().case.findUniqueOrThrow({ where: { id: caseId } })).status;
const cardOf = (c: ConnectorCall) => ((c.body.attachments ?? []) as { content: Record<string, unknown> }[])[0]?.content;
const cardsTitled = (title: string) => teams.delivered().filter((c) => c.method === 'POST' && JSON.stringify(cardOf(c) ?? '').includes(title));
const execute = async (user: typeof COORDINATOR, verb: string, data: Record<string, unknown>, replyTo?: string) =>
  (await t.execute(user, verb, data, replyTo)).body as InvokeBody;
const ephemeralsTo = (user: string) => slack.callsOf('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));
const lastView = () => slack.callsOf('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string };

beforeAll(async () => {
  all = await startAllMessengers();
  ({ slack, teams, server } = all);
  await server.app.candidates.upsertMany([1, 2, 3, 4, 5].map(person));
  const advisor = await prisma().memberIdentity.findFirstOrThrow({ where: { channel: 'slack', externalId: ADVISOR } });
  await prisma().memberIdentity.create({ data: { channel: 'teams', externalId: ADVISOR_IN_TEAMS.aadObjectId, memberId: advisor.memberId } });
  t = teamsClient(server.url, teams.url);
  await t.message(COORDINATOR, '一覧');
  caseId = await ownerSays(server.app, OWNER, [...STEP1, ...STEP2]);
  sc = slackClient(server.url, slack);
  await sc.press(ADVISOR, 'send_for_approval', caseId);
  await eventually(() => expect(cardsTitled(`求人の承認依頼　案件 ${caseId}`)).toHaveLength(1), 15_000);
  await execute(COORDINATOR, 'approve', { caseId }, cardsTitled(`求人の承認依頼　案件 ${caseId}`)[0]?.activityId ?? undefined);
  await eventually(() => expect(cardsTitled(`紹介する候補者の選定　案件 ${caseId}`)).toHaveLength(1), 15_000);
  shortlistActivity = cardsTitled(`紹介する候補者の選定　案件 ${caseId}`)[0]?.activityId as string;
  proposed = (await server.app.candidates.loadShortlist(caseId)).sort((a, b) => a.rank - b.rank).map((e) => e.candidateId);
}, 90_000);
afterAll(async () => all?.close());

describe('the coordinator chooses whom to introduce on the Teams card', () => {
  it('offers the anonymised proposals as a multi-select, without names, ages or contacts', () => {
    const card = cardOf(cardsTitled(`紹介する候補者の選定　案件 ${caseId}`)[0]!) as { body: Record<string, unknown>[]; actions: Record<string, unknown>[] };
    const pick = card.body.find((e) => e.type === 'Input.ChoiceSet') as { isMultiSelect: boolean; choices: { value: string }[] };
    expect(pick.isMultiSelect).toBe(true);
    expect(pick.choices.map((c) => c.value)).toEqual(proposed);
    expect(card.actions).toMatchObject([{ type: 'Action.Execute', verb: 'approve_shortlist', data: { caseId } }]);
    expect(JSON.stringify(teams.delivered()) + JSON.stringify(slack.messages)).not.toMatch(/秘匿|hidden\d@|"age"/u);
  });

  it('refuses a member who is not a coordinator, and audits it', async () => {
    const body = await execute(ADVISOR_IN_TEAMS, 'approve_shortlist', { caseId, candidateIds: proposed.slice(0, 2).join(',') });
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(body.value)).toContain('コーディネーターだけ');
    expect(await audits('refused_approve_shortlist')).toBe(1);
    expect(await status()).toBe('approved');
  });

  it.each([[1], [4]])('refuses %i chosen people with the core\'s reason', async (n) => {
    const before = await audits('refused_approve_shortlist');
    const body = await execute(COORDINATOR, 'approve_shortlist', { caseId, candidateIds: proposed.slice(0, n).join(',') }, shortlistActivity);
    expect(String(body.value)).toContain('2〜3 名');
    expect(await audits('refused_approve_shortlist')).toBe(before + 1);
    expect(await status()).toBe('approved');
  });

  it('introduces two: the card says who chose whom, and every copy is redrawn in place', async () => {
    const before = teams.calls.length;
    const body = await execute(COORDINATOR, 'approve_shortlist', { caseId, candidateIds: `${proposed[0]},${proposed[1]}` }, shortlistActivity);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = body.value as { actions: unknown[]; body: Record<string, unknown>[] };
    expect(card.actions).toEqual([]);
    expect(card.body.some((e) => e.type === 'Input.ChoiceSet')).toBe(false);
    expect(JSON.stringify(card)).toMatch(/佐藤一郎 さんが \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2} に紹介する方を決めました/u);
    expect(JSON.stringify(card)).toContain(`紹介：${proposed[0]}、${proposed[1]}`);
    expect(await status()).toBe('matching');
    const calls = await teams.waitFor((c) => c.slice(before).some((x) => x.method === 'PUT' && x.activityId === shortlistActivity));
    const put = calls.slice(before).find((x) => x.method === 'PUT');
    expect(JSON.stringify(cardOf(put!))).toContain('紹介する方を決めました');
  });

  it('a second click changes nothing and says so', async () => {
    const changes = await audits('status_changed');
    const body = await execute(COORDINATOR, 'approve_shortlist', { caseId, candidateIds: `${proposed[2]},${proposed[3]}` }, shortlistActivity);
    expect(JSON.stringify(body.value)).toContain('すでに決まっています');
    expect(JSON.stringify(body.value)).toContain(`紹介：${proposed[0]}、${proposed[1]}`);
    expect(await audits('shortlist_approved')).toBe(1);
    expect(await audits('status_changed')).toBe(changes);
  });
});

describe('the coordinator confirms the meeting the owner asked for', () => {
  let meetingActivity: string;

  it('sends a card that explains the release, and refuses anyone but a coordinator', async () => {
    await ownerSays(server.app, OWNER, ['話を聞いてみたい［候補A］']);
    await eventually(() => expect(cardsTitled(`面談の確定　案件 ${caseId}`)).toHaveLength(1), 15_000);
    const sent = cardsTitled(`面談の確定　案件 ${caseId}`)[0]!;
    meetingActivity = sent.activityId as string;
    expect(JSON.stringify(cardOf(sent))).toContain('連絡先が担当支援者と経営者に伝わります');
    expect(cardOf(sent)?.actions).toMatchObject([{ verb: 'confirm_meeting', data: { caseId, candidateId: proposed[0] } }]);
    const body = await execute(ADVISOR_IN_TEAMS, 'confirm_meeting', { caseId, candidateId: proposed[0] });
    expect(String(body.value)).toContain('コーディネーターだけ');
    expect(await audits('personal_data_released')).toBe(0);
  });

  it('confirms: contacts go out once, and the card updates in place', async () => {
    const before = teams.calls.length;
    const body = await execute(COORDINATOR, 'confirm_meeting', { caseId, candidateId: proposed[0] }, meetingActivity);
    expect(JSON.stringify(body.value)).toContain('に面談を確定しました');
    // Once confirmed, the card's one action is recording the hire after the meeting.
    expect((body.value as { actions: unknown[] }).actions).toMatchObject([{ verb: 'record_hire', data: { caseId, candidateId: proposed[0] } }]);
    expect(await status()).toBe('introduced');
    await teams.waitFor((c) => c.slice(before).some((x) => x.method === 'PUT' && x.activityId === meetingActivity));
    const again = await execute(COORDINATOR, 'confirm_meeting', { caseId, candidateId: proposed[0] }, meetingActivity);
    expect(JSON.stringify(again.value)).toContain('すでに確定しています');
    expect(await audits('personal_data_released')).toBe(1);
  });
});

describe('the advisor works the rest from the Slack case thread', () => {
  const s = () => sc;
  const buttonIn = (actionId: string) => slack.messages.flatMap((m) => m.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
    .filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);

  it('records the hire with the button on the meeting message', async () => {
    await eventually(() => expect(buttonIn('record_hire')?.value).toBe(`${caseId}:${proposed[0]}`), 15_000);
    await s().press(ADVISOR, 'record_hire', buttonIn('record_hire')!.value);
    await eventually(() => expect(ephemeralsTo(ADVISOR).join()).toContain('採用・契約を記録しました'));
    expect(await status()).toBe('hired');
    await s().press(ADVISOR, 'record_hire', `${caseId}:${proposed[0]}`);
    await eventually(() => expect(ephemeralsTo(ADVISOR).at(-1)).toContain('すでに記録されています'));
    expect(await audits('hire_recorded')).toBe(1);
  });

  it('leaves the coordinator\'s meeting card saying who recorded the hire, with nothing more to press', async () => {
    const body = await execute(COORDINATOR, 'record_hire', { caseId, candidateId: proposed[0] });
    expect(JSON.stringify(body.value)).toContain('すでに記録されています');
    expect(JSON.stringify(body.value)).toMatch(/さんが .* に採用・契約を記録しました/u);
    expect((body.value as { actions: unknown[] }).actions).toEqual([]);
    expect(await audits('hire_recorded')).toBe(1);
  });

  it('records a follow-up through its modal', async () => {
    await eventually(() => expect(buttonIn('check_in')).toBeDefined(), 15_000);
    await s().press(ADVISOR, 'check_in', caseId);
    await eventually(() => expect(lastView()?.callback_id).toBe('check_in'));
    await s().submit(ADVISOR, lastView(), inputs({ note: '30日面談：順調です' }));
    await eventually(async () => expect(await audits('follow_up_done')).toBe(1));
    expect(await status()).toBe('following_up');
    await eventually(() => expect(slack.messages.some((m) => m.text.includes('メモ：30日面談：順調です'))).toBe(true));
  });

  it('closes the case with a reason, which the modal insists on', async () => {
    await s().press(ADVISOR, 'close_case', caseId);
    await eventually(() => expect(lastView()?.callback_id).toBe('close_case'));
    const empty = await s().submit(ADVISOR, lastView(), inputs({ reason: ' ' }));
    expect(JSON.parse(empty.body)).toMatchObject({ response_action: 'errors', errors: { reason: expect.any(String) } });
    await s().submit(ADVISOR, lastView(), inputs({ reason: '契約が順調に続いているため' }));
    await eventually(async () => expect(await status()).toBe('closed'));
    await delivered(server.app);
    const root = slack.messages.find((m) => m.channel === CASES_CHANNEL && !m.thread_ts && JSON.stringify(m.blocks).includes(caseId));
    expect(JSON.stringify(root?.blocks)).not.toContain('close_case');
  });
});
