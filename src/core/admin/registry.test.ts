import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { createPrismaAdminStore } from '../../db/prisma-admin-store.js';
import { createRegistry, RegistrationError } from './registry.js';

// Registering the network on a real database: validation in words an operator can act on,
// one default organisation at a time, no messenger account registered twice, every step audited.

let db: TestDatabase;
let registry: ReturnType<typeof createRegistry>;
beforeAll(async () => {
  db = await createTestDatabase();
  registry = createRegistry(createPrismaAdminStore(db.prisma), { id: 'cli:test', channel: 'cli' });
});
afterAll(async () => db?.close());

const refusal = async (work: Promise<unknown>): Promise<string> => {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RegistrationError);
  return (err as Error).message;
};

describe('registry', () => {
  it('registers organisations, moving the default to the newest, and audits each', async () => {
    const first = await registry.addOrganisation({ name: '浜松商工会議所', kind: 'cci', slackChannel: 'c0hamamatsu', isDefault: true });
    expect(first.organisation).toMatchObject({ slackChannelId: 'C0HAMAMATSU', isDefault: true, isHub: false });
    const second = await registry.addOrganisation({ name: '磐田信用金庫', kind: 'bank', isDefault: true });
    expect(second.notes.join()).toContain('「浜松商工会議所」から「磐田信用金庫」');
    const orgs = await registry.listOrganisations();
    expect(orgs.filter((o) => o.isDefault).map((o) => o.name)).toEqual(['磐田信用金庫']);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: 'organisation_registered' } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorType: 'system', actorId: 'cli:test', channel: 'cli' });
  });

  it.each([
    [{ kind: 'cci' }, '--name'],
    [{ name: '新しい機関', kind: 'bank-ish' }, '使えません'],
    [{ name: '浜松商工会議所', kind: 'cci' }, 'すでに登録'],
    [{ name: '別の機関', kind: 'cci', slackChannel: '#general' }, '形式が正しくありません'],
    [{ name: '別の機関', kind: 'cci', slackChannel: 'C0HAMAMATSU' }, '浜松商工会議所」の案件チャンネル'],
  ])('refuses organisation %j', async (input, words) => {
    expect(await refusal(registry.addOrganisation(input))).toContain(words);
  });

  it('registers members with their messenger accounts, and refuses a second holder', async () => {
    const { member } = await registry.addMember({ org: '浜松商工会議所', role: 'advisor', name: '山田太郎', slack: 'u0yamada01' });
    expect(member.identities).toEqual([{ channel: 'slack', externalId: 'U0YAMADA01' }]);
    const message = await refusal(registry.addMember({ org: '磐田信用金庫', role: 'advisor', name: '別人', slack: 'U0YAMADA01' }));
    expect(message).toContain('山田太郎 さん（浜松商工会議所）');
    const members = await registry.listMembers();
    expect(members).toEqual([expect.objectContaining({ displayName: '山田太郎', organisationName: '浜松商工会議所' })]);
    expect(await db.prisma.auditEvent.count({ where: { action: 'member_registered' } })).toBe(1);
  });

  it.each([
    [{ org: 'どこか', role: 'advisor', name: 'A' }, '見つかりません'],
    [{ org: '浜松商工会議所', role: 'manager', name: 'A' }, '--role'],
    [{ org: '浜松商工会議所', role: 'advisor' }, '--name'],
    [{ org: '浜松商工会議所', role: 'advisor', name: 'A', slack: 'yamada' }, 'メンバーID'],
    [{ org: '浜松商工会議所', role: 'advisor', name: 'A', teams: 'not-a-guid' }, 'GUID'],
  ])('refuses member %j', async (input, words) => {
    expect(await refusal(registry.addMember(input))).toContain(words);
  });

  it('notes that a coordinator outside the hub cannot approve', async () => {
    const { notes } = await registry.addMember({ org: '磐田信用金庫', role: 'coordinator', name: '佐藤', teams: '3F2504E0-4F89-11D3-9A0C-0305E82C3301' });
    expect(notes.join()).toContain('承認はできません');
  });
});
