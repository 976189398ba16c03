import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../src/db/generated/client.js';
import type { AccountRecord, AccountStore, SessionRecord, SessionStore, Viewer } from '../ports.js';

// Accounts and sessions of the web console in PostgreSQL (web_account, web_session).

const toAccount = (r: AccountRecord): AccountRecord => ({
  id: r.id, email: r.email, passwordHash: r.passwordHash, memberId: r.memberId, failedAttempts: r.failedAttempts, lockedUntil: r.lockedUntil,
});

export function createPrismaAccountStore(prisma: PrismaClient): AccountStore {
  return {
    async findByEmail(email) {
      const row = await prisma.webAccount.findUnique({ where: { email } });
      return row ? toAccount(row) : null;
    },
    async create(input) {
      return toAccount(await prisma.webAccount.create({ data: { id: randomUUID(), ...input } }));
    },
    async upsert(input) {
      await prisma.webAccount.upsert({
        where: { email: input.email },
        create: { id: randomUUID(), ...input },
        update: { passwordHash: input.passwordHash, memberId: input.memberId, failedAttempts: 0, lockedUntil: null },
      });
    },
    async recordFailure(id) {
      const row = await prisma.webAccount.update({ where: { id }, data: { failedAttempts: { increment: 1 } }, select: { failedAttempts: true } });
      return row.failedAttempts;
    },
    async lockUntil(id, until) {
      await prisma.webAccount.update({ where: { id }, data: { lockedUntil: until } });
    },
    async recordSuccess(id, at, rehashed) {
      await prisma.webAccount.update({
        where: { id },
        data: { failedAttempts: 0, lockedUntil: null, lastSignInAt: at, ...(rehashed ? { passwordHash: rehashed } : {}) },
      });
    },
    async viewer(accountId): Promise<Viewer | null> {
      const row = await prisma.webAccount.findUnique({ where: { id: accountId }, include: { member: { include: { organisation: true } } } });
      if (!row) return null;
      const m = row.member;
      return {
        accountId: row.id, email: row.email, memberId: m.id, displayName: m.displayName, role: m.role,
        organisationId: m.organisationId, organisationName: m.organisation.name, isHub: m.organisation.isHub, networkId: m.organisation.networkId,
      };
    },
    async memberExists(memberId) {
      return (await prisma.member.count({ where: { id: memberId } })) > 0;
    },
  };
}

const toSession = (r: SessionRecord): SessionRecord => ({
  id: r.id, subject: r.subject, csrfToken: r.csrfToken, accountId: r.accountId, signedInAt: r.signedInAt, lastSeenAt: r.lastSeenAt, expiresAt: r.expiresAt,
});

export function createPrismaSessionStore(prisma: PrismaClient): SessionStore {
  return {
    async create(session, tokenHash) {
      await prisma.webSession.create({ data: { ...session, tokenHash } });
    },
    async findByTokenHash(tokenHash) {
      const row = await prisma.webSession.findUnique({ where: { tokenHash } });
      return row ? toSession(row) : null;
    },
    async update(id, patch) {
      await prisma.webSession.update({ where: { id }, data: patch });
    },
    async purgeExpired(now) {
      return (await prisma.webSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    },
  };
}
