import type { NoticeTargets } from '../core/notify/notices.js';
import type { Address } from '../core/outbox/types.js';
import { toCaseSheet } from '../core/sheet.js';
import type { Prisma } from './generated/client.js';
import { CASE_INCLUDE, toStoredCase } from './prisma-case-store.js';

type Tx = Prisma.TransactionClient;

/** The owner's messenger address, for channels that can reach an owner unprompted. */
function ownerAddress(channel: string, externalId: string): Address | null {
  if (channel === 'web') return { kind: 'web_session', sessionId: externalId };
  return channel === 'line' ? { kind: 'line_user', userId: externalId } : null;
}

/** Everyone a case notice may reach, read inside the notice's transaction. */
export async function loadNoticeTargets(tx: Tx, caseId: string, enabled: ReadonlySet<string>): Promise<NoticeTargets> {
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, include: { ...CASE_INCLUDE, owner: true, organisation: true } });
  const stored = toStoredCase(row);
  const [assignee, coordinators, comments] = await Promise.all([
    row.assigneeId ? tx.member.findUnique({ where: { id: row.assigneeId } }) : null,
    tx.member.findMany({ where: { role: 'coordinator', organisation: { isHub: true } }, select: { id: true }, orderBy: { id: 'asc' } }),
    tx.caseComment.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' }, take: 20 }),
  ]);
  const address = row.owner.active ? ownerAddress(row.owner.channel, row.owner.externalId) : null;
  return {
    sheet: toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled),
    fields: stored.fields,
    organisation: row.organisation?.name ?? null,
    assignee: assignee?.displayName ?? null,
    slackChannelId: row.organisation?.slackChannelId ?? null,
    owner: address ? { channel: row.owner.channel, address } : null,
    coordinatorIds: coordinators.map((c) => c.id),
    comments: comments.map((c) => c.text),
    enabled,
  };
}
