import type { CaseFields, JobSpec } from '../case-sheet.js';
import type { Direction, Prefecture, Skill } from '../vocab.js';

/** Spec fields an utterance can set; location is flattened so a patch can set one half. */
export type SpecPatch = Partial<Omit<JobSpec, 'location'>> & {
  prefecture?: Prefecture;
  remoteOk?: boolean;
};

/** A business issue as the owner described it; priority is assigned by the dialogue. */
export interface MentionedIssue {
  summary: string;
  category: Skill | null;
}

/**
 * What one owner utterance states. Only what the text says is present: absent keys mean
 * "not mentioned", never "unknown". A value here replaces an earlier one (corrections).
 */
export interface Extraction {
  company: Partial<CaseFields['company']>;
  vision?: string;
  issues: MentionedIssue[];
  talentIssues: string[];
  direction?: Direction;
  spec: SpecPatch;
  /** The owner is correcting something said before (やっぱり, 訂正): values replace, not add. */
  corrects?: boolean;
}

/** Conversation-level intents that are not field values. */
export type Intent = 'help' | 'restart' | 'yes' | 'fix' | 'unknown' | 'later';

export function emptyExtraction(): Extraction {
  return { company: {}, issues: [], talentIssues: [], spec: {} };
}
