import { z } from 'zod';

// The one boundary type between adapters and the core: each adapter turns its platform's
// event into this, after checking the platform's signature, and calls the core once.

export const MESSAGE_KINDS = ['text', 'sticker', 'image', 'audio', 'video', 'file', 'location', 'other'] as const;

export const inboundMessageSchema = z.object({
  channel: z.string().min(1).max(32),
  /** The platform's own id for the event: LINE webhookEventId, Slack event_id, ... */
  eventId: z.string().min(1).max(200),
  sender: z.object({
    externalId: z.string().min(1).max(200),
    displayName: z.string().max(200).nullish(),
  }),
  kind: z.enum(MESSAGE_KINDS),
  text: z.string().nullable(),
  receivedAt: z.date(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** LINE's own limit for a text message; longer input is refused, not truncated. */
export const MAX_MESSAGE_CHARS = 5000;
