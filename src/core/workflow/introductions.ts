import { CANDIDATE_KIND_LABELS } from '../matching/candidate.js';
import { formatDays } from '../matching/explain.js';
import type { AnonymousProfile, CandidateContact, StoredShortlistEntry } from '../matching/ports.js';
import type { CardReply } from '../replies.js';
import { SKILL_LABELS, type Skill } from '../vocab.js';

// Introductions as the owner sees them: one anonymised card per person the coordinator chose,
// each answered with 「話を聞いてみたい」 or 「見送る」. People are called 候補A, B, C (their order
// on the approved shortlist), because a button on LINE sends its text as the owner's message:
// a phrase reads naturally in the chat where a machine value would not.

export const INTEREST = '話を聞いてみたい';
/** How many people a coordinator introduces to an owner at once. */
export const INTRODUCTIONS = { min: 2, max: 3 } as const;
export const DECLINE = '見送る';
const LETTERS = 'ABCDEFGHIJ';

/** The people introduced to the owner, best first: chosen by the coordinator, whatever the owner answered since. */
export function introduced(entries: readonly StoredShortlistEntry[]): StoredShortlistEntry[] {
  return entries.filter((e) => e.state === 'approved' || e.state === 'declined').sort((a, b) => a.rank - b.rank);
}

export const letterOf = (entries: readonly StoredShortlistEntry[], candidateId: string): string =>
  LETTERS[introduced(entries).findIndex((e) => e.candidateId === candidateId)] ?? '?';

export const answerValue = (answer: 'interest' | 'decline', letter: string): string =>
  `${answer === 'interest' ? INTEREST : DECLINE}［候補${letter}］`;

export interface OwnerAnswer {
  answer: 'interest' | 'decline';
  candidateId: string;
}

/**
 * Reads an owner's answer: the button phrase (「話を聞いてみたい［候補A］」), free text naming a
 * 候補 and a verb, or the machine form `interest:CASE:CANDIDATE`. Null when it is none of these.
 */
export function parseOwnerAnswer(text: string, caseId: string, entries: readonly StoredShortlistEntry[]): OwnerAnswer | null {
  const people = introduced(entries);
  const t = text.normalize('NFKC').trim();
  const machine = /^(interest|decline):([^:]+):(.+)$/u.exec(t);
  if (machine) {
    const [, answer, forCase, candidateId] = machine;
    return forCase === caseId && people.some((p) => p.candidateId === candidateId) ? { answer: answer as OwnerAnswer['answer'], candidateId: candidateId! } : null;
  }
  const letter = /候補\s*([A-Ja-j])/u.exec(t)?.[1]?.toUpperCase();
  const person = letter ? people[LETTERS.indexOf(letter)] : people.length === 1 ? people[0] : undefined;
  if (!person) return null;
  if (/見送|結構です|不要|やめ/u.test(t)) return { answer: 'decline', candidateId: person.candidateId };
  if (/話を聞|会ってみたい|会いたい|興味|お願いします/u.test(t)) return { answer: 'interest', candidateId: person.candidateId };
  return null;
}

/** Strengths, availability and why this person: never a name, an age or a contact. */
export function profileCard(letter: string, profile: AnonymousProfile, entry: StoredShortlistEntry): CardReply {
  const days = `週${formatDays(profile.daysPerWeek)}日${profile.remoteOk ? '・リモート可' : ''}（${profile.prefecture}在住）`;
  const strengths = profile.skillCategories.slice(0, 3).map((s) => SKILL_LABELS[s as Skill] ?? s);
  return {
    type: 'card',
    kind: 'candidate_profile',
    title: `候補${letter}　${profile.headline ?? CANDIDATE_KIND_LABELS[profile.kind]}`,
    sections: [
      { heading: '強み', lines: strengths.length ? [strengths.join('・')] : ['（登録なし）'] },
      { heading: '関われる日数', lines: [`${CANDIDATE_KIND_LABELS[profile.kind]}・${days}`] },
      { heading: 'この方をおすすめする理由', lines: entry.reasons.length ? entry.reasons.slice(0, 3) : ['（コーディネーターが選びました）'] },
      ...(entry.gaps.length ? [{ heading: 'ご確認いただきたい点', lines: entry.gaps.slice(0, 2) }] : []),
    ],
    actions: [
      { label: INTEREST, value: answerValue('interest', letter) },
      { label: DECLINE, value: answerValue('decline', letter) },
    ],
  };
}

/** For the advisor's thread and the owner, only after the coordinator confirmed the meeting. */
export const contactLines = (letter: string, c: CandidateContact): string[] =>
  [`候補${letter}：${c.name} さん`, `連絡先：${c.email ?? '（未登録。コーディネーターにお問い合わせください）'}`];
