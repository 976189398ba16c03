import type { FollowUpRecord, FollowUpState, Signal } from '../follow-up/ports.js';
import { CANDIDATE_KIND_LABELS } from '../matching/candidate.js';
import type { AnonymousProfile, StoredShortlistEntry } from '../matching/ports.js';
import { introduced, letterOf } from '../workflow/introductions.js';

// STEP 3 in the Markdown case sheet (the hand-off packet): whom the coordinator introduced, as
// the owner saw them (no name, age or contact), and how the check-ins after the hire went.

const FOLLOW_UP_STATES: Record<FollowUpState, string> = {
  scheduled: '予定', asked: '回答待ち', answered: '回答済み', unanswered: '回答なし', skipped: '中止（案件終了）',
};
const SIGNALS: Record<Signal, string> = { ok: '順調', trouble: '要対応', new_need: '新しい課題あり' };
const JST_MS = 9 * 3_600_000;
const day = (d: Date): string => new Date(d.getTime() + JST_MS).toISOString().slice(0, 10);
const cell = (s: string): string => s.replace(/\|/g, '｜').replace(/\n/g, ' ');

export function step3Markdown(entries: readonly StoredShortlistEntry[], profiles: ReadonlyMap<string, AnonymousProfile>, followUps: readonly FollowUpRecord[]): string {
  const people = introduced(entries);
  if (!people.length && !followUps.length) return '';
  const lines = ['', '## STEP 3：紹介とフォローアップ'];
  if (people.length) {
    lines.push('', '### 紹介した候補者（氏名・連絡先は記載しません）', '| 候補 | 見出し | 区分 | 経営者の回答 |', '|---|---|---|---|');
    for (const e of people) {
      const p = profiles.get(e.candidateId);
      const kind = p ? CANDIDATE_KIND_LABELS[p.kind] : '—';
      lines.push(`| 候補${letterOf(entries, e.candidateId)} | ${cell(p?.headline ?? '—')} | ${kind} | ${e.state === 'declined' ? '見送り' : '検討中・面談'} |`);
    }
  }
  if (followUps.length) {
    lines.push('', '### 採用後のフォローアップ', '| 時期 | 予定日 | 状況 | 結果 | 新しい課題 |', '|---|---|---|---|---|');
    for (const f of followUps) {
      lines.push(`| ${f.day}日目 | ${day(f.dueAt)} | ${FOLLOW_UP_STATES[f.state]} | ${f.signal ? SIGNALS[f.signal] : '—'} | ${cell(f.newIssue ?? '—')} |`);
    }
  }
  return lines.join('\n') + '\n';
}
