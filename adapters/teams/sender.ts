import { HttpError, type CloudAdapter } from '@microsoft/agents-hosting';
import type { Logger } from '../../src/config/logger.js';
import type { OutboxItem, Sender, SendOutcome } from '../../src/core/outbox/types.js';
import { renderActivity } from './render.js';
import type { BotIdentity, ConversationReference } from './sdk.js';
import { NO_CHAT_YET, type TeamsStore } from './store.js';

// Delivers the outbox's Teams messages through each member's stored conversation reference
// (a proactive message: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
//
// At least once, not exactly once: the Bot Connector takes no idempotency key and assigns
// the activity id itself, so a crash (or a timeout) after Teams accepted a message but before
// the outbox recorded it sends it again when the lease expires. The window is one HTTP
// round trip per message; each outbox item is one activity, so a retry never re-sends part
// of an item. Card updates (PUT) are idempotent and unaffected.

export interface TeamsSenderDeps {
  adapter: CloudAdapter;
  identity: BotIdentity;
  store: TeamsStore;
  log: Logger;
  /** Below the outbox lease (30 s), so a hung call is given up before anyone re-claims it. */
  timeoutMs?: number;
  /** How long to wait before trying again for a member who has not opened a chat yet. */
  noChatRetryMs?: number;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * What a failed connector call means for the outbox. Throttling, server errors and network
 * failures pass; 4xx are about this message or this conversation and will not get better
 * (401/403: the bot was removed or blocked; 404: the conversation is gone; 413: over 40 KB).
 */
export function classifySendError(err: unknown): SendOutcome {
  if (err instanceof HttpError) {
    const status = err.status;
    const error = `Teams connector answered ${status}: ${err.message}`.slice(0, 500);
    const after = retryAfterMs(err.response.headers?.get?.('retry-after'));
    if (status === 429 || status === 408 || status >= 500) return { status: 'retry', error, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    return { status: 'failed', error };
  }
  return { status: 'retry', error: `Teams connector unreachable: ${(err as Error)?.message ?? String(err)}` };
}

class Timeout extends Error {}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function createTeamsSender(deps: TeamsSenderDeps): Sender {
  const timeoutMs = deps.timeoutMs ?? 20_000;

  async function deliver(reference: ConversationReference, item: OutboxItem, updateActivityId?: string): Promise<SendOutcome> {
    const activity = renderActivity(item.replies);
    let outcome: SendOutcome = { status: 'retry', error: 'the turn ended without sending' };
    // Errors inside the turn would go to the adapter's onTurnError, which talks to the user;
    // they are caught here and turned into an outcome for the outbox instead.
    await deps.adapter.continueConversation(deps.identity, reference, async (ctx) => {
      try {
        if (updateActivityId) {
          activity.id = updateActivityId;
          await ctx.updateActivity(activity);
          outcome = { status: 'sent', result: { activityId: updateActivityId, conversationId: reference.conversation.id, updated: true } };
        } else {
          const sent = await ctx.sendActivity(activity);
          outcome = { status: 'sent', result: { activityId: sent?.id ?? '', conversationId: reference.conversation.id } };
        }
      } catch (err) {
        outcome = classifySendError(err);
      }
    });
    return outcome;
  }

  return {
    async send(item) {
      const address = item.address;
      if (address.kind !== 'teams_member') return { status: 'failed', error: `the Teams sender cannot deliver to ${address.kind}` };
      const reach = await deps.store.reach(address.memberId);
      if (reach.status === 'no_identity') return { status: 'failed', error: `member ${address.memberId} has no Teams account registered` };
      // Kept pending, and woken at once when the member installs the bot or writes to it.
      if (reach.status === 'no_reference') return { status: 'retry', error: NO_CHAT_YET, retryAfterMs: deps.noChatRetryMs ?? 15 * 60_000 };
      const base = reach.reference;
      const reference = address.conversationId ? { ...base, conversation: { ...base.conversation, id: address.conversationId } } : base;
      try {
        return await within(timeoutMs, deliver(reference, item, address.updateActivityId));
      } catch (err) {
        // Token acquisition or the timeout; a timed-out send may still land (see above).
        if (!(err instanceof Timeout)) deps.log.warn({ err, id: item.id }, 'Teams send failed before reaching the connector');
        return classifySendError(err);
      }
    },
  };
}
