import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Bot Connector Teams speaks through, and a client that posts
// activities to bansou the way Teams does. With no app registration the Agents SDK accepts
// anonymous requests and answers at the activity's serviceUrl: this fake's address.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity posted or replaced (PUT), or the reply's target. */
  activityId: string | null;
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** The status the fake answered with. */
  status: number;
  /** Date.now() when the call arrived. */
  at: number;
}

export interface ScriptedFailure {
  status: number;
  retryAfterSeconds?: number;
  /** Never answer this call (a hung connector); recorded with its status. */
  hang?: boolean;
}

export interface FakeTeams {
  url: string;
  /** Every call, failed ones included, in order. */
  calls: ConnectorCall[];
  /** Calls that succeeded: what Teams would show. */
  delivered(): ConnectorCall[];
  /** The next calls answer these statuses, in order, before the fake answers normally again. */
  failNext(...failures: ScriptedFailure[]): void;
  /** Drops the failures still scripted: the connector is back. */
  recover(): void;
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const calls: ConnectorCall[] = [];
  const failures: ScriptedFailure[] = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    void json(req).then((body) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const m = ROUTE.exec(path);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      if (req.method === 'POST' && path === '/v3/conversations') return send(200, { id: `a:created-${next++}` });
      if (!m || !['POST', 'PUT'].includes(req.method ?? '')) return send(404, { error: { code: 'NotFound', message: path } });
      const failure = failures.shift();
      const status = failure?.status ?? (req.method === 'POST' ? 201 : 200);
      const conversationId = decodeURIComponent(m[1] ?? '');
      const target = m[2] ? decodeURIComponent(m[2]) : null;
      const activityId = req.method === 'PUT' ? target : failure ? null : `act-${next++}`;
      calls.push({ method: req.method ?? '', path, conversationId, activityId, body, authorization: req.headers.authorization, status, at: Date.now() });
      if (failure?.hang) return;
      if (failure) {
        const headers: Record<string, string> = failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
        return send(failure.status, { error: { code: failure.status === 429 ? 'Throttled' : 'ServiceError', message: 'scripted failure' } }, headers);
      }
      return send(status, { id: activityId });
    }, () => {
      res.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const delivered = () => calls.filter((c) => c.status < 300);
  return {
    url,
    calls,
    delivered,
    failNext: (...f) => void failures.push(...f),
    recover: () => void failures.splice(0),
    async waitFor(predicate, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until) throw new Error(`fake Teams: condition not met within ${timeoutMs} ms; calls: ${JSON.stringify(calls.map((c) => [c.method, c.path, c.status]))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return calls;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

// --- the Teams side of /api/messages ------------------------------------------------------

export interface TeamsUser {
  aadObjectId: string;
  name: string;
  /** The 1:1 chat between this user and the bot. */
  conversationId: string;
}

export const BOT = { id: '28:bansou-bot', name: 'bansou' };
const TENANT = 'tenant-0001';

export function teamsUser(aadObjectId: string, name: string): TeamsUser {
  return { aadObjectId, name, conversationId: `a:personal-${aadObjectId}` };
}

export interface PostResult {
  status: number;
  body: unknown;
}

export function teamsClient(botUrl: string, connectorUrl: string) {
  let seq = 0;
  function activity(user: TeamsUser, fields: Record<string, unknown>): Record<string, unknown> {
    seq += 1;
    return {
      id: `in-${seq}`, timestamp: new Date().toISOString(), localTimestamp: new Date().toISOString(),
      serviceUrl: connectorUrl, channelId: 'msteams', locale: 'ja-JP',
      from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
      conversation: { id: user.conversationId, conversationType: 'personal', tenantId: TENANT },
      recipient: BOT,
      channelData: { tenant: { id: TENANT } },
      ...fields,
    };
  }
  async function post(body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
    const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // left as text
    }
    return { status: res.status, body: parsed };
  }
  return {
    activity,
    post,
    message: (user: TeamsUser, text: string, extra: Record<string, unknown> = {}) => post(activity(user, { type: 'message', text, ...extra })),
    installed: (user: TeamsUser) => post(activity(user, { type: 'conversationUpdate', membersAdded: [BOT] })),
    /** A click on an Action.Execute button of the card that is activity `replyToId`. */
    execute: (user: TeamsUser, verb: string, data: Record<string, unknown>, replyToId?: string) => post(activity(user, {
      type: 'invoke', name: 'adaptiveCard/action', ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    })),
  };
}

export type TeamsClient = ReturnType<typeof teamsClient>;
