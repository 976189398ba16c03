// The company itself: industry, explicit name, and the owner's own description of the business.
//
// A self-description is a clause that ends in a predicate like 〜をやってます / 〜です and whose
// object ends in an industry word (川口で電子部品のめっき加工をやってます → 電子部品のめっき加工).
// The bracketed profile after a name in a memo (（宮城県気仙沼市、水産加工、従業員42名）) counts too.
import type { Industry } from '../vocab.js';
import type { Lexicon } from './lexicon.js';
import type { LexiconData } from './lexicon-schema.js';
import { alternation, execAll, Matcher, phraseSet, type PhraseSet } from './matcher.js';
import { employees } from './numbers.js';
import { isHireClause } from './person.js';
import { placeMentions } from './places.js';
import { type Span, splitClauses, splitSentences, stripCopula } from './text.js';

export interface IndustryWord {
  code: Industry;
  selfOnly: boolean;
}

export interface CompanyRules {
  industries: Matcher<IndustryWord>;
  verbs: Matcher<Industry>;
  selfMarker: RegExp;
  selfPredicate: RegExp;
  selfFollower: RegExp;
  businessEnd: RegExp;
  descriptionTrailer: RegExp;
  mainProduct: RegExp;
  legalFirst: RegExp;
  legalLast: RegExp;
  nameCue: RegExp;
  selfNameCue: RegExp;
  orgSuffix: RegExp;
  genericStem: Set<string>;
  nameStop: RegExp;
  counterpartyBefore: PhraseSet;
  counterpartyAfter: RegExp;
}

/** Characters a name token may contain: anything but spaces, brackets and punctuation. */
const TOKEN = '[^\\s、。,()「」『』【】:!?]{1,30}';

export function compileCompanyRules(data: LexiconData): CompanyRules {
  const c = data.patterns.company;
  const words: Array<[string, IndustryWord]> = [];
  const verbs: Array<[string, Industry]> = [];
  for (const [code, v] of Object.entries(data.industries.industries)) {
    for (const k of v.keywords) words.push([k, { code: code as Industry, selfOnly: false }]);
    for (const k of v.self_only) words.push([k, { code: code as Industry, selfOnly: true }]);
    for (const k of v.verbs) verbs.push([k, code as Industry]);
  }
  const legal = alternation(c.legal_forms);
  return {
    industries: new Matcher(words),
    verbs: new Matcher(verbs),
    selfMarker: new RegExp(`^${alternation(c.self_markers)}\\s*`, 'iu'),
    selfPredicate: new RegExp(`(?:を|は)?${alternation(c.self_predicates)}$`, 'iu'),
    selfFollower: new RegExp(`${alternation(c.self_followers)}$`, 'iu'),
    businessEnd: new RegExp(`${alternation(words.map(([w]) => w))}${alternation(c.business_suffixes)}?$`, 'iu'),
    descriptionTrailer: new RegExp(`${alternation(c.description_trailers)}$`, 'iu'),
    mainProduct: new RegExp(`${alternation(c.main_product)}\\s*([^、。\\sのはがをでと]{1,20})`, 'iu'),
    legalFirst: new RegExp(`(${legal})\\s*(${TOKEN})`, 'iu'),
    legalLast: new RegExp(`(${TOKEN}?)(${legal})`, 'iu'),
    nameCue: new RegExp(`${alternation(c.name_cues)}\\s*(${TOKEN})`, 'iu'),
    selfNameCue: new RegExp(`${alternation(c.self_markers)}\\s*(${TOKEN})`, 'iu'),
    orgSuffix: new RegExp(`${alternation(c.org_suffixes)}$`, 'iu'),
    genericStem: new Set(c.generic_name_stems),
    nameStop: new RegExp(alternation(c.name_stops), 'iu'),
    counterpartyBefore: phraseSet(c.counterparty_before),
    counterpartyAfter: new RegExp(`^${alternation(c.counterparty_after)}`, 'iu'),
  };
}

/** A self-description found in the text: its industry, the owner's words, and where. */
interface SelfDescription {
  code: Industry;
  description: string;
  start: number;
}

/** Removes leading place phrases: 川口で, 長野の, 埼玉県川口市で. */
function stripLeadingPlaces(text: string, lex: Lexicon): string {
  let out = text;
  for (let guard = 0; guard < 4; guard++) {
    const hit = lex.places.places.first(out);
    if (!hit || hit.start !== 0) break;
    out = out.slice(hit.end).replace(/^(?:県|府|都|道|市|町|村|区|郡)?(?:にある|にて|で|の|、)?\s*/u, '');
  }
  return out;
}

/** The industry of the last industry word (the head noun in Japanese) in an object phrase. */
function headIndustry(object: string, lex: Lexicon): Industry | undefined {
  return lex.company.industries.last(object)?.value.code;
}

/** A count of premises at the end (美容室を３店舗, 食品スーパー3店舗) says nothing about the trade. */
const TRAILING_COUNT = /を?\s*[0-9〇一二三四五六七八九十]+\s*(?:店舗|店|軒|拠点|工場|ヶ所|か所|カ所)$/u;

/**
 * Reads an object phrase (川口で電子部品のめっき加工). It must end in an industry word (+ 会社,
 * 業 ...) unless the predicate already named the industry (〜を作っています → manufacturing).
 */
function describeObject(object: string, start: number, lex: Lexicon, verb?: Industry): SelfDescription | null {
  const r = lex.company;
  const tail = object.slice(object.lastIndexOf('、') + 1).trim().replace(TRAILING_COUNT, '');
  const phrase = stripLeadingPlaces(tail.replace(r.selfMarker, ''), lex);
  if (phrase === '' || phrase.length > 40) return null;
  if (!verb && !r.businessEnd.test(phrase)) return null;
  const code = verb ?? headIndustry(phrase, lex);
  const description = phrase.replace(r.descriptionTrailer, '').trim();
  return code && description !== '' ? { code, description, start } : null;
}

/** 「川口で電子部品のめっき加工をやってます」 / 「うちは工務店です」 as a self-description. */
function selfDescriptionIn(clause: Span, lex: Lexicon): SelfDescription | null {
  const r = lex.company;
  let s = clause.text;
  for (let guard = 0; guard < 3 && r.selfFollower.test(s); guard++) s = s.replace(r.selfFollower, '');
  const verb = r.verbs.last(s);
  if (verb && verb.end === s.length) return describeObject(s.slice(0, verb.start), clause.start, lex, verb.value);
  const pred = r.selfPredicate.exec(s);
  if (!pred) return null;
  return describeObject(s.slice(0, pred.index), clause.start, lex);
}

/** A bracketed aside, e.g. the profile after a company name in a memo. */
const PROFILE = /\(([^()]{2,120})\)/gu;

/** Items of a bracketed profile (宮城県気仙沼市、水産加工、従業員42名) that name the business. */
function profileDescriptions(text: string, lex: Lexicon): SelfDescription[] {
  const out: SelfDescription[] = [];
  for (const m of execAll(PROFILE, text)) {
    const inner = m[1] ?? '';
    const isProfile = placeMentions(inner, lex).length > 0 || employees(inner, lex) !== undefined;
    if (!isProfile) continue;
    for (const raw of inner.split(/[、,]/u)) {
      const item = raw.trim().replace(TRAILING_COUNT, '');
      if (/[0-9]/u.test(item)) continue;
      // 金属プレス加工・金型製作: one part naming the trade is enough; the item is the description.
      const part = item.split('・').map((p) => describeObject(p, m.index, lex)).find((d) => d !== null);
      if (part) out.push({ ...part, description: item });
    }
  }
  return out;
}

function selfDescriptions(text: string, lex: Lexicon): SelfDescription[] {
  const found = profileDescriptions(text, lex);
  for (const sentence of splitSentences(text)) {
    for (const clause of splitClauses(sentence, lex.text)) {
      const d = selfDescriptionIn(clause, lex);
      if (d) found.push(d);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** An industry word that names a customer or partner (取引先の工場, 地元卸向け). */
function isCounterparty(text: string, start: number, end: number, lex: Lexicon): boolean {
  const r = lex.company;
  return r.counterpartyBefore.test(text.slice(Math.max(0, start - 6), start))
    || r.counterpartyAfter.test(text.slice(end, end + 6));
}

/** Industry words outside self-descriptions: the last usable one of each clause. */
function mentionedIndustry(text: string, lex: Lexicon): Industry | undefined {
  for (const sentence of splitSentences(text)) {
    for (const clause of splitClauses(sentence, lex.text)) {
      if (isHireClause(clause.text, lex)) continue;
      const usable = lex.company.industries.findAll(clause.text)
        .filter((h) => !h.value.selfOnly && !isCounterparty(clause.text, h.start, h.end, lex));
      const head = usable.at(-1);
      if (head) return head.value.code;
    }
  }
  return undefined;
}

export function industry(text: string, lex: Lexicon): Industry | undefined {
  return selfDescriptions(text, lex)[0]?.code ?? mentionedIndustry(text, lex);
}

/** The owner's description of the business, with the main product when the memo names one. */
function describeBusiness(text: string, own: SelfDescription[], lex: Lexicon, name?: string): string | undefined {
  const first = own.find((d) => !name || !name.endsWith(d.description));
  if (!first) return undefined;
  const product = lex.company.mainProduct.exec(text)?.[1];
  return product && !first.description.includes(product) ? `${first.description}（主力は${product}）` : first.description;
}

export interface CompanyProfile {
  name?: string;
  industry?: Industry;
  description?: string;
}

/** Name, industry and description of the company, as far as the text states them. */
export function companyProfile(text: string, lex: Lexicon): CompanyProfile {
  const own = selfDescriptions(text, lex);
  const name = companyName(text, lex);
  const code = own[0]?.code ?? mentionedIndustry(text, lex);
  const description = describeBusiness(text, own, lex, name);
  return { ...(name && { name }), ...(code && { industry: code }), ...(description && { description }) };
}

/**
 * Cuts a name token at the first particle or copula (マルサ水産の社長です → マルサ水産). A
 * one-character particle within the first two characters is part of the name (かが膳).
 */
function cutName(token: string, lex: Lexicon): string {
  const re = lex.company.nameStop;
  const first = re.exec(token);
  if (!first) return token.trim();
  if (first[0].length >= 2 || first.index >= 2) return token.slice(0, first.index).trim();
  const later = re.exec(token.slice(2));
  return (later ? token.slice(0, later.index + 2) : token).trim();
}

/** After 屋号は / 社名は the name may hold particles (鶴の湯): cut only at copulas and quotes. */
function explicitName(token: string, lex: Lexicon): string {
  const cut = token.split(/という|と申し|といい|です|でございます|になります/u)[0] ?? '';
  return stripCopula(cut, lex.text).replace(/で$/u, '').trim();
}

/** Keeps only the part of a token after its last particle (うちはマルサ水産 → マルサ水産). */
function tailName(token: string, lex: Lexicon): string {
  let out = token;
  for (let guard = 0; guard < 10; guard++) {
    const stop = lex.company.nameStop.exec(out);
    if (!stop) break;
    out = out.slice(stop.index + stop[0].length);
  }
  return out.trim();
}

/** A name with an org suffix whose stem is not generic (山田屋旅館 yes, 温泉旅館 and 八百屋 no). */
function isProperName(candidate: string, lex: Lexicon): boolean {
  const r = lex.company;
  const suffix = r.orgSuffix.exec(candidate);
  if (!suffix) return false;
  const stem = candidate.slice(0, suffix.index);
  if (stem === '' || r.genericStem.has(stem)) return false;
  const covers = (s: string): boolean => r.industries.findAll(s).some((h) => h.start === 0 && h.end === s.length);
  return !covers(candidate) && !covers(stem);
}

/** Explicit names only: 株式会社マルサ水産, 〇〇(株), 社名は〇〇, うちは山田屋旅館です. */
export function companyName(text: string, lex: Lexicon): string | undefined {
  const r = lex.company;
  const first = r.legalFirst.exec(text);
  // 丸山鉄工株式会社の丸山です: a particle right after the legal form means the name came before it.
  if (first?.[1] && first[2] && r.nameStop.exec(first[2])?.index !== 0) {
    const rest = cutName(first[2], lex);
    if (rest !== '') return `${first[1]}${rest}`;
  }
  const last = r.legalLast.exec(text);
  if (last?.[2]) {
    const head = tailName(last[1] ?? '', lex);
    if (head !== '') return `${head}${last[2]}`;
  }
  const cued = r.nameCue.exec(text);
  if (cued?.[1]) {
    const name = explicitName(cued[1], lex);
    if (name !== '') return name;
  }
  const self = r.selfNameCue.exec(text);
  const candidate = self?.[1] ? cutName(self[1], lex) : '';
  return candidate !== '' && isProperName(candidate, lex) ? candidate : undefined;
}
