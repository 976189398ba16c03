import type { CaseFields, CaseSheet } from '../case-sheet.js';
import type { IntakeContent } from '../intake/content.js';
import { specCard, step1Summary } from '../intake/present.js';
import type { OutboundMessage, Address } from '../outbox/types.js';
import { text, type CardReply, type Reply } from '../replies.js';
import type { Proposal } from '../matching/shortlist.js';
import { shortlistText } from '../matching/present.js';
import { actionValue, approvalCard, caseCard, type Decision } from './case-card.js';
import { meetingCard, shortlistCard } from './introduction-cards.js';
import type { CheckInSummary } from '../follow-up/check-in.js';

// Who hears about what happens to a case, and in what words. The advisor's Slack thread
// carries every milestone; coordinators hear of approval requests in Teams; the owner hears
// of questions and approvals on their own messenger.

export type CaseNotice =
  | { type: 'case_opened' }
  | { type: 'step1_confirmed' }
  | { type: 'spec_confirmed' }
  | { type: 'referred' }
  | { type: 'owner_relay'; text: string }
  | { type: 'taken'; by: string }
  | { type: 'asked_owner'; by: string; question: string }
  | { type: 'spec_edited'; by: string }
  | { type: 'handed_over'; by: string; to: string; toChannelId: string | null; note: string | null }
  | { type: 'sent_for_approval'; by: string; comment: string | null }
  | ({ type: 'decided'; deciderId: string } & Decision)
  // STEP 3. Profiles are anonymised until meeting_confirmed, the one notice with contacts.
  | { type: 'shortlist_ready'; proposals: Proposal[]; poolSize: number; problem: string | null }
  | { type: 'shortlist_approved'; by: string; deciderId: string; profiles: CardReply[] }
  | { type: 'owner_answered'; answer: 'interest' | 'decline'; letter: string; headline: string; candidateId: string }
  | { type: 'meeting_confirmed'; by: string; letter: string; candidateId: string; contact: string[] }
  | { type: 'hired'; by: string; letter: string; checkInDays: number[] }
  | { type: 'checked_in'; by: string; note: string | null }
  /** The owner's first check-in question, worded from prompts/follow-up/check-in.yaml. */
  | { type: 'check_in_due'; day: number; question: Reply; unansweredDay: number | null }
  | { type: 'check_in_answered'; summary: CheckInSummary }
  | { type: 'closed'; by: string; reason: string };

export interface NoticeTargets {
  sheet: CaseSheet;
  fields: CaseFields;
  organisation: string | null;
  assignee: string | null;
  slackChannelId: string | null;
  owner: { channel: string; address: Address } | null;
  coordinatorIds: string[];
  comments: string[];
  /** Channels that have a working adapter; nothing is queued for the others. */
  enabled: ReadonlySet<string>;
}

function slack(t: NoticeTargets, thread: Reply[], withRoot = true): OutboundMessage[] {
  if (!t.enabled.has('slack') || !t.slackChannelId) return [];
  const caseId = t.sheet.caseId;
  const root: OutboundMessage = {
    channel: 'slack', caseId, address: { kind: 'slack_case_root', caseId, channelId: t.slackChannelId },
    replies: [caseCard(t.sheet, { organisation: t.organisation, assignee: t.assignee })],
  };
  const reply: OutboundMessage[] = thread.length ? [{ channel: 'slack', caseId, address: { kind: 'slack_case_thread', caseId }, replies: thread }] : [];
  return withRoot ? [root, ...reply] : reply;
}

function owner(t: NoticeTargets, replies: Reply[]): OutboundMessage[] {
  if (!t.owner || !t.enabled.has(t.owner.channel)) return [];
  return [{ channel: t.owner.channel, caseId: t.sheet.caseId, address: t.owner.address, replies }];
}

function coordinators(t: NoticeTargets, replies: Reply[], except?: string): OutboundMessage[] {
  if (!t.enabled.has('teams')) return [];
  return t.coordinatorIds.filter((id) => id !== except).map((memberId) => ({
    channel: 'teams', caseId: t.sheet.caseId, address: { kind: 'teams_member', memberId, caseId: t.sheet.caseId }, replies,
  }));
}

/** A card to read, not to act on: the advisor's thread shows what coordinators decide on. */
const plain = (card: CardReply): CardReply => ({ ...card, actions: [], pick: undefined });

/** A thread message with the button advisors record the next follow-up with. */
const followUp = (caseId: string, said: string): Reply => ({
  type: 'choices', text: said, choices: [{ label: 'フォローアップを記録', value: actionValue('check_in', caseId) }],
});

export function planNotices(content: IntakeContent, notice: CaseNotice, t: NoticeTargets): OutboundMessage[] {
  const id = t.sheet.caseId;
  switch (notice.type) {
    case 'case_opened':
      return slack(t, []);
    case 'step1_confirmed':
      return slack(t, [text('経営者が STEP 1 の要約を確認しました。'), plain(step1Summary(content, t.fields))]);
    case 'spec_confirmed':
      return slack(t, [text('経営者が求人の下書きを確認しました。内容を確かめて「承認を依頼」でコーディネーターへお送りください。'), plain(specCard(content, t.fields))]);
    case 'referred':
      return slack(t, [text('人材以外の手段で解決する課題として、経営者に他の支援窓口を案内しました。')]);
    case 'owner_relay':
      return slack(t, [text(`経営者からのメッセージです。\n${notice.text}`)], false);
    case 'taken':
      return slack(t, [text(`${notice.by} さんが担当になりました。`)]);
    case 'asked_owner':
      return [
        ...owner(t, [text(`担当の支援者からの質問です。\n${notice.question}\n（このトークにそのままご返信ください）`)]),
        ...slack(t, [text(`${notice.by} さんが経営者に質問しました：${notice.question}`)], false),
      ];
    case 'spec_edited':
      return slack(t, [text(`${notice.by} さんが求人の下書きを編集しました。`), plain(specCard(content, t.fields))]);
    case 'handed_over': {
      const note = notice.note ? `\nメモ：${notice.note}` : '';
      const there: OutboundMessage[] = t.enabled.has('slack') && notice.toChannelId
        ? [{ channel: 'slack', caseId: id, address: { kind: 'slack_channel', channelId: notice.toChannelId },
            replies: [text(`${notice.by} さんから案件 ${id} が引き継がれました。${note}`), caseCard(t.sheet, { organisation: t.organisation, assignee: t.assignee })] }]
        : [];
      return [...slack(t, [text(`${notice.by} さんが ${notice.to} に引き継ぎました。${note}`)]), ...there];
    }
    case 'sent_for_approval': {
      const card = approvalCard(t.sheet, step1Summary(content, t.fields), specCard(content, t.fields), t.comments);
      const comment = notice.comment ? `\nコメント：${notice.comment}` : '';
      return [...slack(t, [text(`${notice.by} さんがコーディネーターに承認を依頼しました。${comment}`)]), ...coordinators(t, [card])];
    }
    case 'decided': {
      const approved = notice.decision === 'approved';
      const verdict = approved ? '承認しました' : `差し戻しました。${notice.comment ? `\nコメント：${notice.comment}` : ''}`;
      return [
        ...slack(t, [text(`コーディネーターの ${notice.by} さんが求人の下書きを${verdict}`)]),
        ...coordinators(t, [text(`案件 ${id} は ${notice.by} さんが${approved ? '承認' : '差し戻し'}しました。`)], notice.deciderId),
        ...(approved ? owner(t, [text('求人の内容が、支援ネットワークのコーディネーターに承認されました。これから御社に合う人材の候補を探します。進み具合は担当の支援者からご連絡します。')]) : []),
      ];
    }
    case 'shortlist_ready': {
      if (notice.problem || !notice.proposals.length) {
        const said = notice.problem ?? shortlistText(`案件 ${id} の候補者`, [], notice.poolSize);
        return [...slack(t, [text(said)], false), ...coordinators(t, [text(`案件 ${id}：${said}`)])];
      }
      const card = shortlistCard(id, notice.proposals, { poolSize: notice.poolSize });
      return [
        ...slack(t, [text('候補者が見つかりました。紹介する方はコーディネーターが Teams で選びます。'), plain(card)], false),
        ...coordinators(t, [card]),
      ];
    }
    case 'shortlist_approved':
      return [
        ...slack(t, [text(`コーディネーターの ${notice.by} さんが ${notice.profiles.length} 名の紹介を決めました。経営者には氏名を伏せたプロフィールをお送りしています。`), ...notice.profiles.map(plain)]),
        ...coordinators(t, [text(`案件 ${id} は ${notice.by} さんが ${notice.profiles.length} 名の紹介を決めました。`)], notice.deciderId),
        ...owner(t, [
          text(`御社に合いそうな方を ${notice.profiles.length} 名ご紹介します。お名前や連絡先は、面談が決まってからお知らせします。\n気になる方には「話を聞いてみたい」、合わないと思われる方には「見送る」をお選びください。`),
          ...notice.profiles,
        ]),
      ];
    case 'owner_answered':
      if (notice.answer === 'decline') {
        return slack(t, [text(`経営者は候補${notice.letter}（${notice.headline}）を見送りました。`)], false);
      }
      return [
        ...slack(t, [text(`【三者面談の依頼】経営者が候補${notice.letter}（${notice.headline}／${notice.candidateId}）の話を聞きたいとのことです。経営者・候補者・担当支援者の三者で面談の日程を調整し、コーディネーターに面談の確定を依頼してください。`)], false),
        ...coordinators(t, [meetingCard(id, { letter: notice.letter, candidateId: notice.candidateId, headline: notice.headline })]),
      ];
    case 'meeting_confirmed':
      return [
        ...slack(t, [{
          type: 'choices',
          text: `${notice.by} さんが候補${notice.letter}との面談を確定しました。\n${notice.contact.join('\n')}\n※ 個人情報です。面談の調整以外には使わないでください。\n採用・契約が決まったら、下のボタンで記録してください。`,
          choices: [{ label: '採用・契約を記録', value: actionValue('record_hire', id, notice.candidateId) }],
        }]),
        ...owner(t, [text(`候補${notice.letter}の方との面談が決まりました。\n${notice.contact.join('\n')}\n日程は担当の支援者からご連絡します。`)]),
      ];
    case 'hired':
      return [
        ...slack(t, [followUp(id, `${notice.by} さんが候補${notice.letter}の採用・契約を記録しました。${notice.checkInDays.map((d) => `${d}日`).join('・')}後に経営者へフォローアップを行います。`)]),
        ...owner(t, [text(`候補${notice.letter}の方の受け入れが決まりました。おめでとうございます。しばらくの間、担当の支援者が定期的にご様子をうかがいます。`)]),
      ];
    case 'checked_in':
      return slack(t, [followUp(id, `${notice.by} さんがフォローアップを記録しました。${notice.note ? `\nメモ：${notice.note}` : ''}`)], false);
    case 'check_in_due':
      return [
        ...slack(t, [followUp(id, [
          `採用から${notice.day}日が経ちました。経営者に LINE でご様子を伺っています（回答はこのスレッドに届きます）。人材の方にもご様子を伺い、「フォローアップを記録」してください。`,
          ...(notice.unansweredDay ? [`※ ${notice.unansweredDay}日目の問いかけには、経営者からの回答がありませんでした。`] : []),
        ].join('\n'))], false),
        ...owner(t, [notice.question]),
      ];
    case 'check_in_answered':
      return slack(t, checkInReport(notice.summary, t.assignee), false);
    case 'closed':
      return [
        ...slack(t, [text(`${notice.by} さんが案件を終了しました。\n理由：${notice.reason}`)]),
        ...owner(t, [text('このご相談はいったん終了となりました。ありがとうございました。新しいお悩みがあれば、いつでもこのトークでお声がけください。')]),
      ];
  }
}

const SIGNAL_HEADLINES = { ok: '順調', trouble: '⚠️ 要対応', new_need: '新しい課題あり' } as const;

/** The owner's check-in answers for the advisor's thread; trouble gets its own message to act on. */
function checkInReport(s: CheckInSummary, assignee: string | null): Reply[] {
  const lines = [
    `【${s.day}日目フォローアップ：${SIGNAL_HEADLINES[s.signal]}】経営者の回答です。`,
    `・活躍ぶり：${s.contributionLabel}`,
    `・経営者の言葉：${s.ownerWords || '（なし）'}`,
    `・新しい課題：${s.newIssue ?? 'なし'}`,
  ];
  const replies = [text(lines.join('\n'))];
  const who = assignee ? `${assignee} さん、` : '';
  if (s.signal === 'trouble') replies.push(text(`⚠️ ${who}経営者の回答に気がかりな点があります。早めに経営者と人材の双方へご連絡ください。`));
  if (s.newIssue) replies.push(text(`経営者に新しい相談（STEP 1 からの整理）をご案内しました。${who}必要に応じてフォローしてください。`));
  return replies;
}
