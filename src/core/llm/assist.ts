import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { raceSignal, sleep, type Budget } from './budget.js';
import { classifyFailure } from './failures.js';
import { caseMessage, extractMessage } from './messages.js';
import type { CaseContext, FallbackReason, LlmAssist, LlmResult, LlmTask, LlmUsage } from './port.js';
import type { PromptSet } from './prompts.js';
import { TASK_SCHEMAS, type LlmExtraction, type SpecDraft } from './schemas.js';
import { screenGenerated } from './screen.js';

// The part of the LLM layer both providers share: one structured call per task within the
// turn's budget, at most one retry (a 429 whose Retry-After fits in what is left), the
// answer checked against the task's zod schema, and every call accounted for. A provider
// only has to make one structured call (openai.ts, langchain.ts).

export interface StructuredRequest {
  task: LlmTask;
  schema: z.ZodType;
  system: string;
  user: string;
  signal: AbortSignal;
  timeoutMs: number;
}

export type StructuredResponse =
  | { ok: true; parsed: unknown; model: string | null; inputTokens: number; outputTokens: number }
  | { ok: false; error: unknown; model: string | null; inputTokens: number; outputTokens: number };

/** One provider's way of asking a chat model for an answer in a zod schema's shape. */
export interface StructuredCaller {
  readonly provider: 'openai' | 'langchain';
  /** The configured model (or Azure deployment), recorded when the answer does not say. */
  readonly model: string;
  call(request: StructuredRequest): Promise<StructuredResponse>;
}

/** Below this, a call cannot usefully start; the offline engine answers at once. */
const MIN_CALL_MS = 100;

const SUMMARY_MAX = 240;
const DRAFT_MAX = { persona: 120, expectations: 150, appeal: 150, duty: 40 } as const;

interface TaskOutcome<T> {
  value: T | null;
  usage: LlmUsage;
}

export function createAssist(caller: StructuredCaller, prompts: PromptSet, log: Logger): LlmAssist {
  async function run<T>(task: LlmTask, user: string, budget: Budget): Promise<TaskOutcome<T>> {
    const started = performance.now();
    const usage: LlmUsage = {
      task, provider: caller.provider, model: caller.model, promptVersion: prompts[task].version,
      inputTokens: 0, outputTokens: 0, latencyMs: 0, outcome: 'fallback', filled: [],
    };
    let value: T | null = null;
    let reason: FallbackReason | undefined;
    for (let attempt = 0; ; attempt++) {
      const remaining = budget.remainingMs();
      if (remaining < MIN_CALL_MS) {
        reason = attempt === 0 ? 'budget_exhausted' : 'timeout';
        break;
      }
      const request = { task, schema: TASK_SCHEMAS[task], system: prompts[task].system, user, signal: budget.signal, timeoutMs: remaining };
      const response = await raceSignal(caller.call(request), budget.signal).catch(
        (error: unknown): StructuredResponse => ({ ok: false, error, model: null, inputTokens: 0, outputTokens: 0 }),
      );
      usage.inputTokens += response.inputTokens;
      usage.outputTokens += response.outputTokens;
      if (response.model) usage.model = response.model;
      if (response.ok) {
        const checked = TASK_SCHEMAS[task].safeParse(response.parsed);
        if (response.parsed === null || response.parsed === undefined) reason = 'refusal';
        else if (!checked.success) reason = 'schema_invalid';
        else value = checked.data as T;
        break;
      }
      const failure = budget.signal.aborted ? { reason: 'timeout' as const, retryAfterMs: null } : classifyFailure(response.error);
      reason = failure.reason;
      const wait = failure.retryAfterMs;
      if (failure.reason !== 'rate_limited' || attempt > 0 || wait === null || wait + MIN_CALL_MS > budget.remainingMs()) break;
      log.info({ task, provider: caller.provider, waitMs: Math.round(wait) }, 'LLM rate limited; retrying once after Retry-After');
      if (!(await sleep(wait, budget.signal).then(() => true, () => false))) break;
    }
    usage.latencyMs = Math.round(performance.now() - started);
    if (value !== null) usage.outcome = 'ok';
    else fallback(usage, reason ?? 'error');
    return { value, usage };
  }

  function fallback(usage: LlmUsage, reason: FallbackReason): void {
    usage.outcome = 'fallback';
    usage.reason = reason;
    // Never the owner's text or the model's answer: only what went wrong, for the operator.
    log.warn({ task: usage.task, provider: usage.provider, model: usage.model, reason, latencyMs: usage.latencyMs }, 'LLM call failed; the offline engine answers instead');
  }

  return {
    provider: caller.provider,
    extract: (text, context, budget) => run<LlmExtraction>('extract', extractMessage(text, context), budget),

    async summarise(context: CaseContext, budget: Budget): Promise<LlmResult<string>> {
      const out = await run<{ summary: string | null }>('summarise', caseMessage(context, 'STEP 1 のまとめを書いてください。'), budget);
      if (!out.value) return { value: null, usage: out.usage };
      const summary = screenGenerated(out.value.summary, context.fields, SUMMARY_MAX);
      if (summary === undefined) {
        if (out.value.summary !== null) fallback(out.usage, 'screened');
        else out.usage.outcome = 'ok';
        return { value: null, usage: out.usage };
      }
      return { value: summary, usage: out.usage };
    },

    async draftSpec(context: CaseContext, budget: Budget): Promise<LlmResult<SpecDraft>> {
      const out = await run<SpecDraft>('draft_spec', caseMessage(context, '求人の下書きの文案を書いてください。'), budget);
      if (!out.value) return { value: null, usage: out.usage };
      const f = context.fields;
      const draft: SpecDraft = {
        persona: screenGenerated(out.value.persona, f, DRAFT_MAX.persona) ?? null,
        expectations: screenGenerated(out.value.expectations, f, DRAFT_MAX.expectations) ?? null,
        duties: out.value.duties.map((d) => screenGenerated(d, f, DRAFT_MAX.duty)).filter((d): d is string => d !== undefined).slice(0, 6),
        appeal: screenGenerated(out.value.appeal, f, DRAFT_MAX.appeal) ?? null,
      };
      const proposed = out.value.persona !== null || out.value.expectations !== null || out.value.duties.length > 0 || out.value.appeal !== null;
      const kept = draft.persona !== null || draft.expectations !== null || draft.duties.length > 0 || draft.appeal !== null;
      if (proposed && !kept) {
        fallback(out.usage, 'screened');
        return { value: null, usage: out.usage };
      }
      return { value: draft, usage: out.usage };
    },
  };
}
