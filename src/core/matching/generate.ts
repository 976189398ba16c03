import { fillTemplate } from '../intake/content.js';
import { INDUSTRY_LABELS, WORK_STYLES, type Industry, type Skill, type WorkStyle } from '../vocab.js';
import { CANDIDATE_KINDS, type CandidateKind, type CandidateRecord } from './candidate.js';
import { loadGeneratorData, type GeneratorData } from './generator-data.js';
import { between, pick, pickWeighted, randomFor, shuffled, type Random } from './random.js';

// `bansou candidates generate`: realistic, deterministic Japanese profiles. The mix follows
// the seeds (generator.yaml): kinds, the senior registry's ages and field shares, side-job
// talent living mostly in big cities. Nobody generated here is a real person.

const MAX_SKILLS = 4;

function skillsOf(rnd: Random, shares: Partial<Record<Skill, number>>): Skill[] {
  const entries = Object.entries(shares) as [Skill, number][];
  const held = entries.filter(([, p]) => rnd() * 100 < p);
  if (!held.length) return [pickWeighted(rnd, entries)];
  // The strongest field is drawn by share among those held, so common fields lead more often.
  const first = pickWeighted(rnd, held);
  return [first, ...shuffled(rnd, held.map(([s]) => s).filter((s) => s !== first))].slice(0, MAX_SKILLS);
}

function industriesOf(rnd: Random, data: GeneratorData, weights: Partial<Record<Industry, number>>): Industry[] {
  if (rnd() < data.config.industryBlank) return [];
  const entries = Object.entries(weights) as [Industry, number][];
  const first = pickWeighted(rnd, entries);
  if (rnd() >= data.config.secondIndustry) return [first];
  const second = pickWeighted(rnd, entries.filter(([i]) => i !== first));
  return [first, second];
}

/** Years of experience that fit the person's age: work starts at 22 or so. */
const yearsFor = (rnd: Random, age: number): number => between(rnd, Math.min(3, age - 22), Math.max(3, Math.min(40, age - 22)));

function summaryOf(rnd: Random, data: GeneratorData, skills: Skill[], industries: Industry[], age: number): string {
  const { config } = data;
  const numbers = () => ({ n: between(rnd, 3, 15), p: between(rnd, 10, 50) });
  const [first, ...others] = skills;
  const primary = shuffled(rnd, config.skills[first as Skill].career).slice(0, 2);
  const secondary = others.slice(0, 2).map((s) => pick(rnd, config.skills[s].career));
  const sentences = [...primary, ...secondary].map((s) => fillTemplate(s, numbers()));
  if (industries[0]) {
    sentences.push(fillTemplate(pick(rnd, config.industrySentences), { industry: INDUSTRY_LABELS[industries[0]], years: yearsFor(rnd, age) }));
  }
  sentences.push(pick(rnd, config.portable));
  return sentences.join('');
}

/** Candidate number `item` (0-based) of the pool for `seed`. */
export function generateCandidate(seed: string, item: number, data: GeneratorData = loadGeneratorData()): CandidateRecord {
  const rnd = randomFor(seed, item);
  const { config } = data;
  const kind = pickWeighted(rnd, CANDIDATE_KINDS.map((k): [CandidateKind, number] => [k, config.kinds[k].share]));
  const k = config.kinds[kind];
  const [from, to] = pickWeighted(rnd, k.age.map(([a, b, w]): [[number, number], number] => [[a, b], w]));
  // A blank age is still drawn, so that careers stay plausible for the person's years.
  const drawnAge = between(rnd, from, to);
  const age = rnd() < config.ageBlank ? null : drawnAge;
  const daysPerWeek = pickWeighted(rnd, k.days);
  const optional = k.styles.optional as Partial<Record<WorkStyle, number>>;
  const workStyles = WORK_STYLES.filter((s) => s === k.styles.base || rnd() < (optional[s] ?? 0));
  const remoteOk = rnd() < k.remoteOk;
  const skillCategories = skillsOf(rnd, k.skills);
  const industries = industriesOf(rnd, data, k.industries);
  const prefecture = pickWeighted(rnd, data.prefectureWeights[kind] ?? []);
  const [low, high] = k.feePerDay;
  const fee = rnd() < k.feeBlank || high === 0 ? null : Math.round((daysPerWeek * 4 * (low + rnd() * (high - low))) / 10_000) * 10_000;
  const words = config.skills[skillCategories[0] as Skill];
  const headline = fillTemplate(pick(rnd, k.headlines), {
    company: pick(rnd, k.companies), dept: pick(rnd, words.dept), post: pick(rnd, config.posts), role: pick(rnd, words.role),
    field: words.field, qual: pick(rnd, words.qual), years: yearsFor(rnd, drawnAge),
  });
  const summary = summaryOf(rnd, data, skillCategories, industries, drawnAge);
  const id = `G${seed}-${String(item + 1).padStart(6, '0')}`;
  const name = `${pick(rnd, config.familyNames)} ${pick(rnd, config.givenNames)}`;
  const email = rnd() < 0.08 ? null : `${id.toLowerCase()}@example.com`;
  return {
    profile: {
      id, kind, prefecture, remoteOk, daysPerWeek, workStyles, skillCategories, industries,
      monthlyFeeMinYen: fee && fee > 0 ? fee : null, headline, summary,
    },
    personal: { name, email, age },
  };
}

export function* generateCandidates(count: number, seed: string, data: GeneratorData = loadGeneratorData()): Generator<CandidateRecord> {
  for (let i = 0; i < count; i++) yield generateCandidate(seed, i, data);
}
