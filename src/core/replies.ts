import { z } from 'zod';

// Channel-neutral replies. Each adapter renders these once: quick replies, Flex Messages,
// Block Kit or Adaptive Cards. The core never formats for a platform.

export const choiceSchema = z.object({ label: z.string().min(1), value: z.string().min(1) });
export type Choice = z.infer<typeof choiceSchema>;

export const textReplySchema = z.object({ type: z.literal('text'), text: z.string() });

/** A question with tappable answers (LINE quick reply, Slack buttons). */
export const choicesReplySchema = z.object({
  type: z.literal('choices'),
  text: z.string(),
  choices: z.array(choiceSchema).max(13),
});

/**
 * "Choose several of these": the reader picks between `min` and `max` options, and the card's
 * action sends the values picked under `id`. A channel without multi-select shows the options
 * as text; the core checks the count again whatever the channel let through.
 */
export const pickSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  label: z.string(),
  min: z.number().int().min(1),
  max: z.number().int().min(1),
  options: z.array(choiceSchema).min(1),
});
export type CardPick = z.infer<typeof pickSchema>;

/** A structured summary the reader confirms or corrects (Flex bubble, Adaptive Card). */
export const cardReplySchema = z.object({
  type: z.literal('card'),
  kind: z.enum(['step1_summary', 'spec_draft', 'case_sheet', 'case_update', 'approval_request', 'candidate_profile', 'shortlist', 'meeting_request']),
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), lines: z.array(z.string()) })),
  pick: pickSchema.optional(),
  actions: z.array(choiceSchema),
});

export const replySchema = z.discriminatedUnion('type', [textReplySchema, choicesReplySchema, cardReplySchema]);
export type Reply = z.infer<typeof replySchema>;
export type CardReply = z.infer<typeof cardReplySchema>;

export const text = (value: string): Reply => ({ type: 'text', text: value });

/** Plain-text rendering for terminals, logs and channels without rich UI. */
export function replyToPlainText(reply: Reply): string {
  switch (reply.type) {
    case 'text':
      return reply.text;
    case 'choices':
      return `${reply.text}\n${reply.choices.map((c) => `［${c.label}］`).join(' ')}`;
    case 'card': {
      const body = reply.sections.map((s) => [`■ ${s.heading}`, ...s.lines.map((l) => `  ${l}`)].join('\n'));
      const pick = reply.pick ? `\n${pickToPlainText(reply.pick)}` : '';
      const actions = reply.actions.length ? `\n${reply.actions.map((a) => `［${a.label}］`).join(' ')}` : '';
      return `【${reply.title}】\n${body.join('\n')}${pick}${actions}`;
    }
  }
}

export function pickToPlainText(pick: CardPick): string {
  return [`■ ${pick.label}`, ...pick.options.map((o) => `  □ ${o.label}`)].join('\n');
}
