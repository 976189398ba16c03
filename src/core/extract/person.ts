// The wanted person as the owner describes them: 「大手で品質保証やってたような人に来てほしい」.
// Such a clause gives requirements (mustHave / niceToHave), the person's skills, and, for
// 「〜を教えてくれる人」, a duty. Only a few clear shapes become requirements; anything vaguer
// (元気な人) is left to the dialogue.
import type { Skill } from '../vocab.js';
import type { Lexicon } from './lexicon.js';
import type { PatternsData } from './lexicon-schema.js';
import { alternation, phraseSet, type PhraseSet } from './matcher.js';
import { stripAdverbs, type TextRules } from './text.js';
import { asExperience, teToDictionary } from './verbs.js';

export interface PersonRules {
  clause: RegExp;
  nice: PhraseSet;
  must: RegExp;
  conditional: RegExp;
  candidate: PhraseSet;
}

export function compilePersonRules(p: PatternsData): PersonRules {
  const person = p.person;
  return {
    // 「〜やってた人に、顧問で見てもらえないかな」: a clause ending in 人に hands the person to the
    // next clause's request, so it describes the person too. 方 only after ような/の (〜ような方に,
    // お持ちの方に), never in 数字の見方に.
    clause: new RegExp(
      `^(.*?)(?:(${alternation(person.nouns)})${alternation(person.desires)}`
      + `|(${alternation(person.nouns.filter((n) => n !== '方'))}|(?<=ような|みたいな|の)方)に$)`,
      'iu'),
    nice: phraseSet(person.nice),
    must: new RegExp(`^(.+?)(?:は|が)?${alternation(person.must)}`, 'iu'),
    conditional: new RegExp(`${alternation(person.conditionals)}$`, 'iu'),
    candidate: phraseSet(p.place.candidate_in_clause),
  };
}

/** What one clause says about the wanted person. */
export interface PersonFacts {
  mustHave: string[];
  niceToHave: string[];
  skills: Skill[];
  duties: string[];
}

/** Is the clause about the hire rather than the company (so its places/industries are not)? */
export function isHireClause(clause: string, lex: Lexicon): boolean {
  return lex.person.clause.test(clause) || lex.person.candidate.test(clause);
}

/** Endings between the description and the noun: 〜ような人, 〜な外部の人材. */
const LIKE = /(?:のような|ような|みたいな|っぽい|的な|な|の|外部の?|社外の?)$/u;

/** The description before the person noun, without adverbs and "〜ような". */
function modifierOf(raw: string, text: TextRules): string {
  let out = stripAdverbs(raw, text);
  for (let guard = 0; guard < 3 && LIKE.test(out); guard++) out = out.replace(LIKE, '');
  return out.trim();
}

/** A requirement phrase from the modifier, or null when it has none of the clear shapes. */
export function requirementOf(modifier: string, noun: string): string | null {
  if (modifier === '' || modifier.length > 50) return null;
  if (noun === '経験者') return `${modifier.replace(/の$/u, '')}の経験`;
  if (/経験(?:が|の)?(?:ある|あり)$/u.test(modifier)) return modifier.replace(/(?:が|の)?(?:ある|あり)$/u, '');
  if (/(?:の|が)ある$/u.test(modifier)) return modifier.replace(/(?:の|が)ある$/u, '');
  if (/(?:[がをも]できる|に(?:も)?詳しい|に(?:も)?強い|[がをも](?:わかる|分かる)|を持っている|を持ってる|を持つ)$/u.test(modifier)) {
    return modifier;
  }
  if (/出身$/u.test(modifier) || /^元/u.test(modifier)) return modifier;
  // Potential forms take が: 英語が話せる, パソコンが使える, 図面が書ける.
  if (/[がも][^、をがも]{1,12}(?:える|せる|ける|げる|てる|ねる|べる|める|れる)$/u.test(modifier)) return modifier;
  return asExperience(modifier);
}

/** 「〜を教えてくれる人」: what the person would do, as a duty (〜を教える). */
function dutyOf(modifier: string): string | null {
  const m = /^(.+?[てで])(?:くれる|もらえる|いただける)$/u.exec(modifier);
  return m?.[1] ? teToDictionary(m[1]) : null;
}

function skillsIn(text: string, lex: Lexicon): Skill[] {
  return lex.skills.values(text);
}

/** A standalone 「ISOの知識があれば尚可」 / 「英語ができれば尚可」 / 「運転免許は必須」. */
function standaloneRequirement(clause: string, lex: Lexicon): { item: string; nice: boolean } | null {
  const niceHit = lex.person.nice.first(clause);
  if (niceHit) {
    let pre = stripAdverbs(clause.slice(0, niceHit.start), lex.text);
    pre = /できれば$/u.test(pre) ? pre.replace(/できれば$/u, 'できる') : pre.replace(lex.person.conditional, '');
    return pre !== '' && pre.length <= 50 ? { item: pre, nice: true } : null;
  }
  const must = lex.person.must.exec(clause);
  const item = must?.[1] ? stripAdverbs(must[1], lex.text) : '';
  return item !== '' && item.length <= 50 ? { item, nice: false } : null;
}

/** Requirements, skills and duties stated in one clause about the wanted person. */
export function personFacts(clause: string, lex: Lexicon): PersonFacts {
  const facts: PersonFacts = { mustHave: [], niceToHave: [], skills: [], duties: [] };
  const m = lex.person.clause.exec(clause);
  const nice = lex.person.nice.test(clause);
  if (m) {
    const modifier = modifierOf(m[1] ?? '', lex.text);
    const duty = dutyOf(modifier);
    const requirement = duty ? null : requirementOf(modifier, m[2] ?? m[3] ?? '');
    if (duty) facts.duties.push(duty);
    if (requirement) (nice ? facts.niceToHave : facts.mustHave).push(requirement);
    facts.skills.push(...skillsIn(`${modifier}${m[2] ?? m[3] ?? ''}`, lex));
    return facts;
  }
  const standalone = standaloneRequirement(clause, lex);
  if (standalone) {
    (standalone.nice ? facts.niceToHave : facts.mustHave).push(standalone.item);
    facts.skills.push(...skillsIn(standalone.item, lex));
  }
  return facts;
}
