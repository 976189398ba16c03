import type { CaseFields } from '../case-sheet.js';
import { formatValue, issueLines } from '../format.js';
import type { CardReply, Reply } from '../replies.js';
import type { IntakeContent, Question } from './content.js';
import { getField, type FieldPath } from './fields.js';

// Builds the cards the owner confirms: the STEP 1 summary and the drafted job spec.

function line(content: IntakeContent, question: Question | undefined, path: FieldPath, fields: CaseFields): string {
  const label = question?.label ?? path;
  return `${label}：${formatValue(path, getField(fields, path)) ?? content.messages.unset}`;
}

function questionFor(content: IntakeContent, path: FieldPath): Question | undefined {
  return content.questions.find((q) => q.field === path);
}

const COMPANY_LINES: FieldPath[] = [
  'company.name', 'company.description', 'company.industry', 'company.prefecture', 'company.employees',
];

const SPEC_LINES: FieldPath[] = [
  'step2.spec.title', 'step2.spec.role', 'step2.spec.expectations', 'step2.spec.persona',
  'step2.spec.skillCategories', 'step2.spec.workStyles', 'step2.spec.daysPerWeek',
  'step2.spec.location.prefecture', 'step2.spec.location.remoteOk', 'step2.spec.monthlyBudgetYen',
  'step2.spec.durationMonths', 'step2.spec.appeal',
];

const confirmActions = (content: IntakeContent) => [
  { label: content.messages.ok, value: content.messages.ok },
  { label: content.messages.fix, value: content.messages.fix },
];

/** `summary`: an optional line written by a language model (checked before it gets here). */
export function step1Summary(content: IntakeContent, fields: CaseFields, summary?: string): CardReply {
  const lines = (paths: FieldPath[]) => paths.map((p) => line(content, questionFor(content, p), p, fields));
  const unset = [content.messages.unset];
  return {
    type: 'card',
    kind: 'step1_summary',
    title: content.messages.step1SummaryTitle,
    sections: [
      ...(summary ? [{ heading: content.messages.step1Hypothesis, lines: [summary] }] : []),
      { heading: '会社', lines: lines(COMPANY_LINES) },
      { heading: '将来の姿', lines: fields.step1.vision ? [fields.step1.vision] : unset },
      { heading: '経営課題（優先順）', lines: fields.step1.issues.length ? issueLines(fields) : unset },
      { heading: '人材面の課題', lines: fields.step1.talentIssues.length ? fields.step1.talentIssues : unset },
    ],
    actions: confirmActions(content),
  };
}

const listOrUnset = (content: IntakeContent, items: string[]) =>
  items.length ? items.map((d) => `・${d}`) : [content.messages.unset];

export function specCard(content: IntakeContent, fields: CaseFields): CardReply {
  const spec = fields.step2.spec;
  return {
    type: 'card',
    kind: 'spec_draft',
    title: content.messages.specTitle,
    sections: [
      { heading: '解決の方向性', lines: [formatValue('step2.direction', fields.step2.direction) ?? content.messages.unset] },
      { heading: '募集の概要', lines: SPEC_LINES.map((p) => line(content, questionFor(content, p), p, fields)) },
      { heading: '主な業務', lines: listOrUnset(content, spec.duties) },
      { heading: '必須条件', lines: listOrUnset(content, spec.mustHave) },
      { heading: '歓迎条件', lines: listOrUnset(content, spec.niceToHave) },
    ],
    actions: confirmActions(content),
  };
}

export function questionReply(question: Question): Reply {
  const ask = question.ask ?? question.label;
  if (!question.choices?.length) return { type: 'text', text: ask };
  return { type: 'choices', text: ask, choices: question.choices.map((c) => ({ label: c.label, value: c.label })) };
}
