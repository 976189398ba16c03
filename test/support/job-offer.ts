import { emptyFields, type CaseSheet, type JobSpec } from '../../src/core/case-sheet.js';

/** An approved case sheet as the intake leaves it, for the 求人票's tests; `spec` overrides. */
export function approvedSheet(spec: Partial<JobSpec> = {}): CaseSheet {
  const f = emptyFields();
  return {
    caseId: 'C-PDF00001',
    status: 'approved',
    company: { name: '株式会社川口メッキ', industry: 'manufacturing', prefecture: '埼玉県', employees: 28, description: '電子部品のめっき加工' },
    step1: {
      vision: '10年後も取引先に選ばれる会社でいたい',
      issues: [
        { summary: '社内に品質管理をわかる人がいない', category: 'quality', priority: 2 },
        { summary: '取引先からISO9001の取得を求められている', category: 'quality', priority: 1 },
      ],
      talentIssues: ['品質保証の経験者がいない'],
    },
    step2: {
      direction: 'core_hire',
      spec: {
        ...f.step2.spec,
        title: 'ISO9001認証取得を導く品質保証の専門人材（副業・週1日）',
        role: '品質保証体制づくりの責任者',
        duties: ['ISO9001の認証取得に向けた計画づくり', '品質マニュアルの整備', '社員への品質教育'],
        expectations: '1年以内にISO9001の認証を取得する',
        mustHave: ['大手メーカーでの品質保証の経験'],
        niceToHave: [],
        persona: '現場の声を聞きながら進められる方',
        skillCategories: ['quality'], workStyles: ['side_job'], daysPerWeek: 1,
        location: { prefecture: '埼玉県', remoteOk: true }, monthlyBudgetYen: 150000, durationMonths: 12,
        appeal: '地域で50年の実績があります',
        ...spec,
      },
    },
    missing: [],
  };
}
