import { answerFor, detectIntent, extract } from '../extract/extractor.js';
import { loadLexicon, type Lexicon } from '../extract/lexicon.js';
import { loadIntakeContent } from './content.js';
import type { EngineDeps, Understanding } from './turn.js';

/** The deterministic floor: understands owners with no LLM configured. */
export function offlineUnderstanding(lexicon: Lexicon): Understanding {
  return {
    extract: (text) => extract(text, lexicon),
    intent: (text) => detectIntent(text, lexicon),
    answerFor: (field, text) => answerFor(field, text, lexicon),
  };
}

/** Engine dependencies from the data files in prompts/; loaded and checked once. */
export function offlineEngine(): EngineDeps {
  return { content: loadIntakeContent(), understanding: offlineUnderstanding(loadLexicon()) };
}
