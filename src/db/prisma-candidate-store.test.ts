import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCase } from '../../test/support/cases.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';
import type { CandidateRecord } from '../core/matching/candidate.js';
import { generateCandidates } from '../core/matching/generate.js';
import type { CandidateStore } from '../core/matching/ports.js';
import { createPrismaCandidateStore } from './prisma-candidate-store.js';
import { createPrismaCaseStore } from './prisma-case-store.js';

// Candidates, commitments and shortlists on a real database (PGlite, or PostgreSQL with
// BANSOU_TEST_DB=postgres).

let db: TestDatabase;
let store: CandidateStore;
beforeAll(async () => {
  db = await createTestDatabase();
  store = createPrismaCandidateStore(db.prisma);
});
afterAll(async () => db?.close());

const records = (count: number, seed: string): CandidateRecord[] => [...generateCandidates(count, seed)];

describe('candidate import', () => {
  it('inserts new people, keeping personal data apart from what matching reads', async () => {
    const batch = records(1200, 'store-a');
    const progress: number[] = [];
    expect(await store.upsertMany(batch, (p) => progress.push(p.done))).toEqual({ created: 1200, updated: 0 });
    expect(progress).toEqual([1000, 1200]);
    const pool = await store.loadPool();
    expect(pool).toHaveLength(1200);
    const first = batch[0] as CandidateRecord;
    expect(pool.find((c) => c.id === first.profile.id)).toEqual({ ...first.profile, status: 'available' });
    expect(pool.every((c) => !('name' in c) && !('email' in c) && !('age' in c))).toBe(true);
    const contacts = await store.contactsFor([first.profile.id]);
    expect(contacts.get(first.profile.id)).toEqual({ name: first.personal.name, email: first.personal.email });
    const personal = await db.prisma.candidatePersonal.findUniqueOrThrow({ where: { candidateId: first.profile.id } });
    expect(personal.age).toBe(first.personal.age);
  });

  it('updates known ids on re-import, keeping each person’s status', async () => {
    const batch = records(1200, 'store-a');
    const id = batch[0]?.profile.id as string;
    await store.setStatus(id, 'paused');
    const before = await store.poolVersion();
    const changed = batch.slice(0, 10).map((r) => ({ ...r, profile: { ...r.profile, daysPerWeek: 0.5, headline: '更新後の見出し' } }));
    const fresh = records(5, 'store-b');
    expect(await store.upsertMany([...changed, ...fresh])).toEqual({ created: 5, updated: 10 });
    const pool = await store.loadPool();
    expect(pool).toHaveLength(1205);
    expect(pool.find((c) => c.id === id)).toMatchObject({ daysPerWeek: 0.5, headline: '更新後の見出し', status: 'paused' });
    expect(await store.poolVersion()).not.toBe(before);
  });

  it('writes nothing when any batch fails, even after earlier batches went in', async () => {
    const before = await store.count();
    const batch = records(1500, 'store-c');
    // A kind the enum refuses, in the second batch: the first batch must be rolled back too.
    (batch[1200] as CandidateRecord).profile.kind = 'astronaut' as never;
    await expect(store.upsertMany(batch)).rejects.toThrow();
    expect(await store.count()).toBe(before);
    expect(await db.prisma.candidatePersonal.count({ where: { candidateId: batch[0]?.profile.id } })).toBe(0);
  });
});

describe('matching context', () => {
  let cases: { mine: string; other: string; closed: string };
  let ids: string[];
  beforeAll(async () => {
    const caseStore = createPrismaCaseStore(db.prisma);
    cases = { mine: await storeCase(caseStore, 'ctx-1'), other: await storeCase(caseStore, 'ctx-2'), closed: await storeCase(caseStore, 'ctx-3') };
    await db.prisma.case.update({ where: { id: cases.closed }, data: { status: 'closed' } });
    ids = (await store.loadPool()).slice(0, 4).map((c) => c.id);
  });

  it('sums active commitments elsewhere, but not those to this case or ended ones', async () => {
    const [a, b] = ids as [string, string];
    await store.addCommitment({ candidateId: a, caseId: null, daysPerWeek: 0.3, kind: 'engagement' });
    await store.addCommitment({ candidateId: a, caseId: cases.other, daysPerWeek: 0.2, kind: 'pending_introduction' });
    await store.addCommitment({ candidateId: a, caseId: cases.mine, daysPerWeek: 1, kind: 'pending_introduction' });
    const ended = await store.addCommitment({ candidateId: b, caseId: null, daysPerWeek: 2, kind: 'engagement' });
    await store.endCommitment(ended);
    const ctx = await store.context(cases.mine);
    expect(ctx.committedDays.get(a)).toBeCloseTo(0.5, 9);
    expect(ctx.committedDays.has(b)).toBe(false);
    expect((await store.context(null)).committedDays.get(a)).toBeCloseTo(1.5, 9);
  });

  it('counts proposals on other open cases as exposure, and excludes people declined for this case', async () => {
    const [a, b, c] = ids as [string, string, string];
    const entry = (candidateId: string, rank: number) => ({ candidateId, rank, score: 0.5, reasons: ['理由'], gaps: [] });
    await store.saveShortlist(cases.other, [entry(a, 1), entry(b, 2)]);
    await store.saveShortlist(cases.closed, [entry(a, 1)]);
    await store.saveShortlist(cases.mine, [entry(a, 1), entry(c, 2)]);
    await store.setShortlistState(cases.mine, c, 'declined');
    const ctx = await store.context(cases.mine);
    expect(ctx.exposure.get(a)).toBe(1); // the closed case does not count, nor this one
    expect(ctx.exposure.get(b)).toBe(1);
    expect(ctx.exposure.has(c)).toBe(false);
    expect([...ctx.exclude]).toEqual([c]);
    expect((await store.context(cases.other)).exposure.get(a)).toBe(1);
  });

  it('replaces open proposals on a new shortlist and keeps decisions already taken', async () => {
    const [a, b, c, d] = ids as [string, string, string, string];
    await store.saveShortlist(cases.mine, [
      { candidateId: d, rank: 1, score: 0.9, reasons: ['新しい理由'], gaps: ['ギャップ'] },
      { candidateId: b, rank: 2, score: 0.8, reasons: [], gaps: [] },
    ]);
    const saved = await store.loadShortlist(cases.mine);
    expect(saved.map((e) => [e.candidateId, e.state])).toEqual([[d, 'proposed'], [b, 'proposed'], [c, 'declined']]);
    expect(saved[0]).toMatchObject({ score: 0.9, reasons: ['新しい理由'], gaps: ['ギャップ'] });
    expect(saved.some((e) => e.candidateId === a)).toBe(false);
  });
});
