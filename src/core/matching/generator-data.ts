import { join } from 'node:path';
import { z } from 'zod';
import { INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES, type Prefecture } from '../vocab.js';
import { CANDIDATE_KINDS } from './candidate.js';
import { loadYaml } from '../intake/content.js';
import { loadMatchingData, matchingDataDir, type MatchingData } from './data.js';

// prompts/matching/generator.yaml: the mix and the words of the synthetic pool.

const weighted = <T extends z.ZodType>(item: T) => z.array(z.tuple([item, z.number().nonnegative()])).min(1);

const kindSchema = z.object({
  share: z.number().positive(),
  age: z.array(z.tuple([z.number().int().min(15), z.number().int().max(100), z.number().positive()])).min(1),
  days: weighted(z.number().min(0.5).max(5)),
  styles: z.object({ base: z.enum(WORK_STYLES), optional: z.partialRecord(z.enum(WORK_STYLES), z.number().min(0).max(1)) }),
  remoteOk: z.number().min(0).max(1),
  skills: z.partialRecord(z.enum(SKILLS), z.number().min(0).max(100)),
  urban: z.number().min(0),
  feePerDay: z.tuple([z.number().nonnegative(), z.number().nonnegative()]),
  feeBlank: z.number().min(0).max(1),
  industries: z.partialRecord(z.enum(INDUSTRIES), z.number().positive()),
  companies: z.array(z.string().min(1)).min(1),
  headlines: z.array(z.string().min(1)).min(1),
});

const skillWordsSchema = z.object({
  field: z.string().min(1),
  dept: z.array(z.string().min(1)).min(1),
  role: z.array(z.string().min(1)).min(1),
  qual: z.array(z.string().min(1)).min(1),
  career: z.array(z.string().min(1)).min(2),
  issues: z.array(z.string().min(1)).min(1),
});

const generatorSchema = z.object({
  kinds: z.record(z.enum(CANDIDATE_KINDS), kindSchema),
  posts: z.array(z.string().min(1)).min(1),
  ageBlank: z.number().min(0).max(1),
  industryBlank: z.number().min(0).max(1),
  secondIndustry: z.number().min(0).max(1),
  skills: z.record(z.enum(SKILLS), skillWordsSchema),
  industrySentences: z.array(z.string().min(1)).min(1),
  portable: z.array(z.string().min(1)).min(1),
  familyNames: z.array(z.string().min(1)).min(10),
  givenNames: z.array(z.string().min(1)).min(10),
});
export type GeneratorConfig = z.infer<typeof generatorSchema>;
export type KindConfig = z.infer<typeof kindSchema>;

export interface GeneratorData {
  config: GeneratorConfig;
  matching: MatchingData;
  /** Where people of each kind live: prefecture weights, population times the kind's city lean. */
  prefectureWeights: Record<string, [Prefecture, number][]>;
}

const cache = new Map<string, GeneratorData>();

export function loadGeneratorData(dir = matchingDataDir()): GeneratorData {
  const hit = cache.get(dir);
  if (hit) return hit;
  const config = loadYaml(join(dir, 'generator.yaml'), generatorSchema);
  const matching = loadMatchingData(dir);
  const { population, urban } = matching.regions;
  const prefectureWeights = Object.fromEntries(Object.entries(config.kinds).map(([kind, k]) => [
    kind,
    PREFECTURES.map((p): [Prefecture, number] => [p, population[p] * (urban[p] ?? 0.4) ** k.urban]),
  ]));
  const data = { config, matching, prefectureWeights };
  cache.set(dir, data);
  return data;
}
