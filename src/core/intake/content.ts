import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { promptsDir } from '../repo-root.js';
import { DIRECTIONS, SKILLS } from '../vocab.js';
import { ALL_FIELDS } from './fields.js';

// The intake's wording and question order are data (prompts/intake/*.yaml), checked once
// here so that a typo in a domain expert's edit fails at start with the file and the path.

const choice = z.object({ label: z.string().min(1), value: z.union([z.string(), z.boolean()]) });

const questionSchema = z.object({
  field: z.enum(ALL_FIELDS),
  phase: z.enum(['step1', 'step2']),
  label: z.string().min(1),
  labels: z.array(z.string()).default([]),
  ask: z.string().optional(),
  choices: z.array(choice).max(13).optional(),
  when: z.object({ directionIn: z.array(z.enum(DIRECTIONS)) }).optional(),
  drafted: z.boolean().default(false),
  alsoFills: z.array(z.enum(ALL_FIELDS)).default([]),
});
export type Question = z.infer<typeof questionSchema>;

const planSchema = z.object({
  version: z.string(),
  none: z.array(z.string().min(1)).min(1),
  newCase: z.array(z.string().min(1)).min(1),
  questions: z.array(questionSchema).min(1),
}).superRefine((plan, ctx) => {
  plan.questions.forEach((q, i) => {
    if (!q.drafted && !q.ask) ctx.addIssue({ code: 'custom', path: ['questions', i, 'ask'], message: `${q.field} needs an "ask" unless drafted` });
  });
});

const messagesSchema = z.object({
  greeting: z.string(), welcomeBack: z.string(), help: z.string(), restarted: z.string(),
  noted: z.string(), unknownNoted: z.string(), deferredNoted: z.string(), noneNoted: z.string(),
  notUnderstood: z.string(), emptyMessage: z.string(), tooLong: z.string(), nonText: z.string(),
  unreadable: z.string(), processingFailed: z.string(), priorityAsk: z.string(),
  priorityNoted: z.string(), step1SummaryTitle: z.string(), step1SummaryAsk: z.string(), step1Hypothesis: z.string(),
  step1Confirmed: z.string(), specTitle: z.string(), specAsk: z.string(), fixAsk: z.string(),
  fixNotFound: z.string(), fixApplied: z.string(), specConfirmed: z.string(), caseDone: z.string(),
  newCase: z.string(), relayed: z.string(), followGreeting: z.string(), groupDeclined: z.string(), referral: z.string(), ok: z.string(), fix: z.string(), unset: z.string(),
  yes: z.string(), no: z.string(),
});
export type Messages = z.infer<typeof messagesSchema>;

const templateSchema = z.object({
  title: z.string(), role: z.string(), duties: z.array(z.string()), persona: z.string(),
  referral: z.string().optional(),
});
export type SpecTemplate = z.infer<typeof templateSchema>;

const templatesSchema = z.object({
  defaultReferral: z.string(),
  expectations: z.object({ core_hire: z.string(), core_develop: z.string(), operational: z.string() }),
  titleSuffix: z.string(),
  skills: z.record(z.enum(SKILLS), templateSchema),
  generic: templateSchema,
});
export type SpecTemplates = z.infer<typeof templatesSchema>;

export interface IntakeContent {
  planVersion: string;
  nonePhrases: string[];
  newCasePhrases: string[];
  questions: Question[];
  messages: Messages;
  templates: SpecTemplates;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Reads and checks one data file; a mistake names the file and the path inside it. */
export function loadYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: cannot be read as YAML (${(err as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ContentError(`${file}: ${where}`);
  }
  return result.data;
}

const cache = new Map<string, IntakeContent>();

export function loadIntakeContent(dir = join(promptsDir(), 'intake')): IntakeContent {
  const hit = cache.get(dir);
  if (hit) return hit;
  const plan = loadYaml(join(dir, 'plan.yaml'), planSchema);
  const content: IntakeContent = {
    planVersion: plan.version,
    nonePhrases: plan.none,
    newCasePhrases: plan.newCase,
    questions: plan.questions,
    messages: loadYaml(join(dir, 'messages.yaml'), messagesSchema),
    templates: loadYaml(join(dir, 'spec-templates.yaml'), templatesSchema),
  };
  cache.set(dir, content);
  return content;
}

export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
