import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the LINE Messaging API: reply (single-use tokens), push (409 on a
// repeated X-Line-Retry-Key, as LINE does), and the loading animation. Failures are scripted
// per endpoint; every accepted call is recorded.

export interface LineCall {
  path: string;
  body: { replyToken?: string; to?: string; messages?: { type: string; text?: string; altText?: string; quickReply?: unknown }[] };
  retryKey: string | null;
  at: number;
}

type Script = { status: number; headers?: Record<string, string> } | 'reset-after-accept';

export class FakeLine {
  calls: LineCall[] = [];
  private server: Server;
  private scripts = new Map<string, Script[]>();
  private usedTokens = new Set<string>();
  private acceptedKeys = new Set<string>();
  url = '';
  delayMs = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The next calls to `path` get these answers, in order, before normal service resumes. */
  script(path: string, ...answers: Script[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...answers]);
  }

  /** Messages delivered to a user or reply token, in order. */
  delivered(): LineCall[] {
    return this.calls.filter((c) => c.path.startsWith('/v2/bot/message/'));
  }

  texts(): string[] {
    return this.delivered().flatMap((c) => c.body.messages ?? []).map((m) => m.text ?? m.altText ?? '');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const path = (req.url ?? '').split('?')[0] as string;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const scripted = this.scripts.get(path)?.shift();
    if (scripted && scripted !== 'reset-after-accept') {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      return void res.end(JSON.stringify({ message: 'scripted failure' }));
    }
    const retryKey = (req.headers['x-line-retry-key'] as string | undefined) ?? null;
    if (path === '/v2/bot/message/reply') {
      if (this.usedTokens.has(body.replyToken)) return this.json(res, 400, { message: 'Invalid reply token' });
      this.usedTokens.add(body.replyToken);
    }
    if (path === '/v2/bot/message/push' && retryKey) {
      if (this.acceptedKeys.has(retryKey)) return this.json(res, 409, { message: 'The retry key is already accepted' });
      this.acceptedKeys.add(retryKey);
    }
    this.calls.push({ path, body, retryKey, at: Date.now() });
    // The call is accepted, but the answer never arrives: what a crash or a dropped
    // connection looks like from the sender's side.
    if (scripted === 'reset-after-accept') return void req.socket.destroy();
    this.json(res, 200, path.includes('/message/') ? { sentMessages: [{ id: randomUUID(), quoteToken: 'q' }] } : {});
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

export function lineSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

let counter = 0;

/** A LINE webhook body with one event per item, shaped as LINE sends them. */
export function lineWebhook(events: Record<string, unknown>[]): string {
  return JSON.stringify({ destination: 'Ubot', events });
}

export function textEvent(userId: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: `01HEVENT${counter}${randomUUID().slice(0, 8)}`,
    source: { type: 'user', userId }, replyToken: randomUUID(), deliveryContext: { isRedelivery: false },
    message: { type: 'text', id: String(counter), text }, ...extra,
  };
}

export async function postLine(baseUrl: string, body: string, secret: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/line/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-line-signature': lineSignature(body, secret) } : {}), ...headers },
    body,
  });
}
