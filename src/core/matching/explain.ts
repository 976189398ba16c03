import { fillTemplate } from '../intake/content.js';
import { INDUSTRY_LABELS, SKILLS, SKILL_LABELS, WORK_STYLE_LABELS, type Skill } from '../vocab.js';
import { recordText, type PreparedTerms } from './bm25.js';
import type { PoolCandidate } from './candidate.js';
import { candidateLocation, LOCATION, remainingDays } from './constraints.js';
import type { MatchingData } from './data.js';
import type { MatchContext, MatchQuery, TextSegment } from './query.js';
import { combine, exposureFactor, factorValues, kindParts, skillCredit, skillRanks, type Factor } from './score.js';
import { sharedPhrases } from './text.js';

// Reasons and gaps in plain Japanese, each built from a factor that actually moved the
// score: a factor with no input contributes nothing and says nothing.

export interface FactorResult {
  factor: Factor | 'exposure';
  value: number;
  /** What the factor added to the score (after the exposure factor); negative for exposure. */
  contribution: number;
  reasons: string[];
  gaps: string[];
}

export interface Match {
  candidateId: string;
  score: number;
  reasons: string[];
  gaps: string[];
  candidate: PoolCandidate;
  remainingDays: number;
  factors: FactorResult[];
}

/** A phrase shared with the case must be this rare (sum of its bigrams' idf) to be quoted. */
const MIN_PHRASE_WEIGHT = 2;
/** Below this the text factor is too weak to claim a fit. */
const MIN_TEXT_VALUE = 0.1;

const quoteSkills = (skills: Skill[]): string => skills.map((s) => `「${SKILL_LABELS[s]}」`).join('');
export const formatDays = (days: number): string => String(Number(days.toFixed(2)));

/** An owner's sentence, cut at a natural break so a reason stays one line. */
export function shorten(text: string, max = 28): string {
  const first = text.split(/[。！？\n]/u)[0]?.trim() ?? text;
  if (first.length <= max) return first;
  const comma = first.lastIndexOf('、', max);
  return comma >= 10 ? `${first.slice(0, comma)}…` : `${first.slice(0, max - 1)}…`;
}

function skillSentences(c: PoolCandidate, q: MatchQuery, data: MatchingData): Pick<FactorResult, 'reasons' | 'gaps'> {
  const m = data.messages;
  const ranks = skillRanks(c);
  const held: Skill[] = [];
  const reasons: string[] = [];
  const missing: Skill[] = [];
  for (const w of q.wanted) {
    const { credit, via } = skillCredit(w, ranks, 0, data);
    if (credit > 0 && via === w.index) held.push(w.skill);
    else if (credit > 0) reasons.push(fillTemplate(m.reasons.skillRelated, { have: `「${SKILL_LABELS[SKILLS[via] as Skill]}」`, want: `「${SKILL_LABELS[w.skill]}」` }));
    else if (w.fromSpec) missing.push(w.skill);
  }
  const strongest = held.length === 1 && c.skillCategories[0] === held[0];
  if (held.length) reasons.unshift(strongest ? fillTemplate(m.reasons.skillStrongest, { skill: quoteSkills(held) }) : fillTemplate(m.reasons.skillHeld, { skills: quoteSkills(held) }));
  return { reasons, gaps: missing.length ? [fillTemplate(m.gaps.skillMissing, { skills: quoteSkills(missing) })] : [] };
}

const TEXT_TEMPLATE: Record<TextSegment['kind'], keyof MatchingData['messages']['reasons']> = {
  issue: 'textIssue', talentIssue: 'textTalentIssue', mustHave: 'textMustHave', niceToHave: 'textNiceToHave', duty: 'textDuty', titleRole: 'textTitleRole',
};

function textSentences(c: PoolCandidate, q: MatchQuery, value: number, prepared: PreparedTerms, data: MatchingData): Pick<FactorResult, 'reasons' | 'gaps'> {
  const firstIssue = q.segments.find((s) => s.kind === 'issue');
  if (value < MIN_TEXT_VALUE) {
    return { reasons: [], gaps: value < MIN_TEXT_VALUE / 2 && firstIssue ? [fillTemplate(data.messages.gaps.textNone, { text: shorten(firstIssue.text) })] : [] };
  }
  const doc = recordText(c.headline, c.summary);
  const idfOf = (code: number) => prepared.idfByCode.get(code) ?? 0;
  const evidence = q.segments.map((segment) => {
    const phrases = sharedPhrases(doc, segment.bigrams, idfOf)
      .filter((p) => p.weight >= MIN_PHRASE_WEIGHT && p.phrase.length >= data.scoring.text.minPhrase && !/^[0-9]+$/u.test(p.phrase));
    const top = phrases.filter((p, i) => i === 0 || (i < 2 && p.weight >= (phrases[0]?.weight ?? 0) / 2));
    return { segment, top, strength: segment.weight * top.reduce((sum, p) => sum + p.weight, 0) };
  }).filter((e) => e.top.length > 0).sort((a, b) => b.strength - a.strength);
  const reasons: string[] = [];
  const quoted = new Set<string>();
  for (const e of evidence) {
    if (reasons.length >= 2) break;
    if (e.top.every((p) => quoted.has(p.phrase))) continue;
    e.top.forEach((p) => quoted.add(p.phrase));
    const template = data.messages.reasons[TEXT_TEMPLATE[e.segment.kind]];
    reasons.push(fillTemplate(template, { phrases: e.top.map((p) => `「${p.phrase}」`).join(''), text: shorten(e.segment.text) }));
  }
  return { reasons, gaps: [] };
}

function kindSentences(c: PoolCandidate, q: MatchQuery, data: MatchingData): string[] {
  const m = data.messages.reasons;
  const parts = kindParts(c.kind, q, data);
  const values = {
    kind: data.scoring.kinds[c.kind].label,
    styles: q.styles.filter((s) => data.scoring.kinds[c.kind].styles.includes(s)).map((s) => WORK_STYLE_LABELS[s]).join('・'),
    skill: q.wanted[0] ? `「${SKILL_LABELS[q.wanted[0].skill]}」` : '',
  };
  if (parts.style && parts.skill) return [fillTemplate(m.kindBoth, values)];
  if (parts.style) return [fillTemplate(m.kindStyle, values)];
  return parts.skill ? [fillTemplate(m.kindSkill, values)] : [];
}

export function explainMatch(c: PoolCandidate, q: MatchQuery, ctx: MatchContext, textRaw: number, prepared: PreparedTerms, data: MatchingData): Match {
  const m = data.messages;
  const values = factorValues(c, q, ctx, textRaw, prepared, data);
  const exposure = ctx.exposure.get(c.id) ?? 0;
  const factor = exposureFactor(exposure, data);
  const score = combine(values, exposure, data);
  const w = data.scoring.weights;
  const result = (f: Factor, said: Pick<FactorResult, 'reasons' | 'gaps'>): FactorResult => ({
    factor: f, value: values[f], contribution: w[f] * values[f] * factor,
    reasons: values[f] > 0 ? said.reasons : [], gaps: said.gaps,
  });

  const remaining = remainingDays(c, ctx);
  const committed = c.daysPerWeek - remaining;
  const location = candidateLocation(c, q, data);
  const need = q.needDays === null ? null : formatDays(q.needDays);

  const factors: FactorResult[] = [
    result('skill', skillSentences(c, q, data)),
    result('text', textSentences(c, q, values.text, prepared, data)),
    result('kind', { reasons: kindSentences(c, q, data), gaps: [] }),
    result('availability', {
      reasons: need !== null && q.needDays !== null && remaining >= q.needDays ? [fillTemplate(m.reasons.availability, { need, free: formatDays(remaining) })] : [],
      gaps: [
        ...(need !== null && q.needDays !== null && remaining < q.needDays ? [fillTemplate(m.gaps.availabilityShort, { need, free: formatDays(remaining) })] : []),
        ...(committed > 0 ? [fillTemplate(m.gaps.committed, { days: formatDays(committed) })] : []),
      ],
    }),
    result('location', {
      reasons: location === LOCATION.same ? [fillTemplate(m.reasons.locationSame, { prefecture: c.prefecture })]
        : location === LOCATION.near ? [fillTemplate(m.reasons.locationNear, { prefecture: c.prefecture })]
        : location === LOCATION.remote && q.remote === true ? [fillTemplate(m.reasons.locationRemote, { prefecture: c.prefecture })] : [],
      gaps: location === LOCATION.remote && q.remote !== true ? [fillTemplate(m.gaps.remoteOnly, { prefecture: c.prefecture })]
        : location === LOCATION.relocate ? [fillTemplate(m.gaps.relocation, { prefecture: c.prefecture })] : [],
    }),
    result('industry', { reasons: q.industry ? [fillTemplate(m.reasons.industry, { industry: INDUSTRY_LABELS[q.industry] })] : [], gaps: [] }),
    {
      factor: 'exposure', value: factor, contribution: score - score / factor, reasons: [],
      gaps: exposure > 0 ? [fillTemplate(m.gaps.exposure, { count: exposure })] : [],
    },
  ];
  const reasons = [...factors].sort((a, b) => b.contribution - a.contribution).flatMap((f) => f.reasons);
  return { candidateId: c.id, score, reasons, gaps: factors.flatMap((f) => f.gaps), candidate: c, remainingDays: remaining, factors };
}
