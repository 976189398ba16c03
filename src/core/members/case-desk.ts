import type { CaseStore } from '../conversation/ports.js';
import { formatValue } from '../format.js';
import { step1Summary, specCard } from '../intake/present.js';
import type { IntakeContent } from '../intake/content.js';
import { text, type Reply } from '../replies.js';
import { toCaseSheet } from '../sheet.js';
import { CASE_STATUS_LABELS } from '../vocab.js';
import { normalizeLoose } from '../intake/text.js';
import { shortlistText } from '../matching/present.js';
import { ShortlistError, type ShortlistService } from '../matching/shortlist.js';

// What an advisor or coordinator can ask of the case list from any channel: list the cases,
// open one, see who might fit it. Approvals and hand-overs are actions of their own, not
// commands here.

const HELP = [
  '【使えるコマンド】',
  '・一覧：最近の案件を表示します',
  '・表示 C-XXXXXXXX：案件の内容を表示します',
  '・候補 C-XXXXXXXX：案件に合う候補者を上位5名まで提案します（氏名・連絡先は承認後）',
  '・ヘルプ：この説明を表示します',
].join('\n');

const LIST_WORDS = ['一覧', '案件一覧', 'list', 'ls'];
const SHOW = /^(表示|案件|show)\s*(C-[0-9A-Z]{8})$/iu;
const CANDIDATES = /^(候補|候補者|candidates)\s*(C-[0-9A-Z]{8})$/iu;
const SHORTLIST_SIZE = 5;

export function createCaseDesk(store: CaseStore, content: IntakeContent, shortlists?: ShortlistService) {
  async function list(): Promise<Reply[]> {
    const rows = await store.listCases(20);
    if (!rows.length) return [text('まだ案件はありません。')];
    const lines = rows.map((r) => {
      const industry = r.industry ? formatValue('company.industry', r.industry) : null;
      const who = [r.companyName, industry, r.prefecture].filter(Boolean).join('・') || '（会社情報未確認）';
      return `${r.id}［${CASE_STATUS_LABELS[r.status]}］${who}`;
    });
    return [text(`最近の案件（${rows.length}件）\n${lines.join('\n')}`)];
  }

  async function show(caseId: string): Promise<Reply[]> {
    const stored = await store.getCase(caseId.toUpperCase());
    if (!stored) return [text(`案件 ${caseId} は見つかりませんでした。`)];
    const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
    const header = text(`案件 ${sheet.caseId}［${CASE_STATUS_LABELS[sheet.status]}］未確認の項目：${sheet.missing.length}件`);
    const summary = { ...step1Summary(content, stored.fields), kind: 'case_sheet' as const, actions: [] };
    const spec = sheet.step2.direction && sheet.step2.direction !== 'non_talent' ? [{ ...specCard(content, stored.fields), actions: [] }] : [];
    return [header, summary, ...spec];
  }

  async function candidates(caseId: string): Promise<Reply[]> {
    if (!shortlists) return [text('この窓口では候補者の提案を利用できません。')];
    try {
      const result = await shortlists.shortlistForCase(caseId.toUpperCase(), SHORTLIST_SIZE);
      return [text(shortlistText(`案件 ${result.caseId} の候補者`, result.proposals, result.poolSize))];
    } catch (err) {
      if (err instanceof ShortlistError) return [text(err.message)];
      throw err;
    }
  }

  return {
    async respond(input: string): Promise<Reply[]> {
      const said = normalizeLoose(input);
      if (LIST_WORDS.includes(said.toLowerCase())) return list();
      const match = SHOW.exec(said);
      if (match?.[2]) return show(match[2]);
      const wanted = CANDIDATES.exec(said);
      if (wanted?.[2]) return candidates(wanted[2]);
      return [text(HELP)];
    },
  };
}

export type CaseDesk = ReturnType<typeof createCaseDesk>;
