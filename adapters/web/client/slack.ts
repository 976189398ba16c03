import { h, stickToBottom, syncList, time, type Keyed } from './dom.js';
import type { ActionRequest, PaneMessage, Reply } from './types.js';

// The advisors' pane, drawn like a Slack channel: each case is one root card (updated in place)
// with its milestones in a thread under it, as the real Slack adapter posts them. Buttons are
// Block Kit buttons; a thread reply is a comment on the case.

export interface SlackView {
  channel: string;
  expanded: Set<string>;
  drafts: Map<string, string>;
  act: (request: ActionRequest) => void;
  toggle: (caseId: string) => void;
  comment: (caseId: string, text: string) => void;
}

function blocks(reply: Reply, m: PaneMessage, v: SlackView): HTMLElement {
  if (reply.type !== 'card') return h('p', { class: 'slack-text' }, reply.text);
  return h('div', { class: 'blocks' },
    h('p', { class: 'block-header' }, reply.title),
    h('dl', { class: 'block-fields' }, ...reply.sections.flatMap((s) => [h('dt', {}, s.heading), h('dd', {}, s.lines.join('\n'))])),
    reply.actions.length ? h('div', { class: 'block-actions' }, ...reply.actions.map((a, i) =>
      h('button', { type: 'button', class: i === reply.actions.length - 1 && a.value.startsWith('send_for_approval') ? 'sbutton primary' : 'sbutton',
        onclick: () => v.act({ pane: 'slack', value: a.value, messageId: m.id }) }, a.label))) : null);
}

function message(m: PaneMessage, v: SlackView, extra?: HTMLElement | null): HTMLElement {
  const eph = m.author === 'ephemeral';
  const name = m.author === 'user' ? (m.authorName ?? 'あなた') : 'bansou';
  return h('div', { class: eph ? 'smsg ephemeral' : 'smsg' },
    h('span', { class: m.author === 'user' ? 'savatar person' : 'savatar', 'aria-hidden': 'true' }, m.author === 'user' ? name.slice(0, 1) : 'b'),
    h('div', { class: 'sbody' },
      h('p', { class: 'smeta' }, h('strong', {}, name), m.author === 'user' ? null : h('span', { class: 'app' }, 'アプリ'), h('span', { class: 'stime' }, time(m.at))),
      eph ? h('p', { class: 'eph-note' }, 'あなただけに表示されています') : null,
      ...m.replies.map((r) => blocks(r, m, v)),
      extra ?? null));
}

function thread(root: PaneMessage, replies: PaneMessage[], v: SlackView): HTMLElement {
  const caseId = root.caseId as string;
  const open = v.expanded.has(caseId);
  const toggle = h('button', { type: 'button', class: 'thread-toggle', 'aria-expanded': String(open), onclick: () => v.toggle(caseId) },
    replies.length ? `${replies.length}件の返信` : 'スレッドで返信する');
  if (!open) return h('div', { class: 'thread' }, toggle);
  const input = h('input', { type: 'text', name: 'comment', id: `reply-${caseId}`, 'data-draft': caseId, autocomplete: 'off', required: true }) as HTMLInputElement;
  input.value = v.drafts.get(caseId) ?? '';
  input.addEventListener('input', () => v.drafts.set(caseId, input.value));
  const form = h('form', { class: 'thread-reply', onsubmit: (e: Event) => {
    e.preventDefault();
    if (input.value.trim()) v.comment(caseId, input.value.trim());
  } }, h('label', { for: input.id, class: 'visually-hidden' }, `案件 ${caseId} のスレッドに返信`), input, h('button', { type: 'submit', class: 'sbutton' }, '返信'));
  return h('div', { class: 'thread' }, toggle, h('div', { class: 'thread-body' }, ...replies.map((r) => message(r, v)), form));
}

export function renderSlack(log: HTMLElement, all: PaneMessage[], v: SlackView, emptyText: string): void {
  const slack = all.filter((m) => m.pane === 'slack');
  const top = slack.filter((m) => !m.threadOf && m.conversation === v.channel);
  const items: Keyed[] = top.map((m) => {
    const replies = m.root && m.caseId ? slack.filter((r) => r.threadOf === m.caseId) : [];
    const version = [m.rev, ...replies.map((r) => r.rev), v.expanded.has(m.caseId ?? '') ? 'open' : 'closed'].join('.');
    return { key: m.id, version, render: () => message(m, v, m.root ? thread(m, replies, v) : null) };
  });
  if (!items.length) items.push({ key: 'empty', version: emptyText, render: () => h('p', { class: 'pane-empty' }, emptyText) });
  const focused = (document.activeElement as HTMLElement | null)?.dataset.draft;
  stickToBottom(log, () => syncList(log, items));
  if (focused) (document.getElementById(`reply-${focused}`) as HTMLInputElement | null)?.focus();
}
