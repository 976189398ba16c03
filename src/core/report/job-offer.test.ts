import { describe, expect, it } from 'vitest';
import { approvedSheet } from '../../../test/support/job-offer.js';
import { jobOfferMarkdown } from './handoff.js';
import { buildJobOffer } from './job-offer.js';

describe('the 求人票', () => {
  it('is one model with the sections an agency reads, in order', () => {
    const offer = buildJobOffer(approvedSheet(), '川口商工会');
    expect(offer.heading).toBe('求人票　ISO9001認証取得を導く品質保証の専門人材（副業・週1日）');
    expect(offer.reference).toBe('案件番号：C-PDF00001　／　取扱機関：川口商工会');
    expect(offer.sections.map((s) => s.heading)).toEqual(['募集企業', '募集の背景', '仕事の内容', '応募条件', '働き方と報酬', 'この会社で働く魅力']);
    // The highest priority issue comes first, whatever order the sheet had.
    expect(offer.sections[1]?.blocks[1]).toEqual({ kind: 'list', items: ['取引先からISO9001の取得を求められている', '社内に品質管理をわかる人がいない'] });
  });

  it('says 応相談 for what the spec leaves open, and 未定 for a case no organisation holds', () => {
    const offer = buildJobOffer(approvedSheet({ title: null, duties: [], monthlyBudgetYen: null }), null);
    const md = jobOfferMarkdown(offer);
    expect(md).toMatch(/^# 求人票　（タイトル未設定）\n/u);
    expect(md).toContain('取扱機関：（未定）');
    expect(md).toContain('**役割：** 品質保証体制づくりの責任者\n\n- 応相談\n\n**期待する成果：**');
    expect(md).toContain('| 報酬（月額） | 応相談 |');
    expect(md).toContain('**歓迎**\n- 応相談');
  });

  it('renders as Markdown tables and lists', () => {
    const md = jobOfferMarkdown(buildJobOffer(approvedSheet({ appeal: 'A|B' }), '川口商工会'));
    expect(md).toContain('## 募集企業\n| 項目 | 内容 |\n|---|---|\n| 会社名 | 株式会社川口メッキ |\n| 業種 | 製造業 |');
    expect(md).toContain('| 報酬（月額） | 月15万円まで |');
    expect(md).toContain('| 期間 | 1年 |');
    expect(md).toContain('## 仕事の内容\n**役割：** 品質保証体制づくりの責任者\n\n- ISO9001の認証取得に向けた計画づくり\n- 品質マニュアルの整備');
    expect(md).toContain('## この会社で働く魅力\nA|B\n');
    expect(md).not.toContain('品質保証の経験者がいない');
  });
});
