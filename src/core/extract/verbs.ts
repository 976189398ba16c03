// Minimal Japanese verb reshaping so duties and requirements read as items of a job spec:
// 「準備を進めてほしい」 → 準備を進める, 「品質保証やってた人」 → 品質保証やっていた経験.
// This is grammar, not vocabulary, so it lives in code; it covers the common cases only.

const E_OR_I_ROW = /[えけげせぜてでねへべぺめれいきぎしじちぢにひびぴみり]$/u;
const KANJI_END = /\p{Script=Han}$/u;

/**
 * Dictionary form of a verb phrase ending in the te-form (て/で). Godan verbs are ambiguous
 * (って → る/う/つ, んで → む/ぶ/ぬ); the most frequent reading is used.
 */
export function teToDictionary(phrase: string): string {
  const rules: Array<[RegExp, string]> = [
    // Godan す verbs (見直す, 増やす, 活かす) before サ変 nouns (準備する, 管理する).
    [/((?![をにがはでとも])[\u3041-\u3096]|[直出話探回残戻渡返示指押試移越消貸足延伸活生起興果促施])して$/u, '$1す'],
    [/して$/u, 'する'],
    [/(来|き)て$/u, '$1る'],
    [/行って$/u, '行く'],
    [/(手伝|使|買|言|会|払|担|扱|培|養|向か|習|通|伴|補|揃|従)って$/u, '$1う'],
    [/(持|立|待|育|勝|保)って$/u, '$1つ'],
    [/って$/u, 'る'],
    [/んで$/u, 'む'],
    [/いで$/u, 'ぐ'],
  ];
  for (const [re, to] of rules) if (re.test(phrase)) return phrase.replace(re, to);
  if (/いて$/u.test(phrase) && !/[見居]いて$/u.test(phrase)) return phrase.replace(/いて$/u, 'く');
  const stem = phrase.replace(/て$/u, '');
  if (stem !== phrase && (E_OR_I_ROW.test(stem) || KANJI_END.test(stem))) return `${stem}る`;
  return phrase;
}

/** 「やってた」「してた」 → 「やっていた」「していた」: the contracted past progressive, spelled out. */
export function expandContractedPast(phrase: string): string {
  return phrase.replace(/(て|で)た$/u, '$1いた');
}

/** Describes a past activity as experience: 大手で品質保証やってた → 大手で品質保証やっていた経験. */
export function asExperience(phrase: string): string | null {
  if (!/た$/u.test(phrase)) return null;
  return `${expandContractedPast(phrase)}経験`;
}
