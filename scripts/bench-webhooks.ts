// Webhook throughput and latency per channel: signed requests at a steady rate into the real
// server, a local fake of the platform API, and the time from receipt to the outbound call.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { openApp, type App } from '../src/app.js';
import { createRegistry } from '../src/core/admin/registry.js';
import { createPrismaAdminStore } from '../src/db/prisma-admin-store.js';
import { loadConfig } from '../src/config/config.js';
import { startServer } from '../src/server/server.js';
import { FakeLine, lineSignature, lineWebhook, textEvent } from '../test/support/fake-line.js';

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

const fmt = (p: Percentiles) => `p50=${p.p50.toFixed(1)} ms  p95=${p.p95.toFixed(1)} ms  max=${p.max.toFixed(1)} ms`;

/** LINE: `rate` webhooks a second for `seconds`, each a text message from one of 50 owners. */
export async function benchLineWebhooks(databaseUrl: string, rate = 50, seconds = 10): Promise<void> {
  const secret = 'bench-secret';
  const line = await new FakeLine().start();
  const log = pino({ level: 'silent' });
  const config = loadConfig({
    DATABASE_URL: databaseUrl, PORT: '0', LINE_CHANNEL_SECRET: secret, LINE_CHANNEL_ACCESS_TOKEN: 'bench', LINE_API_BASE_URL: line.url,
    BANSOU_OUTBOX_POLL_MS: '10',
  });
  const app = await openApp(config, log);
  const server = await startServer(app, config, log, 'bench');
  const url = `http://127.0.0.1:${server.port}/line/webhook`;
  const owners = Array.from({ length: 50 }, () => `U${randomUUID().replace(/-/g, '')}`);
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  const failures: number[] = [];
  const inFlight: Promise<void>[] = [];
  const total = rate * seconds;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const event = textEvent(owners[i % owners.length] as string, i % 3 === 0 ? '従業員は30人です' : '販路開拓が課題です');
    const body = lineWebhook([event]);
    const start = performance.now();
    sentAt.set(event.replyToken as string, Date.now());
    inFlight.push(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(body, secret) }, body })
      .then((res) => {
        acks.push(performance.now() - start);
        if (res.status !== 200) failures.push(res.status);
      }));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - t0) / 1000;
  const deadline = Date.now() + 60_000;
  while (line.delivered().length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const latencies = line.delivered().flatMap((c) => {
    const sent = c.body.replyToken ? sentAt.get(c.body.replyToken) : undefined;
    return sent === undefined ? [] : [c.at - sent];
  });
  const delivered = line.delivered().length;
  console.log(`LINE webhooks (${app.db.kind}): ${total} requests in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(1)} req/s sustained; non-200: ${failures.length}; replies delivered: ${delivered}/${total}; lost: ${total - delivered}`);
  console.log(`  ack (webhook → HTTP 200)            ${fmt(percentiles(acks))}`);
  console.log(`  receipt → outbound LINE API call     ${fmt(percentiles(latencies))}`);
  // The first seconds are a cold start: every owner's first message opens a case while the
  // process warms up (JIT, the pool's connections). The rest is the sustained state.
  const firstSent = Math.min(...sentAt.values());
  const steady = line.delivered().flatMap((c) => {
    const sent = c.body.replyToken ? sentAt.get(c.body.replyToken) : undefined;
    return sent !== undefined && sent - firstSent >= 2000 ? [c.at - sent] : [];
  });
  console.log(`  … after the first 2 s (steady state)  ${fmt(percentiles(steady))}`);
  if (process.env.BENCH_DEBUG) {
    const ordered = line.delivered().flatMap((c) => (c.body.replyToken && sentAt.has(c.body.replyToken) ? [[sentAt.get(c.body.replyToken) as number, c.at]] : [])).sort((a, b) => (a[0] as number) - (b[0] as number));
    const t0 = ordered[0]?.[0] ?? 0;
    for (let s = 0; s < seconds; s++) {
      const inSecond = ordered.filter(([sent]) => (sent as number) - t0 >= s * 1000 && (sent as number) - t0 < (s + 1) * 1000).map(([sent, at]) => (at as number) - (sent as number));
      console.log(`    second ${s}: ${fmt(percentiles(inSecond))}`);
    }
  }
  await server.close();
  await app.close();
  await line.close();
}

const ADVISOR = 'U0ADVISOR1';
const CASES_CHANNEL = 'C0CASES01';

/** An intake desk with an advisor on Slack, and the hub with a coordinator on Teams. */
async function seedNetwork(app: App): Promise<void> {
  const r = createRegistry(createPrismaAdminStore(app.db.prisma), { id: 'bench', channel: 'cli' });
  await r.addOrganisation({ name: '川口商工会議所', kind: 'cci', slackChannel: CASES_CHANNEL, isDefault: true });
  await r.addOrganisation({ name: '埼玉県プロ人材戦略拠点', kind: 'hub', hub: true });
  await r.addMember({ org: '川口商工会議所', role: 'advisor', name: '山田太郎', slack: ADVISOR });
  await r.addMember({ org: '埼玉県プロ人材戦略拠点', role: 'coordinator', name: '佐藤一郎', teams: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
}

/** Fires `total` requests at `rate` a second; resolves with HTTP ack times and statuses. */
async function steadyLoad(total: number, rate: number, fire: (i: number) => Promise<number>): Promise<{ acks: number[]; failures: number; elapsed: number }> {
  const acks: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const start = performance.now();
    inFlight.push(fire(i).then((status) => {
      acks.push(performance.now() - start);
      if (status >= 300) failures += 1;
    }));
  }
  await Promise.all(inFlight);
  return { acks, failures, elapsed: (performance.now() - t0) / 1000 };
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Slack: `/bansou 一覧` slash commands from a registered advisor, answered on response_url. */
export async function benchSlackCommands(databaseUrl: string, rate = 50, seconds = 10): Promise<void> {
  const { startFakeSlack } = await import('../test/support/fake-slack.js');
  const { signCommand, post } = await import('../test/support/slack-signer.js');
  const SECRET = 'bench-signing-secret';
  const fake = await startFakeSlack();
  const log = pino({ level: 'silent' });
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: fake.apiUrl, BANSOU_OUTBOX_POLL_MS: '10' });
  const app = await openApp(config, log);
  await seedNetwork(app);
  const server = await startServer(app, config, log, 'bench');
  const total = rate * seconds;
  const sentAt = new Map<string, number>();
  const load = await steadyLoad(total, rate, async (i) => {
    const id = `bench-${i}`;
    sentAt.set(id, Date.now());
    const req = signCommand(SECRET, { command: '/bansou', text: '一覧', user_id: ADVISOR, channel_id: CASES_CHANNEL, trigger_id: `cmd-${id}`, response_url: fake.responseUrl(id), team_id: 'T0FAKE' });
    return (await post(`http://127.0.0.1:${server.port}/slack/events`, req)).status;
  });
  await until(() => fake.responses.length >= total);
  const latencies = fake.responses.flatMap((r) => {
    const sent = sentAt.get(r.url.split('/').at(-1) ?? '');
    return sent === undefined ? [] : [r.at - sent];
  });
  console.log(`Slack /bansou commands (${app.db.kind}): ${total} in ${load.elapsed.toFixed(1)} s = ${(total / load.elapsed).toFixed(1)} req/s; non-2xx: ${load.failures}; answered: ${fake.responses.length}/${total}; lost: ${total - fake.responses.length}`);
  console.log(`  ack (request → HTTP 200)             ${fmt(percentiles(load.acks))}`);
  console.log(`  receipt → response_url call          ${fmt(percentiles(latencies))}`);
  await server.close();
  await app.close();
  await fake.close();
}

/** Teams: a registered coordinator's 「一覧」, answered through the outbox and the connector. */
export async function benchTeamsMessages(databaseUrl: string, rate = 50, seconds = 10): Promise<void> {
  const { startFakeTeams, teamsClient, teamsUser } = await import('../test/support/fake-teams.js');
  const fake = await startFakeTeams();
  const log = pino({ level: 'silent' });
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', TEAMS_ENABLED: 'true', BANSOU_OUTBOX_POLL_MS: '10' });
  const app = await openApp(config, log);
  await seedNetwork(app);
  const server = await startServer(app, config, log, 'bench');
  const coordinator = teamsUser('3f2504e0-4f89-11d3-9a0c-0305e82c3301', '佐藤一郎');
  const client = teamsClient(`http://127.0.0.1:${server.port}`, fake.url);
  const total = rate * seconds;
  const sentAt: number[] = [];
  const load = await steadyLoad(total, rate, async () => {
    sentAt.push(Date.now());
    return (await client.message(coordinator, '一覧')).status;
  });
  await until(() => fake.delivered().filter((c) => c.method === 'POST').length >= total);
  const replies = fake.delivered().filter((c) => c.method === 'POST').sort((a, b) => a.at - b.at);
  // Replies to one chat go out in order, so the n-th reply answers the n-th message.
  const latencies = replies.slice(0, total).map((c, i) => c.at - (sentAt[i] ?? c.at));
  console.log(`Teams messages (${app.db.kind}): ${total} in ${load.elapsed.toFixed(1)} s = ${(total / load.elapsed).toFixed(1)} req/s; non-2xx: ${load.failures}; answered: ${replies.length}/${total}; lost: ${Math.max(0, total - replies.length)}`);
  console.log(`  ack (activity → HTTP response)       ${fmt(percentiles(load.acks))}`);
  console.log(`  receipt → connector call             ${fmt(percentiles(latencies))}`);
  await server.close();
  await app.close();
  await fake.close();
}
