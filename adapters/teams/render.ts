import { CardFactory, MessageFactory } from '@microsoft/agents-hosting';
import { parseActionValue } from '../../src/core/notify/case-card.js';
import type { CardPick, CardReply, Choice, Reply } from '../../src/core/replies.js';
import type { Activity } from './sdk.js';

// The core's channel-neutral replies as Teams shows them: text as a message, cards as
// Adaptive Cards 1.5 whose buttons are `Action.Execute` (Universal Actions), so a click comes
// back as an `adaptiveCard/action` invoke and the answer can replace the card.
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview

export type AdaptiveElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: AdaptiveElement[];
  actions: AdaptiveElement[];
  fallbackText?: string;
}

/** The id of the approval card's comment box; Teams merges its value into the action's data. */
export const COMMENT_INPUT = 'comment';

export interface Notice {
  text: string;
  tone: 'good' | 'attention' | 'default';
}

export function adaptiveCard(body: AdaptiveElement[], actions: AdaptiveElement[], fallbackText?: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions,
    ...(fallbackText ? { fallbackText } : {}),
  };
}

export const textBlock = (text: string, extra: AdaptiveElement = {}): AdaptiveElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

export function noticeBlock(notice: Notice): AdaptiveElement {
  const color = notice.tone === 'good' ? 'Good' : notice.tone === 'attention' ? 'Attention' : 'Default';
  const items = notice.text.split('\n').filter(Boolean).map((line) => textBlock(line, { color, weight: 'Bolder', spacing: 'None' }));
  return { type: 'Container', style: notice.tone === 'default' ? 'emphasis' : notice.tone, items };
}

/** 「ラベル：値」 lines read best as a FactSet; anything else stays text. */
const FACT = /^([^：\n]{1,16})：(.*)$/su;

export function sectionElements(heading: string, lines: string[]): AdaptiveElement[] {
  const head = textBlock(heading, { weight: 'Bolder', spacing: 'Medium' });
  const facts = lines.map((l) => FACT.exec(l));
  if (lines.length > 0 && facts.every(Boolean)) {
    return [head, { type: 'FactSet', spacing: 'Small', facts: facts.map((m) => ({ title: m?.[1] ?? '', value: m?.[2] || '—' })) }];
  }
  return [head, ...lines.map((l) => textBlock(l, { spacing: 'None' }))];
}

function cardAction(choice: Choice): AdaptiveElement {
  const parsed = parseActionValue(choice.value);
  if (!parsed) {
    // Not a case action (e.g. 「この内容でOK」): the button says the words as a message.
    return { type: 'Action.Submit', title: choice.label, data: { msteams: { type: 'imBack', value: choice.value } } };
  }
  const data = { caseId: parsed.caseId, ...(parsed.candidateId ? { candidateId: parsed.candidateId } : {}) };
  const action: AdaptiveElement = { type: 'Action.Execute', title: choice.label, verb: parsed.verb, data };
  // Only "return" carries the comment box and only the shortlist approval the choices; no
  // other button may send what is typed or ticked on the card.
  if (!INPUT_VERBS.has(parsed.verb)) action.associatedInputs = 'none';
  if (POSITIVE_VERBS.has(parsed.verb)) action.style = 'positive';
  if (parsed.verb === 'return') action.style = 'destructive';
  return action;
}

const INPUT_VERBS = new Set(['return', 'approve_shortlist']);
const POSITIVE_VERBS = new Set(['approve', 'approve_shortlist', 'confirm_meeting', 'record_hire']);

/**
 * Several of a list as checkboxes: Teams sends the ticked values joined with commas under the
 * input's id. The count is checked by the core, whatever the client let through.
 */
export function pickInput(pick: CardPick): AdaptiveElement {
  return {
    type: 'Input.ChoiceSet', id: pick.id, isMultiSelect: true, style: 'expanded', spacing: 'Large', label: pick.label,
    isRequired: true, errorMessage: `${pick.min}〜${pick.max} 名お選びください`,
    choices: pick.options.map((o) => ({ title: o.label, value: o.value })),
  };
}

export function renderCard(card: CardReply, notice?: Notice): AdaptiveCard {
  const body: AdaptiveElement[] = [textBlock(card.title, { weight: 'Bolder', size: 'Medium' })];
  if (notice) body.push(noticeBlock(notice));
  for (const s of card.sections) body.push(...sectionElements(s.heading, s.lines));
  if (card.pick) body.push(pickInput(card.pick));
  if (card.actions.some((a) => parseActionValue(a.value)?.verb === 'return')) {
    body.push({
      type: 'Input.Text', id: COMMENT_INPUT, isMultiline: true, maxLength: 1000, spacing: 'Large',
      label: '差し戻す場合は、理由をご記入ください', placeholder: '例：予算の根拠を経営者にご確認ください',
    });
  }
  return adaptiveCard(body, card.actions.map(cardAction), card.title);
}

/** Teams text with `textFormat: xml`: escaped, with real line breaks. */
export function teamsText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
}

/**
 * One outbox item becomes exactly one Teams message (text, cards as attachments, choices as
 * suggested actions), so a retry can never re-send half of it.
 */
export function renderActivity(replies: Reply[]): Activity {
  const texts: string[] = [];
  const cards: AdaptiveCard[] = [];
  const choices: Choice[] = [];
  for (const r of replies) {
    if (r.type === 'text') texts.push(r.text);
    else if (r.type === 'choices') (texts.push(r.text), choices.push(...r.choices));
    else cards.push(renderCard(r));
  }
  const text = texts.length ? teamsText(texts.join('\n\n')) : undefined;
  const activity = cards.length ? MessageFactory.list(cards.map((c) => CardFactory.adaptiveCard(c)), text) : MessageFactory.text(text ?? '');
  if (text) activity.textFormat = 'xml';
  if (choices.length) activity.suggestedActions = { to: [], actions: choices.map((c) => ({ type: 'imBack', title: c.label, value: c.value })) };
  return activity;
}
