import type { BusinessIssue, JobSpec } from '../case-sheet.js';
import { SKILLS, WORK_STYLES, type Industry, type Prefecture, type Skill, type WorkStyle } from '../vocab.js';
import type { MatchingData } from './data.js';
import { bigramSet, normalizeText } from './text.js';

// What a case asks for, turned once into what the constraints and the factors read.

/** A job spec with what surrounds it on the case sheet. */
export interface MatchInput {
  /** The case being matched: its own shortlist and commitments do not count against it. */
  caseId: string | null;
  spec: JobSpec;
  issues: BusinessIssue[];
  talentIssues: string[];
  industry: Industry | null;
}

/** What the matching side knows about a case beyond its spec, per candidate id. */
export interface MatchContext {
  /** Days per week already promised elsewhere: engagements and pending introductions. */
  committedDays: ReadonlyMap<string, number>;
  /** Other open cases on which the person is currently proposed or being introduced. */
  exposure: ReadonlyMap<string, number>;
  /** Never proposed again for this case (declined, withdrawn). */
  exclude: ReadonlySet<string>;
}

export const emptyContext = (): MatchContext => ({ committedDays: new Map(), exposure: new Map(), exclude: new Set() });

export interface WantedSkill {
  skill: Skill;
  index: number;
  weight: number;
  /** Named by the spec itself, not only by an issue's category. */
  fromSpec: boolean;
  /** Skills that earn partial credit for this one, with their share. */
  related: { index: number; strength: number }[];
}

export type SegmentKind = 'issue' | 'talentIssue' | 'mustHave' | 'niceToHave' | 'duty' | 'titleRole';

export interface TextSegment {
  kind: SegmentKind;
  /** As the owner or advisor wrote it, for quoting. */
  text: string;
  weight: number;
  bigrams: Set<number>;
}

export interface QueryTerm {
  code: number;
  weight: number;
}

/**
 * The wanted skills flattened for the scoring loop, which runs for every eligible person:
 * wanted skill k is index[k] with weight[k]; its related skills are relatedIndex/relatedStrength
 * from relatedStart[k] to relatedStart[k + 1]. byRank is the credit of a person's n-th skill.
 */
export interface SkillPlan {
  index: Int32Array;
  weight: Float64Array;
  relatedStart: Int32Array;
  relatedIndex: Int32Array;
  relatedStrength: Float64Array;
  byRank: Float64Array;
}

export interface MatchQuery {
  input: MatchInput;
  wanted: WantedSkill[];
  skillPlan: SkillPlan;
  styles: WorkStyle[];
  /** Bit i set for WORK_STYLES[i]; 0 = any style. */
  styleMask: number;
  /** The spec's styles in which a person moves to the company (転職型, 出向型). */
  relocationMask: number;
  needDays: number | null;
  /** Free days per week below which a person is never proposed. */
  minDays: number;
  prefecture: Prefecture | null;
  remote: boolean | null;
  budget: number | null;
  industry: Industry | null;
  segments: TextSegment[];
  /** Every bigram of the segments once, with its highest segment weight, in code order. */
  terms: QueryTerm[];
}

/** Styles in which the person comes to live near the company, so distance is no bar. */
export const RELOCATION_STYLES: readonly WorkStyle[] = ['full_time', 'secondment'];

export function styleMaskOf(styles: readonly WorkStyle[]): number {
  let mask = 0;
  for (const s of styles) mask |= 1 << WORK_STYLES.indexOf(s);
  return mask;
}

const RELOCATION_MASK = styleMaskOf(RELOCATION_STYLES);

function wantedSkills(input: MatchInput, data: MatchingData): WantedSkill[] {
  const { skill } = data.scoring;
  const picked: { skill: Skill; weight: number; fromSpec: boolean }[] = [];
  input.spec.skillCategories.forEach((s, i) => picked.push({ skill: s, weight: i === 0 ? skill.specFirst : skill.specLater, fromSpec: true }));
  for (const issue of [...input.issues].sort((a, b) => a.priority - b.priority)) {
    if (issue.category) picked.push({ skill: issue.category, weight: skill.fromIssues, fromSpec: false });
  }
  const seen = new Set<Skill>();
  const wanted: WantedSkill[] = [];
  for (const p of picked) {
    if (seen.has(p.skill) || wanted.length >= skill.maxWanted) continue;
    seen.add(p.skill);
    const index = data.skillIndex[p.skill];
    const related: WantedSkill['related'] = [];
    SKILLS.forEach((_, other) => {
      const strength = data.relatedStrength[index * SKILLS.length + other] ?? 0;
      if (strength > 0) related.push({ index: other, strength });
    });
    wanted.push({ ...p, index, related });
  }
  return wanted;
}

function segmentsOf(input: MatchInput, data: MatchingData): TextSegment[] {
  const w = data.scoring.text.segments;
  const { spec } = input;
  const raw: [SegmentKind, string | null, number][] = [
    ...[...input.issues].sort((a, b) => a.priority - b.priority)
      .map((issue, i): [SegmentKind, string, number] => ['issue', issue.summary, i === 0 ? w.issueTop : w.issueOther]),
    ...input.talentIssues.map((t): [SegmentKind, string, number] => ['talentIssue', t, w.talentIssue]),
    ...spec.mustHave.map((t): [SegmentKind, string, number] => ['mustHave', t, w.mustHave]),
    ...spec.niceToHave.map((t): [SegmentKind, string, number] => ['niceToHave', t, w.niceToHave]),
    ...spec.duties.map((t): [SegmentKind, string, number] => ['duty', t, w.duties]),
    ...[spec.title, spec.role, spec.persona, spec.expectations].map((t): [SegmentKind, string | null, number] => ['titleRole', t, w.titleRole]),
  ];
  const segments: TextSegment[] = [];
  for (const [kind, text, weight] of raw) {
    if (!text?.trim()) continue;
    const bigrams = bigramSet(normalizeText(text));
    if (bigrams.size) segments.push({ kind, text: text.trim(), weight, bigrams });
  }
  return segments;
}

function skillPlan(wanted: WantedSkill[], data: MatchingData): SkillPlan {
  const related = wanted.flatMap((w) => w.related);
  const relatedStart = new Int32Array(wanted.length + 1);
  wanted.forEach((w, k) => (relatedStart[k + 1] = (relatedStart[k] as number) + w.related.length));
  return {
    index: Int32Array.from(wanted, (w) => w.index),
    weight: Float64Array.from(wanted, (w) => w.weight),
    relatedStart,
    relatedIndex: Int32Array.from(related, (r) => r.index),
    relatedStrength: Float64Array.from(related, (r) => r.strength),
    byRank: Float64Array.from(data.scoring.skill.byRank),
  };
}

export function toMatchQuery(input: MatchInput, data: MatchingData): MatchQuery {
  const { spec } = input;
  const wanted = wantedSkills(input, data);
  const segments = segmentsOf(input, data);
  const weights = new Map<number, number>();
  for (const s of segments) for (const code of s.bigrams) weights.set(code, Math.max(weights.get(code) ?? 0, s.weight));
  const terms = [...weights].map(([code, weight]) => ({ code, weight })).sort((a, b) => a.code - b.code);
  const needDays = spec.daysPerWeek && spec.daysPerWeek > 0 ? spec.daysPerWeek : null;
  const { availability } = data.scoring;
  return {
    input,
    wanted,
    skillPlan: skillPlan(wanted, data),
    styles: [...spec.workStyles],
    styleMask: styleMaskOf(spec.workStyles),
    relocationMask: styleMaskOf(spec.workStyles) & RELOCATION_MASK,
    needDays,
    minDays: needDays ? needDays * availability.minShare : availability.minDays,
    prefecture: spec.location.prefecture,
    remote: spec.location.remoteOk,
    // 0 is a known budget (unpaid, pro bono): only people asking no fee fit it.
    budget: spec.monthlyBudgetYen !== null && spec.monthlyBudgetYen >= 0 ? spec.monthlyBudgetYen : null,
    industry: input.industry,
    segments,
    terms,
  };
}
