import type { CaseFields } from '../case-sheet.js';
import type { FieldPath } from '../intake/fields.js';
import type { Phase } from '../intake/state.js';
import type { Budget } from './budget.js';
import type { LlmExtraction, SpecDraft } from './schemas.js';

// What the core asks of a language model. The offline engine is always the floor: every
// method may come back with no value (offline, or any failure), and the turn goes on with
// what the offline extractor and the templates give.

export const LLM_TASKS = ['extract', 'summarise', 'draft_spec'] as const;
export type LlmTask = (typeof LLM_TASKS)[number];

export type LlmProviderName = 'offline' | 'openai' | 'langchain';

/** Why a call's answer was not used. Logged and stored; never shown to the owner. */
export type FallbackReason =
  | 'timeout' | 'budget_exhausted' | 'rate_limited' | 'http_4xx' | 'http_5xx' | 'connection'
  | 'malformed' | 'schema_invalid' | 'refusal' | 'truncated' | 'screened' | 'stale' | 'error';

/** One call's accounting: stored per case (llm_call) and summed in `bansou case show`. */
export interface LlmUsage {
  task: LlmTask;
  provider: LlmProviderName;
  model: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  outcome: 'ok' | 'fallback';
  reason?: FallbackReason;
  /** Case-sheet paths the answer supplied (what this model and prompt produced). */
  filled: string[];
}

export interface LlmResult<T> {
  /** null: use the offline engine's own result for this task. */
  value: T | null;
  /** null when no model was asked (the offline implementation). */
  usage: LlmUsage | null;
}

/**
 * What the model may know about the case: the values gathered so far, minus anything
 * identifying (no company name, no owner or messenger ids, never candidate data).
 */
export interface CaseContext {
  fields: CaseFields;
  phase: Phase;
  /** The question just put to the owner, in the owner's words (its label and wording). */
  asked: { field: FieldPath | 'priority'; question: string } | null;
}

export interface LlmAssist {
  readonly provider: LlmProviderName;
  /** What one owner message states, read by the model. Values still go through grounding. */
  extract(text: string, context: CaseContext, budget: Budget): Promise<LlmResult<LlmExtraction>>;
  /** A short STEP 1 summary with a hypothesis for the owner to confirm or correct. */
  summarise(context: CaseContext, budget: Budget): Promise<LlmResult<string>>;
  /** Wording for the spec fields the engine drafts (persona, expectations, duties, appeal). */
  draftSpec(context: CaseContext, budget: Budget): Promise<LlmResult<SpecDraft>>;
}

const nothing = async () => ({ value: null, usage: null });

/** No model configured: every task is the offline engine's own. */
export const OFFLINE_ASSIST: LlmAssist = { provider: 'offline', extract: nothing, summarise: nothing, draftSpec: nothing };
