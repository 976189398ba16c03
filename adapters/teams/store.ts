import { z } from 'zod';
import { orderKeyOf } from '../../src/core/outbox/types.js';
import { cardReplySchema, type CardReply } from '../../src/core/replies.js';
import type { Prisma, PrismaClient } from '../../src/db/generated/client.js';
import type { ConversationReference } from './sdk.js';

// What the Teams adapter keeps beyond the core's tables: each member's conversation reference
// (how to reach them unprompted), and where the cards it sent now live (approval, shortlist,
// meeting), so that a decision can redraw every copy in place.

export const CHANNEL = 'teams';

/** Why a message for a member cannot go out yet; the sender retries this one for a while. */
export const NO_CHAT_YET = 'coordinator has not opened a chat with the bot yet (no stored conversation reference)';

/** The part of a stored reference the sender relies on; anything else is passed through. */
const referenceSchema = z.object({
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
}).passthrough();

export type Reachability =
  | { status: 'reachable'; reference: ConversationReference }
  | { status: 'no_reference' }
  | { status: 'no_identity' };

export interface SentCard {
  memberId: string;
  conversationId: string;
  activityId: string;
}

export interface TeamsStore {
  saveReference(memberId: string, reference: ConversationReference): Promise<void>;
  reach(memberId: string): Promise<Reachability>;
  /**
   * Makes the member's waiting messages due now, including those given up for want of a
   * conversation reference; returns how many.
   */
  wake(memberId: string): Promise<number>;
  /** Cards of this case delivered to Teams that `same` recognises, with the activity each became. */
  sentCards(caseId: string, same: (card: CardReply) => boolean): Promise<SentCard[]>;
}

const sentResultSchema = z.object({ activityId: z.string().min(1), conversationId: z.string().min(1) });
const payloadSchema = z.object({ replies: z.array(z.unknown()) }).passthrough();

function cardsIn(payload: unknown): CardReply[] {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return [];
  return parsed.data.replies.flatMap((r) => {
    const card = cardReplySchema.safeParse(r);
    return card.success ? [card.data] : [];
  });
}
const addressSchema = z.object({ memberId: z.string(), updateActivityId: z.string().optional() }).passthrough();

export function createPrismaTeamsStore(prisma: PrismaClient): TeamsStore {
  return {
    async saveReference(memberId, reference) {
      const json = JSON.parse(JSON.stringify(reference)) as Prisma.InputJsonValue;
      await prisma.conversationRef.upsert({
        where: { memberId_channel: { memberId, channel: CHANNEL } },
        create: { memberId, channel: CHANNEL, reference: json },
        update: { reference: json },
      });
    },

    async reach(memberId) {
      const row = await prisma.conversationRef.findUnique({ where: { memberId_channel: { memberId, channel: CHANNEL } } });
      const parsed = row ? referenceSchema.safeParse(row.reference) : null;
      if (parsed?.success) return { status: 'reachable', reference: parsed.data as unknown as ConversationReference };
      const identity = await prisma.memberIdentity.findFirst({ where: { memberId, channel: CHANNEL } });
      return identity ? { status: 'no_reference' } : { status: 'no_identity' };
    },

    async wake(memberId) {
      const orderKey = orderKeyOf({ channel: CHANNEL, address: { kind: 'teams_member', memberId }, replies: [] });
      const now = new Date();
      const pending = await prisma.outbox.updateMany({ where: { orderKey, state: 'pending' }, data: { nextAttemptAt: now } });
      const dead = await prisma.outbox.updateMany({
        where: { orderKey, state: 'dead', lastError: NO_CHAT_YET },
        data: { state: 'pending', attempts: 0, nextAttemptAt: now },
      });
      return pending.count + dead.count;
    },

    async sentCards(caseId, same) {
      const rows = await prisma.outbox.findMany({
        where: { channel: CHANNEL, caseId, state: 'sent' },
        select: { address: true, payload: true, result: true },
        orderBy: { seq: 'asc' },
      });
      const cards = new Map<string, SentCard>();
      for (const row of rows) {
        const address = addressSchema.safeParse(row.address);
        const result = sentResultSchema.safeParse(row.result);
        // Updates are sent with the same payload kind; only first deliveries name a new activity.
        if (!address.success || address.data.updateActivityId || !result.success || !cardsIn(row.payload).some(same)) continue;
        cards.set(result.data.activityId, { memberId: address.data.memberId, ...result.data });
      }
      return [...cards.values()];
    },
  };
}
