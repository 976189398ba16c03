import type { types } from '@slack/bolt';
import type { CaseSummaryRow } from '../../../src/core/conversation/ports.js';
import { formatValue } from '../../../src/core/format.js';
import { listingScope } from '../../../src/core/members/access.js';
import { UNREGISTERED } from '../../../src/core/members/case-desk.js';
import type { MemberRecord } from '../../../src/core/workflow/ports.js';
import { CASE_STATUS_LABELS } from '../../../src/core/vocab.js';
import { slackActor, type HandlerOutcome, type SlackDeps } from '../deps.js';
import { clip, escapeMrkdwn } from '../render.js';
import type { AppHomeOpened } from '../payloads.js';

// The App Home tab: the member's cases (their organisation's, and those it handed on; all of
// them for the hub), published afresh each time the tab is opened
// (https://docs.slack.dev/surfaces/app-home).

const LIMIT = 20;

const dateJa = (d: Date): string => d.toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric' });

function caseBlock(r: CaseSummaryRow): types.KnownBlock {
  const industry = r.industry ? formatValue('company.industry', r.industry) : null;
  const who = [r.companyName, industry, r.prefecture].filter(Boolean).join('・') || '（会社情報はヒアリング中）';
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(`*${r.id}*［${CASE_STATUS_LABELS[r.status]}］\n${escapeMrkdwn(who)}　_更新 ${dateJa(r.updatedAt)}_`, 3000) },
  };
}

export function homeView(member: MemberRecord | null, rows: CaseSummaryRow[]): types.HomeView {
  const header: types.KnownBlock = { type: 'header', text: { type: 'plain_text', text: '伴走（bansou）｜案件一覧' } };
  if (!member) return { type: 'home', blocks: [header, { type: 'section', text: { type: 'mrkdwn', text: UNREGISTERED } }] };
  const scope = member.hub ? '支援ネットワーク全体' : member.organisationName;
  const intro: types.KnownBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(member.displayName)} さん（${escapeMrkdwn(scope)}）の最近の案件です。詳しくは \`/bansou 表示 案件ID\`、探すときは \`/bansou 検索 キーワード\` をお使いください。` }],
  };
  const body: types.KnownBlock[] = rows.length
    ? rows.flatMap((r) => [caseBlock(r), { type: 'divider' } as types.KnownBlock])
    : [{ type: 'section', text: { type: 'mrkdwn', text: 'まだ案件はありません。新しい相談が届くと、チャンネルに案件カードが投稿されます。' } }];
  return { type: 'home', blocks: [header, intro, { type: 'divider' }, ...body] };
}

export async function onAppHomeOpened(d: SlackDeps, h: AppHomeOpened): Promise<HandlerOutcome> {
  const member = await d.app.workflowStore.findMember(slackActor(h.user));
  const rows = member ? await d.app.workflowStore.casesFor(listingScope(member), LIMIT) : [];
  await d.web.views.publish({ user_id: h.user, view: homeView(member, rows) });
  return 'processed';
}
