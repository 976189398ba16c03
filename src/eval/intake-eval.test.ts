import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/cli.js';
import { createTestConversation } from '../../test/support/conversation.js';
import { loadTranscriptFixtures } from './expectations.js';
import { evaluateIntake, formatReport } from './intake-eval.js';

let t: Awaited<ReturnType<typeof createTestConversation>>;
beforeAll(async () => (t = await createTestConversation()));
afterAll(async () => t?.close());

describe('evaluateIntake', () => {
  it('tallies every expectation per field and overall, and names each failure', async () => {
    const fixtures = loadTranscriptFixtures(join(ROOT, 'test/fixtures/eval')).filter((f) => /^0[12]-/.test(f.name));
    const report = await evaluateIntake({ owners: t.owners, store: t.store, provider: 'offline' }, fixtures);
    const expectations = fixtures.reduce((n, f) => n + Object.keys(f.expected).length, 0);
    expect(report.overall.total).toBe(expectations);
    expect(report.byField.reduce((n, [, x]) => n + x.total, 0)).toBe(expectations);
    expect(report.transcripts.map((x) => x.name)).toEqual(fixtures.map((f) => f.name));
    expect(report.llm.calls).toBe(0);
    const text = formatReport(report, 'test/fixtures/eval');
    expect(text).toMatch(/^overall\s+\d+\/\d+\s+\d+\.\d%$/m);
    expect(text).toMatch(/^company\.prefecture\s+\d\/2\s+/m);
    const failed = report.transcripts.flatMap((x) => x.results.filter((r) => !r.ok));
    for (const f of failed) expect(text).toContain(`${f.field}: expected`);
    expect(text).toContain('LLM: none called');
  });
});
