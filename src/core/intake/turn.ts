import type { CaseFields } from '../case-sheet.js';
import type { Extraction, Intent } from '../extract/extraction.js';
import type { Reply } from '../replies.js';
import type { IntakeContent } from './content.js';
import type { FieldPath } from './fields.js';
import type { DialogueState } from './state.js';

/** What the engine needs to understand an utterance; the offline extractor or an LLM. */
export interface Understanding {
  extract(text: string): Extraction;
  intent(text: string): Intent | null;
  /** A targeted reading of a reply to the question about `field`. */
  answerFor(field: string, text: string): unknown;
}

export interface EngineDeps {
  content: IntakeContent;
  understanding: Understanding;
}

export type TurnEvent =
  | { type: 'restarted' }
  | { type: 'step1_confirmed' }
  | { type: 'spec_confirmed' }
  | { type: 'referred' }
  | { type: 'new_case_requested' };

/**
 * What a language model contributed before the turn, already checked (see src/core/llm).
 * The engine stays pure: it only places these where it would otherwise use its templates.
 */
export interface TurnAssist {
  /** A line for the STEP 1 summary card: the issues and a hypothesis to confirm. */
  step1Summary?: string;
  /** Wording for drafted spec fields; never replaces what the owner wrote. */
  specDraft?: Partial<Record<FieldPath, unknown>>;
}

export interface TurnInput {
  fields: CaseFields;
  dialogue: DialogueState;
  text: string;
  /** The first message of a new case: the greeting goes first. */
  isFirst?: boolean;
  /** The owner comes back after a long pause: say where we are. */
  isResume?: boolean;
  assist?: TurnAssist;
}

export interface TurnResult {
  fields: CaseFields;
  dialogue: DialogueState;
  replies: Reply[];
  events: TurnEvent[];
}
