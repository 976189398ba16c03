// Webhook throughput and latency per channel: signed requests at a steady rate into the real
// server, a local fake of the platform API, and the time from receipt to the outbound call.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { openApp } from '../src/app.js';
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
  await server.close();
  await app.close();
  await line.close();
}
