import { describe, expect, it } from 'vitest';
import { answerCheckIn, checkInQuestion, readContribution, readNewIssue, signalOf } from './check-in.js';
import { loadCheckInContent } from './content.js';
import type { FollowUpRecord } from './ports.js';

const content = loadCheckInContent();
const NOW = new Date('2026-12-01T00:00:00Z');
const asked = (over: Partial<FollowUpRecord> = {}): FollowUpRecord => ({
  caseId: 'C-1', day: 30, dueAt: NOW, state: 'asked', askedAt: NOW, contribution: null, ownerWords: null, newIssue: null, signal: null, ...over,
});

describe('check-in: reading the owner', () => {
  it('asks the first question with three buttons a LINE quick reply can hold', () => {
    const q = checkInQuestion(content, 30);
    expect(q.type).toBe('choices');
    if (q.type !== 'choices') return;
    expect(q.text).toContain('採用から30日');
    expect(q.choices.map((c) => c.label)).toEqual(['順調です', '少し気になる点がある', '支援者と話したい']);
    expect(q.choices.every((c) => [...c.label].length <= 20)).toBe(true);
  });

  it.each([
    ['順調です', 'good'],
    ['少し気になる点があります', 'concern'],
    ['支援者と話したいです', 'talk'],
    ['とても助かっています。段取りが良くなりました', 'good'],
    ['まだ現場と噛み合っていない感じです', 'concern'],
    ['順調ですが一度相談したいです', 'talk'],
    ['週2日来てもらっています', 'unclear'],
  ] as const)('「%s」 → %s', (said, expected) => {
    expect(readContribution(content, said)).toBe(expected);
  });

  it.each([
    ['特にありません', null],
    ['特にないです。今のところ大丈夫です', null],
    ['ないです', null],
    ['あります', 'あり（内容は新しい相談で伺います）'],
    ['営業の人手が足りない', '営業の人手が足りない'],
    ['経理を任せられる人がいない', '経理を任せられる人がいない'],
  ] as const)('new issue in 「%s」 → %s', (said, expected) => {
    expect(readNewIssue(content, said)).toBe(expected);
  });

  it('warns on a worried button, on trouble words, and on nothing else', () => {
    expect(signalOf(content, 'concern', [], null)).toBe('trouble');
    expect(signalOf(content, 'talk', [], null)).toBe('trouble');
    expect(signalOf(content, 'good', ['順調です', 'ただ来月で辞めたいと言われました'], null)).toBe('trouble');
    expect(signalOf(content, 'good', ['順調です'], '営業の人手が足りない')).toBe('new_need');
    expect(signalOf(content, 'unclear', ['週2日来てもらっています'], null)).toBe('ok');
  });
});

describe('check-in: the two-question conversation', () => {
  it('stores the first answer and asks about new issues', () => {
    const step = answerCheckIn(content, asked(), '順調です', 90, NOW);
    expect(step.patch).toEqual({ contribution: 'good', ownerWords: '順調です' });
    expect(step.summary).toBeUndefined();
    expect(JSON.stringify(step.replies)).toContain('新しく困っていること');
  });

  it('completes with a summary and says when the next check-in comes', () => {
    const step = answerCheckIn(content, asked({ contribution: 'good', ownerWords: '順調です' }), '特にありません', 90, NOW);
    expect(step.patch).toMatchObject({ state: 'answered', signal: 'ok', newIssue: null, answeredAt: NOW });
    expect(step.summary).toEqual({ day: 30, contribution: 'good', contributionLabel: '順調です', ownerWords: '順調です / 特にありません', newIssue: null, signal: 'ok' });
    expect(JSON.stringify(step.replies)).toContain('次は採用から90日目ごろ');
  });

  it('offers a new consultation when a new need comes up', () => {
    const step = answerCheckIn(content, asked({ day: 180, contribution: 'good', ownerWords: '順調です' }), '今度は営業を任せられる人が欲しい', null, NOW);
    expect(step.summary?.signal).toBe('new_need');
    expect(step.summary?.newIssue).toBe('今度は営業を任せられる人が欲しい');
    const last = step.replies.at(-1)!;
    expect(last.type === 'choices' && last.choices).toEqual([{ label: '新しい相談をはじめる', value: '新しい相談' }]);
    expect(JSON.stringify(step.replies)).not.toContain('次は採用から');
  });

  it('tells the owner the advisor will call when the answer signals trouble', () => {
    const step = answerCheckIn(content, asked({ contribution: 'concern', ownerWords: '少し気になる点があります' }), '特にないです', 90, NOW);
    expect(step.summary?.signal).toBe('trouble');
    expect(JSON.stringify(step.replies)).toContain('至急');
  });
});
