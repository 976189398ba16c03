import type { App } from '../../app.js';
import { toCaseSheet } from '../../core/sheet.js';
import { caseSheetMarkdown, llmUsageMarkdown } from '../../core/sheet-markdown.js';
import { InputError, UsageError } from '../errors.js';

/**
 * The case sheet as contract JSON plus `llmUsage` (what the LLM layer cost this case), or as
 * a Markdown 企業情報シート with a short LLM section when a model was used.
 */
export async function caseShow(app: App, caseId: string, format: string, out: (s: string) => void): Promise<void> {
  if (format !== 'json' && format !== 'md') throw new UsageError(`--format は json か md です（指定: ${format}）`);
  const stored = await app.store.getCase(caseId.trim().toUpperCase());
  if (!stored) throw new InputError(`案件 ${caseId} は見つかりません。`);
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  const llmUsage = await app.store.llmUsage(stored.id);
  out(format === 'json' ? JSON.stringify({ ...sheet, llmUsage }, null, 2) : caseSheetMarkdown(sheet) + llmUsageMarkdown(llmUsage));
}
