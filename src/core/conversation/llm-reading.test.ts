import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { emptyExtractionAnswer, fact } from '../../../test/support/fake-openai.js';
import { emptyFields } from '../case-sheet.js';
import { runTurn } from '../intake/engine.js';
import { offlineEngine } from '../intake/offline.js';
import { initialDialogue } from '../intake/state.js';
import type { LlmAssist, LlmUsage } from '../llm/port.js';
import type { LlmExtraction, SpecDraft } from '../llm/schemas.js';
import { readingIsCurrent, readWithLlm } from './llm-reading.js';
import type { CaseView } from './recent-cases.js';

// The reading before a turn, with a scripted implementation of the LLM port (no HTTP): what
// is asked, what is kept, and what the engine then does with it.

const engine = offlineEngine();
const log = pino({ level: 'silent' });
const usage = (task: LlmUsage['task']): LlmUsage => ({
  task, provider: 'openai', model: 'm', promptVersion: `${task}.v1`, inputTokens: 1, outputTokens: 1, latencyMs: 1, outcome: 'ok', filled: [],
});

function scripted(answers: { extract?: (text: string) => LlmExtraction; summary?: string; draft?: SpecDraft }) {
  const asked: string[] = [];
  const assist: LlmAssist = {
    provider: 'openai',
    async extract(text) {
      asked.push('extract');
      return { value: answers.extract?.(text) ?? (emptyExtractionAnswer() as LlmExtraction), usage: usage('extract') };
    },
    async summarise() {
      asked.push('summarise');
      return { value: answers.summary ?? null, usage: usage('summarise') };
    },
    async draftSpec() {
      asked.push('draft_spec');
      return { value: answers.draft ?? null, usage: usage('draft_spec') };
    },
  };
  return { deps: { llm: { assist, budgetMs: 1000 }, engine, log }, asked };
}

/** The case after playing `messages` offline. */
function caseAfter(messages: string[]): CaseView {
  let fields = emptyFields();
  let dialogue = initialDialogue();
  messages.forEach((text, i) => ({ fields, dialogue } = runTurn(engine, { fields, dialogue, text, isFirst: i === 0 })));
  return { id: 'C-TEST0001', fields, dialogue, lastActivityAt: new Date() };
}

const STEP1 = ['川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます', '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい'];
const TO_SPEC = [...STEP1, '株式会社川口メッキ', 'この内容でOK', '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし'];

describe('readWithLlm', () => {
  it('does not ask the model to read a bare reply', async () => {
    const { deps, asked } = scripted({});
    const r = await readWithLlm(deps, caseAfter(STEP1.slice(0, 2)), 'わからない', false);
    expect(asked).toEqual([]);
    expect(r.calls).toEqual([]);
  });

  it('lets the offline reading of a direct answer win over the model', async () => {
    const current = caseAfter(['燕市で洋食器を作っています']);
    expect(current.dialogue.asked).toBe('company.employees');
    const { deps } = scripted({ extract: () => ({ ...emptyExtractionAnswer(), company: { ...emptyExtractionAnswer().company, employees: fact(25, '30') } }) as LlmExtraction });
    const r = await readWithLlm(deps, current, '30', false);
    expect(r.calls[0]?.filled).toEqual([]);
    const turn = runTurn({ ...engine, understanding: r.understanding }, { fields: current.fields, dialogue: current.dialogue, text: '30' });
    expect(turn.fields.company.employees).toBe(30);
  });

  it('asks for a summary only when the STEP 1 card is coming, and puts it on the card', async () => {
    const before = caseAfter(STEP1);
    const { deps, asked } = scripted({ summary: '品質を担う人がいないことが壁ではないでしょうか。' });
    const r = await readWithLlm(deps, before, '株式会社川口メッキ', false);
    expect(asked).toEqual(['extract', 'summarise']);
    const turn = runTurn({ ...engine, understanding: r.understanding }, { fields: before.fields, dialogue: before.dialogue, text: '株式会社川口メッキ', assist: r.assist });
    const card = turn.replies.find((x) => x.type === 'card');
    expect(card?.type === 'card' && card.sections[0]).toEqual({ heading: engine.content.messages.step1Hypothesis, lines: ['品質を担う人がいないことが壁ではないでしょうか。'] });
  });

  it('words the drafted spec fields, fills an empty appeal, and leaves what the owner wrote', async () => {
    const before = caseAfter(TO_SPEC);
    const draft = { persona: '品質保証の仕組みづくりを担ってきた方', expectations: 'ISO取得を先頭に立って進めること', duties: ['品質マニュアルの整備'], appeal: '社長のそばで仕組みを一からつくれる' };
    const { deps, asked } = scripted({ draft });
    const r = await readWithLlm(deps, before, 'わからない', false);
    expect(asked).toEqual(['draft_spec']);
    expect(r.calls.find((c) => c.task === 'draft_spec')?.filled).toEqual(['step2.spec.persona', 'step2.spec.expectations', 'step2.spec.duties', 'step2.spec.appeal']);
    const turn = runTurn({ ...engine, understanding: r.understanding }, { fields: before.fields, dialogue: before.dialogue, text: 'わからない', assist: r.assist });
    expect(turn.fields.step2.spec).toMatchObject({ persona: draft.persona, expectations: draft.expectations, duties: draft.duties, appeal: draft.appeal });
    expect(turn.fields.step2.spec.mustHave).toEqual(['大手メーカーでの品質保証の経験']);

    const owned = caseAfter([...TO_SPEC, '地域で50年の実績があります', '予算は月20万円に変更']);
    const again = await readWithLlm(scripted({ draft }).deps, owned, '期間は半年に変更', false);
    const fixed = runTurn({ ...engine, understanding: again.understanding }, { fields: owned.fields, dialogue: owned.dialogue, text: '期間は半年に変更', assist: again.assist });
    expect(fixed.fields.step2.spec.appeal).toBe('地域で50年の実績があります');
    expect(fixed.fields.step2.spec.persona).toBe(draft.persona);
  });

  it('knows when the case moved on since the reading', async () => {
    const current = caseAfter(STEP1.slice(0, 2));
    const r = await readWithLlm(scripted({}).deps, current, '社内に品質管理をわかる人間がいない', false);
    expect(readingIsCurrent(r, current)).toBe(true);
    expect(readingIsCurrent(r, { ...current, fields: { ...current.fields, company: { ...current.fields.company, employees: 29 } } })).toBe(false);
    expect(readingIsCurrent(r, null)).toBe(false);
  });
});
