import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { context } from '../../../test/support/matching.js';
import { repoRoot } from '../repo-root.js';
import { asPoolCandidate } from './candidate.js';
import { readCandidateCsv } from './candidate-csv.js';
import { MatchIndex } from './index.js';
import { matchInputFromJson } from './input.js';

// The ranking test set (test/fixtures/matching/README.md): planted right answers among
// generated people and hard distractors. Reports recall@3 and MRR; asserts recall@3 ≥ 0.9.

const dir = join(repoRoot(), 'test/fixtures/matching');
interface SetSpec {
  name: string;
  industry: string;
  issues: unknown[];
  talentIssues?: string[];
  spec: unknown;
  relevant: string[];
  excluded?: string[];
  below?: string[];
}
const set = JSON.parse(readFileSync(join(dir, 'specs.json'), 'utf8')) as { commitments: Record<string, number>; paused: string[]; specs: SetSpec[] };

function readPool(file: string) {
  const result = readCandidateCsv(readFileSync(join(dir, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.records.map((r) => asPoolCandidate(r.profile, set.paused.includes(r.profile.id) ? 'paused' : 'available'));
}

const pool = [...readPool('background.csv'), ...readPool('planted.csv')];
const index = MatchIndex.build(pool);
const ctx = context({ committed: set.commitments });
const ranked = set.specs.map((s) => {
  const input = matchInputFromJson({ company: { industry: s.industry }, step1: { issues: s.issues, talentIssues: s.talentIssues ?? [] }, step2: { spec: s.spec } });
  return { s, ids: index.query(input, ctx, 10).map((m) => m.candidateId), all: index.query(input, ctx, pool.length).map((m) => m.candidateId) };
});

describe('ranking test set', () => {
  it('has at least 10 cases over a few hundred people', () => {
    expect(set.specs.length).toBeGreaterThanOrEqual(10);
    expect(pool.length).toBeGreaterThan(300);
  });

  it('finds the right people: recall@3 ≥ 0.9 (recall@3 and MRR are printed)', () => {
    const recall = ranked.map(({ s, ids }) => s.relevant.filter((id) => ids.slice(0, 3).includes(id)).length / Math.min(3, s.relevant.length));
    const reciprocal = ranked.map(({ s, ids }) => {
      const first = ids.findIndex((id) => s.relevant.includes(id));
      return first < 0 ? 0 : 1 / (first + 1);
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const lines = ranked.map(({ s, ids }, i) => `  ${s.name}: recall@3 ${recall[i]?.toFixed(2)}, RR ${reciprocal[i]?.toFixed(2)}, top 3 ${ids.slice(0, 3).join(' ')}`);
    console.log(`ranking test set: ${set.specs.length} cases, ${pool.length} people\n${lines.join('\n')}\n  recall@3 ${mean(recall).toFixed(3)}, MRR ${mean(reciprocal).toFixed(3)}`);
    expect(mean(recall)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(set.specs.map((s) => [s.name, s] as const))('keeps hard distractors out or below the right people: %s', (_name, s) => {
    const { all } = ranked.find((r) => r.s === s)!;
    for (const id of s.excluded ?? []) expect(all, `${id} must not be proposed`).not.toContain(id);
    const worstRelevant = Math.max(...s.relevant.map((id) => all.indexOf(id)));
    for (const id of s.below ?? []) {
      const at = all.indexOf(id);
      if (at >= 0) expect(at, `${id} must rank below the right people`).toBeGreaterThan(worstRelevant);
    }
  });
});
