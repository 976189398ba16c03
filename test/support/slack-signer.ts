import { createHmac } from 'node:crypto';

// Requests signed exactly as Slack signs them
// (https://docs.slack.dev/authentication/verifying-requests-from-slack):
// x-slack-signature = v0=hex(HMAC-SHA256(signing secret, `v0:${timestamp}:${raw body}`)),
// x-slack-request-timestamp = the timestamp in seconds. Events are JSON; interactions are
// form-encoded `payload=<json>`; slash commands are form-encoded fields.

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with another secret (a forgery). */
  secret?: string;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  /** Slack's retry headers. */
  retryNum?: number;
}

function sign(secret: string, body: string, contentType: string, o: SignOptions): SignedRequest {
  const timestamp = o.timestamp ?? nowSeconds();
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!o.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(o.secret ?? secret, timestamp, body);
  }
  if (o.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(o.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return { body, headers };
}

export const signEvent = (secret: string, envelope: Record<string, unknown>, o: SignOptions = {}): SignedRequest =>
  sign(secret, JSON.stringify(envelope), 'application/json', o);

export const signInteraction = (secret: string, payload: Record<string, unknown>, o: SignOptions = {}): SignedRequest =>
  sign(secret, `payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded', o);

export const signCommand = (secret: string, fields: Record<string, string>, o: SignOptions = {}): SignedRequest =>
  sign(secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);

/** An Events API envelope around one event. */
export function eventEnvelope(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return { token: 'legacy', team_id: 'T0FAKE', api_app_id: 'A0FAKE', type: 'event_callback', event_id: eventId, event_time: nowSeconds(), event };
}

export async function post(url: string, req: SignedRequest): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text(), ms: Date.now() - started };
}
