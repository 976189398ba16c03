import { describe, expect, it } from 'vitest';
import { actionRequestSchema, toMemberAction } from './actions.js';

// Buttons of the simulated Slack and Teams panes, as the core's member actions.

const parse = (body: Record<string, unknown>) => toMemberAction(actionRequestSchema.parse(body));
const ID = 'C-7K3M9Q2X';

describe('simulator buttons', () => {
  it.each([
    [{ pane: 'slack', value: `take_case:${ID}` }, { type: 'take' }],
    [{ pane: 'slack', value: `ask_owner:${ID}`, question: '従業員の平均年齢は？' }, { type: 'ask_owner', question: '従業員の平均年齢は？' }],
    [{ pane: 'slack', value: `hand_over:${ID}`, to: 'sample-bank', note: '' }, { type: 'hand_over', to: 'sample-bank', note: null }],
    [{ pane: 'slack', value: `send_for_approval:${ID}`, comment: '  ' }, { type: 'send_for_approval', comment: null }],
    [{ pane: 'slack', value: `comment:${ID}`, comment: '来週訪問します' }, { type: 'comment', text: '来週訪問します' }],
    [{ pane: 'slack', value: `edit_draft:${ID}`, monthlyBudgetYen: '180000', daysPerWeek: '' }, { type: 'edit_spec', patch: { monthlyBudgetYen: 180000 } }],
    [{ pane: 'teams', value: `approve:${ID}` }, { type: 'decide', decision: 'approve', comment: null }],
    [{ pane: 'teams', value: `return:${ID}`, comment: '予算の根拠を' }, { type: 'decide', decision: 'return', comment: '予算の根拠を' }],
    [{ pane: 'teams', value: `edit:${ID}`, title: '品質保証リーダー', durationMonths: 6 }, { type: 'edit_spec', patch: { title: '品質保証リーダー', durationMonths: 6 } }],
    [{ pane: 'teams', value: `confirm_meeting:${ID}:E2E-1` }, { type: 'confirm_meeting', candidateId: 'E2E-1' }],
    [{ pane: 'teams', value: `approve_shortlist:${ID}`, candidateIds: ['E2E-1', 'E2E-3'] }, { type: 'approve_shortlist', candidateIds: ['E2E-1', 'E2E-3'] }],
    // Nothing ticked: the core's refusal names the count (2〜3 名).
    [{ pane: 'teams', value: `approve_shortlist:${ID}` }, { type: 'approve_shortlist', candidateIds: [] }],
    [{ pane: 'slack', value: `record_hire:${ID}:E2E-1` }, { type: 'record_hire', candidateId: 'E2E-1' }],
    [{ pane: 'slack', value: `check_in:${ID}`, note: '順調' }, { type: 'check_in', note: '順調' }],
    [{ pane: 'slack', value: `close_case:${ID}`, comment: '自社で採用できた' }, { type: 'close', reason: '自社で採用できた' }],
  ])('%o → %o', (body, action) => {
    expect(parse(body)).toEqual({ caseId: ID, action });
  });

  it.each([
    ['a Teams button in Slack', { pane: 'slack', value: `approve:${ID}` }, /使えません/],
    ['a Slack button in Teams', { pane: 'teams', value: `take_case:${ID}` }, /使えません/],
    ['an unknown verb', { pane: 'slack', value: `delete:${ID}` }, /使えません/],
    ['a question left empty', { pane: 'slack', value: `ask_owner:${ID}`, question: ' ' }, /質問/],
    ['a hand-over with no organisation', { pane: 'slack', value: `hand_over:${ID}` }, /引き継ぎ先/],
    ['closing without a reason', { pane: 'slack', value: `close_case:${ID}` }, /理由/],
    ['choosing whom to introduce from Slack', { pane: 'slack', value: `approve_shortlist:${ID}`, candidateIds: ['E2E-1', 'E2E-2'] }, /使えません/],
    ['an edit that changes nothing', { pane: 'teams', value: `edit:${ID}`, title: '' }, /1つ以上/],
  ])('refuses %s', (_name, body, message) => {
    expect(parse(body)).toEqual({ error: expect.stringMatching(message) });
  });

  it('refuses values out of range before they reach the core', () => {
    expect(actionRequestSchema.safeParse({ pane: 'slack', value: `edit_draft:${ID}`, daysPerWeek: '9' }).success).toBe(false);
    expect(actionRequestSchema.safeParse({ pane: 'line', value: `take_case:${ID}` }).success).toBe(false);
  });
});
