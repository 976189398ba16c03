import { performance } from 'node:perf_hooks';
import type { OwnerConversation } from '../core/conversation/owner-conversation.js';
import type { CaseStore, LlmUsageTotals } from '../core/conversation/ports.js';
import { replayTranscript } from '../core/conversation/replay.js';
import { toCaseSheet } from '../core/sheet.js';
import { checkExpectations, type FieldResult, type TranscriptFixture } from './expectations.js';

// Per-field accuracy of the intake over a set of transcripts with expected fields: the same
// cases through the offline engine or any configured LLM, so that the two can be compared.

export interface TranscriptResult {
  name: string;
  caseId: string;
  results: FieldResult[];
}

export interface Tally {
  correct: number;
  total: number;
}

export interface EvalReport {
  provider: string;
  transcripts: TranscriptResult[];
  byField: [string, Tally][];
  overall: Tally;
  llm: LlmUsageTotals;
  durationMs: number;
}

export async function evaluateIntake(
  deps: { owners: OwnerConversation; store: CaseStore; provider: string },
  fixtures: TranscriptFixture[],
  onTranscript?: (result: TranscriptResult) => void,
): Promise<EvalReport> {
  const started = performance.now();
  const transcripts: TranscriptResult[] = [];
  const llm: LlmUsageTotals = { calls: 0, inputTokens: 0, outputTokens: 0, totalLatencyMs: 0, fallbacks: 0 };
  for (const fixture of fixtures) {
    const stored = await replayTranscript(deps.owners, deps.store, fixture.messages);
    const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
    const result = { name: fixture.name, caseId: stored.id, results: checkExpectations(sheet, fixture.expected) };
    transcripts.push(result);
    onTranscript?.(result);
    const usage = await deps.store.llmUsage(stored.id);
    for (const key of Object.keys(llm) as (keyof LlmUsageTotals)[]) llm[key] += usage[key];
  }
  const fields = new Map<string, Tally>();
  for (const r of transcripts.flatMap((t) => t.results)) {
    const tally = fields.get(r.field) ?? { correct: 0, total: 0 };
    tally.total += 1;
    if (r.ok) tally.correct += 1;
    fields.set(r.field, tally);
  }
  const byField = [...fields].sort(([a], [b]) => a.localeCompare(b));
  const overall = byField.reduce((sum, [, t]) => ({ correct: sum.correct + t.correct, total: sum.total + t.total }), { correct: 0, total: 0 });
  return { provider: deps.provider, transcripts, byField, overall, llm, durationMs: performance.now() - started };
}

const pct = (t: Tally): string => (t.total === 0 ? '—' : `${((100 * t.correct) / t.total).toFixed(1)}%`);
const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

export function formatReport(report: EvalReport, dir: string): string {
  const width = Math.max(5, ...report.byField.map(([f]) => f.length), ...report.transcripts.map((t) => t.name.length - 2)) + 2;
  const row = (label: string, t: Tally) => `${label.padEnd(width)}${`${t.correct}/${t.total}`.padStart(9)}${pct(t).padStart(9)}`;
  const failures = report.transcripts.flatMap((t) => t.results.filter((r) => !r.ok).map((r) => ({ name: t.name, r })));
  const lines = [
    `bansou eval:intake — LLM_PROVIDER=${report.provider}, ${report.transcripts.length} transcripts from ${dir}`,
    '',
    `${'field'.padEnd(width)}${'correct'.padStart(9)}${'%'.padStart(9)}`,
    ...report.byField.map(([field, t]) => row(field, t)),
    '',
    row('overall', report.overall),
    '',
    'per transcript:',
    ...report.transcripts.map((t) => {
      const tally = { correct: t.results.filter((r) => r.ok).length, total: t.results.length };
      return `  ${t.name.padEnd(width - 2)}${`${tally.correct}/${tally.total}`.padStart(9)}${pct(tally).padStart(9)}`;
    }),
    '',
    failures.length ? `failures (${failures.length}):` : 'failures: none',
    ...failures.map(({ name, r }) => `  ${name}  ${r.field}: expected ${show(r.expected)}, got ${show(r.actual)}`),
    '',
    report.llm.calls
      ? `LLM: ${report.llm.calls} calls, ${report.llm.inputTokens} input + ${report.llm.outputTokens} output tokens, ${(report.llm.totalLatencyMs / 1000).toFixed(1)} s, ${report.llm.fallbacks} fell back to the offline engine`
      : 'LLM: none called (offline engine only)',
    `time: ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  return lines.join('\n') + '\n';
}
