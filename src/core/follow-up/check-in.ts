import { fillTemplate } from '../intake/content.js';
import { normalizeLoose } from '../intake/text.js';
import { text, type Reply } from '../replies.js';
import type { CheckInContent } from './content.js';
import type { Contribution, FollowUpPatch, FollowUpRecord, Signal } from './ports.js';

// The owner's side of a check-in, as pure functions over the words in check-in.yaml: the first
// question (is the person contributing?), the second (anything new?), and what the advisor is
// told. Stored answers say where the owner is: no contribution yet means the first question.

export interface CheckInSummary {
  day: number;
  contribution: Contribution;
  contributionLabel: string;
  ownerWords: string;
  newIssue: string | null;
  signal: Signal;
}

export interface CheckInStep {
  patch: FollowUpPatch;
  replies: Reply[];
  /** Set once both questions are answered: what goes to the advisor's thread. */
  summary?: CheckInSummary;
}

const CONTRIBUTIONS = ['talk', 'concern', 'good'] as const;
const SENTENCE = /[。.!！?？、,\n]+/u;

const mentions = (said: string, words: readonly string[]): boolean => {
  const t = said.normalize('NFKC');
  return words.some((w) => t.includes(w.normalize('NFKC')));
};

const sentences = (said: string): string[] => normalizeLoose(said).split(SENTENCE).map((s) => s.trim()).filter(Boolean);

export function checkInQuestion(content: CheckInContent, day: number): Reply {
  const c = content.contribution;
  return {
    type: 'choices',
    text: fillTemplate(content.questions.contribution, { day: String(day) }),
    choices: [c.good, c.concern, c.talk].map(({ label, value }) => ({ label, value })),
  };
}

/** A button's value, or else the first kind whose words the owner used (asking to talk wins). */
export function readContribution(content: CheckInContent, said: string): Contribution {
  const t = normalizeLoose(said);
  const byButton = CONTRIBUTIONS.find((k) => normalizeLoose(content.contribution[k].value) === t);
  return byButton ?? CONTRIBUTIONS.find((k) => mentions(said, content.contribution[k].words)) ?? 'unclear';
}

/** Null: nothing new. Otherwise the new issue in the owner's words (or a note that there is one). */
export function readNewIssue(content: CheckInContent, said: string): string | null {
  const parts = sentences(said);
  const startsWithAny = (s: string, words: readonly string[]) => words.some((w) => s.startsWith(normalizeLoose(w)));
  if (!parts.length || parts.every((s) => startsWithAny(s, content.noIssue))) return null;
  const bare = (s: string) => s.replace(/(です|ですね|ね|よ)$/u, '');
  if (parts.every((s) => content.vagueIssue.some((w) => normalizeLoose(w) === bare(s)))) return content.vagueIssueSummary;
  return normalizeLoose(said);
}

export function signalOf(content: CheckInContent, contribution: Contribution, words: readonly string[], newIssue: string | null): Signal {
  if (contribution === 'concern' || contribution === 'talk') return 'trouble';
  if (words.some((w) => mentions(w, content.trouble))) return 'trouble';
  return newIssue ? 'new_need' : 'ok';
}

function closing(content: CheckInContent, signal: Signal, newIssue: string | null, nextDay: number | null): Reply[] {
  const t = content.thanks;
  const next = nextDay ? fillTemplate(t.nextCheckIn, { next: String(nextDay) }) : '';
  const thanks = fillTemplate(signal === 'trouble' ? t.trouble : signal === 'new_need' ? t.newNeed : t.ok, { next }).trim();
  if (!newIssue) return [text(thanks)];
  return [{ type: 'choices', text: thanks, choices: [{ label: t.newConsultationButton, value: t.newConsultationValue }] }];
}

/** One answer of the owner to an open check-in: what to store, what to say, and when it is complete. */
export function answerCheckIn(content: CheckInContent, open: FollowUpRecord, said: string, nextDay: number | null, now: Date): CheckInStep {
  const words = normalizeLoose(said);
  if (open.contribution === null) {
    return {
      patch: { contribution: readContribution(content, said), ownerWords: words },
      replies: [{ type: 'choices', text: content.questions.newIssue, choices: [{ label: content.noIssueButton, value: content.noIssueButton }] }],
    };
  }
  const newIssue = readNewIssue(content, said);
  const ownerWords = [open.ownerWords, newIssue ? null : words].filter(Boolean).join(' / ');
  const signal = signalOf(content, open.contribution, [open.ownerWords ?? '', words], newIssue);
  const label = open.contribution === 'unclear' ? content.unclearLabel : content.contribution[open.contribution].label;
  return {
    patch: { newIssue, signal, ownerWords, state: 'answered', answeredAt: now },
    replies: closing(content, signal, newIssue, nextDay),
    summary: { day: open.day, contribution: open.contribution, contributionLabel: label, ownerWords, newIssue, signal },
  };
}
