import { z } from 'zod';

// The parts of a LINE webhook the adapter reads, checked once at the edge.
// https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects

const source = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: z.string().min(1) }),
  z.object({ type: z.literal('group'), groupId: z.string().min(1), userId: z.string().optional() }),
  z.object({ type: z.literal('room'), roomId: z.string().min(1), userId: z.string().optional() }),
]);

export const lineEventSchema = z.object({
  type: z.string(),
  webhookEventId: z.string().min(1),
  timestamp: z.number(),
  mode: z.string().optional(),
  source: source.optional(),
  replyToken: z.string().optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
  message: z.object({ type: z.string(), id: z.string(), text: z.string().optional() }).optional(),
});
export type LineEvent = z.infer<typeof lineEventSchema>;

export const lineWebhookSchema = z.object({
  destination: z.string(),
  events: z.array(lineEventSchema),
});
