import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Slack Web API (and for response_url), on 127.0.0.1 and a free port:
// it keeps the messages posted to it, records every call, and can be told to fail the next
// calls of a method the way Slack does (429 with Retry-After, 500, a platform error, a hang).

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  /** Date.now() when the call arrived. */
  at: number;
}

export type Scripted =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { error: string }
  /** Never answers. */
  | { hang: true }
  /** chat.postMessage: keeps the message, then never answers (a crash before markSent). */
  | { hangAfterStore: true };

const JSON_ARGS = new Set(['blocks', 'metadata', 'view', 'attachments']);

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) args[k] = JSON_ARGS.has(k) ? JSON.parse(v) : v === 'true' ? true : v === 'false' ? false : v;
  return args;
}

export async function startFakeSlack() {
  const messages: FakeMessage[] = [];
  const calls: FakeCall[] = [];
  const responses: { url: string; body: Record<string, unknown>; at: number }[] = [];
  const scripts = new Map<string, Scripted[]>();
  const hung: ServerResponse[] = [];
  const unknownChannels = new Set<string>();
  let seq = 0;
  // Slack's ts: seconds, a dot, and a sequence; ours grows strictly, like Slack's in a channel.
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  function page(list: FakeMessage[], args: Record<string, unknown>) {
    const oldest = Number(args.oldest ?? 0);
    const withMeta = args.include_all_metadata === true;
    const all = list.filter((m) => Number(m.ts) > oldest);
    const start = Number(args.cursor ?? 0);
    const limit = Number(args.limit ?? 100);
    const slice = all.slice(start, start + limit).map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(withMeta && metadata ? { metadata } : {}) }));
    const next = start + limit < all.length ? String(start + limit) : '';
    return { ok: true, messages: slice, has_more: Boolean(next), response_metadata: { next_cursor: next } };
  }

  function api(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'bansou', team_id: 'T0FAKE', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage': {
        if (unknownChannels.has(channel)) return { ok: false, error: 'channel_not_found' };
        const m: FakeMessage = {
          channel, ts: nextTs(), text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [],
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
          ...(args.metadata ? { metadata: args.metadata as FakeMessage['metadata'] } : {}),
        };
        messages.push(m);
        return { ok: true, channel, ts: m.ts, message: m };
      }
      case 'chat.update': {
        const m = messages.find((x) => x.channel === channel && x.ts === args.ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        Object.assign(m, { text: String(args.text ?? ''), blocks: args.blocks ?? [] });
        return { ok: true, channel, ts: m.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'conversations.history':
        return page(messages.filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts)).reverse(), args);
      case 'conversations.replies':
        return page(messages.filter((m) => m.channel === channel && (m.ts === args.ts || m.thread_ts === args.ts)), args);
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${++seq}` } };
      case 'reactions.add':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path.startsWith('/respond/')) {
      responses.push({ url: path, body: JSON.parse(raw) as Record<string, unknown>, at: Date.now() });
      return send(res, 200, { ok: true });
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    calls.push({ method, args, at: Date.now() });
    const scripted = scripts.get(method)?.shift();
    if (scripted) {
      if ('status' in scripted && scripted.status === 429) return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(scripted.retryAfter) });
      if ('status' in scripted) return send(res, 500, { ok: false, error: 'internal_error' });
      if ('error' in scripted) return send(res, 200, { ok: false, error: scripted.error });
      if ('hangAfterStore' in scripted) api(method, args);
      hung.push(res);
      return;
    }
    send(res, 200, api(method, args));
  }

  const server = createServer((req, res) => void onRequest(req, res).catch(() => send(res, 500, { ok: false })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    /** For SLACK_API_URL. */
    apiUrl: `${url}/api/`,
    /** A response_url this fake records. */
    responseUrl: (id: string) => `${url}/respond/${id}`,
    messages,
    calls,
    responses,
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** The next calls of `method` answer like this, in order; later ones succeed again. */
    script(method: string, ...outcomes: Scripted[]) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...outcomes]);
    },
    unknownChannel: (channel: string) => unknownChannels.add(channel),
    /** Answers every hung request with an error, so their callers can finish. */
    releaseHung() {
      for (const res of hung.splice(0)) send(res, 500, { ok: false, error: 'internal_error' });
    },
    async close() {
      this.releaseHung();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

/** Polls until `check` passes or `ms` elapse; the last failure is thrown. */
export async function eventually<T>(check: () => T | Promise<T>, ms = 10_000, every = 50): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, every));
    }
  }
}
