import { describe, expect, it } from 'vitest';
import { emptyFields, type CaseFields } from '../case-sheet.js';
import { emptyExtraction, type Extraction } from '../extract/extraction.js';
import { mergeReadings } from './merge.js';

// Offline (the owner's explicit words) always wins; the model fills only what is still open.

const ex = (patch: Partial<Extraction>): Extraction => ({ ...emptyExtraction(), ...patch });
const fieldsWith = (patch: (f: CaseFields) => void): CaseFields => {
  const f = emptyFields();
  patch(f);
  return f;
};

describe('mergeReadings', () => {
  it('lets the offline reading win a field both read', () => {
    const m = mergeReadings(ex({ company: { employees: 28 } }), ex({ company: { employees: 30, industry: 'manufacturing' } }), emptyFields());
    expect(m.extraction.company).toEqual({ employees: 28, industry: 'manufacturing' });
    expect(m.filled).toEqual(['company.industry']);
  });

  it('never replaces a value the case already holds', () => {
    const current = fieldsWith((f) => (f.company.prefecture = '静岡県'));
    const m = mergeReadings(emptyExtraction(), ex({ company: { prefecture: '東京都' } }), current);
    expect(m.extraction.company).toEqual({});
    expect(m.filled).toEqual([]);
  });

  it('adds to lists that grow message by message', () => {
    const current = fieldsWith((f) => (f.step2.spec.mustHave = ['品質保証の経験']));
    const m = mergeReadings(emptyExtraction(), ex({ spec: { mustHave: ['ISO審査の経験'] } }), current);
    expect(m.extraction.spec).toEqual({ mustHave: ['ISO審査の経験'] });
  });

  it('leaves a list to the offline reading when it found items', () => {
    const m = mergeReadings(ex({ issues: [{ summary: '納期遅れ', category: 'production' }] }), ex({ issues: [{ summary: '工程の混乱', category: 'production' }] }), emptyFields());
    expect(m.extraction.issues).toEqual([{ summary: '納期遅れ', category: 'production' }]);
    expect(m.filled).toEqual([]);
  });

  it('maps the flattened location halves to their case paths', () => {
    const m = mergeReadings(emptyExtraction(), ex({ spec: { prefecture: '新潟県', remoteOk: true } }), emptyFields(), ['step2.spec.location.remoteOk']);
    expect(m.extraction.spec).toEqual({ prefecture: '新潟県' });
    expect(m.filled).toEqual(['step2.spec.location.prefecture']);
  });

  it('keeps the offline correction flag and values', () => {
    const m = mergeReadings(ex({ corrects: true, spec: { daysPerWeek: 2 } }), ex({ spec: { daysPerWeek: 1 } }), emptyFields());
    expect(m.extraction).toMatchObject({ corrects: true, spec: { daysPerWeek: 2 } });
  });
});
