import type { App } from '../../app.js';
import { step3Markdown } from '../../core/report/step3-markdown.js';
import { toCaseSheet } from '../../core/sheet.js';
import { caseSheetMarkdown, llmUsageMarkdown } from '../../core/sheet-markdown.js';
import { caseCandidates } from '../../db/prisma-candidate-store.js';
import { caseFollowUps } from '../../db/prisma-follow-up-store.js';
import { InputError, UsageError } from '../errors.js';

/**
 * The case sheet as contract JSON plus `llmUsage` (what the LLM layer cost this case), or as
 * a Markdown 企業情報シート with STEP 3 (introductions, check-ins) and a short LLM section.
 */
export async function caseShow(app: App, caseId: string, format: string, out: (s: string) => void): Promise<void> {
  if (format !== 'json' && format !== 'md') throw new UsageError(`--format は json か md です（指定: ${format}）`);
  const stored = await app.store.getCase(caseId.trim().toUpperCase());
  if (!stored) throw new InputError(`案件 ${caseId} は見つかりません。`);
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  const llmUsage = await app.store.llmUsage(stored.id);
  if (format === 'json') return out(JSON.stringify({ ...sheet, llmUsage }, null, 2));
  out(caseSheetMarkdown(sheet) + (await step3Section(app, stored.id)) + llmUsageMarkdown(llmUsage));
}

async function step3Section(app: App, caseId: string): Promise<string> {
  const candidates = caseCandidates(app.db.prisma);
  const entries = await candidates.loadShortlist(caseId);
  const profiles = await candidates.profiles(entries.map((e) => e.candidateId));
  return step3Markdown(entries, profiles, await caseFollowUps(app.db.prisma).list(caseId));
}
