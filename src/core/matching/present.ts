import { CANDIDATE_KIND_LABELS } from './candidate.js';
import { formatDays } from './explain.js';
import type { Proposal } from './shortlist.js';

// A shortlist as plain text, for the terminal and for channels without rich UI. Only what a
// coordinator may see before an introduction is approved: no name, no contact, no age.

export const formatScore = (score: number): string => score.toFixed(2);

export function proposalLines(p: Proposal): string[] {
  const free = p.remainingDays === p.daysPerWeek ? `週${formatDays(p.daysPerWeek)}日` : `週${formatDays(p.daysPerWeek)}日（空き週${formatDays(p.remainingDays)}日）`;
  return [
    `${p.rank}. ${p.candidateId}［${CANDIDATE_KIND_LABELS[p.kind]}］${p.headline ?? '（見出しなし）'}`,
    `   適合度 ${formatScore(p.score)} ／ ${free} ／ ${p.prefecture}${p.remoteOk ? '（リモート可）' : ''}`,
    ...p.reasons.map((r) => `   ◎ ${r}`),
    ...p.gaps.map((g) => `   △ ${g}`),
  ];
}

export function shortlistText(title: string, proposals: readonly Proposal[], poolSize: number): string {
  if (!proposals.length) return `${title}\n登録されている${poolSize.toLocaleString('ja-JP')}名のうち、条件に合う方は見つかりませんでした。働き方・日数・地域・予算の条件をご確認ください。`;
  return [
    `${title}（登録 ${poolSize.toLocaleString('ja-JP')}名から上位${proposals.length}名）`,
    '※ 氏名・連絡先は、コーディネーターが紹介を承認した後にお知らせします。',
    ...proposals.flatMap((p) => ['', ...proposalLines(p)]),
  ].join('\n');
}
