import { createHash } from 'node:crypto';
import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import type { Logger } from 'pino';
import type { OutboxItem, Sender, SendOutcome } from '../../src/core/outbox/types.js';
import { renderReplies } from './render.js';

// Sends an outbox item to LINE: through the event's reply token while it is valid (free and
// immediate), otherwise by push with an X-Line-Retry-Key, so that a retried push after a
// timeout or a crash is accepted once (LINE answers 409 to a repeated key).
// https://developers.line.biz/en/docs/messaging-api/retrying-api-request/

const MAX_PER_CALL = 5;
/** Keep a margin: a token that expires in flight fails and costs an attempt. */
const REPLY_TOKEN_MARGIN_MS = 5_000;

/** A stable UUID per (item, batch), as LINE requires for retry keys. */
export function retryKey(itemId: string, batch: number): string {
  if (batch === 0) return itemId;
  const h = createHash('sha256').update(`${itemId}:${batch}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_PER_CALL) out.push(items.slice(i, i + MAX_PER_CALL));
  return out;
}

const isInvalidReplyToken = (e: unknown): boolean =>
  e instanceof HTTPFetchError && e.status === 400 && /reply token/i.test(e.body);

/** Platform errors as outbox outcomes: 429 and 5xx are worth retrying, other 4xx are not. */
export function outcomeOf(e: unknown): SendOutcome {
  if (!(e instanceof HTTPFetchError)) return { status: 'retry', error: (e as Error).message ?? String(e) };
  const error = `LINE API ${e.status}: ${e.body.slice(0, 300)}`;
  if (e.status === 429) {
    const seconds = Number(e.headers.get('retry-after'));
    return { status: 'retry', error, ...(seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  return e.status >= 500 ? { status: 'retry', error } : { status: 'failed', error };
}

export function createLineSender(client: messagingApi.MessagingApiClient, log: Logger, now: () => number = Date.now): Sender {
  /** True when the first batch went out by reply (now, or in an earlier attempt). */
  async function viaReply(item: OutboxItem, first: messagingApi.Message[]): Promise<boolean> {
    if (!item.replyToken || !item.replyTokenExpiresAt || item.replyTokenExpiresAt.getTime() - REPLY_TOKEN_MARGIN_MS < now()) return false;
    try {
      await client.replyMessage({ replyToken: item.replyToken, messages: first });
      return true;
    } catch (e) {
      if (!isInvalidReplyToken(e)) throw e;
      // A token is used once: on a retry it being spent means our earlier reply was accepted.
      log.debug({ id: item.id, attempts: item.attempts }, 'reply token no longer valid');
      return item.attempts > 1;
    }
  }

  return {
    async send(item) {
      if (item.address.kind !== 'line_user') return { status: 'failed', error: `LINE cannot deliver to ${item.address.kind}` };
      const to = item.address.userId;
      const all = batches(renderReplies(item.replies));
      try {
        const start = all[0] && (await viaReply(item, all[0])) ? 1 : 0;
        for (let i = start; i < all.length; i++) {
          try {
            await client.pushMessage({ to, messages: all[i] as messagingApi.Message[] }, retryKey(item.id, i));
          } catch (e) {
            if (!(e instanceof HTTPFetchError && e.status === 409)) throw e;
          }
        }
        return { status: 'sent', result: { via: start ? 'reply' : 'push', calls: all.length } };
      } catch (e) {
        return outcomeOf(e);
      }
    },
  };
}
