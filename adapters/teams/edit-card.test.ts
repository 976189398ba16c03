import { describe, expect, it } from 'vitest';
import { emptySpec, type JobSpec } from '../../src/core/case-sheet.js';
import { editCard, parseEdit } from './edit-card.js';

const spec: JobSpec = {
  ...emptySpec(), title: '品質保証アドバイザー', duties: ['ISO9001 取得の支援'], daysPerWeek: 1,
  location: { prefecture: '埼玉県', remoteOk: true }, monthlyBudgetYen: 150000, durationMonths: 12,
};

describe('parseEdit', () => {
  it.each([
    ['nothing changed', {}, {}],
    ['a number as Teams sends it', { monthlyBudgetYen: '200000' }, { monthlyBudgetYen: 200000 }],
    ['a fraction of a day', { daysPerWeek: '1.5' }, { daysPerWeek: 1.5 }],
    ['a cleared text', { title: '  ' }, { title: null }],
    ['lines as a list, bullets dropped', { duties: '・ISO9001 取得の支援\n- 社内教育\n\n' }, { duties: ['ISO9001 取得の支援', '社内教育'] }],
    ['a new place and no remote', { prefecture: '静岡県', remoteOk: 'false' }, { location: { prefecture: '静岡県', remoteOk: false } }],
    ['remote left open', { remoteOk: '' }, { location: { prefecture: '埼玉県', remoteOk: null } }],
  ])('%s', (_name, data, patch) => {
    expect(parseEdit(spec, { caseId: 'C-ABCDEFGH', ...data })).toEqual({ ok: true, patch });
  });

  it.each([
    ['a negative budget', { monthlyBudgetYen: '-5' }, '0 以上'],
    ['too many days', { daysPerWeek: '6' }, '5 以下'],
    ['a fraction of a month', { durationMonths: '1.5' }, '整数'],
    ['words for a number', { monthlyBudgetYen: 'たくさん' }, '数字'],
    ['an unknown prefecture', { prefecture: 'ガリア' }, '一覧から'],
  ])('refuses %s in Japanese', (_name, data, problem) => {
    const out = parseEdit(spec, data);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems.join()).toContain(problem);
  });
});

describe('editCard', () => {
  it('fills the inputs with the spec, or with what was entered', () => {
    const card = editCard('C-ABCDEFGH', spec, undefined, { monthlyBudgetYen: '-5' });
    const input = (id: string) => card.body.find((e) => e.id === id);
    expect(input('title')).toMatchObject({ type: 'Input.Text', value: '品質保証アドバイザー' });
    expect(input('duties')).toMatchObject({ value: 'ISO9001 取得の支援' });
    expect(input('daysPerWeek')).toMatchObject({ type: 'Input.Number', value: 1 });
    expect(input('monthlyBudgetYen')).toMatchObject({ value: -5 });
    expect(input('prefecture')).toMatchObject({ type: 'Input.ChoiceSet', value: '埼玉県' });
    expect(card.actions.map((a) => a.verb)).toEqual(['save_edit', 'cancel_edit']);
  });
});
