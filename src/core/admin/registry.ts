import { newId } from '../ids.js';
import {
  ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type AdminStore, type MemberChannel, type MemberRow,
  type NewMember, type NewOrganisation, type OrganisationKind, type OrganisationRow,
} from './ports.js';

// Registers organisations and members with checks an operator can act on. Every refusal says
// what was wrong and what to do, in Japanese; every registration is audited.

/** Input the registry refuses; the message is for the operator as is. */
export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

export interface Actor {
  /** Who ran the command, e.g. `cli:yamada`. */
  id: string;
  channel: string;
}

export interface OrganisationInput {
  name?: string;
  kind?: string;
  slackChannel?: string;
  hub?: boolean;
  isDefault?: boolean;
}

export interface MemberInput {
  org?: string;
  role?: string;
  name?: string;
  slack?: string;
  teams?: string;
}

// Slack ids: channels are C… (public) or G… (private, older workspaces); users are U… or W…
// (Enterprise Grid). https://api.slack.com/changelog/2016-08-11-user-id-format-changes
const SLACK_CHANNEL = /^[CG][A-Z0-9]{6,}$/;
const SLACK_USER = /^[UW][A-Z0-9]{6,}$/;
// A Teams user is known by their Entra ID (AAD) object id, a GUID.
const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function required(value: string | undefined, option: string, what: string): string {
  const v = value?.trim();
  if (!v) throw new RegistrationError(`${option} で${what}を指定してください。`);
  if ([...v].length > 100) throw new RegistrationError(`${what}は100文字以内にしてください。`);
  return v;
}

const kindList = (): string => ORGANISATION_KINDS.map((k) => `${k}（${ORGANISATION_KIND_LABELS[k]}）`).join('、');

export function createRegistry(store: AdminStore, actor: Actor) {
  const audit = (action: string, detail: Record<string, unknown>) => ({
    caseId: null, actorType: 'system' as const, actorId: actor.id, channel: actor.channel, action, detail,
  });

  async function identities(input: MemberInput): Promise<NewMember['identities']> {
    const wanted: { channel: MemberChannel; externalId: string }[] = [];
    if (input.slack !== undefined) {
      const id = input.slack.trim().toUpperCase();
      if (!SLACK_USER.test(id)) throw new RegistrationError(`Slack のメンバーID「${input.slack}」の形式が正しくありません（例：U012AB3CD）。Slack のプロフィールの「メンバーIDをコピー」で確認できます。`);
      wanted.push({ channel: 'slack', externalId: id });
    }
    if (input.teams !== undefined) {
      const id = input.teams.trim().toLowerCase();
      if (!AAD_OBJECT_ID.test(id)) throw new RegistrationError(`Teams のユーザーID「${input.teams}」の形式が正しくありません。Entra ID（Azure AD）のオブジェクトID（GUID）を指定してください。`);
      wanted.push({ channel: 'teams', externalId: id });
    }
    for (const w of wanted) {
      const holder = await store.identityOwner(w.channel, w.externalId);
      if (holder) {
        const label = w.channel === 'slack' ? 'Slack' : 'Teams';
        throw new RegistrationError(`${label} のアカウント ${w.externalId} は、すでに ${holder.displayName} さん（${holder.organisationName}）として登録されています。`);
      }
    }
    return wanted;
  }

  return {
    async addOrganisation(input: OrganisationInput): Promise<{ organisation: NewOrganisation; notes: string[] }> {
      const name = required(input.name, '--name', '機関名');
      const kind = required(input.kind, '--kind', '機関の種類') as OrganisationKind;
      if (!ORGANISATION_KINDS.includes(kind)) throw new RegistrationError(`機関の種類「${input.kind}」は使えません。次のいずれかを指定してください：${kindList()}`);
      const existing = await store.listOrganisations();
      if (existing.some((o) => o.name === name)) throw new RegistrationError(`「${name}」という機関はすでに登録されています。`);
      let slackChannelId: string | null = null;
      if (input.slackChannel !== undefined) {
        slackChannelId = input.slackChannel.trim().toUpperCase();
        if (!SLACK_CHANNEL.test(slackChannelId)) throw new RegistrationError(`Slack のチャンネルID「${input.slackChannel}」の形式が正しくありません（例：C012AB3CD）。チャンネル詳細の一番下で確認できます。`);
        const holder = existing.find((o) => o.slackChannelId === slackChannelId);
        if (holder) throw new RegistrationError(`チャンネル ${slackChannelId} は、すでに「${holder.name}」の案件チャンネルです。機関ごとに別のチャンネルを指定してください。`);
      }
      const organisation: NewOrganisation = { id: newId(), name, kind, slackChannelId, isHub: Boolean(input.hub), isDefault: Boolean(input.isDefault) };
      const { previousDefault } = await store.addOrganisation(organisation, audit('organisation_registered', { ...organisation }));
      const notes = [
        ...(previousDefault ? [`新しい相談の受付先を「${previousDefault}」から「${name}」に切り替えました。`] : []),
        ...(slackChannelId ? [`Slack のチャンネル ${slackChannelId} に bot を招待してください（/invite @bansou）。`] : []),
      ];
      return { organisation, notes };
    },

    async addMember(input: MemberInput): Promise<{ member: NewMember; organisation: OrganisationRow; notes: string[] }> {
      const orgRef = required(input.org, '--org', '所属機関（IDまたは名前）');
      const organisation = await store.findOrganisation(orgRef);
      if (!organisation) throw new RegistrationError(`機関「${orgRef}」が見つかりません。\`bansou org list\` で登録済みの機関を確認してください。`);
      const role = input.role?.trim();
      if (role !== 'advisor' && role !== 'coordinator') throw new RegistrationError('--role には advisor（支援者）か coordinator（コーディネーター）を指定してください。');
      const displayName = required(input.name, '--name', '氏名');
      const member: NewMember = { id: newId(), organisationId: organisation.id, role, displayName, identities: await identities(input) };
      await store.addMember(member, audit('member_registered', { ...member, organisationName: organisation.name }));
      const notes = [
        ...(member.identities.length ? [] : ['メッセンジャーのアカウントが未登録のため、この方はまだ bot を使えません（--slack / --teams で登録できます）。']),
        ...(role === 'coordinator' && !organisation.isHub ? [`「${organisation.name}」はネットワークの拠点ではないため、この方は求人の承認はできません。`] : []),
      ];
      return { member, organisation, notes };
    },

    listOrganisations: (): Promise<OrganisationRow[]> => store.listOrganisations(),
    listMembers: (): Promise<MemberRow[]> => store.listMembers(),
  };
}

export type Registry = ReturnType<typeof createRegistry>;
