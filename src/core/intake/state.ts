import type { FieldPath } from './fields.js';

export const PHASES = ['step1', 'confirm_step1', 'step2', 'review_spec', 'fixing_spec', 'done', 'referred'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The conversation's own state, kept apart from the case's field values so that the values
 * live once, in the case's tables. A turn returns a new state; it never mutates this one.
 */
export interface DialogueState {
  version: 1;
  phase: Phase;
  /** The field the last question asked about, or the pseudo-field being asked. */
  asked: FieldPath | 'priority' | null;
  /** Fields the owner cannot answer (「わからない」): never asked again, stay missing. */
  unknown: FieldPath[];
  /** Fields put off (「あとで」): asked once more at the end of their phase. */
  deferred: FieldPath[];
  /** Fields deferred once already; a second 「あとで」 leaves them missing. */
  deferredTwice: FieldPath[];
  /** Fields answered with "none" (「特になし」): known to be empty, not missing. */
  settled: FieldPath[];
  /** Fields the engine drafted and the owner has not written themselves. */
  drafted: FieldPath[];
  /** True once the owner has ranked the issues (or there was only one). */
  prioritised: boolean;
}

export function initialDialogue(): DialogueState {
  return {
    version: 1, phase: 'step1', asked: null, unknown: [], deferred: [], deferredTwice: [],
    settled: [], drafted: [], prioritised: false,
  };
}
