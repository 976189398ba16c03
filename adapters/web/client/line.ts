import { h, stickToBottom, syncList, time, type Keyed } from './dom.js';
import type { Choice, PaneMessage, Reply } from './types.js';

// The owner's pane, drawn like a LINE chat: the bot's bubbles on the left, the owner's on the
// right, cards as Flex bubbles whose buttons send their text, and the latest question's quick
// replies above the input, gone once the owner answers (as on LINE).

type Send = (text: string) => void;

function card(reply: Extract<Reply, { type: 'card' }>, send: Send): HTMLElement {
  return h('div', { class: 'flex' },
    h('p', { class: 'flex-title' }, reply.title),
    h('div', { class: 'flex-body' }, ...reply.sections.map((s) => h('div', { class: 'flex-section' },
      h('p', { class: 'flex-heading' }, s.heading),
      ...s.lines.map((l) => h('p', { class: 'flex-line' }, l))))),
    reply.actions.length ? h('div', { class: 'flex-actions' }, ...reply.actions.map((a, i) =>
      h('button', { type: 'button', class: i === 0 ? 'flex-button primary' : 'flex-button', onclick: () => send(a.value) }, a.label))) : null);
}

function bubbles(m: PaneMessage, send: Send): HTMLElement[] {
  return m.replies.map((r) => (r.type === 'card' ? card(r, send) : h('p', { class: 'bubble' }, r.text)));
}

function row(m: PaneMessage, send: Send): HTMLElement {
  const mine = m.author === 'user';
  return h('div', { class: mine ? 'line-row mine' : 'line-row' },
    mine ? null : h('span', { class: 'line-avatar', 'aria-hidden': 'true' }, '伴'),
    h('div', { class: 'line-stack' },
      mine ? null : h('span', { class: 'visually-hidden' }, '伴走：'),
      ...bubbles(m, send),
      h('span', { class: 'line-time' }, time(m.at))));
}

/** The quick replies of the last bot message, while the owner has not answered it. */
function pendingChoices(messages: PaneMessage[]): Choice[] {
  const last = messages[messages.length - 1];
  if (!last || last.author !== 'bot') return [];
  const choices = [...last.replies].reverse().find((r) => r.type === 'choices');
  return choices?.type === 'choices' ? choices.choices : [];
}

export function renderOwner(log: HTMLElement, quick: HTMLElement, all: PaneMessage[], send: Send): void {
  const messages = all.filter((m) => m.pane === 'owner');
  const items: Keyed[] = messages.map((m) => ({ key: m.id, version: m.rev, render: () => row(m, send) }));
  if (!items.length) {
    items.push({
      key: 'hint', version: '1',
      render: () => h('div', { class: 'line-row' }, h('span', { class: 'line-avatar', 'aria-hidden': 'true' }, '伴'),
        h('div', { class: 'line-stack' }, h('p', { class: 'bubble hint-bubble' },
          'こんにちは。伴走（ばんそう）です。会社のことや、困っていることを、ふだんの言葉で送ってください。\n例：「川口で電子部品のめっき加工をやってます。社員は28人です」'))),
    });
  }
  stickToBottom(log, () => syncList(log, items));
  const choices = pendingChoices(messages);
  quick.replaceChildren(...choices.map((c) => h('button', { type: 'button', class: 'chip', onclick: () => send(c.value) }, c.label)));
  quick.hidden = choices.length === 0;
}
