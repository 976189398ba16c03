import type { InboundMessage } from '../../src/core/conversation/inbound.js';
import { MESSAGE_KINDS } from '../../src/core/conversation/inbound.js';
import type { Delivery } from '../../src/core/conversation/owner-conversation.js';
import type { LineEvent } from './webhook-schema.js';

// A LINE webhook event in the core's terms. Only one-to-one chats with a user are owner
// conversations; groups and rooms are declined, and other event types are not messages.

/** LINE's reply token is valid for about a minute from the event. */
const REPLY_TOKEN_TTL_MS = 55_000;

export type Classified =
  | { kind: 'owner_message'; message: InboundMessage; delivery: Delivery; userId: string }
  | { kind: 'follow' | 'unfollow'; message: InboundMessage; delivery: Delivery; userId: string }
  | { kind: 'group'; message: InboundMessage; delivery: Delivery }
  | { kind: 'ignored'; type: string };

function messageKind(type: string | undefined): InboundMessage['kind'] {
  return (MESSAGE_KINDS as readonly string[]).includes(type ?? '') ? (type as InboundMessage['kind']) : 'other';
}

function deliveryFor(event: LineEvent, to: string): Delivery {
  return {
    address: { kind: 'line_user', userId: to },
    ...(event.replyToken ? { replyToken: event.replyToken, replyTokenExpiresAt: new Date(event.timestamp + REPLY_TOKEN_TTL_MS) } : {}),
  };
}

export function classify(event: LineEvent): Classified {
  const source = event.source;
  if (!source) return { kind: 'ignored', type: event.type };
  const base = { channel: 'line', eventId: event.webhookEventId, receivedAt: new Date(event.timestamp) };
  if (source.type !== 'user') {
    if (event.type !== 'message' && event.type !== 'join') return { kind: 'ignored', type: event.type };
    const chat = source.type === 'group' ? source.groupId : source.roomId;
    const message: InboundMessage = { ...base, sender: { externalId: source.userId ?? chat }, kind: messageKind(event.message?.type), text: event.message?.text ?? null };
    return { kind: 'group', message, delivery: deliveryFor(event, chat) };
  }
  const userId = source.userId;
  const delivery = deliveryFor(event, userId);
  if (event.type === 'message') {
    const message: InboundMessage = { ...base, sender: { externalId: userId }, kind: messageKind(event.message?.type), text: event.message?.text ?? null };
    return { kind: 'owner_message', message, delivery, userId };
  }
  if (event.type === 'follow' || event.type === 'unfollow') {
    return { kind: event.type, message: { ...base, sender: { externalId: userId }, kind: 'other', text: null }, delivery, userId };
  }
  return { kind: 'ignored', type: event.type };
}
