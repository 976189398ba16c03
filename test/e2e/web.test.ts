import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../adapters/web/auth/accounts.js';
import { createPrismaAccountStore } from '../../adapters/web/store/prisma-web-store.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { INTAKE_TO_DRAFT } from '../support/network.js';
import { waitFor } from '../support/wait.js';
import { WebClient } from '../support/web-client.js';
import { japaneseFont, pdfToolsRequired } from '../support/pdf-tools.js';

// The web console over HTTP, in the real server: the simulator's API driving the real core,
// and the dashboard's door — sign-in, CSRF on every POST, and a coordinator's network scope.

const FAST = { BANSOU_OUTBOX_BASE_DELAY_MS: '50', BANSOU_OUTBOX_MAX_DELAY_MS: '200', BANSOU_OUTBOX_POLL_MS: '20' };
const PASSWORD = 'another-network-2026';
let server: TestServer;
let sample: { email: string; password: string; candidates: number };
let caseId: string;

interface State { rev: string; messages: { id: string; pane: string; author: string; replies: { type: string; kind?: string; title?: string; text?: string; actions?: unknown[] }[] }[] }

async function state(c: WebClient): Promise<State> {
  return (await (await c.get('/api/sim/state')).json()) as State;
}

beforeAll(async () => {
  server = await startTestServer(FAST);
  // The story the browser test tells, through the API: sample data, an intake, an approval.
  const c = new WebClient(server.url);
  const token = await c.csrf('/');
  const seeded = await c.json('/api/sim/sample', {}, { 'x-csrf-token': token });
  sample = (await seeded.json()) as typeof sample;
  // A generated pool comes with the sample, so the coordinator has people to propose.
  expect(sample.candidates).toBe(300);
  expect(await server.app.db.prisma.candidate.count({ where: { id: { startsWith: 'SAMPLE-' } } })).toBe(300);
  for (const text of INTAKE_TO_DRAFT) {
    const r = await c.json('/api/sim/owner', { eventId: randomUUID(), text }, { 'x-csrf-token': token });
    caseId = ((await r.json()) as { caseId: string }).caseId;
  }
  await c.json('/api/sim/action', { pane: 'slack', value: `send_for_approval:${caseId}`, comment: 'ISO経験者を優先で' }, { 'x-csrf-token': token });
  const card = await waitFor(async () => (await state(c)).messages.find((m) => m.pane === 'teams' && m.replies.some((r) => r.kind === 'approval_request')), 'the approval card in Teams');
  const decided = await c.json('/api/sim/action', { pane: 'teams', value: `approve:${caseId}`, messageId: card.id }, { 'x-csrf-token': token });
  expect(await decided.json()).toMatchObject({ outcome: 'done' });
  // Every notice delivered to the panes, so what the tests read no longer changes under them.
  await waitFor(async () => {
    const n = await server.app.outbox.counts();
    return n.pending + n.sending === 0;
  }, 'the outbox to drain');
}, 120_000);
afterAll(async () => server?.close());

describe('web console: simulator', () => {
  it('serves the simulator at / with a session cookie, a CSRF token and a strict CSP', async () => {
    const c = new WebClient(server.url);
    const res = await c.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.getSetCookie()[0]).toMatch(/^bansou_session=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const html = await res.text();
    expect(html).toContain('<html lang="ja">');
    expect(WebClient.csrfOf(html)).toMatch(/^[\w-]{43}$/);
  });

  it('runs on the web adapter and simulates Slack and Teams when neither is configured', () => {
    expect(server.running.adapters.map((a) => a.channel)).toEqual(['web', 'slack', 'teams']);
  });

  it('showed the owner the replies, the advisor the case card and the coordinator the decided card', async () => {
    const row = await server.app.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.status).toBe('approved');
    const messages = await server.app.db.prisma.webMessage.findMany({ where: { caseId } });
    const root = messages.find((m) => m.pane === 'slack' && m.root);
    expect(JSON.stringify(root?.replies)).toContain('承認済み');
    const teams = messages.filter((m) => m.pane === 'teams').map((m) => JSON.stringify(m.replies)).join();
    expect(teams).toContain('承認しました');
    const owner = await server.app.db.prisma.webMessage.findMany({ where: { pane: 'owner', caseId } });
    expect(owner.map((m) => JSON.stringify(m.replies)).join()).toContain('コーディネーターに承認されました');
  });

  it('answers "nothing new" with 204 when the browser is up to date', async () => {
    const c = new WebClient(server.url);
    await c.get('/');
    const { rev } = await state(c);
    expect((await c.get(`/api/sim/state?rev=${rev}`)).status).toBe(204);
    expect((await new WebClient(server.url).get('/api/sim/state')).status).toBe(401);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-csrf-token': 'A'.repeat(43) }],
  ])('refuses an owner message with %s (403) and stores nothing', async (_name, headers) => {
    const c = new WebClient(server.url);
    await c.get('/');
    const eventId = randomUUID();
    const res = await c.json('/api/sim/owner', { eventId, text: '相談です' }, headers);
    expect(res.status).toBe(403);
    expect(await server.app.db.prisma.messageLog.count({ where: { channel: 'web', eventId } })).toBe(0);
  });

  it('refuses a request sent from another site even with the right token', async () => {
    const c = new WebClient(server.url);
    const token = await c.csrf('/');
    const res = await c.json('/api/sim/sample', {}, { 'x-csrf-token': token, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses buttons a pane does not have', async () => {
    const c = new WebClient(server.url);
    const token = await c.csrf('/');
    const res = await c.json('/api/sim/action', { pane: 'slack', value: `approve:${caseId}` }, { 'x-csrf-token': token });
    expect(res.status).toBe(400);
  });
});

describe('web console: dashboard access', () => {
  it('sends anonymous visitors to sign in', async () => {
    const c = new WebClient(server.url);
    for (const path of ['/dashboard', `/dashboard/case?id=${caseId}`, '/dashboard/cases']) {
      const res = await c.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/signin\?next=/);
    }
  });

  it('refuses a sign-in without a CSRF token', async () => {
    const c = new WebClient(server.url);
    await c.get('/signin');
    const res = await c.form('/signin', { email: sample.email, password: sample.password });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('answers a wrong password with 401 and the same words as an unknown email', async () => {
    const c = new WebClient(server.url);
    const wrongRes = await c.signIn(sample.email, 'not-the-password');
    const unknownRes = await c.signIn('nobody@example.jp', 'not-the-password');
    expect([wrongRes.status, unknownRes.status]).toEqual([401, 401]);
    const [wrong, unknown] = [await wrongRes.text(), await unknownRes.text()];
    const message = (html: string) => /role="alert"[^>]*>([^<]+)</.exec(html)?.[1];
    expect(message(wrong)).toBeTruthy();
    expect(message(wrong)).toBe(message(unknown));
  });

  it('lets the network\'s coordinator in, with a new session token, to the funnel and the case sheet', async () => {
    const c = new WebClient(server.url);
    await c.get('/signin');
    const visitorCookie = c.cookie;
    const res = await c.signIn(sample.email, sample.password);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard');
    expect(c.cookie).not.toBe(visitorCookie);
    const page = await (await c.get('/dashboard')).text();
    expect(page).toMatch(/data-stage="approved"[\s\S]*?class="reached">1</);
    expect(page).toMatch(/data-stage="in_review"[\s\S]*?class="reached">1</);
    expect(page).toMatch(/data-figure="specsApproved"[\s\S]*?class="num">1</);
    const sheet = await c.get(`/dashboard/case?id=${caseId}`);
    expect(sheet.status).toBe(200);
    const sheetHtml = await sheet.text();
    expect(sheetHtml).toContain('株式会社川口メッキ');
    const md = await c.get(`/dashboard/case.md?id=${caseId}`);
    expect(await md.text()).toContain(`# 企業情報シート（案件 ${caseId}）`);
  });

  it.skipIf(!japaneseFont && !pdfToolsRequired)('offers the approved 求人票 as a PDF, and no 求人票 before approval', async () => {
    const c = new WebClient(server.url);
    expect((await c.signIn(sample.email, sample.password)).status).toBe(303);
    const approved = await server.app.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(['approved', 'matching']).toContain(approved.status);
    expect(await (await c.get(`/dashboard/case?id=${caseId}`)).text()).toContain(`/dashboard/job-offer.pdf?id=${caseId}`);
    await server.app.db.prisma.case.update({ where: { id: caseId }, data: { status: 'in_review' } });
    try {
      expect(await (await c.get(`/dashboard/case?id=${caseId}`)).text()).not.toContain('job-offer.pdf');
      const early = await c.get(`/dashboard/job-offer.pdf?id=${caseId}`);
      expect(early.status).toBe(409);
      expect(await early.text()).toContain('求人票はコーディネーターの承認後に出力できます');
    } finally {
      await server.app.db.prisma.case.update({ where: { id: caseId }, data: { status: approved.status } });
    }
    const pdf = await c.get(`/dashboard/job-offer.pdf?id=${caseId}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${caseId}-kyujinhyo.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows a coordinator of another network none of this network\'s cases', async () => {
    const prisma = server.app.db.prisma;
    await prisma.organisation.create({ data: { id: 'other-hub', name: '新潟県プロ人材拠点', kind: 'hub', isHub: true, networkId: 'niigata' } });
    await prisma.member.create({ data: { id: 'other-coordinator', organisationId: 'other-hub', role: 'coordinator', displayName: '小林' } });
    await createAccount(createPrismaAccountStore(prisma), { memberId: 'other-coordinator', email: 'kobayashi@example.jp', password: PASSWORD });
    const c = new WebClient(server.url);
    expect((await c.signIn('kobayashi@example.jp', PASSWORD)).status).toBe(303);
    const page = await (await c.get('/dashboard')).text();
    expect(page).toMatch(/data-figure="casesOpened"[\s\S]*?class="num">0</);
    expect(page).not.toContain(caseId);
    expect((await c.get(`/dashboard/case?id=${caseId}`)).status).toBe(404);
    expect((await c.get(`/dashboard/case.md?id=${caseId}`)).status).toBe(404);
    expect((await c.get(`/dashboard/job-offer.pdf?id=${caseId}`)).status).toBe(404);
  });

  it('refuses the dashboard to an advisor (403)', async () => {
    const prisma = server.app.db.prisma;
    await createAccount(createPrismaAccountStore(prisma), { memberId: 'sample-advisor', email: 'sato@example.jp', password: PASSWORD });
    const c = new WebClient(server.url);
    expect((await c.signIn('sato@example.jp', PASSWORD)).status).toBe(303);
    expect((await c.get('/dashboard')).status).toBe(403);
  });

  it('signs out only with the CSRF token', async () => {
    const c = new WebClient(server.url);
    await c.signIn(sample.email, sample.password);
    expect((await c.form('/signout', {})).status).toBe(403);
    expect((await c.get('/dashboard')).status).toBe(200);
    const token = WebClient.csrfOf(await (await c.get('/dashboard')).text());
    expect((await c.form('/signout', { _csrf: token })).status).toBe(303);
    expect((await c.get('/dashboard')).status).toBe(303);
  });

  it('redirects only within the dashboard after sign-in', async () => {
    const c = new WebClient(server.url);
    const token = await c.csrf('/signin');
    const res = await c.form('/signin', { _csrf: token, email: sample.email, password: sample.password, next: 'https://evil.example/' });
    expect(res.headers.get('location')).toBe('/dashboard');
  });
});

describe('web console without the simulator', () => {
  let plain: TestServer;
  beforeAll(async () => {
    plain = await startTestServer({ BANSOU_SIMULATOR: 'off' });
  }, 60_000);
  afterAll(async () => plain?.close());

  it('keeps the dashboard, drops the simulator and simulates no messenger', async () => {
    expect(plain.running.adapters.map((a) => a.channel)).toEqual(['web']);
    const c = new WebClient(plain.url);
    expect((await c.get('/')).headers.get('location')).toBe('/dashboard');
    expect((await c.get('/api/sim/state')).status).toBe(404);
    expect((await c.get('/signin')).status).toBe(200);
  });
});
