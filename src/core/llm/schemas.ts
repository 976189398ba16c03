import { z } from 'zod';
import { DIRECTIONS, INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES } from '../vocab.js';

// The shapes a model must answer in, as zod schemas. They go to the model as strict JSON
// schemas (structured outputs) and check its answer. Codes come from the contract's
// vocabularies, so a value outside them fails here. Ranges and grounding are checked per
// field afterwards (grounding.ts), so that one odd value costs that field, not the answer.

/** A value the owner stated, with the owner's own words that state it. */
const fact = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    /** The owner's words, quoted exactly, that state the value. */
    evidence: z.string(),
    /** false when the model infers rather than reads it: such values are dropped. */
    sure: z.boolean(),
  }).nullable();

const quoted = z.object({ summary: z.string(), evidence: z.string(), sure: z.boolean() });

export const extractionSchema = z.object({
  company: z.object({
    name: fact(z.string()),
    industry: fact(z.enum(INDUSTRIES)),
    prefecture: fact(z.enum(PREFECTURES)),
    employees: fact(z.number()),
    description: fact(z.string()),
  }),
  vision: fact(z.string()),
  issues: z.array(quoted.extend({ category: z.enum(SKILLS).nullable() })),
  talentIssues: z.array(quoted),
  direction: fact(z.enum(DIRECTIONS)),
  spec: z.object({
    workStyles: fact(z.array(z.enum(WORK_STYLES))),
    daysPerWeek: fact(z.number()),
    /** Where the work is done, not where a candidate may live. */
    prefecture: fact(z.enum(PREFECTURES)),
    remoteOk: fact(z.boolean()),
    monthlyBudgetYen: fact(z.number()),
    durationMonths: fact(z.number()),
    duties: fact(z.array(z.string())),
    mustHave: fact(z.array(z.string())),
    niceToHave: fact(z.array(z.string())),
    skillCategories: fact(z.array(z.enum(SKILLS))),
    appeal: fact(z.string()),
  }),
});
export type LlmExtraction = z.infer<typeof extractionSchema>;

export const summarySchema = z.object({
  /** Two or three sentences for the owner, or null when too little is known. */
  summary: z.string().nullable(),
});
export type LlmSummary = z.infer<typeof summarySchema>;

export const specDraftSchema = z.object({
  persona: z.string().nullable(),
  expectations: z.string().nullable(),
  duties: z.array(z.string()),
  appeal: z.string().nullable(),
});
export type SpecDraft = z.infer<typeof specDraftSchema>;

export const TASK_SCHEMAS = {
  extract: extractionSchema,
  summarise: summarySchema,
  draft_spec: specDraftSchema,
} as const;
