import { CloudAdapter, createOutboundHostValidator, type AuthConfiguration, type TurnContext } from '@microsoft/agents-hosting';
import type { TeamsSettings } from '../../src/config/config.js';

// The Microsoft 365 Agents SDK (successor of the archived botbuilder) set up for bansou. The
// activity types come through @microsoft/agents-hosting so that @microsoft/agents-activity
// stays a transitive dependency.

export type Activity = TurnContext['activity'];
export type ConversationReference = Parameters<CloudAdapter['continueConversation']>[1];
export type BotIdentity = Parameters<CloudAdapter['continueConversation']>[0];

/**
 * With an app registration the SDK's own JWT middleware checks every request: signature
 * against the published keys, audience = our client id, and here also the issuer
 * (`validateIssuer`, off by default in the SDK). We store each activity's `serviceUrl` and later
 * send our bot token there, so with credentials we also refuse a `serviceUrl` outside
 * Microsoft's hosts or different from the token's `serviceurl` claim.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 *
 * Without a client id (TEAMS_ENABLED=true, refused in production by config.ts) the SDK accepts
 * anonymous requests and replies to whatever `serviceUrl` they carry: the local fake connector.
 */
export function createCloudAdapter(settings: TeamsSettings): CloudAdapter {
  const withCredentials = Boolean(settings.clientId);
  const auth: AuthConfiguration = {
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    tenantId: settings.tenantId,
    validateIssuer: withCredentials,
  };
  return new CloudAdapter(auth, undefined, undefined, { validateServiceUrl: withCredentials }, createOutboundHostValidator({ enabled: withCredentials }));
}

/**
 * Who the bot is when it speaks unprompted: its app id, or in anonymous mode an identity with
 * no audience, which makes the SDK use an unauthenticated connector client.
 */
export function botIdentity(settings: TeamsSettings): BotIdentity {
  return settings.clientId ?? {};
}
