import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/support/db.js';
import { describeTarget, openDatabase } from './connect.js';
import { DatabaseUnavailableError } from './errors.js';
import { Prisma } from './generated/client.js';

const log = pino({ level: 'silent' });

describe('openDatabase with an unreachable server', () => {
  it('fails fast with a one-line DatabaseUnavailableError naming host and port', async () => {
    const t0 = performance.now();
    const err = await openDatabase({ url: 'postgresql://bansou:secret@127.0.0.1:1/bansou', log }).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    const message = (err as Error).message;
    expect(message).toMatch(/^PostgreSQL \(127\.0\.0\.1:1\/bansou\) に接続できません: .*ECONNREFUSED/);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('secret');
    expect((err as DatabaseUnavailableError).target).toBe('127.0.0.1:1/bansou');
  });

  it('describes targets without credentials', () => {
    expect(describeTarget('postgresql://u:p@db.example:6543/app?sslmode=require')).toBe('db.example:6543/app');
    expect(describeTarget('postgres://localhost')).toBe('localhost:5432');
  });
});

describe(`Prisma through the adapter (${testDatabaseKind()})`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    const t0 = performance.now();
    db = await createTestDatabase();
    console.info(`[timing] createTestDatabase (${db.kind}, start + migrate): ${Math.round(performance.now() - t0)} ms`);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('creates and reads back an organisation, company, owner, case and job spec draft', async () => {
    const { prisma } = db;
    await prisma.organisation.create({ data: { id: 'org-1', name: '伴走商工会', kind: 'chamber' } });
    await prisma.company.create({
      data: { id: 'co-1', name: '株式会社みなと製作所', industry: '製造業', prefecture: '静岡県', employees: 42 },
    });
    await prisma.owner.create({
      data: { id: 'ow-1', channel: 'line', externalId: 'U123', displayName: '港 太郎', companyId: 'co-1' },
    });
    const dialogue = { phase: 'step1', asked: 'vision', unknown: ['employees'], deferred: [], note: '「後継者」' };
    await prisma.case.create({
      data: { id: 'case-1', ownerId: 'ow-1', companyId: 'co-1', organisationId: 'org-1', dialogue },
    });
    const spec = { title: '製造現場のリーダー候補', mustHave: ['品質管理'], salary: { min: 450, max: 600 } };
    await prisma.jobSpecDraft.create({ data: { id: 'js-1', caseId: 'case-1', version: 1, spec, source: 'engine' } });

    const found = await prisma.case.findUniqueOrThrow({
      where: { id: 'case-1' },
      include: { owner: true, company: true, organisation: true, specDrafts: true },
    });
    expect(found.status).toBe('intake'); // enum default
    expect(found.dialogue).toEqual(dialogue);
    expect(found.owner.displayName).toBe('港 太郎');
    expect(found.company.employees).toBe(42);
    expect(found.organisation?.name).toBe('伴走商工会');
    expect(found.specDrafts[0]?.spec).toEqual(spec);
    expect(found.createdAt).toBeInstanceOf(Date);

    const moved = await prisma.case.update({ where: { id: 'case-1' }, data: { status: 'in_review' } });
    expect(moved.status).toBe('in_review');
    expect(await prisma.case.count({ where: { status: { in: ['in_review', 'approved'] } } })).toBe(1);
  });

  it('runs interactive transactions and rolls them back on error', async () => {
    const { prisma } = db;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organisation.create({ data: { id: 'org-tx', name: 'rolled back', kind: 'bank' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await prisma.organisation.findUnique({ where: { id: 'org-tx' } })).toBeNull();
  });

  it('reports a duplicate (channel, eventId) in MessageLog as P2002', async () => {
    const { prisma } = db;
    const message = { channel: 'line', eventId: 'evt-1', direction: 'inbound' as const, kind: 'text', text: 'こんにちは' };
    await prisma.messageLog.create({ data: { id: 'm-1', ...message } });
    const err = await prisma.messageLog.create({ data: { id: 'm-2', ...message } }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    const known = err as Prisma.PrismaClientKnownRequestError;
    expect(known.code).toBe('P2002');
    // With the pg driver adapter the fields are under meta.driverAdapterError, not meta.target.
    expect(known.meta).toMatchObject({
      modelName: 'MessageLog',
      driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', constraint: { fields: ['channel', 'event_id'] } } },
    });
    // The first row is untouched; the pool is still usable after the error.
    expect(await prisma.messageLog.count({ where: { channel: 'line', eventId: 'evt-1' } })).toBe(1);
  });
});
