import { h, stickToBottom, syncList, time, type Keyed } from './dom.js';
import type { ActionRequest, PaneMessage, Pick, Reply } from './types.js';

// The coordinator's pane, drawn like a Teams chat with the bot: approval requests arrive as
// Adaptive Cards; once decided, the same card shows who decided and when (updated in place).

type Act = (request: ActionRequest) => void;

/** Checkboxes like an Adaptive Card's multi-select ChoiceSet; returns them and how to read the ticks. */
function pickInput(pick: Pick, m: PaneMessage): { el: HTMLElement; ticked: () => string[] } {
  const boxes = pick.options.map((o) => h('input', { type: 'checkbox', value: o.value, name: `${pick.id}-${m.id}` }) as HTMLInputElement);
  const el = h('fieldset', { class: 'acard-pick' },
    h('legend', { class: 'acard-heading' }, `${pick.label}（${pick.min}〜${pick.max}）`),
    ...pick.options.map((o, i) => h('label', { class: 'acard-option' }, boxes[i]!, ` ${o.label}`)));
  return { el, ticked: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

function adaptive(reply: Reply, m: PaneMessage, act: Act): HTMLElement {
  if (reply.type !== 'card') return h('p', { class: 'tmsg-text' }, reply.text);
  const pick = reply.pick ? pickInput(reply.pick, m) : null;
  return h('div', { class: 'acard' },
    h('p', { class: 'acard-title' }, reply.title),
    ...reply.sections.map((s) => h('div', { class: 'acard-section' }, h('p', { class: 'acard-heading' }, s.heading), ...s.lines.map((l) => h('p', { class: 'acard-line' }, l)))),
    pick?.el,
    reply.actions.length ? h('div', { class: 'acard-actions' }, ...reply.actions.map((a, i) =>
      h('button', {
        type: 'button', class: i === 0 ? 'tbutton primary' : 'tbutton',
        onclick: () => act({ pane: 'teams', value: a.value, messageId: m.id, ...(pick ? { candidateIds: pick.ticked() } : {}) }),
      }, a.label))) : null);
}

function message(m: PaneMessage, act: Act): HTMLElement {
  const eph = m.author === 'ephemeral';
  return h('div', { class: eph ? 'tmsg reply' : 'tmsg' },
    h('span', { class: 'tavatar', 'aria-hidden': 'true' }, 'b'),
    h('div', { class: 'tbody' },
      h('p', { class: 'tmeta' }, h('strong', {}, 'bansou'), h('span', {}, time(m.at))),
      ...m.replies.map((r) => adaptive(r, m, act))));
}

export function renderTeams(log: HTMLElement, all: PaneMessage[], act: Act, emptyText: string): void {
  const items: Keyed[] = all.filter((m) => m.pane === 'teams').map((m) => ({ key: m.id, version: m.rev, render: () => message(m, act) }));
  if (!items.length) items.push({ key: 'empty', version: emptyText, render: () => h('p', { class: 'pane-empty' }, emptyText) });
  stickToBottom(log, () => syncList(log, items));
}
