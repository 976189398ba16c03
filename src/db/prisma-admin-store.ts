import type { AdminStore, MemberRow, OrganisationRow } from '../core/admin/ports.js';
import { RegistrationError } from '../core/admin/registry.js';
import type { Prisma, PrismaClient } from './generated/client.js';
import { writeAudit } from './prisma-case-store.js';

type OrgWithCount = Prisma.OrganisationGetPayload<{ include: { _count: { select: { members: true } } } }>;
type MemberWithRefs = Prisma.MemberGetPayload<{ include: { organisation: true; identities: true } }>;

const toOrganisation = (r: OrgWithCount): OrganisationRow => ({
  id: r.id, name: r.name, kind: r.kind, slackChannelId: r.slackChannelId, isHub: r.isHub, isDefault: r.isDefault, members: r._count.members,
});

const toMember = (m: MemberWithRefs): MemberRow => ({
  id: m.id, displayName: m.displayName, role: m.role, organisationId: m.organisationId, organisationName: m.organisation.name,
  identities: m.identities.map((i) => ({ channel: i.channel, externalId: i.externalId })).sort((a, b) => a.channel.localeCompare(b.channel)),
});

const withCount = { _count: { select: { members: true } } } as const;
const memberRefs = { organisation: true, identities: true } as const;

/** P2002: a unique constraint, here a messenger account registered twice at the same moment. */
const isUniqueViolation = (err: unknown): boolean => (err as { code?: string }).code === 'P2002';

export function createPrismaAdminStore(prisma: PrismaClient): AdminStore {
  return {
    async listOrganisations() {
      const rows = await prisma.organisation.findMany({ include: withCount, orderBy: [{ createdAt: 'asc' }, { name: 'asc' }] });
      return rows.map(toOrganisation);
    },
    async findOrganisation(idOrName) {
      const row = await prisma.organisation.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] }, include: withCount });
      return row ? toOrganisation(row) : null;
    },
    async identityOwner(channel, externalId) {
      const row = await prisma.memberIdentity.findUnique({
        where: { channel_externalId: { channel, externalId } }, include: { member: { include: memberRefs } },
      });
      return row ? toMember(row.member) : null;
    },
    addOrganisation(org, audit) {
      return prisma.$transaction(async (tx) => {
        let previousDefault: string | null = null;
        if (org.isDefault) {
          const previous = await tx.organisation.findFirst({ where: { isDefault: true } });
          previousDefault = previous?.name ?? null;
          await tx.organisation.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
        }
        await tx.organisation.create({ data: org });
        await writeAudit(tx, audit);
        return { previousDefault };
      });
    },
    async addMember(member, audit) {
      try {
        await prisma.$transaction(async (tx) => {
          await tx.member.create({ data: { id: member.id, organisationId: member.organisationId, role: member.role, displayName: member.displayName } });
          if (member.identities.length) {
            await tx.memberIdentity.createMany({ data: member.identities.map((i) => ({ ...i, memberId: member.id })) });
          }
          await writeAudit(tx, audit);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new RegistrationError('このメッセンジャーのアカウントは、同時に別の方として登録されました。`bansou member list` で確認してください。');
        throw err;
      }
    },
    async listMembers() {
      const rows = await prisma.member.findMany({ include: memberRefs, orderBy: [{ organisation: { name: 'asc' } }, { displayName: 'asc' }] });
      return rows.map(toMember);
    },
  };
}
