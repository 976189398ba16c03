import { userInfo } from 'node:os';
import type { App } from '../../app.js';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../core/admin/ports.js';
import { createRegistry, RegistrationError, type MemberInput, type OrganisationInput } from '../../core/admin/registry.js';
import { createPrismaAdminStore } from '../../db/prisma-admin-store.js';
import { InputError, UsageError } from '../errors.js';

// `bansou org …` and `bansou member …`: register the support network from the terminal.

export interface AdminOptions extends OrganisationInput, MemberInput {
  json?: boolean;
}

const ROLE_LABELS = { advisor: '支援者', coordinator: 'コーディネーター' } as const;
const kindLabel = (kind: string): string => ORGANISATION_KIND_LABELS[kind as OrganisationKind] ?? kind;

function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export async function admin(app: App, subject: string, verb: string | undefined, o: AdminOptions, out: (s: string) => void): Promise<void> {
  const registry = createRegistry(createPrismaAdminStore(app.db.prisma), { id: operator(), channel: 'cli' });
  try {
    switch (`${subject} ${verb ?? ''}`) {
      case 'org add': {
        const { organisation: org, notes } = await registry.addOrganisation(o);
        if (o.json) return out(JSON.stringify(org));
        const flags = [org.isHub && '承認拠点', org.isDefault && '新規相談の受付先'].filter(Boolean).join('・');
        out([`機関を登録しました：${org.name}（${kindLabel(org.kind)}${flags ? `、${flags}` : ''}）`, `ID：${org.id}`, ...notes].join('\n'));
        return;
      }
      case 'org list': {
        const orgs = await registry.listOrganisations();
        if (o.json) return out(JSON.stringify(orgs));
        if (!orgs.length) return out('登録された機関はまだありません。`bansou org add --name 名前 --kind 種類` で登録します。');
        out(orgs.map((g) => {
          const flags = [g.isHub && '承認拠点', g.isDefault && '受付先'].filter(Boolean).join('・');
          return `${g.id}  ${g.name}［${kindLabel(g.kind)}${flags ? `・${flags}` : ''}］Slack：${g.slackChannelId ?? '未設定'}　メンバー${g.members}人`;
        }).join('\n'));
        return;
      }
      case 'member add': {
        const { member: m, organisation, notes } = await registry.addMember(o);
        if (o.json) return out(JSON.stringify(m));
        const ids = m.identities.map((i) => `${i.channel}:${i.externalId}`).join(', ') || 'なし';
        out([`メンバーを登録しました：${m.displayName} さん（${organisation.name}・${ROLE_LABELS[m.role]}）`, `ID：${m.id}　アカウント：${ids}`, ...notes].join('\n'));
        return;
      }
      case 'member list': {
        const members = await registry.listMembers();
        if (o.json) return out(JSON.stringify(members));
        if (!members.length) return out('登録されたメンバーはまだいません。`bansou member add --org 機関 --role advisor --name 氏名 --slack U…` で登録します。');
        out(members.map((m) => {
          const ids = m.identities.map((i) => `${i.channel}:${i.externalId}`).join(', ') || 'アカウント未登録';
          return `${m.id}  ${m.displayName}［${ROLE_LABELS[m.role]}］${m.organisationName}　${ids}`;
        }).join('\n'));
        return;
      }
      default:
        throw new UsageError(`使い方: bansou org add|list, bansou member add|list（指定: ${subject} ${verb ?? ''}）`);
    }
  } catch (err) {
    if (err instanceof RegistrationError) throw new InputError(err.message);
    throw err;
  }
}
