import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../intake/content.js';
import { promptsDir } from '../repo-root.js';
import { PREFECTURES, SKILLS, WORK_STYLES, type Prefecture, type Skill } from '../vocab.js';
import { CANDIDATE_KINDS } from './candidate.js';

// Matching's tunable knowledge is data (prompts/matching/*.yaml), checked once here so that
// a domain expert's typo fails at start with the file and the entry.

const share = z.number().min(0).max(1);

const weightsSchema = z.object({
  skill: share, text: share, kind: share, availability: share, location: share, industry: share,
}).refine((w) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 1) < 1e-9, { message: 'weights must add up to 1' });

const scoringSchema = z.object({
  weights: weightsSchema,
  skill: z.object({
    byRank: z.array(share).min(1),
    specFirst: share,
    specLater: share,
    fromIssues: share,
    maxWanted: z.number().int().min(1).max(SKILLS.length),
  }),
  related: z.array(z.tuple([z.enum(SKILLS), z.enum(SKILLS), z.number().gt(0).max(1)])),
  availability: z.object({ minShare: z.number().gt(0).max(1), minDays: z.number().gt(0).max(5) }),
  exposure: z.object({ perCase: share, floor: share }),
  text: z.object({
    k1: z.number().positive(),
    b: share,
    saturation: z.number().positive(),
    segments: z.object({
      issueTop: share, issueOther: share, talentIssue: share, mustHave: share, niceToHave: share, duties: share, titleRole: share,
    }),
    minPhrase: z.number().int().min(1),
  }),
  kindStyleShare: share,
  kinds: z.record(z.enum(CANDIDATE_KINDS), z.object({
    label: z.string().min(1),
    styles: z.array(z.enum(WORK_STYLES)).min(1),
    skills: z.array(z.enum(SKILLS)),
  })),
});
export type ScoringConfig = z.infer<typeof scoringSchema>;

const regionsSchema = z.object({
  regions: z.record(z.string().min(1), z.array(z.enum(PREFECTURES)).min(1)),
  population: z.record(z.enum(PREFECTURES), z.number().positive()),
  urban: z.partialRecord(z.enum(PREFECTURES), z.number().positive()),
}).superRefine((data, ctx) => {
  const seen = new Map<string, string>();
  for (const [region, prefectures] of Object.entries(data.regions)) {
    for (const p of prefectures) {
      if (seen.has(p)) ctx.addIssue({ code: 'custom', path: ['regions', region], message: `${p} is already in ${seen.get(p)}` });
      seen.set(p, region);
    }
  }
  const absent = PREFECTURES.filter((p) => !seen.has(p));
  if (absent.length) ctx.addIssue({ code: 'custom', path: ['regions'], message: `missing prefectures: ${absent.join(', ')}` });
});
export type RegionsConfig = z.infer<typeof regionsSchema>;

const messagesSchema = z.object({
  reasons: z.object({
    skillHeld: z.string(), skillStrongest: z.string(), skillRelated: z.string(), textIssue: z.string(),
    textTalentIssue: z.string(), textMustHave: z.string(), textNiceToHave: z.string(), textDuty: z.string(),
    textTitleRole: z.string(), kindStyle: z.string(), kindSkill: z.string(), kindBoth: z.string(), availability: z.string(),
    locationSame: z.string(), locationNear: z.string(), locationRemote: z.string(), industry: z.string(),
  }),
  gaps: z.object({
    skillMissing: z.string(), textNone: z.string(), availabilityShort: z.string(), committed: z.string(),
    remoteOnly: z.string(), relocation: z.string(), exposure: z.string(),
  }),
});
export type MatchMessages = z.infer<typeof messagesSchema>;


/** Everything matching needs, with lookups precomputed for the hot loops. */
export interface MatchingData {
  scoring: ScoringConfig;
  regions: RegionsConfig;
  messages: MatchMessages;
  skillIndex: Record<Skill, number>;
  /** relatedStrength[a * SKILLS.length + b]: the share of credit skill b earns for wanted skill a. */
  relatedStrength: Float64Array;
  prefectureIndex: Record<Prefecture, number>;
  /** Region number of each prefecture, by prefecture index. */
  regionOfPrefecture: Int32Array;
}

const cache = new Map<string, MatchingData>();

export const matchingDataDir = (): string => join(promptsDir(), 'matching');

export function loadMatchingData(dir = matchingDataDir()): MatchingData {
  const hit = cache.get(dir);
  if (hit) return hit;
  const scoring = loadYaml(join(dir, 'scoring.yaml'), scoringSchema);
  const regions = loadYaml(join(dir, 'regions.yaml'), regionsSchema);
  const skillIndex = Object.fromEntries(SKILLS.map((s, i) => [s, i])) as Record<Skill, number>;
  const relatedStrength = new Float64Array(SKILLS.length * SKILLS.length);
  for (const [a, b, strength] of scoring.related) {
    const ia = skillIndex[a];
    const ib = skillIndex[b];
    relatedStrength[ia * SKILLS.length + ib] = Math.max(relatedStrength[ia * SKILLS.length + ib] ?? 0, strength);
    relatedStrength[ib * SKILLS.length + ia] = Math.max(relatedStrength[ib * SKILLS.length + ia] ?? 0, strength);
  }
  const prefectureIndex = Object.fromEntries(PREFECTURES.map((p, i) => [p, i])) as Record<Prefecture, number>;
  const regionOfPrefecture = new Int32Array(PREFECTURES.length);
  Object.values(regions.regions).forEach((prefectures, region) => {
    for (const p of prefectures) regionOfPrefecture[prefectureIndex[p]] = region;
  });
  const messages = loadYaml(join(dir, 'messages.yaml'), messagesSchema);
  const data: MatchingData = { scoring, regions, messages, skillIndex, relatedStrength, prefectureIndex, regionOfPrefecture };
  cache.set(dir, data);
  return data;
}
