import { describe, expect, it } from 'vitest';
import { emptySpec } from '../../src/core/case-sheet.js';
import { checkInModal, closeCaseModal, decodeContext, editDraftModal, encodeContext, handOverModal, parseAskOwner, parseCheckIn, parseCloseCase, parseEditDraft, parseHandOver, type SubmittedValues } from './modals.js';

// The modals open prefilled within Slack's limits, and submissions read back into actions.

const ctx = { caseId: 'C-AAAAAAAA', channelId: 'C1' };
const v = (fields: Record<string, string | null>): SubmittedValues =>
  Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value: { value } }]));

describe('modals', () => {
  it('prefills the spec, leaving out empty initial values', () => {
    const view = editDraftModal(ctx, { ...emptySpec(), title: '品質保証の顧問', duties: ['ISO取得支援', '社内教育'], monthlyBudgetYen: 150000 });
    const byId = Object.fromEntries(view.blocks.map((b) => [(b as { block_id: string }).block_id, (b as { element: Record<string, unknown> }).element]));
    expect(byId.title).toMatchObject({ initial_value: '品質保証の顧問' });
    expect(byId.duties).toMatchObject({ initial_value: 'ISO取得支援\n社内教育', multiline: true });
    expect(byId.monthlyBudgetYen).toMatchObject({ type: 'number_input', initial_value: '150000' });
    expect(byId.role).not.toHaveProperty('initial_value');
    expect([...view.title.text].length).toBeLessThanOrEqual(24);
    expect(decodeContext(view.private_metadata ?? '')).toEqual(ctx);
  });

  it('offers at most 100 organisations', () => {
    const orgs = Array.from({ length: 120 }, (_, i) => ({ id: `o${i}`, name: `機関${i}`, slackChannelId: null }));
    const select = (handOverModal(ctx, orgs).blocks[1] as { element: { options: unknown[] } }).element;
    expect(select.options).toHaveLength(100);
  });

  it.each([
    [v({ question: '  従業員の平均年齢は？ ' }), { ok: true, value: { question: '従業員の平均年齢は？' } }],
    [v({ question: '  ' }), { ok: false, errors: { question: expect.any(String) } }],
  ])('reads a question %#', (values, expected) => expect(parseAskOwner(values)).toEqual(expected));

  it.each([
    [v({ title: '顧問', duties: '・ISO取得\n\n- 教育 ', daysPerWeek: '0.5', monthlyBudgetYen: '200000', durationMonths: '' }),
      { ok: true, value: expect.objectContaining({ title: '顧問', duties: ['ISO取得', '教育'], daysPerWeek: 0.5, monthlyBudgetYen: 200000, durationMonths: null, role: null, mustHave: [] }) }],
    [v({ daysPerWeek: '6' }), { ok: false, errors: { daysPerWeek: expect.stringContaining('0.5〜5') } }],
    [v({ monthlyBudgetYen: '1.5' }), { ok: false, errors: { monthlyBudgetYen: expect.any(String) } }],
    [v({ durationMonths: 'abc' }), { ok: false, errors: { durationMonths: '数字で入力してください。' } }],
  ])('reads a draft edit %#', (values, expected) => expect(parseEditDraft(values)).toEqual(expected));

  it('reads a hand-over, and insists on a destination', () => {
    expect(parseHandOver({ to: { value: { selected_option: { value: 'org-b' } } }, ...v({ note: '融資の相談も' }) })).toEqual({ ok: true, value: { to: 'org-b', note: '融資の相談も' } });
    expect(parseHandOver(v({ note: 'x' }))).toMatchObject({ ok: false, errors: { to: expect.any(String) } });
  });

  it('asks for a reason to close a case, and takes a follow-up note as optional', () => {
    const close = closeCaseModal(ctx);
    expect(close.callback_id).toBe('close_case');
    expect(close.blocks.find((b) => (b as { block_id?: string }).block_id === 'reason')).toMatchObject({ optional: false });
    expect(parseCloseCase(v({ reason: ' 自社で採用できた ' }))).toEqual({ ok: true, value: { reason: '自社で採用できた' } });
    expect(parseCloseCase(v({ reason: '   ' }))).toEqual({ ok: false, errors: { reason: expect.any(String) } });
    expect(checkInModal(ctx).blocks.find((b) => (b as { block_id?: string }).block_id === 'note')).toMatchObject({ optional: true });
    expect(parseCheckIn(v({ note: '30日面談：順調' }))).toEqual({ ok: true, value: { note: '30日面談：順調' } });
    expect(parseCheckIn(v({ note: '' }))).toEqual({ ok: true, value: { note: null } });
  });

  it('refuses metadata that is not ours', () => {
    expect(decodeContext('not json')).toBeNull();
    expect(decodeContext(encodeContext(ctx))).toEqual(ctx);
  });
});
