import type { CaseSheet } from '../../../src/core/case-sheet.js';
import type { TimelineEntry } from '../../../src/core/dashboard/ports.js';
import { formatValue, issueLines } from '../../../src/core/format.js';
import type { FieldPath } from '../../../src/core/intake/fields.js';
import { EXPORTABLE } from '../../../src/core/report/handoff.js';
import { CASE_STATUS_LABELS } from '../../../src/core/vocab.js';
import { html, type Html } from '../http/html.js';

// The case sheet (企業情報シート) as HTML: the same fields and wording as the Markdown sheet
// (src/core/sheet-markdown.ts), with the case's history under it.

const UNSET = '（未確認）';

const row = (label: string, path: FieldPath, value: unknown): Html =>
  html`<tr><th scope="row">${label}</th><td>${formatValue(path, value) ?? UNSET}</td></tr>`;

const list = (items: string[]): Html => (items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p>${UNSET}</p>`);

export const dateTime = (d: Date): string =>
  d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

const ACTIONS: Record<string, string> = {
  status_changed: '状況の変更', take: '担当', ask_owner: '経営者への質問', edit_spec: '求人の編集', hand_over: '引き継ぎ',
  send_for_approval: '承認の依頼', decide: '判断', comment: 'コメント', spec_approved: '求人の承認', spec_returned: '求人の差し戻し',
  case_opened: '案件の開始', owner_message_relayed: '経営者からの連絡',
  approve_shortlist: '紹介する方の決定', shortlist_approved: '紹介する方の決定', owner_interest: '経営者：面談を希望',
  owner_declined: '経営者：紹介を見送り', confirm_meeting: '面談の確定', meeting_confirmed: '面談の確定',
  personal_data_released: '候補者の連絡先を開示', record_hire: '採用・契約の記録', hire_recorded: '採用・契約の記録',
  check_in: 'フォローアップの記録', follow_up_asked: 'フォローアップの問いかけ（LINE）', follow_up_done: 'フォローアップ実施',
  follow_up_skipped: 'フォローアップの中止（案件終了）', close: '案件の終了',
};

const INTAKE: Record<string, string> = {
  step1_confirmed: 'STEP 1 の要約を確認', spec_confirmed: '求人の下書きを確認', referred: '他の支援窓口を案内',
  restarted: '最初からやり直し', new_case_requested: '新しい相談',
};

function actionLabel(e: TimelineEntry): string {
  if (e.action === 'status_changed' && e.toStatus) return `${e.fromStatus ? CASE_STATUS_LABELS[e.fromStatus] : '—'} → ${CASE_STATUS_LABELS[e.toStatus]}`;
  if (e.action.startsWith('intake_')) return `経営者：${INTAKE[e.action.slice(7)] ?? e.action.slice(7)}`;
  if (e.action.startsWith('refused_')) return `拒否された操作（${ACTIONS[e.action.slice(8)] ?? e.action.slice(8)}）`;
  return ACTIONS[e.action] ?? e.action;
}

export function sheetView(sheet: CaseSheet, timeline: TimelineEntry[]): Html {
  const { company, step1, step2 } = sheet;
  const spec = step2.spec;
  const fields = { company, step1, step2 };
  return html`
<article class="sheet">
  <h1>企業情報シート <span class="case-id">${sheet.caseId}</span></h1>
  <p class="status-line">状況：<strong>${CASE_STATUS_LABELS[sheet.status]}</strong>
    <a class="button secondary small" href="/dashboard/case.md?id=${sheet.caseId}" download="${sheet.caseId}.md">Markdown で保存</a>
    ${EXPORTABLE.includes(sheet.status) ? html`<a class="button secondary small" href="/dashboard/job-offer.pdf?id=${sheet.caseId}" download="${sheet.caseId}-kyujinhyo.pdf">求人票（PDF）</a>` : ''}</p>
  <section aria-labelledby="s-company"><h2 id="s-company">会社概要</h2>
    <table class="kv"><tbody>
      ${row('会社名', 'company.name', company.name)}${row('業種', 'company.industry', company.industry)}
      ${row('所在地', 'company.prefecture', company.prefecture)}${row('従業員数', 'company.employees', company.employees)}
      ${row('事業内容', 'company.description', company.description)}
    </tbody></table>
  </section>
  <section aria-labelledby="s-step1"><h2 id="s-step1">STEP 1　経営課題と人材課題</h2>
    <h3>将来の姿</h3><p>${step1.vision ?? UNSET}</p>
    <h3>経営課題（優先順）</h3>${step1.issues.length ? html`<ol class="plain">${issueLines(fields).map((l) => html`<li>${l}</li>`)}</ol>` : html`<p>${UNSET}</p>`}
    <h3>人材面の課題</h3>${list(step1.talentIssues)}
  </section>
  <section aria-labelledby="s-step2"><h2 id="s-step2">STEP 2　人材戦略</h2>
    <p>解決の方向性：${formatValue('step2.direction', step2.direction) ?? UNSET}</p>
    ${step2.direction === 'non_talent' ? '' : html`
    <h3>求人の下書き</h3>
    <table class="kv"><tbody>
      ${row('求人タイトル', 'step2.spec.title', spec.title)}${row('役割', 'step2.spec.role', spec.role)}
      ${row('期待すること', 'step2.spec.expectations', spec.expectations)}${row('求める人物像', 'step2.spec.persona', spec.persona)}
      ${row('専門分野', 'step2.spec.skillCategories', spec.skillCategories)}${row('関わり方', 'step2.spec.workStyles', spec.workStyles)}
      ${row('日数', 'step2.spec.daysPerWeek', spec.daysPerWeek)}${row('勤務地', 'step2.spec.location.prefecture', spec.location.prefecture)}
      ${row('リモート', 'step2.spec.location.remoteOk', spec.location.remoteOk)}${row('予算', 'step2.spec.monthlyBudgetYen', spec.monthlyBudgetYen)}
      ${row('期間', 'step2.spec.durationMonths', spec.durationMonths)}${row('会社の魅力', 'step2.spec.appeal', spec.appeal)}
    </tbody></table>
    <h3>主な業務</h3>${list(spec.duties)}
    <h3>必須条件</h3>${list(spec.mustHave)}
    <h3>歓迎条件</h3>${list(spec.niceToHave)}`}
  </section>
  ${sheet.missing.length ? html`<section aria-labelledby="s-missing"><h2 id="s-missing">未確認の項目（${sheet.missing.length}件）</h2>
    <p class="missing">${sheet.missing.map((m, i) => html`${i ? '、' : ''}<code>${m}</code>`)}</p></section>` : ''}
  <section aria-labelledby="s-history"><h2 id="s-history">経過</h2>
    <table class="data"><thead><tr><th scope="col">日時</th><th scope="col">出来事</th><th scope="col">だれが</th><th scope="col">経路</th></tr></thead>
    <tbody>${timeline.map((e) => html`<tr><td>${dateTime(e.at)}</td><td>${actionLabel(e)}</td><td>${e.actor ?? '—'}</td><td>${e.channel ?? '—'}</td></tr>`)}</tbody></table>
  </section>
</article>`;
}
