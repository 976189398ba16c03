import type { CaseFields } from '../case-sheet.js';
import type { Extraction, Intent } from '../extract/extraction.js';
import type { Reply } from '../replies.js';
import type { IntakeContent } from './content.js';
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

export interface TurnInput {
  fields: CaseFields;
  dialogue: DialogueState;
  text: string;
  /** The first message of a new case: the greeting goes first. */
  isFirst?: boolean;
  /** The owner comes back after a long pause: say where we are. */
  isResume?: boolean;
}

export interface TurnResult {
  fields: CaseFields;
  dialogue: DialogueState;
  replies: Reply[];
  events: TurnEvent[];
}
