// Job-spec terms stated in free talk: work styles, duties, and fields the owner names
// explicitly (うちの魅力は〜, 役割は〜).
import type { JobSpec } from '../case-sheet.js';
import type { WorkStyle } from '../vocab.js';
import type { Lexicon } from './lexicon.js';
import type { PatternsData } from './lexicon-schema.js';
import { alternation } from './matcher.js';
import { isNegatedAfter } from './negation.js';
import { capLength, cleanSummary, stripAdverbs, stripCopula } from './text.js';
import { teToDictionary } from './verbs.js';

/** Spec fields that only an explicit cue sets. */
export const CUED_FIELDS = ['appeal', 'title', 'role', 'persona', 'expectations'] as const;
export type CuedField = (typeof CUED_FIELDS)[number];

export interface SpecRules {
  duty: RegExp;
  notTask: RegExp;
  cued: Array<{ field: CuedField; re: RegExp }>;
}

export function compileSpecRules(p: PatternsData): SpecRules {
  return {
    duty: new RegExp(`^(.*?)(${alternation(p.duty.endings)})`, 'iu'),
    notTask: new RegExp(`${alternation(p.duty.not_tasks)}$`, 'iu'),
    cued: CUED_FIELDS.map((field) => ({ field, re: new RegExp(`${alternation(p.spec[field])}\\s*(.+)$`, 'iu') })),
  };
}

/** Work styles named and not negated (フルタイムで雇う余裕はない names none). */
export function workStyles(text: string, lex: Lexicon): WorkStyle[] {
  const found: WorkStyle[] = [];
  for (const hit of lex.workStyles.findAll(text)) {
    if (isNegatedAfter(text, hit.end, lex)) continue;
    if (!found.includes(hit.value)) found.push(hit.value);
  }
  return found;
}

/**
 * A task the owner asks of the hire: 「ISO取得の準備を進めてほしい」 → ISO取得の準備を進める,
 * 「在庫管理をお願いしたい」 → 在庫管理. Coming or staying (人に来てほしい) is not a task.
 */
export function dutyIn(clause: string, lex: Lexicon): string | undefined {
  const m = lex.spec.duty.exec(clause);
  if (!m) return undefined;
  const [matched, before = '', ending = ''] = m;
  if (lex.spec.notTask.test(matched)) return undefined;
  const phrase = ending.startsWith('を') ? before : teToDictionary(before + ending.charAt(0));
  const duty = stripAdverbs(phrase, lex.text);
  return duty.length >= 2 ? capLength(duty, 60) : undefined;
}

/** Fields the owner names outright: 「うちの魅力は温泉と料理です」 → appeal 温泉と料理. */
export function cuedFields(sentence: string, lex: Lexicon): Partial<Pick<JobSpec, CuedField>> {
  const out: Partial<Pick<JobSpec, CuedField>> = {};
  for (const { field, re } of lex.spec.cued) {
    const m = re.exec(sentence);
    const value = m?.[1] ? stripCopula(cleanSummary(m[1], lex.text), lex.text) : '';
    if (value !== '') out[field] = capLength(value, 120);
  }
  return out;
}
