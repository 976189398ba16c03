import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayTranscript } from '../../src/core/conversation/replay.js';
import { toCaseSheet } from '../../src/core/sheet.js';
import { parseTranscript } from '../../src/cli/transcript.js';
import { createTestConversation } from '../support/conversation.js';
import { checkExpectations, loadTranscriptFixtures } from '../support/expectations.js';
import { ROOT } from '../support/cli.js';

// Every owner transcript, played through the whole intake path on the test database, must
// produce the fields its .expected.json states — and nothing it says stays unknown.

let t: Awaited<ReturnType<typeof createTestConversation>>;
beforeAll(async () => (t = await createTestConversation()));
afterAll(async () => t?.close());

const fixtures = loadTranscriptFixtures(join(ROOT, 'test/fixtures/transcripts'));

async function sheetFor(content: string) {
  const stored = await replayTranscript(t.owners, t.store, parseTranscript(content));
  return toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
}

describe('owner transcripts through replay', () => {
  it('has at least 15 transcripts', () => expect(fixtures.length).toBeGreaterThanOrEqual(15));

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const sheet = await sheetFor(readFileSync(fixture.file, 'utf8'));
    const failures = checkExpectations(sheet, fixture.expected).filter((r) => !r.ok);
    expect(failures).toEqual([]);
  });
});

// The three samples from the shared folder, when it sits beside the project (as in CI).
const samplesDir = join(ROOT, '../shared/samples');
const samples = (() => {
  try {
    return readdirSync(samplesDir).filter((f) => f.endsWith('.txt'));
  } catch {
    return [];
  }
})();

describe.skipIf(samples.length === 0)('shared samples through replay', () => {
  const expected: Record<string, Record<string, unknown>> = {
    '01-plating-iso.txt': {
      'company.prefecture': '埼玉県', 'company.industry': 'manufacturing', 'company.employees': 28,
      'step1.issues[].category': { includes: ['quality'] }, 'step1.talentIssues': { minLength: 1 },
      'step2.spec.daysPerWeek': 2, 'step2.spec.monthlyBudgetYen': 150000, 'step2.spec.mustHave': { minLength: 1 },
      'step2.spec.location.remoteOk': null, 'company.name': null,
    },
    '02-ryokan-succession.txt': {
      'company.prefecture': '長野県', 'company.industry': 'hospitality_food', 'company.employees': 15,
      'step1.issues[].category': { includes: ['succession', 'finance'] }, 'step2.direction': 'core_develop',
      'step2.spec.daysPerWeek': 0.5, 'step2.spec.workStyles': ['advisory'], 'step2.spec.monthlyBudgetYen': null,
    },
    '03-memo-food-sales.txt': {
      'company.name': '株式会社マルサ水産', 'company.prefecture': '宮城県', 'company.industry': 'manufacturing',
      'company.employees': 42, 'step1.issues[].category': { includes: ['sales_marketing'] },
      'step1.talentIssues': { minLength: 1 }, 'step2.spec.location.remoteOk': true, 'step2.spec.daysPerWeek': 1,
      'step2.spec.workStyles': ['side_job'], 'step2.spec.monthlyBudgetYen': 100000,
    },
  };
  it.each(samples)('%s', async (name) => {
    const sheet = await sheetFor(readFileSync(join(samplesDir, name), 'utf8'));
    const want = expected[name];
    if (!want) return expect.fail(`no expectations written for the new sample ${name}`);
    expect(checkExpectations(sheet, want).filter((r) => !r.ok)).toEqual([]);
  });
});
