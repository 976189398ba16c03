import type { CaseStore, CaseSummaryRow } from '../conversation/ports.js';
import { formatValue } from '../format.js';
import { step1Summary, specCard } from '../intake/present.js';
import type { IntakeContent } from '../intake/content.js';
import { text, type Reply } from '../replies.js';
import { toCaseSheet } from '../sheet.js';
import { CASE_STATUS_LABELS, INDUSTRIES, INDUSTRY_LABELS } from '../vocab.js';
import { normalizeLoose } from '../intake/text.js';
import type { CaseQuery, MemberIdentityRef, MemberRecord, WorkflowStore } from '../workflow/ports.js';
import { listingScope, mayAccess } from './access.js';
import { shortlistText } from '../matching/present.js';
import { ShortlistError, type ShortlistService } from '../matching/shortlist.js';

// What an advisor or coordinator can ask of the case list from any channel: list the cases,
// open one, search. Approvals and hand-overs are actions of their own, not commands here.
// On a messenger the viewer is known and sees only their organisation's cases (and those it
// handed on); the hub sees all. The terminal (`bansou chat`) is an operator's and sees all.

const HELP = [
  '【使えるコマンド】',
  '・一覧：担当機関の最近の案件を表示します',
  '・表示 C-XXXXXXXX：案件の内容を表示します',
  '・検索 キーワード：会社名・地域・業種・求人タイトルで案件を探します',
  '・候補 C-XXXXXXXX：案件に合う候補者を上位5名まで提案します（氏名・連絡先は承認後）',
  '・ヘルプ：この説明を表示します',
].join('\n');

const LIST_WORDS = ['一覧', '案件一覧', 'list', 'ls', 'mine', '自分の案件'];
const SHOW = /^(?:(?:表示|案件|show)\s*)?(C-[0-9A-Z]{8})$/iu;
const SEARCH = /^(?:検索|search|find)(?:\s+(.*))?$/iu;
const CANDIDATES = /^(?:候補|候補者|candidates)\s*(C-[0-9A-Z]{8})$/iu;
const LIMIT = 20;
const SHORTLIST_SIZE = 5;

export const UNREGISTERED = 'bansou に登録されていないアカウントです。所属機関の管理者に登録を依頼してください。';

export interface CaseDeskDeps {
  store: CaseStore;
  workflowStore: WorkflowStore;
  content: IntakeContent;
  /** Candidate proposals; absent where matching is not offered. */
  shortlists?: ShortlistService;
}

/** Industry codes whose Japanese label contains the words (「製造」→ manufacturing). */
export function caseQuery(words: string): CaseQuery {
  const industries = INDUSTRIES.filter((code) => INDUSTRY_LABELS[code].includes(words) || code === words.toLowerCase());
  return { text: words, industries };
}

function caseLines(rows: CaseSummaryRow[]): string[] {
  return rows.map((r) => {
    const industry = r.industry ? formatValue('company.industry', r.industry) : null;
    const who = [r.companyName, industry, r.prefecture].filter(Boolean).join('・') || '（会社情報未確認）';
    return `${r.id}［${CASE_STATUS_LABELS[r.status]}］${who}`;
  });
}

export function createCaseDesk(deps: CaseDeskDeps) {
  const { store, workflowStore, content } = deps;

  async function list(member: MemberRecord | null): Promise<Reply[]> {
    const rows = await workflowStore.casesFor(member ? listingScope(member) : null, LIMIT);
    const whose = member && !member.hub ? `${member.organisationName}の` : '';
    if (!rows.length) return [text(`${whose}案件はまだありません。`)];
    return [text(`${whose}最近の案件（${rows.length}件）\n${caseLines(rows).join('\n')}`)];
  }

  async function search(member: MemberRecord | null, words: string): Promise<Reply[]> {
    if (!words) return [text('検索する言葉を続けて入力してください（例：検索 浜松）。')];
    const rows = await workflowStore.casesFor(member ? listingScope(member) : null, LIMIT, caseQuery(words));
    if (!rows.length) return [text(`「${words}」に当てはまる案件は見つかりませんでした。`)];
    return [text(`「${words}」の検索結果（${rows.length}件）\n${caseLines(rows).join('\n')}`)];
  }

  /** A case of another organisation reads as missing: its existence is not ours to tell. */
  async function hidden(member: MemberRecord | null, id: string): Promise<boolean> {
    if (!member) return false;
    const scope = await workflowStore.caseScope(id);
    return !scope || !mayAccess(member, scope);
  }

  /** Anonymised proposals: headline, fit and gaps; names and contacts only after approval. */
  async function candidates(member: MemberRecord | null, caseId: string): Promise<Reply[]> {
    const id = caseId.toUpperCase();
    if (!deps.shortlists) return [text('この窓口では候補者の提案を利用できません。')];
    if (await hidden(member, id)) return [text(`案件 ${id} は見つかりませんでした。`)];
    try {
      const result = await deps.shortlists.shortlistForCase(id, SHORTLIST_SIZE);
      return [text(shortlistText(`案件 ${result.caseId} の候補者`, result.proposals, result.poolSize))];
    } catch (err) {
      if (err instanceof ShortlistError) return [text(err.message)];
      throw err;
    }
  }

  async function show(member: MemberRecord | null, caseId: string): Promise<Reply[]> {
    const id = caseId.toUpperCase();
    const notFound = [text(`案件 ${id} は見つかりませんでした。`)];
    if (await hidden(member, id)) return notFound;
    const stored = await store.getCase(id);
    if (!stored) return notFound;
    const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
    const header = text(`案件 ${sheet.caseId}［${CASE_STATUS_LABELS[sheet.status]}］未確認の項目：${sheet.missing.length}件`);
    const summary = { ...step1Summary(content, stored.fields), kind: 'case_sheet' as const, actions: [] };
    const spec = sheet.step2.direction && sheet.step2.direction !== 'non_talent' ? [{ ...specCard(content, stored.fields), actions: [] }] : [];
    return [header, summary, ...spec];
  }

  return {
    /**
     * Answers one command. With `viewer` (a messenger identity) the answer is scoped to the
     * viewer's organisation, and an unregistered viewer is refused.
     */
    async respond(input: string, viewer?: MemberIdentityRef): Promise<Reply[]> {
      const member = viewer ? await workflowStore.findMember(viewer) : null;
      if (viewer && !member) return [text(UNREGISTERED)];
      const said = normalizeLoose(input).trim();
      if (LIST_WORDS.includes(said.toLowerCase())) return list(member);
      const shown = SHOW.exec(said);
      if (shown?.[1]) return show(member, shown[1]);
      const wanted = CANDIDATES.exec(said);
      if (wanted?.[1]) return candidates(member, wanted[1]);
      const searched = SEARCH.exec(said);
      if (searched) return search(member, (searched[1] ?? '').trim());
      return [text(HELP)];
    },
  };
}

export type CaseDesk = ReturnType<typeof createCaseDesk>;
