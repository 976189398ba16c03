// STEP 1 content of one sentence: a business issue, people issues, or the vision.
//
// One sentence yields at most one business issue: the span of its clauses that carry an issue
// cue. Clauses about people (社内に品質管理をわかる人間がいない) go to talentIssues instead and
// are never repeated as business issues. A sentence about the future (将来的には〜) is vision.
import type { Skill } from '../vocab.js';
import type { MentionedIssue } from './extraction.js';
import type { Lexicon } from './lexicon.js';
import type { PatternsData } from './lexicon-schema.js';
import { alternation, phraseSet, type PhraseSet } from './matcher.js';
import { capLength, cleanSummary, type Span, splitClauses } from './text.js';

export const MAX_SUMMARY_CHARS = 80;

export interface IssueRules {
  issue: PhraseSet;
  goal: PhraseSet;
  vision: PhraseSet;
  talent: PhraseSet;
  talentPair: RegExp;
}

export function compileIssueRules(p: PatternsData): IssueRules {
  return {
    issue: phraseSet(p.issue.cues),
    goal: phraseSet(p.issue.goals),
    vision: phraseSet(p.issue.vision),
    talent: phraseSet(p.talent.cues),
    talentPair: new RegExp(`${alternation(p.talent.subjects)}[^。!?\\n]{0,24}?${alternation(p.talent.lacks)}`, 'iu'),
  };
}

export function isTalentClause(text: string, lex: Lexicon): boolean {
  return lex.issues.talent.test(text) || lex.issues.talentPair.test(text);
}

/** The skill with the most keyword hits; a tie goes to the one mentioned first. */
export function categoryOf(text: string, lex: Lexicon): Skill | null {
  const counts = new Map<Skill, number>();
  for (const hit of lex.skills.findAll(text)) counts.set(hit.value, (counts.get(hit.value) ?? 0) + 1);
  let best: Skill | null = null;
  let bestCount = 0;
  for (const [skill, count] of counts) {
    if (count > bestCount) {
      best = skill;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Clauses that state an issue: a problem (困ってる, 不良), or a goal about a business area
 * (販路を広げたい). A goal whose area is named in an earlier clause brings that clause along:
 * 「評価とか給料の決め方が私の感覚なので、ちゃんとした仕組みを作りたい」.
 */
function issueClauses(clauses: Span[], talent: Span[], lex: Lexicon): Span[] {
  const candidates = clauses.filter((c) => !talent.includes(c));
  const out = new Set<Span>();
  for (const c of candidates) {
    if (lex.issues.issue.test(c.text)) {
      out.add(c);
    } else if (lex.issues.goal.test(c.text)) {
      const area = lex.skills.test(c.text) ? c : candidates.find((p) => p.start < c.start && lex.skills.test(p.text));
      if (area) out.add(area).add(c);
    }
  }
  return [...out].sort((a, b) => a.start - b.start);
}

export interface SentenceFindings {
  issue?: MentionedIssue;
  talentIssues: string[];
  vision?: string;
}

function summaryOf(text: string, lex: Lexicon): string {
  return capLength(cleanSummary(text, lex.text), MAX_SUMMARY_CHARS);
}

/** Issue, people issues and vision stated in one sentence. */
export function sentenceFindings(sentence: Span, lex: Lexicon): SentenceFindings {
  const clauses = splitClauses(sentence, lex.text);
  const talent = clauses.filter((c) => isTalentClause(c.text, lex));
  const findings: SentenceFindings = { talentIssues: talent.map((c) => summaryOf(c.text, lex)) };
  if (lex.issues.vision.test(sentence.text)) {
    findings.vision = cleanSummary(sentence.text, lex.text);
    return findings;
  }
  const cued = issueClauses(clauses, talent, lex);
  const first = cued[0];
  const last = cued.at(-1);
  if (!first || !last) return findings;
  const from = first.start - sentence.start;
  const to = last.start - sentence.start + last.text.length;
  const span = sentence.text.slice(from, to);
  const summary = summaryOf(span.length > MAX_SUMMARY_CHARS ? last.text : span, lex);
  if (summary !== '') {
    findings.issue = { summary, category: categoryOf(summary, lex) ?? categoryOf(sentence.text, lex) };
  }
  return findings;
}
