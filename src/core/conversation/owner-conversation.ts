import type { Logger } from 'pino';
import { emptyFields, type CaseFields } from '../case-sheet.js';
import { fillTemplate } from '../intake/content.js';
import { repeatPrompt, runTurn } from '../intake/engine.js';
import { initialDialogue } from '../intake/state.js';
import type { EngineDeps, TurnEvent, TurnResult } from '../intake/turn.js';
import type { LlmLayer } from '../llm/factory.js';
import { planNotices, type CaseNotice } from '../notify/notices.js';
import type { Address } from '../outbox/types.js';
import { text, type Reply } from '../replies.js';
import type { CaseStatus } from '../vocab.js';
import { MAX_MESSAGE_CHARS, type InboundMessage } from './inbound.js';
import { readingIsCurrent, readWithLlm, staleCalls, type LlmReading } from './llm-reading.js';
import type { CaseStore, OwnerRef, OwnerTransaction, StoredCase } from './ports.js';
import { createRecentCases, type CaseView } from './recent-cases.js';
import { letterOf, parseOwnerAnswer } from '../workflow/introductions.js';
import { answerCheckIn } from '../follow-up/check-in.js';
import { loadCheckInContent, type CheckInContent } from '../follow-up/content.js';
import { isPhrase } from '../intake/text.js';

// An owner's message, from storage to reply: store first, then (with an LLM configured) let
// the model read it outside any transaction, then run one engine turn inside a transaction
// that holds the owner's row, so two messages of one owner never interleave. Replies and
// notices for the other messengers are queued in the same transaction.

export interface OwnerConversationDeps {
  store: CaseStore;
  engine: EngineDeps;
  log: Logger;
  now?: () => Date;
  /** After this long without a message, the owner is welcomed back. */
  resumeAfterMs?: number;
  /** Absent or offline: the offline engine reads every message, as before. */
  llm?: LlmLayer;
  /** Channels with a working adapter: notices are queued only for these. */
  enabled?: ReadonlySet<string>;
  /** Called after a turn that queued platform messages, so the dispatcher sends them now. */
  onQueued?: () => void;
  /** The check-in conversation's words; prompts/follow-up/check-in.yaml by default. */
  checkIn?: CheckInContent;
}

/** Where the turn's replies go when they are sent by the outbox rather than returned. */
export interface Delivery {
  address: Address;
  replyToken?: string;
  replyTokenExpiresAt?: Date;
}

export type HandleStatus = 'processed' | 'duplicate' | 'rejected' | 'failed';

export interface HandleResult {
  status: HandleStatus;
  caseId: string | null;
  replies: Reply[];
}

/** A processed turn also says what the case now is, for the next message's LLM reading. */
type TurnOutcome = HandleResult & { after?: CaseView };

const SIX_HOURS = 6 * 60 * 60 * 1000;

const STATUS_AFTER: Partial<Record<TurnEvent['type'], CaseStatus>> = {
  spec_confirmed: 'drafted',
  referred: 'closed',
};

const NOTICE_FOR: Partial<Record<TurnEvent['type'], CaseNotice>> = {
  step1_confirmed: { type: 'step1_confirmed' },
  spec_confirmed: { type: 'spec_confirmed' },
  referred: { type: 'referred' },
};

/** Once the intake is over, an owner's messages are for their advisor, not the engine. */
const isFinished = (c: StoredCase): boolean => c.dialogue.phase === 'done' || c.dialogue.phase === 'referred';

export function createOwnerConversation(deps: OwnerConversationDeps) {
  const now = deps.now ?? (() => new Date());
  const messages = deps.engine.content.messages;
  const enabled = deps.enabled ?? new Set<string>();
  const llmOn = deps.llm !== undefined && deps.llm.assist.provider !== 'offline';
  const recent = createRecentCases();
  const checkIn = deps.checkIn ?? loadCheckInContent();

  /** Input the engine should not see: the owner gets a kind word and the question again. */
  function screen(message: InboundMessage): string | null {
    if (message.kind !== 'text') return messages.nonText;
    const body = message.text ?? '';
    if (body.trim() === '') return messages.emptyMessage;
    if ([...body].length > MAX_MESSAGE_CHARS) return fillTemplate(messages.tooLong, { limit: MAX_MESSAGE_CHARS.toLocaleString('ja-JP') });
    return null;
  }

  const isResumeOf = (current: CaseView): boolean =>
    now().getTime() - current.lastActivityAt.getTime() > (deps.resumeAfterMs ?? SIX_HOURS);

  async function deliver(tx: OwnerTransaction, caseId: string | null, channel: string, replies: Reply[], delivery?: Delivery): Promise<void> {
    await tx.recordOutbound(caseId, channel, replies);
    if (delivery && replies.length) await tx.enqueue([{ channel, replies, caseId, ...delivery }]);
  }

  async function notify(tx: OwnerTransaction, caseId: string, notices: CaseNotice[]): Promise<void> {
    if (!notices.length || enabled.size === 0) return;
    const targets = await tx.noticeTargets(caseId, enabled);
    await tx.enqueue(notices.flatMap((n) => planNotices(deps.engine.content, n, targets)));
  }

  /** Relays a message to the advisor's thread when someone is there to read it. */
  async function relay(tx: OwnerTransaction, current: StoredCase, message: InboundMessage, messageId: string, delivery?: Delivery): Promise<HandleResult | null> {
    if (!enabled.has('slack') || !isFinished(current) || deps.engine.understanding.intent(message.text ?? '') === 'restart') return null;
    const result = runTurn(deps.engine, { fields: current.fields, dialogue: current.dialogue, text: message.text ?? '' });
    if (result.events.length) return null;
    const replies = [text(messages.relayed)];
    await notify(tx, current.id, [{ type: 'owner_relay', text: message.text ?? '' }]);
    await tx.audit({ caseId: current.id, actorType: 'owner', actorId: tx.ownerId, channel: message.channel, action: 'owner_message_relayed' });
    await deliver(tx, current.id, message.channel, replies, delivery);
    await tx.finishInbound(messageId, 'processed', current.id);
    return { status: 'processed', caseId: current.id, replies };
  }

  /** The model's reading of the message; null when no model is configured or it has nothing to read. */
  async function read(owner: OwnerRef, message: InboundMessage): Promise<LlmReading | null> {
    const llm = deps.llm;
    if (!llm || !llmOn || screen(message)) return null;
    try {
      const current = recent.get(owner) ?? (await deps.store.peekOwnerCase(owner));
      return await readWithLlm({ llm, engine: deps.engine, log: deps.log }, current, message.text ?? '', current !== null && isResumeOf(current));
    } catch (err) {
      // Whatever goes wrong on the model's side, the offline engine still answers this turn.
      deps.log.warn({ err, channel: message.channel }, 'LLM reading failed; the offline engine answers this turn');
      return null;
    }
  }

  /**
   * The owner's answer to an introduced person (「話を聞いてみたい」 or 「見送る」): recorded,
   * audited, and an interest becomes a three-party meeting request in the advisor's thread.
   */
  async function answerIntroduction(tx: OwnerTransaction, current: StoredCase, message: InboundMessage, messageId: string, delivery?: Delivery): Promise<HandleResult | null> {
    if (current.status !== 'matching' && current.status !== 'introduced') return null;
    const entries = await tx.candidates.loadShortlist(current.id);
    const parsed = parseOwnerAnswer(message.text ?? '', current.id, entries);
    if (!parsed) return null;
    const { answer, candidateId } = parsed;
    const letter = letterOf(entries, candidateId);
    const entry = entries.find((e) => e.candidateId === candidateId)!;
    const action = answer === 'interest' ? 'owner_interest' : 'owner_declined';
    const already = answer === 'decline' ? entry.state === 'declined' : await tx.audited(current.id, action, candidateId);
    let replies: Reply[];
    if (already) {
      replies = [text(`候補${letter}の方については、すでに承っています。`)];
    } else {
      await tx.candidates.setShortlistState(current.id, candidateId, answer === 'interest' ? 'approved' : 'declined');
      await tx.audit({ caseId: current.id, actorType: 'owner', actorId: tx.ownerId, channel: message.channel, action, detail: { candidateId } });
      const headline = (await tx.candidates.profiles([candidateId])).get(candidateId)?.headline ?? '見出しなし';
      await notify(tx, current.id, [{ type: 'owner_answered', answer, letter, headline, candidateId }]);
      replies = [text(answer === 'interest'
        ? `ありがとうございます。候補${letter}の方との面談を、担当の支援者が調整します。日程が決まりましたら、このトークでお知らせします。`
        : `承知しました。候補${letter}の方は見送ります。ほかに気になる方がいれば、いつでもお知らせください。`)];
    }
    await deliver(tx, current.id, message.channel, replies, delivery);
    await tx.finishInbound(messageId, 'processed', current.id);
    return { status: 'processed', caseId: current.id, replies };
  }

  /**
   * The owner's answer to an open check-in (two short questions after a hire). 「新しい相談」
   * still opens a new consultation: the check-in then stays open until the next one is due.
   */
  async function answerFollowUp(tx: OwnerTransaction, current: StoredCase, message: InboundMessage, messageId: string, delivery?: Delivery): Promise<HandleResult | null> {
    if (current.status !== 'following_up' || isPhrase(message.text ?? '', deps.engine.content.newCasePhrases)) return null;
    const open = await tx.followUps.awaitingAnswer(current.id);
    if (!open) return null;
    const later = (await tx.followUps.list(current.id)).find((f) => f.day > open.day && f.state === 'scheduled');
    const step = answerCheckIn(checkIn, open, message.text ?? '', later?.day ?? null, now());
    await tx.followUps.update(current.id, open.day, step.patch);
    const owner = { caseId: current.id, actorType: 'owner' as const, actorId: tx.ownerId, channel: message.channel };
    if (step.summary) {
      const { day, signal, contribution } = step.summary;
      await tx.audit({ ...owner, action: 'follow_up_done', detail: { day, signal, contribution, by: 'owner' } });
      await notify(tx, current.id, [{ type: 'check_in_answered', summary: step.summary }]);
    }
    await deliver(tx, current.id, message.channel, step.replies, delivery);
    await tx.finishInbound(messageId, 'processed', current.id);
    return { status: 'processed', caseId: current.id, replies: step.replies };
  }

  async function turn(tx: OwnerTransaction, message: InboundMessage, messageId: string, reading: LlmReading | null, delivery?: Delivery): Promise<TurnOutcome> {
    if (!(await tx.stillPending(messageId))) return { status: 'duplicate', caseId: null, replies: [] };
    const refusal = screen(message);
    let current = await tx.latestCase();
    if (refusal) {
      const replies = [text(refusal), ...(current ? repeatPrompt(deps.engine, current.fields, current.dialogue) : [])];
      await deliver(tx, current?.id ?? null, message.channel, replies, delivery);
      await tx.finishInbound(messageId, 'rejected', current?.id ?? null);
      return { status: 'rejected', caseId: current?.id ?? null, replies };
    }
    const answered = current ? (await answerIntroduction(tx, current, message, messageId, delivery)) ?? (await answerFollowUp(tx, current, message, messageId, delivery)) : null;
    if (answered) return answered;
    const relayed = current ? await relay(tx, current, message, messageId, delivery) : null;
    if (relayed) return relayed;
    // Rare: another message of this owner was handled while the model read this one.
    const usable = reading !== null && readingIsCurrent(reading, current);
    const isFirst = current === null;
    if (!current) current = await tx.createCase(emptyFields(), initialDialogue());
    const isResume = !isFirst && isResumeOf(current);
    const engine = usable ? { ...deps.engine, understanding: reading.understanding } : deps.engine;
    const result = runTurn(engine, {
      fields: current.fields, dialogue: current.dialogue, text: message.text ?? '', isFirst, isResume,
      ...(usable ? { assist: reading.assist } : {}),
    });
    const after = await save(tx, current, result, message.channel);
    const caseId = after.id;
    if (reading) await tx.recordLlmCalls(caseId, usable ? reading.calls : staleCalls(reading.calls));
    const opened = isFirst || caseId !== current.id;
    const notices = [...(opened ? [{ type: 'case_opened' } as const] : []), ...result.events.flatMap((e) => NOTICE_FOR[e.type] ?? [])];
    await notify(tx, caseId, notices);
    await deliver(tx, caseId, message.channel, result.replies, delivery);
    await tx.finishInbound(messageId, 'processed', caseId);
    return { status: 'processed', caseId, replies: result.replies, after };
  }

  /** Persists a turn; a new consultation (or a restart of a case past intake) opens a new case. */
  async function save(tx: OwnerTransaction, current: StoredCase, result: TurnResult, channel: string): Promise<CaseView> {
    const types = result.events.map((e) => e.type);
    const opensNew = types.includes('new_case_requested') || (types.includes('restarted') && current.status !== 'intake');
    const owner = { actorType: 'owner' as const, actorId: tx.ownerId, channel };
    if (opensNew) {
      const created = await tx.createCase(carryCompany(current.fields, result.fields), result.dialogue);
      await tx.audit({ ...owner, caseId: created.id, action: 'case_opened', toStatus: 'intake', detail: { previousCaseId: current.id } });
      return created;
    }
    const status = types.reduce<CaseStatus>((s, t) => STATUS_AFTER[t] ?? s, types.includes('restarted') ? 'intake' : current.status);
    await tx.saveTurn(current, { fields: result.fields, dialogue: result.dialogue, status, specSource: 'owner' });
    for (const event of result.events) await tx.audit({ ...owner, caseId: current.id, action: `intake_${event.type}` });
    if (status !== current.status) {
      await tx.audit({ ...owner, caseId: current.id, action: 'status_changed', fromStatus: current.status, toStatus: status });
    }
    return { id: current.id, fields: result.fields, dialogue: result.dialogue, lastActivityAt: now() };
  }

  /** Runs the turn for a message already stored by `accept`. */
  async function processStored(message: InboundMessage, messageId: string, delivery?: Delivery): Promise<HandleResult> {
    const owner = { channel: message.channel, externalId: message.sender.externalId, displayName: message.sender.displayName ?? null };
    let reading: LlmReading | null = null;
    try {
      reading = await read(owner, message);
      const r = reading;
      const { after, ...result } = await deps.store.withOwner(owner, (tx) => turn(tx, message, messageId, r, delivery));
      if (llmOn && after) recent.set(owner, after);
      if (delivery || enabled.size) deps.onQueued?.();
      return result;
    } catch (err) {
      recent.forget(owner);
      deps.log.error({ err, messageId, channel: message.channel }, 'owner turn failed; message kept for retry');
      await deps.store.finishInbound(messageId, 'failed', (err as Error).message).catch(() => undefined);
      if (reading?.calls.length) await deps.store.recordLlmCalls(reading.basis.caseId, staleCalls(reading.calls)).catch(() => undefined);
      return { status: 'failed', caseId: null, replies: [text(messages.processingFailed)] };
    }
  }

  return {
    /**
     * Stores a message (before anything else) and tells whether it was new. Webhook adapters
     * call this before answering the platform, so a stored message is never lost.
     */
    accept: (message: InboundMessage) => deps.store.recordInbound(message),
    process: processStored,
    async handle(message: InboundMessage, delivery?: Delivery): Promise<HandleResult> {
      const { messageId, duplicate } = await deps.store.recordInbound(message);
      if (duplicate) {
        deps.log.info({ channel: message.channel, eventId: message.eventId }, 'duplicate inbound message ignored');
        return { status: 'duplicate', caseId: null, replies: [] };
      }
      return processStored(message, messageId, delivery);
    },
  };
}

/** A new consultation of the same owner starts from what is known about the company. */
function carryCompany(previous: CaseFields, fresh: CaseFields): CaseFields {
  return { ...fresh, company: { ...previous.company } };
}

export type OwnerConversation = ReturnType<typeof createOwnerConversation>;
