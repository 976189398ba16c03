import type { types } from '@slack/bolt';
import { parseActionValue } from '../../src/core/notify/case-card.js';
import { pickToPlainText, replyToPlainText, type CardReply, type Choice, type Reply } from '../../src/core/replies.js';

// The core's Reply union as Block Kit. Slack's limits decide the shapes below
// (https://docs.slack.dev/reference/block-kit/blocks): a message holds at most 50 blocks, a
// section's text at most 3,000 characters, a section at most 10 fields of 2,000 characters, a
// header 150 and a button label 75; an actions block at most 25 elements.

export type Block = types.KnownBlock;

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  buttonText: 75,
  actions: 25,
  /** The notification text; Slack truncates far later, but a preview this long helps nobody. */
  fallback: 3000,
} as const;

/** Text from people (owners, advisors) must not become mentions or links: &, < and > are escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Truncates to `max` characters (code points, so no broken surrogate pairs), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Splits text into pieces of at most `max` characters, at line breaks where it can. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = [...text];
  while (rest.length > max) {
    const window = rest.slice(0, max).join('');
    const cut = window.lastIndexOf('\n');
    let at = cut > max / 2 ? [...window.slice(0, cut)].length : max;
    // Never cut an escape such as &amp; in two.
    const partial = /&[a-z]{0,4}$/.exec(rest.slice(0, at).join(''));
    if (partial) at -= partial[0].length;
    pieces.push(rest.slice(0, at).join(''));
    rest = rest.slice(at);
    if (rest[0] === '\n') rest = rest.slice(1);
  }
  if (rest.length || !pieces.length) pieces.push(rest.join(''));
  return pieces;
}

const mrkdwnSections = (text: string): Block[] =>
  splitText(escapeMrkdwn(text), LIMITS.sectionText).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece || ' ' } }));

const PRIMARY = new Set(['send_for_approval', 'approve', 'record_hire']);

/**
 * Member verbs become buttons whose action_id is the verb and value the case id (then
 * `:candidateId` for an action about one person), so the block_actions handler can route on
 * action_id alone; other choices keep their value.
 */
export function button(choice: Choice, index: number): types.Button {
  const parsed = parseActionValue(choice.value);
  const value = parsed ? [parsed.caseId, ...(parsed.candidateId ? [parsed.candidateId] : [])].join(':') : clip(choice.value, 2000);
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(choice.label, LIMITS.buttonText) },
    action_id: parsed ? parsed.verb : `choice_${index}`,
    value,
    ...(parsed && PRIMARY.has(parsed.verb) ? { style: 'primary' as const } : {}),
  };
}

function actionBlocks(choices: Choice[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < choices.length; i += LIMITS.actions) {
    blocks.push({ type: 'actions', elements: choices.slice(i, i + LIMITS.actions).map((c, j) => button(c, i + j)) });
  }
  return blocks;
}

const sectionText = (s: CardReply['sections'][number]): string => `*${escapeMrkdwn(s.heading)}*\n${escapeMrkdwn(s.lines.join('\n'))}`;

/** Short sections sit side by side as fields (the case card); long ones stack as text. */
function cardBody(card: CardReply): Block[] {
  const asFields = card.sections.every((s) => [...sectionText(s)].length <= 300);
  if (asFields) {
    const blocks: Block[] = [];
    for (let i = 0; i < card.sections.length; i += LIMITS.fields) {
      const fields = card.sections.slice(i, i + LIMITS.fields).map((s) => ({ type: 'mrkdwn' as const, text: sectionText(s) }));
      blocks.push({ type: 'section', fields });
    }
    return blocks;
  }
  return card.sections.flatMap((s) =>
    splitText(sectionText(s), LIMITS.sectionText).map((piece): Block => ({ type: 'section', text: { type: 'mrkdwn', text: piece } })),
  );
}

export function replyBlocks(reply: Reply): Block[] {
  switch (reply.type) {
    case 'text':
      return mrkdwnSections(reply.text);
    case 'choices':
      return [...mrkdwnSections(reply.text), ...actionBlocks(reply.choices)];
    case 'card':
      return [
        { type: 'header', text: { type: 'plain_text', text: clip(reply.title, LIMITS.header) } },
        ...cardBody(reply),
        // A list to choose from is read here; the choosing happens where the card's buttons work.
        ...(reply.pick ? mrkdwnSections(pickToPlainText(reply.pick)) : []),
        ...actionBlocks(reply.actions),
      ];
  }
}

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** One Slack message for a list of replies; anything past 50 blocks is cut with a note. */
export function renderMessage(replies: Reply[]): SlackMessage {
  let blocks = replies.flatMap(replyBlocks);
  if (blocks.length > LIMITS.blocks) {
    const note: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: '（長いため一部を省略しました。`/bansou show 案件ID` で全体をご覧いただけます）' }] };
    // Keep the buttons: they are what the reader acts on.
    const actions = blocks.filter((b) => b.type === 'actions').slice(-2);
    blocks = [...blocks.filter((b) => b.type !== 'actions').slice(0, LIMITS.blocks - 1 - actions.length), note, ...actions];
  }
  const text = clip(escapeMrkdwn(replies.map((r) => replyToPlainText(r.type === 'card' ? { ...r, actions: [] } : r)).join('\n')), LIMITS.fallback);
  return { text: text || ' ', blocks };
}
