import { describe, expect, it } from 'vitest';
import { emptyFields, type CaseFields } from '../case-sheet.js';
import { replyToPlainText, type Reply } from '../replies.js';
import { runTurn } from './engine.js';
import { missingFields } from './fields.js';
import { offlineEngine } from './offline.js';
import { initialDialogue, type DialogueState } from './state.js';
import type { TurnEvent } from './turn.js';

const deps = offlineEngine();

interface Conversation {
  fields: CaseFields;
  dialogue: DialogueState;
  replies: Reply[];
  events: TurnEvent[];
}

function talk(messages: string[], from?: Conversation): Conversation {
  let c: Conversation = from ?? { fields: emptyFields(), dialogue: initialDialogue(), replies: [], events: [] };
  for (const [i, message] of messages.entries()) {
    const r = runTurn(deps, { fields: c.fields, dialogue: c.dialogue, text: message, isFirst: !from && i === 0 });
    c = { fields: r.fields, dialogue: r.dialogue, replies: r.replies, events: [...c.events, ...r.events] };
  }
  return c;
}

const said = (c: Conversation): string => c.replies.map(replyToPlainText).join('\n');
const questionsIn = (c: Conversation): number => c.replies.filter((r) => r.type === 'choices' || (r.type === 'text' && /[？?]$/.test(r.text))).length;

/** A complete STEP 1, confirmed, ready for STEP 2. */
const STEP1 = [
  '川口で電子部品のめっき加工をやってます。社員は28人です',
  '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない',
  '10年後も取引先に選ばれる会社でいたい',
  '株式会社川口メッキ',
];

describe('intake engine: STEP 1', () => {
  it('greets a new owner, keeps what was volunteered, and asks the next open question only', () => {
    const c = talk([STEP1[0] as string]);
    expect(said(c)).toContain('伴走');
    expect(c.fields.company).toMatchObject({ prefecture: '埼玉県', industry: 'manufacturing', employees: 28 });
    expect(c.dialogue.asked).toBe('step1.issues');
    expect(questionsIn(c)).toBe(1);
  });

  it('asks for each STEP 1 field in the plan order when nothing is volunteered', () => {
    const c = talk(['こんにちは']);
    expect(c.dialogue.asked).toBe('company.description');
    const next = talk(['電子部品のめっき加工'], c);
    expect(next.fields.company.description).toContain('めっき');
  });

  it('leaves a field missing on 「わからない」 and does not ask it again', () => {
    let c = talk(['こんにちは']);
    c = talk(['わからない'], c);
    expect(c.fields.company.description).toBeNull();
    expect(c.dialogue.unknown).toContain('company.description');
    expect(c.dialogue.asked).not.toBe('company.description');
    expect(missingFields(c.fields, c.dialogue.settled)).toContain('company.description');
  });

  it('asks a deferred (「あとで」) field once more at the end of the phase', () => {
    let c = talk([STEP1[0] as string, 'あとで']);
    expect(c.dialogue.deferred).toContain('step1.issues');
    c = talk(STEP1.slice(2), c);
    expect(c.dialogue.asked).toBe('step1.issues');
    c = talk(['あとで'], c);
    expect(c.dialogue.phase).toBe('confirm_step1');
    expect(c.fields.step1.issues).toEqual([]);
  });

  it('answers 「ヘルプ」 anywhere with help and the same question, changing nothing', () => {
    const before = talk([STEP1[0] as string]);
    const after = talk(['ヘルプ'], before);
    expect(said(after)).toContain('使い方');
    expect(after.dialogue).toEqual(before.dialogue);
    expect(after.fields).toEqual(before.fields);
  });

  it('restarts from scratch on 「最初から」', () => {
    const c = talk([STEP1[0] as string, '最初から']);
    expect(c.fields).toEqual(emptyFields());
    expect(c.events).toContainEqual({ type: 'restarted' });
    expect(c.dialogue.asked).toBe('company.description');
  });

  it('answers unreadable input kindly without changing state', () => {
    const before = talk([STEP1[0] as string]);
    const after = talk(['\u0000\u0001\uFFFD'], before);
    expect(said(after)).toContain('読み取れません');
    expect(after.fields).toEqual(before.fields);
  });

  it('asks the owner to rank several issues, and reorders by the answer', () => {
    let c = talk([STEP1[0] as string, '取引先からISO9001を取ってくれと言われて困ってます', '新しい販路を開拓したい', ...STEP1.slice(2)]);
    expect(c.dialogue.asked).toBe('priority');
    c = talk(['2'], c);
    expect(c.fields.step1.issues[0]).toMatchObject({ priority: 1, category: 'sales_marketing' });
    expect(c.dialogue.phase).toBe('confirm_step1');
  });

  it('shows a STEP 1 summary card and moves to STEP 2 only when the owner confirms', () => {
    let c = talk(STEP1);
    expect(c.dialogue.phase).toBe('confirm_step1');
    expect(c.replies.at(-1)).toMatchObject({ type: 'card', kind: 'step1_summary' });
    c = talk(['この内容でOK'], c);
    expect(c.events).toContainEqual({ type: 'step1_confirmed' });
    expect(c.dialogue.asked).toBe('step2.direction');
  });

  it('applies a correction on the summary card and shows the card again', () => {
    let c = talk(STEP1);
    c = talk(['従業員は30人に変更'], c);
    expect(c.fields.company.employees).toBe(30);
    expect(c.replies.at(-1)).toMatchObject({ type: 'card', kind: 'step1_summary' });
  });
});

const STEP2 = ['外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし', '地域で50年の実績があります'];

describe('intake engine: STEP 2', () => {
  const toReview = (): Conversation => talk([...STEP1, 'この内容でOK', ...STEP2]);

  it('drafts the spec from the issues and the answers, and shows it for review', () => {
    const c = toReview();
    expect(c.dialogue.phase).toBe('review_spec');
    expect(c.replies.at(-1)).toMatchObject({ type: 'card', kind: 'spec_draft' });
    const spec = c.fields.step2.spec;
    expect(spec).toMatchObject({ workStyles: ['side_job'], daysPerWeek: 1, monthlyBudgetYen: 150000, durationMonths: 12 });
    expect(spec.location).toEqual({ prefecture: '埼玉県', remoteOk: true });
    expect(spec.skillCategories[0]).toBe('quality');
    expect(spec.title).toContain('品質');
    expect(spec.duties.length).toBeGreaterThan(0);
    expect(missingFields(c.fields, c.dialogue.settled)).toEqual([]);
  });

  it('lets the owner correct a field by naming it, and redrafts what depends on it', () => {
    let c = toReview();
    const title = c.fields.step2.spec.title;
    c = talk(['修正する'], c);
    expect(c.dialogue.phase).toBe('fixing_spec');
    c = talk(['日数は週2日に変更'], c);
    expect(c.fields.step2.spec.daysPerWeek).toBe(2);
    expect(c.fields.step2.spec.title).not.toBe(title);
    expect(c.dialogue.phase).toBe('review_spec');
    c = talk(['予算は月20万円'], c);
    expect(c.fields.step2.spec.monthlyBudgetYen).toBe(200000);
  });

  it('keeps a title the owner wrote instead of redrafting it', () => {
    let c = talk(['タイトルは品質の右腕募集'], toReview());
    expect(c.fields.step2.spec.title).toBe('品質の右腕募集');
    c = talk(['日数は週2日'], c);
    expect(c.fields.step2.spec.title).toBe('品質の右腕募集');
  });

  it('ends with spec_confirmed when the owner accepts the draft', () => {
    const c = talk(['この内容でOK'], toReview());
    expect(c.events).toContainEqual({ type: 'spec_confirmed' });
    expect(c.dialogue.phase).toBe('done');
    expect(said(talk(['ありがとう'], c))).toContain('新しい相談');
  });

  it('ends a non_talent case with where to turn instead of a spec', () => {
    const c = talk([...STEP1, 'この内容でOK', '人以外の方法で解決したい']);
    expect(c.dialogue.phase).toBe('referred');
    expect(c.events).toContainEqual({ type: 'referred' });
    expect(said(c)).toContain('窓口');
    expect(missingFields(c.fields, c.dialogue.settled).some((p) => p.startsWith('step2.spec'))).toBe(false);
  });

  it('adds work styles told in turn, but replaces them on a correction', () => {
    let c = talk(['プロボノっていうの？ボランティアみたいな形で手伝ってくれる人がいたら', '月に1回くらい相談に乗ってもらえれば']);
    expect(c.fields.step2.spec.workStyles).toEqual(['pro_bono', 'advisory']);
    c = talk(['やっぱり副業の人で'], c);
    expect(c.fields.step2.spec.workStyles).toEqual(['side_job']);
  });

  it('records 「なし」 to a list question as known and empty', () => {
    const c = toReview();
    expect(c.fields.step2.spec.niceToHave).toEqual([]);
    expect(c.dialogue.settled).toContain('step2.spec.niceToHave');
  });
});
