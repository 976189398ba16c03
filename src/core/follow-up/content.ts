import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../intake/content.js';
import { promptsDir } from '../repo-root.js';

// The check-in conversation's words (prompts/follow-up/check-in.yaml), checked once at load so
// that a domain expert's typo fails at start with the file and the entry.

const words = z.array(z.string().min(1)).min(1);
const answer = z.object({ label: z.string().min(1).max(20), value: z.string().min(1), words });

const schema = z.object({
  questions: z.object({ contribution: z.string().min(1), newIssue: z.string().min(1) }),
  contribution: z.object({ good: answer, concern: answer, talk: answer }),
  unclearLabel: z.string().min(1),
  noIssueButton: z.string().min(1).max(20),
  noIssue: words,
  vagueIssue: words,
  vagueIssueSummary: z.string().min(1),
  trouble: words,
  thanks: z.object({
    ok: z.string().min(1),
    trouble: z.string().min(1),
    newNeed: z.string().min(1),
    nextCheckIn: z.string().min(1),
    newConsultationButton: z.string().min(1).max(20),
    newConsultationValue: z.string().min(1),
  }),
});

export type CheckInContent = z.infer<typeof schema>;

const cache = new Map<string, CheckInContent>();

export function loadCheckInContent(file = join(promptsDir(), 'follow-up', 'check-in.yaml')): CheckInContent {
  const hit = cache.get(file);
  if (hit) return hit;
  const content = loadYaml(file, schema);
  cache.set(file, content);
  return content;
}
