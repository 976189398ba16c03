import type { LlmUsageSummary, LlmUsageTotals } from '../core/conversation/ports.js';

// Per-case totals of the llm_call rows. Summed here rather than in SQL: a case has tens of
// calls, and one pass gives the totals, the per-task split and the models and prompts used.

interface CallRow {
  task: string;
  model: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  outcome: string;
}

const zero = (): LlmUsageTotals => ({ calls: 0, inputTokens: 0, outputTokens: 0, totalLatencyMs: 0, fallbacks: 0 });

function add(t: LlmUsageTotals, r: CallRow): void {
  t.calls += 1;
  t.inputTokens += r.inputTokens;
  t.outputTokens += r.outputTokens;
  t.totalLatencyMs += r.latencyMs;
  if (r.outcome !== 'ok') t.fallbacks += 1;
}

export function summariseLlmCalls(rows: readonly CallRow[]): LlmUsageSummary {
  const total = zero();
  const byTask: Record<string, LlmUsageTotals> = {};
  for (const r of rows) {
    add(total, r);
    add((byTask[r.task] ??= zero()), r);
  }
  return {
    ...total,
    byTask,
    models: [...new Set(rows.map((r) => r.model))],
    promptVersions: [...new Set(rows.map((r) => r.promptVersion))],
  };
}
