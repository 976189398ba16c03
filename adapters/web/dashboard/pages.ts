import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredCase } from '../../../src/core/conversation/ports.js';
import { caseSheetMarkdown } from '../../../src/core/sheet-markdown.js';
import { toCaseSheet } from '../../../src/core/sheet.js';
import type { DashboardStore } from '../../../src/core/dashboard/ports.js';
import { CASE_STATUS_LABELS, CASE_STATUSES, SKILL_LABELS, SKILLS, type CaseStatus, type Skill } from '../../../src/core/vocab.js';
import type { Route } from '../../../src/server/http.js';
import type { WebDeps } from '../context.js';
import { html, type Part } from '../http/html.js';
import { layout } from '../http/layout.js';
import { queryOf, send, sendPage } from '../http/respond.js';
import { requireCoordinator, type Signed } from './access.js';
import { CASE_HEAD, caseRow, homeView } from './home.js';
import { sheetView } from './sheet-view.js';
import { EXPORTABLE } from '../../../src/core/report/handoff.js';
import { buildJobOffer } from '../../../src/core/report/job-offer.js';
import { holderOf } from '../../../src/db/prisma-handoff.js';
import { FontUnavailableError, resolveJapaneseFont } from '../../../src/pdf/japanese-font.js';
import { jobOfferPdf } from '../../../src/pdf/job-offer-pdf.js';

// The dashboard's pages, each behind requireCoordinator and bounded by the viewer's network.

const DEFAULT_STALLED_DAYS = 14;

function stalledDays(raw: string | null): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 1 && n <= 365 ? n : DEFAULT_STALLED_DAYS;
}

const CASE_ID = /^C-[0-9A-Z]{8}$/;

export function dashboardRoutes(deps: WebDeps, store: DashboardStore): Route[] {
  const page = (s: Signed, title: string, main: Part) => layout({
    title, assets: deps.assets, csrfToken: s.session.csrfToken, current: 'dashboard', bodyClass: 'dash',
    nav: { simulator: deps.config.simulator, signedInAs: `${s.viewer.displayName}（${s.viewer.organisationName}）` },
  }, main);

  /** The case named by ?id=, or null when it is malformed or outside the viewer's network. */
  async function scopedCase(s: Signed, id: string) {
    return CASE_ID.test(id) && (await store.inScope(s.scope, id)) ? deps.app.store.getCase(id) : null;
  }

  const notFound = (s: Signed) => page(s, '見つかりません', html`<h1>案件が見つかりません</h1>
    <p>案件番号をご確認ください。ほかのネットワークの案件は表示できません。</p><p><a href="/dashboard">ダッシュボードに戻る</a></p>`);

  /** A route about the case named by ?id=: signed-in coordinators only, and 404 outside their network. */
  const caseRoute = (path: string, respond: (req: IncomingMessage, res: ServerResponse, s: Signed, stored: StoredCase) => Promise<void> | void): Route => ({
    method: 'GET',
    path,
    async handler(req, res) {
      const s = await requireCoordinator(deps, req, res);
      if (!s) return;
      // Out of the network reads as absent: a coordinator learns nothing of other networks' cases.
      const stored = await scopedCase(s, (queryOf(req).get('id') ?? '').toUpperCase());
      if (!stored) return sendPage(req, res, 404, notFound(s));
      await respond(req, res, s, stored);
    },
  });

  return [
    {
      method: 'GET',
      path: '/dashboard',
      async handler(req, res) {
        const s = await requireCoordinator(deps, req, res);
        if (!s) return;
        const data = await store.load(s.scope);
        const network = s.viewer.networkId ? `${s.viewer.organisationName}のネットワーク` : 'このネットワーク';
        sendPage(req, res, 200, page(s, 'ダッシュボード', homeView(data, { networkName: network, stalledDays: stalledDays(queryOf(req).get('stalledDays')), now: new Date() })));
      },
    },
    {
      method: 'GET',
      path: '/dashboard/cases',
      async handler(req, res) {
        const s = await requireCoordinator(deps, req, res);
        if (!s) return;
        const q = queryOf(req);
        const status = (CASE_STATUSES as readonly string[]).includes(q.get('status') ?? '') ? (q.get('status') as CaseStatus) : null;
        const skill = (SKILLS as readonly string[]).includes(q.get('skill') ?? '') ? (q.get('skill') as Skill) : null;
        const org = q.get('org');
        const data = await store.load(s.scope);
        const rows = data.cases
          .filter((c) => (!status || c.status === status) && (!skill || c.categories.includes(skill)) && (!org || c.organisationId === org))
          .sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
        const filter = [status && `状況：${CASE_STATUS_LABELS[status]}`, skill && `分野：${SKILL_LABELS[skill]}`,
          org && `機関：${data.organisations.find((o) => o.id === org)?.name ?? org}`].filter(Boolean).join('／');
        sendPage(req, res, 200, page(s, '案件一覧', html`<h1>案件一覧${filter ? html` <span class="sub">${filter}</span>` : ''}</h1>
          <p><a href="/dashboard">ダッシュボードに戻る</a>　${rows.length}件</p>
          ${rows.length ? html`<table class="data"><thead><tr>${CASE_HEAD}</tr></thead><tbody>${rows.map((c) => caseRow(c))}</tbody></table>` : html`<p class="empty">該当する案件はありません。</p>`}`));
      },
    },
    caseRoute('/dashboard/case', async (req, res, s, stored) => {
      const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
      sendPage(req, res, 200, page(s, `案件 ${stored.id}`, html`<p><a href="/dashboard">ダッシュボードに戻る</a></p>${sheetView(sheet, await store.timeline(stored.id))}`));
    }),
    caseRoute('/dashboard/case.md', (req, res, _s, stored) => {
      const md = caseSheetMarkdown(toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled));
      send(req, res, 200, 'text/markdown; charset=utf-8', md, { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${stored.id}.md"` });
    }),
    caseRoute('/dashboard/job-offer.pdf', async (req, res, s, stored) => {
      const id = stored.id;
      const back = html`<p><a href="/dashboard/case?id=${id}">案件に戻る</a></p>`;
      if (!EXPORTABLE.includes(stored.status)) {
        return sendPage(req, res, 409, page(s, '求人票', html`<h1>求人票はまだ出力できません</h1>
          <p>案件 ${id} の求人は承認されていません（状況：${CASE_STATUS_LABELS[stored.status]}）。求人票はコーディネーターの承認後に出力できます。</p>${back}`));
      }
      let font;
      try {
        font = resolveJapaneseFont(deps.config.pdfFont);
      } catch (err) {
        if (!(err instanceof FontUnavailableError)) throw err;
        return sendPage(req, res, 503, page(s, '求人票', html`<h1>PDF を作成できません</h1><p>${err.message}</p>${back}`));
      }
      const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
      const pdf = await jobOfferPdf(buildJobOffer(sheet, await holderOf(deps.app.db.prisma, id)), { font });
      send(req, res, 200, 'application/pdf', pdf, { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${id}-kyujinhyo.pdf"` });
    }),
  ];
}
