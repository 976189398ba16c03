import { fetchState, post, uuid } from './api.js';
import { askFields, type Field } from './dialog.js';
import { h } from './dom.js';
import { renderOwner } from './line.js';
import { renderSlack, type SlackView } from './slack.js';
import { renderTeams } from './teams.js';
import type { ActionRequest, SimState } from './types.js';

// The simulator page: polls the server for what changed, draws the three panes, and turns
// typing, taps and button presses into the API's owner messages and member actions.

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const POLL_MS = 1000;
const HIDDEN_POLL_MS = 5000;

let state: SimState | null = null;
let rev: string | null = null;
let timer: number | undefined;
const slackView: SlackView = {
  channel: 'C-SIM', expanded: new Set(), drafts: new Map(),
  act: (r) => void act(r), toggle: (id) => toggleThread(id), comment: (id, text) => void comment(id, text),
};

function notice(text: string | Node, kind: 'info' | 'error' = 'info'): void {
  const box = $('notice');
  box.className = `notice ${kind}`;
  box.replaceChildren(text);
}

function render(): void {
  if (!state) return;
  const s = state;
  renderOwner($('owner-log'), $('owner-quick'), s.messages, (text) => void sendOwner(text));
  const select = $<HTMLSelectElement>('slack-channel');
  const channels = s.channels.length ? s.channels : [{ id: 'C-SIM', name: 'サンプル未読み込み' }];
  if (!channels.some((c) => c.id === slackView.channel)) slackView.channel = channels[0]?.id ?? 'C-SIM';
  select.replaceChildren(...channels.map((c) => h('option', { value: c.id, selected: c.id === slackView.channel }, `# ${c.name}`)));
  $('slack-actor').textContent = s.actors.slack ? `あなた：${s.actors.slack.name}（${s.actors.slack.organisation}）` : '支援者は未登録です';
  $('teams-actor').textContent = s.actors.teams ? `あなた：${s.actors.teams.name}（${s.actors.teams.organisation}）` : 'コーディネーターは未登録です';
  const needSample = '「サンプルデータを読み込む」を押すと、サンプルの支援機関とメンバーが登録され、ここに案件が届くようになります。';
  renderSlack($('slack-log'), s.messages, slackView, !s.simulated.slack ? 'Slack は本物のワークスペースに接続されています。' : s.actors.slack ? 'まだ案件はありません。経営者の相談が始まると、ここに案件カードが届きます。' : needSample);
  renderTeams($('teams-log'), s.messages, (r) => void act(r), !s.simulated.teams ? 'Teams は本物のテナントに接続されています。' : s.actors.teams ? '承認の依頼が届くと、ここにカードが表示されます。' : needSample);
}

async function poll(): Promise<void> {
  window.clearTimeout(timer);
  try {
    const next = await fetchState(rev);
    if (next) {
      state = next;
      rev = next.rev;
      render();
    }
  } catch (e) {
    notice(`サーバーに接続できません（${(e as Error).message}）。自動で再接続します。`, 'error');
  }
  timer = window.setTimeout(() => void poll(), document.hidden ? HIDDEN_POLL_MS : POLL_MS);
}

async function sendOwner(text: string): Promise<void> {
  const body = text.trim();
  if (!body) return;
  const r = await post('/api/sim/owner', { eventId: uuid(), text: body });
  if (r.status !== 202) notice('メッセージを送れませんでした。ページを再読み込みしてください。', 'error');
  await poll();
}

const orgOptions = () => (state?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }));
const specFields: Field[] = [
  { name: 'title', label: '求人タイトル' },
  { name: 'daysPerWeek', label: '週あたりの日数', kind: 'number', step: '0.5', hint: '0.5〜5日' },
  { name: 'monthlyBudgetYen', label: '月額の予算（円）', kind: 'number', step: '1000' },
  { name: 'durationMonths', label: '期間（か月）', kind: 'number', step: '1' },
];

/** The form each button needs first, if any; null means the button acts at once. */
function formFor(verb: string): [string, Field[]] | null {
  switch (verb) {
    case 'ask_owner': return ['経営者に質問する', [{ name: 'question', label: '質問', kind: 'textarea', required: true }]];
    case 'edit_draft':
    case 'edit': return ['求人の下書きを編集する', specFields];
    case 'hand_over': return ['他の支援機関へ引き継ぐ', [
      { name: 'to', label: '引き継ぎ先', kind: 'select', required: true, options: orgOptions() },
      { name: 'note', label: '引き継ぎのメモ', kind: 'textarea' }]];
    case 'send_for_approval': return ['コーディネーターに承認を依頼する', [{ name: 'comment', label: 'コメント（任意）', kind: 'textarea' }]];
    case 'return': return ['差し戻す', [{ name: 'comment', label: '差し戻しの理由', kind: 'textarea', required: true }]];
    case 'check_in': return ['フォローアップを記録する', [{ name: 'note', label: 'メモ（任意）', kind: 'textarea' }]];
    case 'close_case': return ['案件を終了する', [{ name: 'comment', label: '終了の理由', kind: 'textarea', required: true }]];
    default: return null;
  }
}

async function act(request: ActionRequest): Promise<void> {
  const verb = request.value.split(':')[0] ?? '';
  const form = formFor(verb);
  const fields = form ? await askFields(form[0], form[1]) : {};
  if (fields === null) return;
  const r = await post<{ message?: string; error?: string }>('/api/sim/action', { ...request, ...fields });
  if (r.status !== 200) notice(r.data?.error ?? '操作できませんでした。', 'error');
  await poll();
}

async function comment(caseId: string, text: string): Promise<void> {
  slackView.drafts.delete(caseId);
  await post('/api/sim/action', { pane: 'slack', value: `comment:${caseId}`, comment: text });
  await poll();
}

function toggleThread(caseId: string): void {
  if (slackView.expanded.has(caseId)) slackView.expanded.delete(caseId);
  else slackView.expanded.add(caseId);
  render();
  if (slackView.expanded.has(caseId)) document.getElementById(`reply-${caseId}`)?.focus();
}

async function loadSample(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const r = await post<{ email: string; password: string; intakeDesk: boolean }>('/api/sim/sample', {});
    if (r.status !== 200 || !r.data) return notice('サンプルデータを読み込めませんでした。', 'error');
    const d = r.data;
    notice(h('span', {}, 'サンプルデータを読み込みました。ダッシュボードのサインイン：',
      h('code', { 'data-testid': 'sample-email' }, d.email), '／パスワード：', h('code', { 'data-testid': 'sample-password' }, d.password),
      '（この画面でのみ表示します）', d.intakeDesk ? '' : '。新しい相談は既存の受付窓口に届きます。'));
    rev = null;
    await poll();
  } finally {
    button.disabled = false;
  }
}

function wire(): void {
  const form = $<HTMLFormElement>('owner-form');
  const input = $<HTMLTextAreaElement>('owner-text');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    void sendOwner(text);
  });
  // Enter sends, Shift+Enter breaks the line; never while an IME is composing Japanese.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  $<HTMLSelectElement>('slack-channel').addEventListener('change', (e) => {
    slackView.channel = (e.target as HTMLSelectElement).value;
    render();
  });
  const sample = $<HTMLButtonElement>('load-sample');
  sample.addEventListener('click', () => void loadSample(sample));
  $('new-owner').addEventListener('click', async () => {
    await post('/api/sim/new-owner', {});
    rev = null;
    await poll();
    input.focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void poll();
  });
}

wire();
void poll();
