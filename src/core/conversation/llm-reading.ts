import type { Logger } from 'pino';
import { emptyFields, type CaseFields } from '../case-sheet.js';
import type { Extraction } from '../extract/extraction.js';
import { clearDrafts } from '../intake/draft.js';
import { runTurn } from '../intake/engine.js';
import { FREE_TEXT_FIELDS, type FieldPath } from '../intake/fields.js';
import { initialDialogue, type DialogueState } from '../intake/state.js';
import { hasReadableText } from '../intake/text.js';
import type { EngineDeps, TurnAssist, Understanding } from '../intake/turn.js';
import { createBudget } from '../llm/budget.js';
import type { LlmLayer } from '../llm/factory.js';
import { groundExtraction } from '../llm/grounding.js';
import { mergeReadings } from '../llm/merge.js';
import type { CaseContext, LlmUsage } from '../llm/port.js';
import type { SpecDraft } from '../llm/schemas.js';
import { canonical, type CaseView } from './recent-cases.js';

// The LLM's part of a turn, done before the turn's transaction so that no database lock is
// held while a model thinks. It reads the owner's message in the context of the case as it
// stands, predicts the turn with the pure engine to learn whether a summary or a spec card
// is coming, and asks for their wording. The turn then uses all of it only if the case has
// not moved on meanwhile; otherwise the offline engine answers (see owner-conversation.ts).

export interface LlmReading {
  /** The case the reading was made on: null id for an owner with no case yet. */
  basis: { caseId: string | null; state: string };
  understanding: Understanding;
  assist: TurnAssist;
  calls: LlmUsage[];
}

export interface ReadingDeps {
  llm: LlmLayer;
  engine: EngineDeps;
  log: Logger;
}

/** Phases in which a message is not read for case facts (the engine only looks for 「新しい相談」). */
const NOT_READ = ['done', 'referred'];

export function askedContext(engine: EngineDeps, dialogue: DialogueState): CaseContext['asked'] {
  const asked = dialogue.asked;
  if (!asked) return null;
  if (asked === 'priority') return { field: asked, question: engine.content.messages.priorityAsk };
  const q = engine.content.questions.find((x) => x.field === asked);
  return { field: asked, question: q?.ask ?? q?.label ?? asked };
}

/** A model may not overrule the offline reading of a direct answer (a number, a choice). */
function blockedPaths(offline: Understanding, dialogue: DialogueState, text: string): FieldPath[] {
  const asked = dialogue.asked;
  if (!asked || asked === 'priority' || FREE_TEXT_FIELDS.includes(asked)) return [];
  return offline.answerFor(asked, text) === undefined ? [] : [asked];
}

function shouldRead(offline: Understanding, dialogue: DialogueState, text: string): boolean {
  if (NOT_READ.includes(dialogue.phase) || !hasReadableText(text)) return false;
  if (offline.intent(text) !== null) return false; // はい, わからない, ヘルプ: nothing to read
  return !(dialogue.asked === 'priority' && /^\s*[0-9０-９]+\D{0,4}$/u.test(text));
}

function withExtraction(offline: Understanding, text: string, extraction: Extraction): Understanding {
  return { ...offline, extract: (t) => (t === text ? structuredClone(extraction) : offline.extract(t)) };
}

function proposal(draft: SpecDraft): Partial<Record<FieldPath, unknown>> {
  const out: Partial<Record<FieldPath, unknown>> = {};
  if (draft.persona) out['step2.spec.persona'] = draft.persona;
  if (draft.expectations) out['step2.spec.expectations'] = draft.expectations;
  if (draft.duties.length) out['step2.spec.duties'] = draft.duties;
  if (draft.appeal) out['step2.spec.appeal'] = draft.appeal;
  return out;
}

const stateOf = (view: Pick<CaseView, 'fields' | 'dialogue'> | null): string => (view ? canonical([view.fields, view.dialogue]) : '');

export async function readWithLlm(deps: ReadingDeps, current: CaseView | null, text: string, isResume: boolean): Promise<LlmReading> {
  const offline = deps.engine.understanding;
  const fields: CaseFields = current?.fields ?? emptyFields();
  const dialogue: DialogueState = current?.dialogue ?? initialDialogue();
  const reading: LlmReading = {
    basis: { caseId: current?.id ?? null, state: stateOf(current) },
    understanding: offline,
    assist: {},
    calls: [],
  };
  const budget = createBudget(deps.llm.budgetMs);
  try {
    if (shouldRead(offline, dialogue, text)) {
      const context: CaseContext = { fields, phase: dialogue.phase, asked: askedContext(deps.engine, dialogue) };
      const read = await deps.llm.assist.extract(text, context, budget);
      if (read.usage) reading.calls.push(read.usage);
      if (read.value && read.usage) {
        const grounded = groundExtraction(read.value, text);
        if (grounded.dropped.length) deps.log.debug({ dropped: grounded.dropped }, 'LLM values the owner\'s words do not carry were dropped');
        const merged = mergeReadings(offline.extract(text), grounded.extraction, fields, blockedPaths(offline, dialogue, text));
        read.usage.filled = merged.filled;
        reading.understanding = withExtraction(offline, text, merged.extraction);
      }
    }
    // The engine is pure: running it here tells which cards this turn will show.
    const engine = { ...deps.engine, understanding: reading.understanding };
    const predicted = runTurn(engine, { fields, dialogue, text, isFirst: current === null, isResume });
    const cards = new Set(predicted.replies.flatMap((r) => (r.type === 'card' ? [r.kind] : [])));
    if (cards.size === 0) return reading;
    // The model sees what the owner said, not the templates' drafts.
    const after: CaseContext = {
      fields: clearDrafts(predicted.fields, predicted.dialogue.drafted), phase: predicted.dialogue.phase, asked: null,
    };
    if (cards.has('step1_summary')) {
      const summary = await deps.llm.assist.summarise(after, budget);
      if (summary.usage) reading.calls.push(summary.usage);
      if (summary.value) reading.assist.step1Summary = summary.value;
    }
    if (cards.has('spec_draft')) {
      const draft = await deps.llm.assist.draftSpec(after, budget);
      if (draft.usage) reading.calls.push(draft.usage);
      if (draft.value && draft.usage) {
        reading.assist.specDraft = proposal(draft.value);
        draft.usage.filled = Object.keys(reading.assist.specDraft);
      }
    }
    return reading;
  } finally {
    budget.dispose();
  }
}

/** Whether the case, as the turn finds it, is the one the reading was made on. */
export function readingIsCurrent(reading: LlmReading, current: CaseView | null): boolean {
  return reading.basis.caseId === (current?.id ?? null) && reading.basis.state === stateOf(current);
}

/** Calls whose answers the turn could not use: the case moved on while the model read. */
export function staleCalls(calls: LlmUsage[]): LlmUsage[] {
  return calls.map((c) => (c.outcome === 'ok' ? { ...c, outcome: 'fallback', reason: 'stale', filled: [] } : c));
}
