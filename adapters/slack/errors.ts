import { webApi } from '@slack/bolt';
import type { SendOutcome } from '../../src/core/outbox/types.js';

// How a failed Web API call ends for the outbox: retried (the platform is busy or down, or the
// network failed) or failed for good (the message can never go there as it stands). The Web
// API answers HTTP 200 with `ok: false` and an error code for most failures, 429 with
// Retry-After when rate limited (https://docs.slack.dev/apis/web-api/rate-limits), and 5xx
// when Slack itself is in trouble.

/** Errors that will not go away by trying again: an operator has to act (invite the bot, fix the token). */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'invalid_auth', 'not_authed',
  'account_inactive', 'token_revoked', 'token_expired', 'no_permission', 'missing_scope', 'restricted_action',
  'msg_too_long', 'invalid_blocks', 'invalid_blocks_format', 'invalid_arguments', 'invalid_metadata_format',
  'invalid_metadata_schema', 'metadata_too_large', 'too_many_attachments', 'ekm_access_denied', 'team_access_not_granted',
]);

/** Errors Slack documents as transient. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
}

export function sendOutcomeOf(err: unknown): Exclude<SendOutcome, { status: 'sent' }> {
  const e = (err ?? {}) as SlackErrorShape;
  const { ErrorCode } = webApi;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { status: 'retry', error: `rate limited; Retry-After ${e.retryAfter}s`, retryAfterMs: Math.max(0, e.retryAfter ?? 1) * 1000 };
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      const transient = status >= 500 || status === 408 || status === 0;
      return { status: transient ? 'retry' : 'failed', error: `HTTP ${status} from the Slack API` };
    }
    case ErrorCode.RequestError:
      return { status: 'retry', error: `request to the Slack API failed: ${e.message ?? 'network error'}` };
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (TRANSIENT.has(code)) return { status: 'retry', error: `Slack API error ${code}` };
      // Unknown codes are kept as dead (an operator can revive them) rather than retried blindly.
      return { status: 'failed', error: PERMANENT.has(code) ? `Slack API error ${code}` : `Slack API error ${code} (unexpected)` };
    }
    default:
      // Not from the Web API (the database, say): worth another try.
      return { status: 'retry', error: e.message ?? String(err) };
  }
}

/** The platform error code of a Web API error, if it is one. */
export function platformError(err: unknown): string | null {
  const e = (err ?? {}) as SlackErrorShape;
  return e.code === webApi.ErrorCode.PlatformError ? (e.data?.error ?? null) : null;
}
