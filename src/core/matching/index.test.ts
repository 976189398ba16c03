import { describe, expect, it } from 'vitest';
import { caseInput, context, person } from '../../../test/support/matching.js';
import { asPoolCandidate } from './candidate.js';
import { FullScan } from './full-scan.js';
import { generateCandidates } from './generate.js';
import { generateSpecs } from './generate-specs.js';
import { MatchIndex, minimumRaw, secondarySkillMax } from './index.js';
import { loadMatchingData } from './data.js';
import { toMatchQuery } from './query.js';
import { skillRanks, skillValue } from './score.js';
import { mulberry32, shuffled } from './random.js';

const pool = [...generateCandidates(3000, '11')].map((r, i) => asPoolCandidate(r.profile, i % 97 === 0 ? 'paused' : i % 31 === 0 ? 'engaged' : 'available'));
const index = MatchIndex.build(pool);
const scan = FullScan.prepare(pool);
const specs = generateSpecs(80, 'index-test');

// Some people are already committed, proposed elsewhere, or declined for the case.
const rnd = mulberry32(5);
const busy = context({
  committed: Object.fromEntries(pool.filter(() => rnd() < 0.08).map((c) => [c.id, Math.min(c.daysPerWeek, [0.5, 1, 2][Math.floor(rnd() * 3)] as number)])),
  exposure: Object.fromEntries(pool.filter(() => rnd() < 0.05).map((c) => [c.id, 1 + Math.floor(rnd() * 4)])),
  exclude: pool.filter(() => rnd() < 0.01).map((c) => c.id),
});
const view = (ms: ReturnType<MatchIndex['query']>) => ms.map((m) => ({ id: m.candidateId, score: m.score, reasons: m.reasons, gaps: m.gaps }));

describe('MatchIndex', () => {
  it.each([
    ['no context, top 10', context(), 10],
    ['commitments, exposure and exclusions, top 10', busy, 10],
    ['commitments, exposure and exclusions, top 40', busy, 40],
  ])('ranks exactly as the full scan does (%s)', (_name, ctx, top) => {
    for (const spec of specs) expect(view(index.query(spec, ctx, top))).toEqual(view(scan.query(spec, ctx, top)));
  });

  it('gives the same ranking for the same input, whatever the pool order', () => {
    const reordered = MatchIndex.build(shuffled(mulberry32(3), pool));
    for (const spec of specs.slice(0, 20)) {
      const first = view(index.query(spec, busy));
      expect(view(index.query(spec, busy))).toEqual(first);
      expect(view(reordered.query(spec, busy))).toEqual(first);
    }
  });

  it('breaks ties by candidate id', () => {
    const twins = ['T-3', 'T-1', 'T-2'].map((id) => person({ id }));
    expect(MatchIndex.build(twins).query(caseInput()).map((m) => m.candidateId)).toEqual(['T-1', 'T-2', 'T-3']);
  });

  it('returns at most `top` entries, best first, scores in [0, 1]', () => {
    for (const spec of specs.slice(0, 20)) {
      const found = index.query(spec, busy, 7);
      expect(found.length).toBeLessThanOrEqual(7);
      const scores = found.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    }
  });

  it('never proposes a paused person, and copes with an empty pool', () => {
    const paused = new Set(pool.filter((c) => c.status === 'paused').map((c) => c.id));
    for (const spec of specs.slice(0, 20)) expect(index.query(spec, busy, 50).some((m) => paused.has(m.candidateId))).toBe(false);
    expect(MatchIndex.build([]).query(caseInput())).toEqual([]);
  });
});

describe('secondarySkillMax (the phase-1 bound)', () => {
  it('is never below the skill value of anyone whose strongest skill is not the main wanted one', () => {
    const data = loadMatchingData();
    for (const spec of specs) {
      const q = toMatchQuery(spec, data);
      const main = q.wanted[0]?.skill;
      const ceiling = secondarySkillMax(q);
      for (const c of pool) {
        if (main && c.skillCategories[0] === main) continue;
        expect(skillValue(q.skillPlan, skillRanks(c), 0)).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('minimumRaw (the pruning bound)', () => {
  it.each([
    ['a bar the ceiling already reaches', 0.3, 0.4, Number.NEGATIVE_INFINITY],
    ['a bar out of reach even with full text', 0.9, 0.4, Number.POSITIVE_INFINITY],
  ])('%s', (_name, bar, ceiling, expected) => {
    expect(minimumRaw(bar, ceiling, 0.3, 10)).toBe(expected);
  });

  it('is the raw score at which the bound meets the bar', () => {
    const raw = minimumRaw(0.55, 0.4, 0.3, 10);
    expect(0.4 + 0.3 * (1 - Math.exp(-raw / 10))).toBeCloseTo(0.55, 6);
  });
});
