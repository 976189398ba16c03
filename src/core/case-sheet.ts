import { z } from 'zod';
import { CASE_STATUSES, DIRECTIONS, INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES } from './vocab.js';

// The case sheet is the public JSON contract (../shared/contracts.md). Unknown = null or [].
export const issueSchema = z.object({
  summary: z.string(),
  category: z.enum(SKILLS).nullable(),
  priority: z.number().int().min(1),
});
export type BusinessIssue = z.infer<typeof issueSchema>;

export const specSchema = z.object({
  title: z.string().nullable(),
  role: z.string().nullable(),
  duties: z.array(z.string()),
  persona: z.string().nullable(),
  expectations: z.string().nullable(),
  mustHave: z.array(z.string()),
  niceToHave: z.array(z.string()),
  skillCategories: z.array(z.enum(SKILLS)),
  workStyles: z.array(z.enum(WORK_STYLES)),
  daysPerWeek: z.number().nullable(),
  location: z.object({
    prefecture: z.enum(PREFECTURES).nullable(),
    remoteOk: z.boolean().nullable(),
  }),
  monthlyBudgetYen: z.number().nullable(),
  durationMonths: z.number().nullable(),
  appeal: z.string().nullable(),
});
export type JobSpec = z.infer<typeof specSchema>;

export const caseSheetSchema = z.object({
  caseId: z.string(),
  status: z.enum(CASE_STATUSES),
  company: z.object({
    name: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
    prefecture: z.enum(PREFECTURES).nullable(),
    employees: z.number().nullable(),
    description: z.string().nullable(),
  }),
  step1: z.object({
    vision: z.string().nullable(),
    issues: z.array(issueSchema),
    talentIssues: z.array(z.string()),
  }),
  step2: z.object({
    direction: z.enum(DIRECTIONS).nullable(),
    spec: specSchema,
  }),
  missing: z.array(z.string()),
});
export type CaseSheet = z.infer<typeof caseSheetSchema>;
export type CaseFields = Omit<CaseSheet, 'caseId' | 'status' | 'missing'>;

export function emptySpec(): JobSpec {
  return {
    title: null, role: null, duties: [], persona: null, expectations: null, mustHave: [],
    niceToHave: [], skillCategories: [], workStyles: [], daysPerWeek: null,
    location: { prefecture: null, remoteOk: null }, monthlyBudgetYen: null, durationMonths: null,
    appeal: null,
  };
}

export function emptyFields(): CaseFields {
  return {
    company: { name: null, industry: null, prefecture: null, employees: null, description: null },
    step1: { vision: null, issues: [], talentIssues: [] },
    step2: { direction: null, spec: emptySpec() },
  };
}
