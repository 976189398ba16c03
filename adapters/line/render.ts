import type { messagingApi } from '@line/bot-sdk';
import type { CardReply, Choice, Reply } from '../../src/core/replies.js';

// The core's replies as LINE messages: text (split under the 5,000-character limit), quick
// replies for choices (at most 13, labels of at most 20 characters), and a Flex bubble for
// cards with buttons that send their label as the owner's answer.
// https://developers.line.biz/en/reference/messaging-api/#message-objects

type Message = messagingApi.Message;

export const TEXT_LIMIT = 5000;
const LABEL_LIMIT = 20;
const ALT_TEXT_LIMIT = 400;

const clip = (s: string, n: number): string => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);

/** Splits at line breaks where possible, never inside a surrogate pair. */
export function chunkText(text: string, limit = TEXT_LIMIT): string[] {
  const chars = [...text];
  if (chars.length <= limit) return [text];
  const out: string[] = [];
  let rest = chars;
  while (rest.length > limit) {
    const window = rest.slice(0, limit).join('');
    const cut = window.lastIndexOf('\n') > limit / 2 ? [...window.slice(0, window.lastIndexOf('\n'))].length + 1 : limit;
    out.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
  }
  if (rest.length) out.push(rest.join(''));
  return out;
}

function quickReply(choices: Choice[]): messagingApi.QuickReply {
  return {
    items: choices.slice(0, 13).map((c) => ({ type: 'action', action: { type: 'message', label: clip(c.label, LABEL_LIMIT), text: c.value } })),
  };
}

function bubble(card: CardReply): messagingApi.FlexBubble {
  const body: messagingApi.FlexComponent[] = card.sections.flatMap((s, i) => [
    ...(i > 0 ? [{ type: 'separator', margin: 'md' } as messagingApi.FlexSeparator] : []),
    { type: 'text', text: s.heading, weight: 'bold', size: 'sm', color: '#06C755', margin: 'md' } as messagingApi.FlexText,
    ...s.lines.map((line) => ({ type: 'text', text: line || ' ', size: 'sm', wrap: true }) as messagingApi.FlexText),
  ]);
  return {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: card.title, weight: 'bold', wrap: true }] },
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(card.actions.length ? {
      footer: {
        type: 'box', layout: 'vertical', spacing: 'sm',
        contents: card.actions.map((a, i) => ({
          type: 'button', style: i === 0 ? 'primary' : 'secondary', color: i === 0 ? '#06C755' : undefined, height: 'sm',
          action: { type: 'message', label: clip(a.label, LABEL_LIMIT), text: a.value },
        }) as messagingApi.FlexButton),
      },
    } : {}),
  };
}

const altTextOf = (card: CardReply): string => clip([card.title, ...card.sections.flatMap((s) => s.lines)].join('\n'), ALT_TEXT_LIMIT);

function flex(card: CardReply): messagingApi.FlexMessage {
  return { type: 'flex', altText: altTextOf(card), contents: bubble(card) };
}

const CAROUSEL_LIMIT = 12;

/** People introduced together are swiped through side by side, one bubble each. */
function carousel(cards: CardReply[]): messagingApi.FlexMessage {
  const altText = clip(cards.map((c) => c.title).join('\n'), ALT_TEXT_LIMIT);
  return { type: 'flex', altText, contents: { type: 'carousel', contents: cards.slice(0, CAROUSEL_LIMIT).map(bubble) } };
}

/** Consecutive candidate profiles become one carousel; every other reply stays as it is. */
function group(replies: Reply[]): (Reply | CardReply[])[] {
  const out: (Reply | CardReply[])[] = [];
  for (const r of replies) {
    const last = out[out.length - 1];
    if (r.type === 'card' && r.kind === 'candidate_profile') {
      if (Array.isArray(last) && last.length < CAROUSEL_LIMIT) last.push(r);
      else out.push([r]);
    } else out.push(r);
  }
  return out;
}

/** Renders replies in order; the last message carries the quick replies of a choices reply. */
export function renderReplies(replies: Reply[]): Message[] {
  return group(replies).flatMap((reply): Message[] => {
    if (Array.isArray(reply)) return [reply.length === 1 ? flex(reply[0]!) : carousel(reply)];
    switch (reply.type) {
      case 'text':
        return chunkText(reply.text).map((t) => ({ type: 'text', text: t }));
      case 'choices': {
        const parts = chunkText(reply.text);
        return parts.map((t, i) => ({ type: 'text', text: t, ...(i === parts.length - 1 ? { quickReply: quickReply(reply.choices) } : {}) }));
      }
      case 'card':
        return [flex(reply)];
    }
  });
}
