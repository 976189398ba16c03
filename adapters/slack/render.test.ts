import { describe, expect, it } from 'vitest';
import { actionValue, caseCard } from '../../src/core/notify/case-card.js';
import { shortlistCard } from '../../src/core/notify/introduction-cards.js';
import { text, type CardReply, type Reply } from '../../src/core/replies.js';
import { toCaseSheet } from '../../src/core/sheet.js';
import { emptyFields } from '../../src/core/case-sheet.js';
import { clip, escapeMrkdwn, LIMITS, renderMessage, splitText } from './render.js';

// Reply → Block Kit within Slack's limits, and people's text never turned into mentions.

const card = (sections: CardReply['sections'], actions: CardReply['actions'] = []): CardReply => ({ type: 'card', kind: 'case_update', title: '案件', sections, actions });
const sectionTexts = (blocks: unknown[]): string[] => blocks.flatMap((b) => {
  const s = b as { type: string; text?: { text: string }; fields?: { text: string }[] };
  return s.type === 'section' ? [s.text?.text ?? '', ...(s.fields ?? []).map((f) => f.text)] : [];
});

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> 至急', '&lt;!channel&gt; 至急'],
    ['A&B <@U123>', 'A&amp;B &lt;@U123&gt;'],
    ['普通の文章', '普通の文章'],
  ])('%s', (input, expected) => expect(escapeMrkdwn(input)).toBe(expected));
});

describe('splitText', () => {
  it.each([
    ['short', 10, ['short']],
    ['aaaa\nbbbb\ncccc', 10, ['aaaa\nbbbb', 'cccc']],
    ['x'.repeat(25), 10, ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]],
    ['あ'.repeat(12), 5, ['あ'.repeat(5), 'あ'.repeat(5), 'あ'.repeat(2)]],
    ['', 10, ['']],
  ])('%j by %i', (input, max, expected) => expect(splitText(input, max)).toEqual(expected));

  it('never cuts an escape in two', () => {
    const pieces = splitText(`${'x'.repeat(8)}&amp;yy`, 10);
    expect(pieces).toEqual(['x'.repeat(8), '&amp;yy']);
  });

  it('keeps surrogate pairs whole', () => {
    expect(clip('😀😀😀', 2)).toBe('😀…');
  });
});

describe('renderMessage', () => {
  it('renders the case card as header, fields and buttons routed by verb', () => {
    const sheet = toCaseSheet('C-7K3M9Q2X', 'drafted', emptyFields(), []);
    const m = renderMessage([caseCard(sheet, { organisation: '浜松商工会議所', assignee: null })]);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '案件 C-7K3M9Q2X［求人案作成済み］' } });
    expect(m.blocks[1]).toMatchObject({ type: 'section', fields: expect.any(Array) });
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string; style?: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['take_case', 'ask_owner', 'edit_draft', 'hand_over', 'close_case', 'send_for_approval']);
    expect(actions.elements.every((e) => e.value === 'C-7K3M9Q2X')).toBe(true);
    expect(actions.elements.at(-1)?.style).toBe('primary');
    expect(m.text).toContain('案件 C-7K3M9Q2X');
    expect(m.text).not.toContain('担当する');
  });

  it('splits long text under the section limit and escapes it', () => {
    const long = `<!here> ${'長い文章です。'.repeat(1000)}`;
    const m = renderMessage([text(long)]);
    const texts = sectionTexts(m.blocks);
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.every((t) => [...t].length <= LIMITS.sectionText)).toBe(true);
    expect(texts[0]).toMatch(/^&lt;!here&gt;/);
    expect([...m.text].length).toBeLessThanOrEqual(LIMITS.fallback);
  });

  it('stacks long card sections as text instead of fields', () => {
    const m = renderMessage([card([{ heading: '主な業務', lines: Array.from({ length: 40 }, (_, i) => `業務${i}：${'詳細'.repeat(10)}`) }])]);
    expect(m.blocks.filter((b) => b.type === 'section').every((b) => !('fields' in b))).toBe(true);
  });

  it('puts at most 10 fields in a section', () => {
    const m = renderMessage([card(Array.from({ length: 13 }, (_, i) => ({ heading: `項目${i}`, lines: ['値'] })))]);
    const fieldCounts = m.blocks.filter((b) => b.type === 'section').map((b) => (b as { fields: unknown[] }).fields.length);
    expect(fieldCounts).toEqual([10, 3]);
  });

  it('cuts a message at 50 blocks, keeping its buttons and saying so', () => {
    const replies: Reply[] = Array.from({ length: 60 }, (_, i) => text(`${i}`));
    replies.push({ type: 'choices', text: '選んでください', choices: [{ label: 'はい', value: 'はい' }] });
    const m = renderMessage(replies);
    expect(m.blocks).toHaveLength(LIMITS.blocks);
    expect(m.blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(m.blocks.at(-2))).toContain('省略');
  });

  it('clips header and button labels to Slack limits', () => {
    const m = renderMessage([{ ...card([], [{ label: 'あ'.repeat(100), value: 'x' }]), title: 'い'.repeat(200) }]);
    const header = m.blocks[0] as { text: { text: string } };
    expect([...header.text.text].length).toBe(LIMITS.header);
    const button = (m.blocks[1] as { elements: { text: { text: string }; action_id: string }[] }).elements[0];
    expect([...(button?.text.text ?? '')].length).toBe(LIMITS.buttonText);
    expect(button?.action_id).toBe('choice_0');
  });
});

describe('STEP 3 in the case thread', () => {
  const proposal = (n: number) => ({ rank: n, candidateId: `E2E-${n}`, kind: 'senior' as const, headline: `元品質保証課長${n}`, score: 0.9, reasons: ['ISOに詳しい'], gaps: [] });

  it('records a hire with a button that carries the person in its value', () => {
    const m = renderMessage([{ type: 'choices', text: '面談を確定しました。', choices: [{ label: '採用・契約を記録', value: actionValue('record_hire', 'C-7K3M9Q2X', 'E2E-1') }] }]);
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string; style?: string }[] };
    expect(actions.elements).toEqual([expect.objectContaining({ action_id: 'record_hire', value: 'C-7K3M9Q2X:E2E-1', style: 'primary' })]);
  });

  it('shows the shortlist to choose from as text, with nothing to press', () => {
    const card = shortlistCard('C-7K3M9Q2X', [proposal(1), proposal(2)], { poolSize: 100 });
    const m = renderMessage([{ ...card, actions: [] }]);
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
    const shown = sectionTexts(m.blocks).join('\n');
    expect(shown).toContain('E2E-1');
    expect(shown).toContain('元品質保証課長2');
    expect(shown).toContain('2〜3 名');
  });

  it.each([
    ['hired', ['check_in', 'close_case']],
    ['following_up', ['check_in', 'close_case']],
    ['matching', ['close_case']],
    ['closed', []],
  ] as const)('offers on a %s case card: %j', (status, expected) => {
    const m = renderMessage([caseCard(toCaseSheet('C-7K3M9Q2X', status, emptyFields(), []), { organisation: null, assignee: null })]);
    const ids = (m.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);
    expect(ids.filter((id) => id === 'check_in' || id === 'close_case')).toEqual(expected);
  });
});
