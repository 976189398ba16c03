import type { MemberAction } from '../../../src/core/workflow/member-actions.js';
import { slackActor, tellMember, type HandlerOutcome, type SlackDeps } from '../deps.js';
import { CALLBACKS, decodeContext, parseAskOwner, parseCheckIn, parseCloseCase, parseEditDraft, parseHandOver, type ModalContext } from '../modals.js';
import type { ViewSubmission } from '../payloads.js';

// A submitted modal. Checking the input is pure and happens before the ack, because field
// errors travel back in the ack itself (response_action: errors,
// https://docs.slack.dev/surfaces/modals#displaying_errors); the action runs after it.

export type Checked =
  | { ok: true; ctx: ModalContext; action: MemberAction }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; errors: null; reason: string };

export function checkSubmission(v: ViewSubmission): Checked {
  const ctx = decodeContext(v.metadata);
  if (!ctx) return { ok: false, errors: null, reason: 'modal without our private_metadata' };
  switch (v.callbackId) {
    case CALLBACKS.askOwner: {
      const p = parseAskOwner(v.values);
      return p.ok ? { ok: true, ctx, action: { type: 'ask_owner', question: p.value.question } } : p;
    }
    case CALLBACKS.editDraft: {
      const p = parseEditDraft(v.values);
      return p.ok ? { ok: true, ctx, action: { type: 'edit_spec', patch: p.value } } : p;
    }
    case CALLBACKS.handOver: {
      const p = parseHandOver(v.values);
      return p.ok ? { ok: true, ctx, action: { type: 'hand_over', to: p.value.to, note: p.value.note } } : p;
    }
    case CALLBACKS.checkIn: {
      const p = parseCheckIn(v.values);
      return p.ok ? { ok: true, ctx, action: { type: 'check_in', note: p.value.note } } : p;
    }
    case CALLBACKS.closeCase: {
      const p = parseCloseCase(v.values);
      return p.ok ? { ok: true, ctx, action: { type: 'close', reason: p.value.reason } } : p;
    }
    default:
      return { ok: false, errors: null, reason: `unknown modal ${v.callbackId}` };
  }
}

export async function onViewSubmission(d: SlackDeps, v: ViewSubmission): Promise<HandlerOutcome> {
  const checked = checkSubmission(v);
  if (!checked.ok) {
    d.log.debug({ callbackId: v.callbackId }, 'ignored a modal submission that is not ours or not valid');
    return 'rejected';
  }
  const r = await d.app.workflow.act(slackActor(v.user), checked.ctx.caseId, checked.action);
  await tellMember(d, v.user, checked.ctx.channelId, r.message);
  return 'processed';
}
