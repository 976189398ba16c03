import type { AuditInput } from '../conversation/ports.js';

// Registering the support network: organisations, their channels, and their members with the
// messenger accounts they use. Shared by every messenger; the CLI is the first caller.

export const ORGANISATION_KINDS = ['shokokai', 'cci', 'bank', 'yorozu', 'hub', 'professional', 'npo', 'agency', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  shokokai: '商工会',
  cci: '商工会議所',
  bank: '地域金融機関・信用金庫',
  yorozu: 'よろず支援拠点',
  hub: 'プロ人材戦略拠点など',
  professional: '税理士・中小企業診断士などの専門家',
  npo: 'NPO',
  agency: '自治体・産業支援機関',
  other: 'その他',
};

/** Messengers a member can be reached on, with the account id each uses. */
export const MEMBER_CHANNELS = ['slack', 'teams'] as const;
export type MemberChannel = (typeof MEMBER_CHANNELS)[number];

export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  slackChannelId: string | null;
  isHub: boolean;
  isDefault: boolean;
  members: number;
}

export interface MemberRow {
  id: string;
  displayName: string;
  role: 'advisor' | 'coordinator';
  organisationId: string;
  organisationName: string;
  identities: { channel: string; externalId: string }[];
}

export interface NewOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  slackChannelId: string | null;
  isHub: boolean;
  isDefault: boolean;
}

export interface NewMember {
  id: string;
  organisationId: string;
  role: 'advisor' | 'coordinator';
  displayName: string;
  identities: { channel: MemberChannel; externalId: string }[];
}

export interface AdminStore {
  listOrganisations(): Promise<OrganisationRow[]>;
  /** By id or exact name. */
  findOrganisation(idOrName: string): Promise<OrganisationRow | null>;
  /** Who holds a messenger account already, if anyone. */
  identityOwner(channel: string, externalId: string): Promise<MemberRow | null>;
  /**
   * Creates the organisation and its audit row in one transaction; a new default
   * organisation takes over from the previous one, whose name is returned.
   */
  addOrganisation(org: NewOrganisation, audit: AuditInput): Promise<{ previousDefault: string | null }>;
  addMember(member: NewMember, audit: AuditInput): Promise<void>;
  listMembers(): Promise<MemberRow[]>;
}
