import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';
import { startFakeTeams, teamsClient, teamsUser, type FakeTeams } from '../support/fake-teams.js';
import { startTestServer, type TestServer } from '../support/server.js';

// A Teams outage across a restart: the connector fails, the server stops with the message
// still undelivered, and the next server on the same database delivers it, once.

const COORDINATOR = teamsUser('aad-coord-r', '佐藤 花子');

let db: CliDatabase;
let fake: FakeTeams;
const servers: TestServer[] = [];

beforeAll(async () => {
  db = await createCliDatabase();
  fake = await startFakeTeams();
}, 60_000);
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  await fake?.close();
  await db?.cleanup();
});

describe('Teams delivery across a restart', () => {
  it('keeps the reply through an outage and a restart, then delivers it once', async () => {
    const first = await startTestServer({ TEAMS_ENABLED: 'true' }, { database: db });
    servers.push(first);
    const prisma = first.app.db.prisma;
    await prisma.organisation.create({ data: { id: 'org-hub', name: '拠点', kind: 'hub', isHub: true } });
    await prisma.member.create({ data: { id: 'm-coord', organisationId: 'org-hub', role: 'coordinator', displayName: '佐藤 花子' } });
    await prisma.memberIdentity.create({ data: { channel: 'teams', externalId: COORDINATOR.aadObjectId, memberId: 'm-coord' } });

    fake.failNext(...Array.from({ length: 50 }, () => ({ status: 503 })));
    expect((await teamsClient(first.url, fake.url).message(COORDINATOR, '一覧')).status).toBe(200);
    await fake.waitFor((calls) => calls.filter((c) => c.status === 503).length >= 2);
    await first.close();
    servers.pop();
    const failures = fake.calls.length;

    fake.recover();
    const second = await startTestServer({ TEAMS_ENABLED: 'true' }, { database: db });
    servers.push(second);
    const delivered = await fake.waitFor((calls) => calls.some((c) => c.status < 300), 20_000);
    expect(delivered.slice(0, failures).every((c) => c.status === 503)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    const replies = fake.delivered().filter((c) => c.conversationId === COORDINATOR.conversationId);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body.text)).toContain('案件');
    await vi.waitFor(async () => expect(await second.app.outbox.counts()).toMatchObject({ sent: 1, pending: 0, sending: 0 }), { timeout: 5_000 });
  });
});
