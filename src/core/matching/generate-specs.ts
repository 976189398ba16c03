import { emptySpec } from '../case-sheet.js';
import { loadIntakeContent, type IntakeContent } from '../intake/content.js';
import { INDUSTRIES, PREFECTURES, SKILLS, type Skill, type WorkStyle } from '../vocab.js';
import { loadGeneratorData, type GeneratorData } from './generator-data.js';
import type { MatchInput } from './query.js';
import { between, pick, pickWeighted, randomFor, shuffled } from './random.js';

// Varied synthetic cases for the benchmark and demos, shaped like the intake's drafts: one or
// two wanted fields with their issues in an owner's words, the drafted title, role, duties
// and persona of the intake's own templates, a way of working, days, place and budget.

const STYLE_SETS: [WorkStyle[], number][] = [
  [['side_job'], 20], [['advisory'], 20], [['side_job', 'concurrent'], 15], [['full_time'], 10],
  [['secondment'], 5], [['pro_bono'], 5], [['advisory', 'concurrent', 'side_job'], 10], [[], 15],
];

export function generateSpec(seed: string, item: number, data: GeneratorData = loadGeneratorData(), intake: IntakeContent = loadIntakeContent()): MatchInput {
  const rnd = randomFor(`spec:${seed}`, item);
  const { config } = data;
  const skills = shuffled(rnd, SKILLS).slice(0, rnd() < 0.7 ? 1 : 2) as Skill[];
  const main = skills[0] as Skill;
  const issues = skills
    .flatMap((s, i) => shuffled(rnd, config.skills[s].issues).slice(0, i === 0 ? 2 : 1).map((summary) => ({ summary, category: s })))
    .map((issue, i) => ({ ...issue, priority: i + 1 }));
  const template = intake.templates.skills[main] ?? intake.templates.generic;
  const drafted = rnd() < 0.8;
  const spec = {
    ...emptySpec(),
    ...(drafted ? { title: template.title, role: template.role, duties: [...template.duties], persona: template.persona } : {}),
    mustHave: rnd() < 0.6 ? [`${config.skills[main].field}の実務経験`] : [],
    skillCategories: rnd() < 0.85 ? skills : [],
    workStyles: pickWeighted(rnd, STYLE_SETS),
    daysPerWeek: rnd() < 0.9 ? pickWeighted(rnd, [[0.5, 10], [1, 35], [2, 30], [3, 15], [5, 10]] as const) : null,
    location: {
      prefecture: rnd() < 0.9 ? pickWeighted(rnd, PREFECTURES.map((p) => [p, data.matching.regions.population[p]] as const)) : null,
      remoteOk: pick(rnd, [true, null, null, false]),
    },
    monthlyBudgetYen: rnd() < 0.6 ? between(rnd, 5, 60) * 10_000 : null,
  };
  return {
    caseId: null,
    spec,
    issues,
    talentIssues: rnd() < 0.5 ? [`社内に${config.skills[main].field}がわかる人がいない`] : [],
    industry: rnd() < 0.8 ? pick(rnd, INDUSTRIES) : null,
  };
}

export const generateSpecs = (count: number, seed: string, data: GeneratorData = loadGeneratorData()): MatchInput[] =>
  Array.from({ length: count }, (_, i) => generateSpec(seed, i, data));
