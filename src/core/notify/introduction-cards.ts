import { CANDIDATE_KIND_LABELS, type CandidateKind } from '../matching/candidate.js';
import { formatScore } from '../matching/present.js';
import type { CardReply } from '../replies.js';
import { INTRODUCTIONS } from '../workflow/introductions.js';
import { actionValue, dateTime } from './case-card.js';

// The coordinator's STEP 3 cards: choosing whom to introduce from the shortlist, and
// confirming a meeting the owner asked for. Only what may be seen before a meeting: matching
// proposals carry no name, age or contact, and nothing here reads them.

/** One proposed person on the card. */
export interface ProposalSummary {
  rank: number;
  candidateId: string;
  kind: CandidateKind;
  headline: string | null;
  score: number;
  reasons: string[];
  gaps: string[];
}

export interface ShortlistDecision {
  by: string;
  at: Date;
  candidateIds: string[];
}

export const PICK_CANDIDATES = 'candidateIds';

function proposalSection(p: ProposalSummary): CardReply['sections'][number] {
  return {
    heading: `${p.rank}. ${p.candidateId}［${CANDIDATE_KIND_LABELS[p.kind]}］適合度 ${formatScore(p.score)}`,
    lines: [p.headline ?? '（見出しなし）', ...p.reasons.slice(0, 3).map((r) => `◎ ${r}`), ...p.gaps.slice(0, 3).map((g) => `△ ${g}`)],
  };
}

/**
 * The shortlist to choose from; once decided, the same card says who chose whom and when,
 * and offers nothing more to press.
 */
export function shortlistCard(caseId: string, proposals: readonly ProposalSummary[], o: { poolSize?: number; decided?: ShortlistDecision | null } = {}): CardReply {
  const { min, max } = INTRODUCTIONS;
  const about = o.poolSize === undefined ? `${proposals.length}名` : `登録 ${o.poolSize.toLocaleString('ja-JP')}名から上位${proposals.length}名`;
  const sections: CardReply['sections'] = [
    { heading: '候補者', lines: [`${about}。氏名・年齢・連絡先は伏せています。`] },
    ...proposals.map(proposalSection),
  ];
  const card: CardReply = { type: 'card', kind: 'shortlist', title: `紹介する候補者の選定　案件 ${caseId}`, sections, actions: [] };
  if (o.decided) {
    const d = o.decided;
    sections.unshift({ heading: '判断', lines: [`${d.by} さんが ${dateTime(d.at)} に紹介する方を決めました`, `紹介：${d.candidateIds.join('、')}`] });
    return card;
  }
  return {
    ...card,
    pick: {
      id: PICK_CANDIDATES, label: `紹介する方を ${min}〜${max} 名お選びください（経営者には氏名を伏せたプロフィールが届きます）`, min, max,
      options: proposals.map((p) => ({ label: `${p.candidateId}　${p.headline ?? CANDIDATE_KIND_LABELS[p.kind]}`, value: p.candidateId })),
    },
    actions: [{ label: '紹介を承認', value: actionValue('approve_shortlist', caseId) }],
  };
}

export interface MeetingRequest {
  letter: string;
  candidateId: string;
  headline: string | null;
}

export interface MeetingConfirmation {
  by: string;
  at: Date;
}

/**
 * The owner's wish to meet one person; confirming it is what releases the contact. Once
 * confirmed, the same card records the hire (or engagement) after the meeting, then says so.
 */
export function meetingCard(caseId: string, m: MeetingRequest, confirmed?: MeetingConfirmation | null, hired?: MeetingConfirmation | null): CardReply {
  const person = { heading: '候補者', lines: [`候補${m.letter}（${m.candidateId}）${m.headline ?? ''}`] };
  const card: CardReply = { type: 'card', kind: 'meeting_request', title: `面談の確定　案件 ${caseId}`, sections: [person], actions: [] };
  if (confirmed) {
    const lines = [`${confirmed.by} さんが ${dateTime(confirmed.at)} に面談を確定しました`, '連絡先を担当支援者と経営者にお知らせしました。'];
    if (hired) lines.push(`${hired.by} さんが ${dateTime(hired.at)} に採用・契約を記録しました`);
    card.sections.unshift({ heading: '判断', lines });
    if (!hired) card.actions.push({ label: '採用・契約を記録', value: actionValue('record_hire', caseId, m.candidateId) });
    return card;
  }
  card.sections.push({
    heading: '確定する前に',
    lines: [
      '経営者がこの方の話を聞きたいと答えました。担当支援者が三者面談の日程を調整します。',
      '「面談を確定」を押すと、この方の氏名と連絡先が担当支援者と経営者に伝わります（記録に残ります）。',
    ],
  });
  card.actions.push({ label: '面談を確定', value: actionValue('confirm_meeting', caseId, m.candidateId) });
  return card;
}
