import { z } from 'zod';
import { emptySpec, issueSchema, specSchema, type CaseFields } from '../case-sheet.js';
import { INDUSTRIES } from '../vocab.js';
import type { MatchInput } from './query.js';

// What a case asks for, from a stored case or from a spec file (`bansou match --spec`).
// A spec file is either a JobSpec (a case sheet's step2.spec) or a whole case sheet; fields
// left out are unknown, as on the sheet itself.

export function matchInputFromFields(caseId: string | null, fields: CaseFields): MatchInput {
  return {
    caseId,
    spec: fields.step2.spec,
    issues: fields.step1.issues,
    talentIssues: fields.step1.talentIssues,
    industry: fields.company.industry,
  };
}

const partialSpec = specSchema.extend({ location: specSchema.shape.location.partial() }).partial();

const sheetLike = z.object({
  caseId: z.string().optional(),
  company: z.object({ industry: z.enum(INDUSTRIES).nullable().optional() }).partial().optional(),
  step1: z.object({ issues: z.array(issueSchema).optional(), talentIssues: z.array(z.string()).optional() }).partial().optional(),
  step2: z.object({ spec: partialSpec }),
});

export class SpecFileError extends Error {
  override name = 'SpecFileError';
}

function fill(spec: z.infer<typeof partialSpec>) {
  const empty = emptySpec();
  return { ...empty, ...spec, location: { ...empty.location, ...spec.location } };
}

const describeIssues = (error: z.ZodError) =>
  error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(全体)'}: ${i.message}`).join('; ');

/** A parsed JSON value as a MatchInput, or a SpecFileError naming what is wrong. */
export function matchInputFromJson(value: unknown): MatchInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecFileError('JSON のオブジェクト（求人の spec か、案件シート全体）を指定してください');
  }
  if ('step2' in value) {
    const sheet = sheetLike.safeParse(value);
    if (!sheet.success) throw new SpecFileError(`案件シートとして読めません（${describeIssues(sheet.error)}）`);
    return {
      caseId: sheet.data.caseId ?? null,
      spec: fill(sheet.data.step2.spec),
      issues: sheet.data.step1?.issues ?? [],
      talentIssues: sheet.data.step1?.talentIssues ?? [],
      industry: sheet.data.company?.industry ?? null,
    };
  }
  const spec = partialSpec.safeParse(value);
  if (!spec.success) throw new SpecFileError(`求人の spec として読めません（${describeIssues(spec.error)}）`);
  return { caseId: null, spec: fill(spec.data), issues: [], talentIssues: [], industry: null };
}
