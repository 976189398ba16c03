import { validateSignature } from '@line/bot-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { BodyTooLargeError, readBody, sendJson } from '../../src/server/http.js';
import { classify, type Classified } from './events.js';
import { lineWebhookSchema } from './webhook-schema.js';

// POST /line/webhook, in the order the edge must keep: raw body → signature → JSON → schema →
// store every event → 200 → process. An event is stored before LINE hears 200, so a database
// that is down answers 500 and LINE redelivers instead of the message being lost.
// https://developers.line.biz/en/reference/messaging-api/#signature-validation

export interface StoredEvent {
  event: Classified;
  messageId: string;
}

export interface WebhookDeps {
  channelSecret: string;
  log: Logger;
  /** Stores one event's message; `duplicate` for a redelivered webhookEventId. */
  store: (event: Exclude<Classified, { kind: 'ignored' }>) => Promise<{ messageId: string; duplicate: boolean }>;
  /** Runs after the 200, in arrival order. */
  process: (stored: StoredEvent[]) => void;
}

type Verdict = { status: number; error: string } | { body: Buffer };

async function verified(req: IncomingMessage, secret: string): Promise<Verdict> {
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (e) {
    return e instanceof BodyTooLargeError ? { status: 413, error: 'payload too large' } : { status: 400, error: 'unreadable body' };
  }
  const signature = req.headers['x-line-signature'];
  if (typeof signature !== 'string' || !signature || !validateSignature(body, secret, signature)) {
    return { status: 401, error: 'invalid signature' };
  }
  return { body };
}

export function lineWebhookHandler(deps: WebhookDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = await verified(req, deps.channelSecret);
    if ('status' in verdict) {
      deps.log.warn({ status: verdict.status, reason: verdict.error }, 'LINE webhook refused');
      return sendJson(res, verdict.status, { error: verdict.error });
    }
    let json: unknown;
    try {
      json = JSON.parse(verdict.body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    const parsed = lineWebhookSchema.safeParse(json);
    if (!parsed.success) return sendJson(res, 400, { error: 'not a LINE webhook', issues: parsed.error.issues.length });
    const stored: StoredEvent[] = [];
    for (const raw of parsed.data.events) {
      const event = classify(raw);
      if (event.kind === 'ignored') {
        deps.log.debug({ type: event.type }, 'LINE event ignored');
        continue;
      }
      const { messageId, duplicate } = await deps.store(event);
      if (duplicate) deps.log.info({ eventId: raw.webhookEventId, redelivery: raw.deliveryContext?.isRedelivery }, 'LINE event already stored');
      else stored.push({ event, messageId });
    }
    sendJson(res, 200, {});
    deps.process(stored);
  };
}
