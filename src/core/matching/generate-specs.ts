import { emptySpec } from '../case-sheet.js';
import { INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES, type Skill, type WorkStyle } from '../vocab.js';
import { loadGeneratorData, type GeneratorData } from './generator-data.js';
import type { MatchInput } from './query.js';
import { between, pick, pickWeighted, randomFor, shuffled } from './random.js';

// Varied synthetic cases for the benchmark and demos: one or two wanted fields with their
// issues in an owner's words, a way of working, days, place and budget, drawn like real
// cases (most want one field, most are on site or open to remote, some have no budget yet).

const STYLE_SETS: [WorkStyle[], number][] = [
  [['side_job'], 20], [['advisory'], 20], [['side_job', 'concurrent'], 15], [['full_time'], 10],
  [['secondment'], 5], [['pro_bono'], 5], [['advisory', 'concurrent', 'side_job'], 10], [[], 15],
];

export function generateSpec(seed: string, item: number, data: GeneratorData = loadGeneratorData()): MatchInput {
  const rnd = randomFor(`spec:${seed}`, item);
  const { config } = data;
  const skills = shuffled(rnd, SKILLS).slice(0, rnd() < 0.7 ? 1 : 2) as Skill[];
  const issues = skills.flatMap((s, i) => shuffled(rnd, config.skills[s].issues).slice(0, i === 0 ? 2 : 1).map((summary) => ({ summary, category: s })))
    .map((issue, i) => ({ ...issue, priority: i + 1 }));
  const prefecture = pickWeighted(rnd, PREFECTURES.map((p) => [p, data.matching.regions.population[p]] as const));
  const days = pickWeighted(rnd, [[0.5, 10], [1, 35], [2, 30], [3, 15], [5, 10]] as const);
  const workStyles = pickWeighted(rnd, STYLE_SETS);
  const spec = {
    ...emptySpec(),
    title: `${config.skills[skills[0] as Skill].field}の担い手`,
    duties: [`${config.skills[skills[0] as Skill].field}の仕組みづくりと社内への定着`],
    skillCategories: rnd() < 0.85 ? skills : [],
    workStyles: workStyles.filter((s) => WORK_STYLES.includes(s)),
    daysPerWeek: rnd() < 0.9 ? days : null,
    location: { prefecture: rnd() < 0.9 ? prefecture : null, remoteOk: pick(rnd, [true, null, null, false]) },
    monthlyBudgetYen: rnd() < 0.6 ? between(rnd, 5, 60) * 10_000 : null,
  };
  return {
    caseId: null,
    spec,
    issues,
    talentIssues: [],
    industry: rnd() < 0.8 ? pick(rnd, INDUSTRIES) : null,
  };
}

export const generateSpecs = (count: number, seed: string, data: GeneratorData = loadGeneratorData()): MatchInput[] =>
  Array.from({ length: count }, (_, i) => generateSpec(seed, i, data));
