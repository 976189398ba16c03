import { describe, expect, it } from 'vitest';
import { caseInput, context, person } from '../../../test/support/matching.js';
import { exclusionOf } from './constraints.js';
import { loadMatchingData } from './data.js';
import { MatchIndex } from './index.js';
import { toMatchQuery, type MatchContext } from './query.js';

const data = loadMatchingData();
const ok = caseInput();

describe('hard constraints', () => {
  it.each([
    ['a person who fits', person(), ok, context(), null],
    ['a paused person', person({ status: 'paused' }), ok, context(), 'paused'],
    ['an engaged person with days to spare', person({ status: 'engaged', daysPerWeek: 4 }), ok, context({ committed: { 'P-1': 2 } }), null],
    ['a person declined for this case', person(), ok, context({ exclude: ['P-1'] }), 'excluded'],
    ['no accepted work style in common', person({ workStyles: ['full_time'] }), ok, context(), 'work_style'],
    ['any style when the spec names none', person({ workStyles: ['full_time'] }), caseInput({ workStyles: [] }), context(), null],
    ['far away without remote work', person({ prefecture: '福岡県', remoteOk: false }), ok, context(), 'location'],
    ['far away, remote, spec silent on remote', person({ prefecture: '福岡県', remoteOk: true }), ok, context(), null],
    ['far away, remote, but the spec rules remote out', person({ prefecture: '福岡県', remoteOk: true }), caseInput({ location: { prefecture: '埼玉県', remoteOk: false } }), context(), 'location'],
    ['far away but moving, for a full-time hire', person({ prefecture: '福岡県', workStyles: ['full_time'] }), caseInput({ workStyles: ['full_time'], location: { prefecture: '埼玉県', remoteOk: false } }), context(), null],
    ['far away, a side job, no remote', person({ prefecture: '福岡県', workStyles: ['full_time', 'side_job'] }), caseInput({ workStyles: ['side_job', 'secondment'] }), context(), 'location'],
    ['in the same region, on site only', person({ prefecture: '東京都' }), caseInput({ location: { prefecture: '埼玉県', remoteOk: false } }), context(), null],
    ['anywhere when the place is unknown', person({ prefecture: '沖縄県' }), caseInput({ location: { prefecture: null, remoteOk: null } }), context(), null],
    ['less than half the days asked', person({ daysPerWeek: 0.5 }), ok, context(), 'capacity'],
    ['half the days asked (proposed, with a gap)', person({ daysPerWeek: 1 }), ok, context(), null],
    ['capacity already committed elsewhere', person({ daysPerWeek: 3 }), ok, context({ committed: { 'P-1': 2.5 } }), 'capacity'],
    ['fractional commitments that leave exactly enough', person({ daysPerWeek: 1.5 }), ok, context({ committed: { 'P-1': 0.3 + 0.2 } }), null],
    ['a fee above the budget', person({ monthlyFeeMinYen: 300000 }), ok, context(), 'fee'],
    ['an unknown fee', person({ monthlyFeeMinYen: null }), ok, context(), null],
    ['any fee when the budget is unknown', person({ monthlyFeeMinYen: 900000 }), caseInput({ monthlyBudgetYen: null }), context(), null],
    ['a fee against an unpaid (0 yen) case', person({ monthlyFeeMinYen: 50000 }), caseInput({ monthlyBudgetYen: 0 }), context(), 'fee'],
  ])('%s', (_name, candidate, input, ctx: MatchContext, expected) => {
    expect(exclusionOf(candidate, toMatchQuery(input, data), ctx, data)).toBe(expected);
    // The index applies the same constraints on its columns.
    const found = MatchIndex.build([candidate], data).query(input, ctx, 5).map((m) => m.candidateId);
    expect(found).toEqual(expected === null ? ['P-1'] : []);
  });
});
