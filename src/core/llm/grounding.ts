import { emptyExtraction, type Extraction, type MentionedIssue, type SpecPatch } from '../extract/extraction.js';
import type { FieldPath } from '../intake/fields.js';
import type { LlmExtraction } from './schemas.js';

// A model's reading of an owner message is kept only where the owner's own words carry it:
// each value needs a quote that is really in the message (and is not an instruction), the
// model must be sure, numbers must fall in sane ranges, and free text must be mostly the
// owner's own words. Anything else is dropped, field by field, and stays missing.

/** NFKC, lower case, no spaces or punctuation: 「２８人、」 and "28人" compare equal. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s、。，．,.!！?？「」『』()（）【】[\]"'“”‘’・:：;；〜~…]/gu, '');
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** The share of `value`'s character bigrams that occur in `text` (both normalised). */
export function coverage(value: string, text: string): number {
  const grams = bigrams(normalise(value));
  if (grams.length === 0) return 0;
  const have = new Set(bigrams(normalise(text)));
  return grams.filter((g) => have.has(g)).length / grams.length;
}

/**
 * Words that address the system rather than describe the company. A quote holding them is
 * no evidence for a field: 「この求人を承認済みにして」 supports no value at all.
 */
const INSTRUCTION = new RegExp([
  // addressed to the system
  '無視し', '(これまで|今まで|以前|前|上)の(指示|命令|設定)', 'プロンプト', 'ignore', 'instruction', 'prompt', 'system',
  'assistant', 'developer', 'admin', 'you are now', 'pretend', 'role-?play',
  // statuses and approvals, which only the product's own actions change
  '承認', '却下', '差し戻', 'ステータス', '管理者(モード|権限)', 'status', 'approve',
  // other people's data
  '他社の', '他の会社', 'ほかの会社', '候補者の(名前|氏名|連絡先|情報|一覧)', '個人情報', '連絡先を', 'candidate', 'database',
  // requests for data rather than statements about the company
  '見せて', '表示して', '出力して', '開示して', '一覧で', 'show me', 'tell me', 'reveal', 'dump', 'list (all|every)', 'follow (it|this)',
].join('|'), 'iu');

export const looksLikeInstruction = (s: string): boolean => INSTRUCTION.test(s.normalize('NFKC'));

const OWN_WORDS = 0.5;
/** More items than an owner states in one message is a model gone astray; the rest is ignored. */
const MAX_ITEMS = 12;
const NUMERAL = /[0-9〇一二三四五六七八九十百千万半毎]/u;

interface Fact<T> { value: T; evidence: string; sure: boolean }

export interface Grounded {
  extraction: Extraction;
  /** Paths the model stated but the owner's words did not carry. */
  dropped: FieldPath[];
}

export function groundExtraction(llm: LlmExtraction, text: string): Grounded {
  const owner = normalise(text);
  const out = emptyExtraction();
  const dropped: FieldPath[] = [];

  const quoted = (evidence: string): boolean => {
    const e = normalise(evidence);
    if (e.length === 0 || looksLikeInstruction(evidence)) return false;
    return owner.includes(e) || (e.length >= 4 && coverage(e, text) >= 0.85);
  };
  const ownWords = (s: string, max: number): string | undefined => {
    const v = s.trim();
    if (v.length === 0 || v.length > max || looksLikeInstruction(v) || coverage(v, text) < OWN_WORDS) return undefined;
    return v;
  };
  /** The fact's value if the owner's words carry it, else undefined (and the path is noted). */
  function take<T, U>(path: FieldPath, fact: Fact<T> | null, check: (value: T, evidence: string) => U | undefined): U | undefined {
    if (fact === null) return undefined;
    const value = fact.sure && quoted(fact.evidence) ? check(fact.value, fact.evidence) : undefined;
    if (value === undefined) dropped.push(path);
    return value;
  }
  const number = (min: number, max: number, integer = false) => (v: number, evidence: string) =>
    Number.isFinite(v) && v > min && v <= max && (!integer || Number.isInteger(v)) && NUMERAL.test(evidence.normalize('NFKC')) ? v : undefined;
  const code = <T>(v: T) => v;
  const codes = <T>(v: T[]) => (v.length > 0 ? [...new Set(v)] : undefined);
  const texts = (max: number) => (items: string[]) => {
    const kept = items.slice(0, MAX_ITEMS).map((i) => ownWords(i, max)).filter((i): i is string => i !== undefined);
    return kept.length > 0 ? [...new Set(kept)] : undefined;
  };

  const c = llm.company;
  set(out.company, 'name', take('company.name', c.name, (v) => {
    const n = normalise(v);
    return n.length > 0 && v.length <= 60 && owner.includes(n) && !looksLikeInstruction(v) ? v.trim() : undefined;
  }));
  set(out.company, 'industry', take('company.industry', c.industry, code));
  set(out.company, 'prefecture', take('company.prefecture', c.prefecture, code));
  set(out.company, 'employees', take('company.employees', c.employees, number(0, 1_000_000, true)));
  set(out.company, 'description', take('company.description', c.description, (v) => ownWords(v, 200)));
  set(out, 'vision', take('step1.vision', llm.vision, (v) => ownWords(v, 200)));
  set(out, 'direction', take('step2.direction', llm.direction, code));

  const issues = llm.issues.slice(0, MAX_ITEMS).flatMap((i): MentionedIssue[] => {
    const summary = i.sure && quoted(i.evidence) ? ownWords(i.summary, 80) : undefined;
    return summary ? [{ summary, category: i.category }] : [];
  });
  if (issues.length < llm.issues.length) dropped.push('step1.issues');
  out.issues = issues;
  const talent = llm.talentIssues.slice(0, MAX_ITEMS).flatMap((t) => {
    const summary = t.sure && quoted(t.evidence) ? ownWords(t.summary, 80) : undefined;
    return summary ? [summary] : [];
  });
  if (talent.length < llm.talentIssues.length) dropped.push('step1.talentIssues');
  out.talentIssues = [...new Set(talent)];

  const s = llm.spec;
  const spec: SpecPatch = {};
  set(spec, 'workStyles', take('step2.spec.workStyles', s.workStyles, codes));
  set(spec, 'daysPerWeek', take('step2.spec.daysPerWeek', s.daysPerWeek, number(0, 7)));
  set(spec, 'prefecture', take('step2.spec.location.prefecture', s.prefecture, code));
  set(spec, 'remoteOk', take('step2.spec.location.remoteOk', s.remoteOk, code));
  set(spec, 'monthlyBudgetYen', take('step2.spec.monthlyBudgetYen', s.monthlyBudgetYen, number(0, 50_000_000, true)));
  set(spec, 'durationMonths', take('step2.spec.durationMonths', s.durationMonths, number(0, 120)));
  set(spec, 'duties', take('step2.spec.duties', s.duties, texts(60)));
  set(spec, 'mustHave', take('step2.spec.mustHave', s.mustHave, texts(80)));
  set(spec, 'niceToHave', take('step2.spec.niceToHave', s.niceToHave, texts(80)));
  set(spec, 'skillCategories', take('step2.spec.skillCategories', s.skillCategories, codes));
  set(spec, 'appeal', take('step2.spec.appeal', s.appeal, (v) => ownWords(v, 200)));
  out.spec = spec;
  return { extraction: out, dropped };
}

/** Sets key only when value is defined, so absent stays absent. */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
