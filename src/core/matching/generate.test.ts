import { describe, expect, it } from 'vitest';
import { candidateCsvHeader, candidateCsvLine, readCandidateCsv } from './candidate-csv.js';
import type { CandidateRecord } from './candidate.js';
import { generateCandidates } from './generate.js';
import { loadGeneratorData } from './generator-data.js';

const csv = (records: CandidateRecord[]) => candidateCsvHeader() + records.map(candidateCsvLine).join('');
const N = 6000;
const pool = [...generateCandidates(N, '7')];
const share = (records: CandidateRecord[], test: (r: CandidateRecord) => boolean) => records.filter(test).length / records.length;

describe('generateCandidates', () => {
  it('is deterministic: the same seed gives the same bytes, a longer run starts with a shorter one', () => {
    expect(csv([...generateCandidates(300, '7')])).toBe(csv(pool.slice(0, 300)));
    expect(csv([...generateCandidates(300, '8')])).not.toBe(csv(pool.slice(0, 300)));
  });

  it('writes files that the importer accepts', () => {
    const result = readCandidateCsv(csv(pool.slice(0, 2000)));
    expect(result.ok ? 'ok' : result.problems.slice(0, 3)).toBe('ok');
  });

  it('gives every profile a Japanese headline and a summary of several sentences', () => {
    for (const r of pool.slice(0, 200)) {
      expect(r.profile.headline).toMatch(/[\p{Script=Han}\p{Script=Katakana}]/u);
      expect((r.profile.summary ?? '').split('。').length).toBeGreaterThan(3);
      expect(r.personal.name).toMatch(/^\S+ \S+$/u);
    }
  });

  it('follows the configured mix of kinds', () => {
    const { config } = loadGeneratorData();
    const total = Object.values(config.kinds).reduce((sum, k) => sum + k.share, 0);
    for (const [kind, k] of Object.entries(config.kinds)) {
      expect(share(pool, (r) => r.profile.kind === kind)).toBeCloseTo(k.share / total, 1);
    }
  });

  it('gives seniors the national registry age bands and field shares', () => {
    const seniors = pool.filter((r) => r.profile.kind === 'senior' && r.personal.age !== null);
    const age = (from: number, to: number) => share(seniors, (r) => (r.personal.age as number) >= from && (r.personal.age as number) <= to);
    expect(age(50, 59)).toBeCloseTo(0.14, 1);
    expect(age(60, 64)).toBeCloseTo(0.37, 1);
    expect(age(65, 69)).toBeCloseTo(0.33, 1);
    expect(age(70, 100)).toBeCloseTo(0.16, 1);
    const holds = (skill: string) => share(seniors, (r) => r.profile.skillCategories.includes(skill as never));
    // Registry shares (domain.md); a person keeps at most four fields, so the top ones run a little low.
    expect(holds('management_planning')).toBeGreaterThan(0.3);
    expect(holds('management_planning')).toBeGreaterThan(holds('production'));
    expect(holds('product_development')).toBeGreaterThan(holds('finance'));
    expect(holds('logistics')).toBeCloseTo(0.071, 1);
  });

  it('places side-job talent in big cities more than seniors', () => {
    const metro = new Set(['東京都', '神奈川県', '大阪府', '愛知県', '福岡県']);
    const inCity = (kind: string) => share(pool.filter((r) => r.profile.kind === kind), (r) => metro.has(r.profile.prefecture));
    expect(inCity('side_job')).toBeGreaterThan(0.6);
    expect(inCity('side_job')).toBeGreaterThan(inCity('senior') + 0.15);
  });

  it('leaves the fee blank for pro bono people and accepts the kind’s usual style', () => {
    for (const r of pool.filter((x) => x.profile.kind === 'pro_bono')) {
      expect(r.profile.monthlyFeeMinYen).toBeNull();
      expect(r.profile.workStyles).toContain('pro_bono');
    }
    expect(pool.filter((x) => x.profile.kind === 'side_job').every((x) => x.profile.workStyles.includes('side_job'))).toBe(true);
  });
});
