import { byOrganisation, bySkill, countByStatus, figures, funnel, stalled, timeInStatus, type Figures } from '../../../src/core/dashboard/aggregate.js';
import type { CaseFacts, DashboardData } from '../../../src/core/dashboard/ports.js';
import { formatValue } from '../../../src/core/format.js';
import { CASE_STATUS_LABELS } from '../../../src/core/vocab.js';
import { html, type Html } from '../http/html.js';
import { barsSvg, funnelSvg } from './charts.js';
import { dateTime } from './sheet-view.js';

// The dashboard's main page: the report figures, the pipeline, time in each step, stalled
// cases, and cases by organisation and by skill. Every number links to the cases behind it.

const days = (d: number | null): string =>
  d === null ? '—' : d < 1 / 24 ? '1時間未満' : d < 1 ? `${Math.round(d * 24)}時間` : `${d.toFixed(1)}日`;

const FIGURES: [keyof Figures, string, string][] = [
  ['organisations', 'ネットワークの支援機関', '機関'],
  ['activeOrganisations', '案件を扱った機関', '機関'],
  ['casesOpened', '受け付けた相談', '件'],
  ['specsDrafted', '求人化（求人案の作成）', '件'],
  ['specsApproved', '承認された求人', '件'],
  ['introduced', '候補者の紹介', '件'],
  ['hired', '採用・契約', '件'],
  ['activeAdvisors', '活動した支援者', '人'],
];

export function caseRow(c: CaseFacts, extra?: Html): Html {
  const who = [c.companyName, c.industry ? formatValue('company.industry', c.industry) : null, c.prefecture].filter(Boolean).join('・') || '（会社情報はヒアリング中）';
  return html`<tr><td><a href="/dashboard/case?id=${c.id}">${c.id}</a></td><td>${who}</td><td>${CASE_STATUS_LABELS[c.status]}</td>
    <td>${c.organisationName ?? '（未割り当て）'}</td><td>${dateTime(c.lastActivityAt)}</td>${extra ?? ''}</tr>`;
}

export const CASE_HEAD = html`<th scope="col">案件</th><th scope="col">会社</th><th scope="col">状況</th><th scope="col">担当機関</th><th scope="col">最終更新</th>`;

export function homeView(data: DashboardData, o: { networkName: string; stalledDays: number; now: Date }): Html {
  const stages = funnel(data.cases, data.changes);
  const fig = figures(data);
  const counts = countByStatus(data.cases);
  const times = timeInStatus(data.cases, data.changes, o.now);
  const idle = stalled(data.cases, o.stalledDays, o.now);
  const orgs = byOrganisation(data.cases);
  const skills = bySkill(data.cases);
  return html`
<h1>ダッシュボード <span class="sub">${o.networkName}</span></h1>
<section aria-labelledby="h-figures"><h2 id="h-figures">実績の数字</h2>
  <dl class="figures">${FIGURES.map(([k, label, unit]) => html`<div data-figure="${k}"><dt>${label}</dt><dd><span class="num">${fig[k]}</span>${unit}</dd></div>`)}</dl>
  <p class="hint">開始からの累計です。候補者の紹介と採用は、マッチング機能が入ると数えられます。</p>
</section>
<div class="grid2">
<section aria-labelledby="h-funnel"><h2 id="h-funnel">案件の進み具合</h2>
  ${funnelSvg(stages)}
  <table class="data funnel-table"><caption>段階ごとの件数（到達：その段階まで進んだ案件、現在：いまその段階にある案件）</caption>
    <thead><tr><th scope="col">段階</th><th scope="col">到達</th><th scope="col">現在</th></tr></thead>
    <tbody>${stages.map((s) => html`<tr data-stage="${s.status}"><th scope="row"><a href="/dashboard/cases?status=${s.status}">${s.label}</a></th>
      <td class="reached">${s.reached}</td><td class="current">${s.current}</td></tr>`)}
      <tr data-stage="returned"><th scope="row"><a href="/dashboard/cases?status=returned">${CASE_STATUS_LABELS.returned}</a></th><td>—</td><td class="current">${counts.returned}</td></tr>
      <tr data-stage="closed"><th scope="row"><a href="/dashboard/cases?status=closed">${CASE_STATUS_LABELS.closed}</a></th><td>—</td><td class="current">${counts.closed}</td></tr>
    </tbody></table>
</section>
<section aria-labelledby="h-time"><h2 id="h-time">各段階にかかった時間</h2>
  <table class="data"><thead><tr><th scope="col">段階</th><th scope="col">通過した案件</th><th scope="col">中央値</th><th scope="col">平均</th><th scope="col">いま滞在中</th><th scope="col">滞在中の中央値</th></tr></thead>
  <tbody>${times.map((t) => html`<tr data-time="${t.status}"><th scope="row">${t.label}</th><td>${t.completed}</td><td>${days(t.medianDays)}</td><td>${days(t.meanDays)}</td><td>${t.current}</td><td>${days(t.currentMedianDays)}</td></tr>`)}</tbody></table>
  <p class="hint">状況の変更の記録（監査ログ）から計算しています。ヒアリングは相談の開始から数えます。</p>
</section>
</div>
<section aria-labelledby="h-stalled"><h2 id="h-stalled">止まっている案件</h2>
  <form method="get" action="/dashboard" class="inline">
    <label for="stalledDays">動きがない日数</label>
    <input id="stalledDays" name="stalledDays" type="number" min="1" max="365" value="${o.stalledDays}" inputmode="numeric">
    <span>日以上</span> <button type="submit" class="button secondary small">表示</button>
  </form>
  ${idle.length ? html`<table class="data"><thead><tr>${CASE_HEAD}<th scope="col">動きがない日数</th></tr></thead>
    <tbody>${idle.slice(0, 50).map((c) => caseRow(c, html`<td>${c.idleDays}日</td>`))}</tbody></table>`
    : html`<p class="empty" data-testid="no-stalled">${o.stalledDays}日以上動きのない案件はありません。</p>`}
</section>
<div class="grid2">
<section aria-labelledby="h-org"><h2 id="h-org">支援機関ごとの案件</h2>
  ${barsSvg(orgs, '支援機関ごとの案件数')}
  <table class="data"><thead><tr><th scope="col">支援機関</th><th scope="col">案件</th></tr></thead>
  <tbody>${orgs.map((r) => html`<tr><th scope="row">${r.key ? html`<a href="/dashboard/cases?org=${r.key}">${r.label}</a>` : r.label}</th><td>${r.count}</td></tr>`)}</tbody></table>
</section>
<section aria-labelledby="h-skill"><h2 id="h-skill">課題の分野ごとの案件</h2>
  ${barsSvg(skills, '課題の分野ごとの案件数')}
  <table class="data"><thead><tr><th scope="col">分野（STEP 1 の経営課題）</th><th scope="col">案件</th></tr></thead>
  <tbody>${skills.map((r) => html`<tr><th scope="row">${r.key ? html`<a href="/dashboard/cases?skill=${r.key}">${r.label}</a>` : r.label}</th><td>${r.count}</td></tr>`)}</tbody></table>
</section>
</div>
<section aria-labelledby="h-recent"><h2 id="h-recent">最近の案件</h2>
  ${data.cases.length ? html`<table class="data"><thead><tr>${CASE_HEAD}</tr></thead>
    <tbody>${[...data.cases].sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime()).slice(0, 20).map((c) => caseRow(c))}</tbody></table>
    <p><a href="/dashboard/cases">すべての案件を見る（${data.cases.length}件）</a></p>`
    : html`<p class="empty">このネットワークの案件はまだありません。</p>`}
</section>`;
}
