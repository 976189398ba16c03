import { describe, expect, it } from 'vitest';
import { meetingCard, shortlistCard, type ProposalSummary } from '../../src/core/notify/introduction-cards.js';
import type { CardReply } from '../../src/core/replies.js';
import { COMMENT_INPUT, renderActivity, renderCard, sectionElements, teamsText } from './render.js';

const approval: CardReply = {
  type: 'card', kind: 'approval_request', title: '求人の承認依頼　案件 C-ABCDEFGH',
  sections: [
    { heading: '会社', lines: ['株式会社川口メッキ・製造業・埼玉県'] },
    { heading: '募集の概要', lines: ['求人タイトル：品質保証アドバイザー', '予算：月15万円'] },
  ],
  actions: [
    { label: '承認する', value: 'approve:C-ABCDEFGH' },
    { label: 'コメントして差し戻す', value: 'return:C-ABCDEFGH' },
    { label: '編集する', value: 'edit:C-ABCDEFGH' },
  ],
};

describe('sectionElements', () => {
  it.each([
    ['「ラベル：値」 lines as a FactSet', ['日数：週1日', '予算：月15万円'], 'FactSet'],
    ['an empty value as a dash', ['期間：'], 'FactSet'],
    ['free text as TextBlocks', ['取引先から ISO9001 の取得を求められている'], 'TextBlock'],
    ['a mix as TextBlocks', ['日数：週1日', 'ほかに相談したいことがある'], 'TextBlock'],
    ['a long "label" as text', ['これはとても長い文章でコロンの前が十六文字を超えている：値'], 'TextBlock'],
  ])('renders %s', (_name, lines, type) => {
    const [head, ...rest] = sectionElements('見出し', lines);
    expect(head).toMatchObject({ type: 'TextBlock', text: '見出し', weight: 'Bolder' });
    expect(rest.every((e) => e.type === type)).toBe(true);
  });

  it('keeps label and value apart in facts', () => {
    expect(sectionElements('h', ['予算：月15万円', '期間：'])[1]).toEqual({
      type: 'FactSet', spacing: 'Small', facts: [{ title: '予算', value: '月15万円' }, { title: '期間', value: '—' }],
    });
  });
});

describe('renderCard', () => {
  const card = renderCard(approval, { text: '承認しました。', tone: 'good' });

  it('is an Adaptive Card 1.5 with one Action.Execute per action, verb and caseId in data', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: '承認する', verb: 'approve', data: { caseId: 'C-ABCDEFGH' }, associatedInputs: 'none', style: 'positive' },
      { type: 'Action.Execute', title: 'コメントして差し戻す', verb: 'return', data: { caseId: 'C-ABCDEFGH' }, style: 'destructive' },
      { type: 'Action.Execute', title: '編集する', verb: 'edit', data: { caseId: 'C-ABCDEFGH' }, associatedInputs: 'none' },
    ]);
  });

  it('carries a comment box only while "return" is offered', () => {
    expect(card.body.some((e) => e.type === 'Input.Text' && e.id === COMMENT_INPUT)).toBe(true);
    const decided = renderCard({ ...approval, actions: [] });
    expect(decided.body.some((e) => e.type === 'Input.Text')).toBe(false);
    expect(decided.actions).toEqual([]);
  });

  it('shows the notice right under the title', () => {
    expect(card.body[1]).toMatchObject({ type: 'Container', style: 'good', items: [{ text: '承認しました。', color: 'Good' }] });
  });

  it('turns a non-case action into a button that says its words', () => {
    const owner = renderCard({ ...approval, actions: [{ label: 'この内容でOK', value: 'この内容でOK' }] });
    expect(owner.actions).toEqual([{ type: 'Action.Submit', title: 'この内容でOK', data: { msteams: { type: 'imBack', value: 'この内容でOK' } } }]);
  });
});

describe('teamsText', () => {
  it.each([
    ['a<b & c>d', 'a&lt;b &amp; c&gt;d'],
    ['一行目\n二行目', '一行目<br>二行目'],
    ['CRLF\r\nline', 'CRLF<br>line'],
  ])('%j → %j', (input, output) => expect(teamsText(input)).toBe(output));
});

describe('renderActivity', () => {
  it('makes one message of texts, cards and choices', () => {
    const a = renderActivity([
      { type: 'text', text: '最近の案件' },
      approval,
      { type: 'choices', text: 'どうしますか？', choices: [{ label: '一覧', value: '一覧' }] },
    ]);
    expect(a.type).toBe('message');
    expect(a.text).toBe('最近の案件<br><br>どうしますか？');
    expect(a.textFormat).toBe('xml');
    expect(a.attachments?.map((x) => x.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(a.suggestedActions?.actions).toEqual([{ type: 'imBack', title: '一覧', value: '一覧' }]);
  });
});

describe('the STEP 3 cards', () => {
  const proposal = (n: number): ProposalSummary => ({
    rank: n, candidateId: `E2E-${n}`, kind: 'senior', headline: `元品質保証課長${n}`, score: 0.9 - n / 100,
    reasons: ['ISOに詳しい', '週2日まで対応できます', '埼玉県にお住まい', '4つ目の理由'], gaps: ['リモートの経験は未確認です'],
  });
  const proposals = [1, 2, 3, 4].map(proposal);

  it('offers the proposals as an expanded multi-select, sent with 「紹介を承認」', () => {
    const card = renderCard(shortlistCard('C-ABCDEFGH', proposals, { poolSize: 1000 }));
    const pick = card.body.find((e) => e.type === 'Input.ChoiceSet');
    expect(pick).toMatchObject({ id: 'candidateIds', isMultiSelect: true, style: 'expanded' });
    expect((pick?.choices as { value: string }[]).map((c) => c.value)).toEqual(['E2E-1', 'E2E-2', 'E2E-3', 'E2E-4']);
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: '紹介を承認', verb: 'approve_shortlist', data: { caseId: 'C-ABCDEFGH' }, style: 'positive' }]);
    const text = JSON.stringify(card);
    expect(text).toContain('適合度 0.89');
    expect(text).toContain('リモートの経験は未確認です');
    expect(text).toContain('埼玉県にお住まい');
    expect(text).not.toContain('4つ目の理由');
  });

  it('once decided, says who chose whom and offers nothing to press', () => {
    const decided = renderCard(shortlistCard('C-ABCDEFGH', proposals, { decided: { by: '佐藤 花子', at: new Date('2025-04-01T01:30:00Z'), candidateIds: ['E2E-1', 'E2E-3'] } }));
    expect(decided.actions).toEqual([]);
    expect(decided.body.some((e) => e.type === 'Input.ChoiceSet')).toBe(false);
    expect(JSON.stringify(decided)).toContain('佐藤 花子 さんが 2025/4/1 10:30 に紹介する方を決めました');
    expect(JSON.stringify(decided)).toContain('紹介：E2E-1、E2E-3');
  });

  it('confirms a meeting with one person, saying that it releases the contact', () => {
    const card = renderCard(meetingCard('C-ABCDEFGH', { letter: 'A', candidateId: 'E2E-2', headline: '元品質保証課長2' }));
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: '面談を確定', verb: 'confirm_meeting', data: { caseId: 'C-ABCDEFGH', candidateId: 'E2E-2' }, associatedInputs: 'none', style: 'positive' }]);
    expect(JSON.stringify(card)).toContain('氏名と連絡先が担当支援者と経営者に伝わります');
    const done = renderCard(meetingCard('C-ABCDEFGH', { letter: 'A', candidateId: 'E2E-2', headline: null }, { by: '佐藤 花子', at: new Date() }));
    expect(done.actions).toEqual([{ type: 'Action.Execute', title: '採用・契約を記録', verb: 'record_hire', data: { caseId: 'C-ABCDEFGH', candidateId: 'E2E-2' }, associatedInputs: 'none', style: 'positive' }]);
    expect(JSON.stringify(done)).toContain('面談を確定しました');
    const hired = renderCard(meetingCard('C-ABCDEFGH', { letter: 'A', candidateId: 'E2E-2', headline: null }, { by: '佐藤 花子', at: new Date() }, { by: '山田 太郎', at: new Date() }));
    expect(hired.actions).toEqual([]);
    expect(JSON.stringify(hired)).toContain('山田 太郎 さんが');
  });
});
