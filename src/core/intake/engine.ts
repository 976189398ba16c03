import { emptyFields, type CaseFields } from '../case-sheet.js';
import { fillTemplate } from './content.js';
import { text, type Reply } from '../replies.js';
import { applyAnswer, prioritise } from './answer.js';
import { parseLabelledValue } from './corrections.js';
import { applyDrafts, clearDrafts, DERIVED_FIELDS, templateFor } from './draft.js';
import { mergeExtraction } from './merge.js';
import { nextStep } from './policy.js';
import { questionReply, specCard, step1Summary } from './present.js';
import { initialDialogue, type DialogueState } from './state.js';
import { hasReadableText, isPhrase } from './text.js';
import type { EngineDeps, TurnAssist, TurnEvent, TurnInput, TurnResult } from './turn.js';
import { FREE_TEXT_FIELDS, type FieldPath } from './fields.js';

// One owner turn of the STEP 1–2 intake: a pure function from (fields, dialogue, text) to
// new fields, new dialogue and replies. Persistence and channels are the caller's business.

interface Draft {
  fields: CaseFields;
  d: DialogueState;
  replies: Reply[];
  events: TurnEvent[];
  assist: TurnAssist;
}

const LIST_FIELDS: readonly FieldPath[] = ['step2.spec.mustHave', 'step2.spec.niceToHave', 'step2.spec.duties', 'step1.talentIssues'];

export function runTurn(deps: EngineDeps, input: TurnInput): TurnResult {
  const draft: Draft = { fields: input.fields, d: structuredClone(input.dialogue), replies: [], events: [], assist: input.assist ?? {} };
  const m = deps.content.messages;
  if (input.isFirst) draft.replies.push(text(m.greeting));
  else if (input.isResume) draft.replies.push(text(m.welcomeBack));
  handle(deps, draft, input.text);
  if (draft.fields.step2.direction !== 'non_talent') {
    const derived = applyDrafts(deps.content, draft.fields, draft.d.drafted, DERIVED_FIELDS);
    draft.fields = derived.fields;
    draft.d.drafted = derived.drafted;
  }
  return { fields: draft.fields, dialogue: draft.d, replies: draft.replies, events: draft.events };
}

function handle(deps: EngineDeps, s: Draft, said: string): void {
  const m = deps.content.messages;
  if (!hasReadableText(said)) return void s.replies.push(text(m.unreadable), ...currentPrompt(deps, s));
  const intent = deps.understanding.intent(said);
  if (intent === 'help') return void s.replies.push(text(m.help), ...currentPrompt(deps, s));
  if (intent === 'restart') return restart(deps, s);
  switch (s.d.phase) {
    case 'done':
    case 'referred':
      return finished(deps, s, said);
    case 'confirm_step1':
      if (intent === 'yes') return confirmStep1(deps, s);
      if (intent === 'fix') return void s.replies.push(text(m.fixAsk));
      return correct(deps, s, said, () => [step1Summary(deps.content, s.fields, s.assist.step1Summary)]);
    case 'review_spec':
    case 'fixing_spec':
      if (intent === 'yes') return confirmSpec(deps, s);
      if (intent === 'fix') return void ((s.d.phase = 'fixing_spec'), s.replies.push(text(m.fixAsk)));
      return correct(deps, s, said, () => reviewAfterFix(deps, s));
    default:
      return collect(deps, s, said, intent);
  }
}

function restart(deps: EngineDeps, s: Draft): void {
  s.fields = emptyFields();
  s.d = initialDialogue();
  s.events.push({ type: 'restarted' });
  s.replies.push(text(deps.content.messages.restarted));
  advance(deps, s);
}

function finished(deps: EngineDeps, s: Draft, said: string): void {
  if (!isPhrase(said, deps.content.newCasePhrases)) return void s.replies.push(text(deps.content.messages.caseDone));
  s.events.push({ type: 'new_case_requested' });
  s.fields = emptyFields();
  s.d = initialDialogue();
  s.replies.push(text(deps.content.messages.newCase));
  advance(deps, s);
}

function collect(deps: EngineDeps, s: Draft, said: string, intent: string | null): void {
  const m = deps.content.messages;
  const asked = s.d.asked;
  if (asked === 'priority') return choosePriority(deps, s, said);
  if (asked && intent === 'unknown') {
    s.d.unknown.push(asked);
    s.replies.push(text(m.unknownNoted));
  } else if (asked && intent === 'later') {
    (s.d.deferred.includes(asked) ? s.d.deferredTwice : s.d.deferred).push(asked);
    s.replies.push(text(m.deferredNoted));
  } else if (asked && LIST_FIELDS.includes(asked) && isPhrase(said, deps.content.nonePhrases)) {
    s.d.settled.push(asked);
    s.replies.push(text(m.noneNoted));
  } else if (!understand(deps, s, said)) {
    s.replies.push(text(m.notUnderstood));
  }
  advance(deps, s);
}

/** Mixed initiative: take whatever the owner stated, then read it as the asked answer. */
function understand(deps: EngineDeps, s: Draft, said: string): boolean {
  const merged = mergeExtraction(s.fields, deps.understanding.extract(said));
  s.fields = merged.fields;
  const changed = [...merged.changed];
  const question = deps.content.questions.find((q) => q.field === s.d.asked);
  const saidElse = changed.some((f) => !question?.alsoFills.includes(f));
  const wordsOnly = question && FREE_TEXT_FIELDS.includes(question.field);
  if (question && !changed.includes(question.field) && !(wordsOnly && saidElse)) {
    const answered = applyAnswer(s.fields, question, said, deps.understanding);
    s.fields = answered.fields;
    if (answered.changed) changed.push(question.field);
  }
  s.d.drafted = s.d.drafted.filter((f) => !changed.includes(f));
  s.d.unknown = s.d.unknown.filter((f) => !changed.includes(f));
  return changed.length > 0;
}

/** A number picks the top issue; anything else keeps the order the issues were told in. */
function choosePriority(deps: EngineDeps, s: Draft, said: string): void {
  const n = Number.parseInt(said.normalize('NFKC').trim(), 10);
  s.d.prioritised = true;
  if (n >= 1 && n <= s.fields.step1.issues.length && /^\d+\D{0,4}$/u.test(said.normalize('NFKC').trim())) {
    s.fields = prioritise(s.fields, n - 1);
    const top = s.fields.step1.issues[0]?.summary ?? '';
    s.replies.push(text(fillTemplate(deps.content.messages.priorityNoted, { issue: top })));
  } else {
    understand(deps, s, said);
  }
  advance(deps, s);
}

function priorityQuestion(deps: EngineDeps, fields: CaseFields): Reply {
  const issues = [...fields.step1.issues].sort((a, b) => a.priority - b.priority);
  const list = issues.map((i) => `${i.priority}. ${i.summary}`).join('\n');
  return {
    type: 'choices',
    text: `${deps.content.messages.priorityAsk}\n${list}`,
    choices: issues.slice(0, 13).map((i) => ({ label: String(i.priority), value: String(i.priority) })),
  };
}

function advance(deps: EngineDeps, s: Draft): void {
  if (s.d.phase === 'step2' && s.fields.step2.direction === 'non_talent') return refer(deps, s);
  const next = nextStep(deps.content, s.fields, s.d);
  if (next.kind === 'question') {
    s.d.asked = next.question.field;
    return void s.replies.push(questionReply(next.question));
  }
  if (next.kind === 'priority') {
    s.d.asked = 'priority';
    return void s.replies.push(priorityQuestion(deps, s.fields));
  }
  s.d.asked = null;
  if (s.d.phase === 'step1') {
    s.d.phase = 'confirm_step1';
    s.d.prioritised = true;
    return void s.replies.push(step1Summary(deps.content, s.fields, s.assist.step1Summary));
  }
  redraft(deps, s);
  s.d.phase = 'review_spec';
  s.replies.push(specCard(deps.content, s.fields));
}

function redraft(deps: EngineDeps, s: Draft): void {
  const drafted = applyDrafts(deps.content, s.fields, s.d.drafted, undefined, s.assist.specDraft);
  s.fields = drafted.fields;
  s.d.drafted = drafted.drafted;
}

function confirmStep1(deps: EngineDeps, s: Draft): void {
  s.d.phase = 'step2';
  s.events.push({ type: 'step1_confirmed' });
  s.replies.push(text(deps.content.messages.step1Confirmed));
  advance(deps, s);
}

function confirmSpec(deps: EngineDeps, s: Draft): void {
  s.d.phase = 'done';
  s.events.push({ type: 'spec_confirmed' });
  s.replies.push(text(deps.content.messages.specConfirmed));
}

function refer(deps: EngineDeps, s: Draft): void {
  const t = deps.content.templates;
  const skills = s.fields.step1.issues.map((i) => i.category).filter((c) => c !== null);
  const places = [...new Set(skills.map((c) => templateFor(deps.content, c).referral ?? t.defaultReferral))];
  const referrals = (places.length ? places : [t.defaultReferral]).map((p) => `・${p}`).join('\n');
  s.fields = clearDrafts(s.fields, s.d.drafted);
  s.d.drafted = [];
  s.d.phase = 'referred';
  s.d.asked = null;
  s.events.push({ type: 'referred' });
  s.replies.push(text(fillTemplate(deps.content.messages.referral, { referrals })));
}

/** A correction on a summary or draft card: 「日数は週2日」, or any plain statement. */
function correct(deps: EngineDeps, s: Draft, said: string, show: () => Reply[]): void {
  const labelled = parseLabelledValue(deps.content, said);
  let changed = false;
  if (labelled) {
    const answered = applyAnswer(s.fields, labelled.question, labelled.valueText, deps.understanding);
    s.fields = answered.fields;
    changed = answered.changed;
    if (changed) s.d.drafted = s.d.drafted.filter((f) => f !== labelled.question.field);
  }
  if (!changed) changed = understand(deps, s, said);
  if (!changed) return void s.replies.push(text(deps.content.messages.fixNotFound));
  s.replies.push(text(deps.content.messages.fixApplied), ...show());
}

function reviewAfterFix(deps: EngineDeps, s: Draft): Reply[] {
  if (s.fields.step2.direction === 'non_talent') {
    s.d.phase = 'step2';
    refer(deps, s);
    return [];
  }
  s.d.phase = 'step2';
  const before = s.replies.length;
  advance(deps, s);
  return s.replies.splice(before);
}

/** The question the owner is being asked now, for a reply to a message the engine skipped. */
export function repeatPrompt(deps: EngineDeps, fields: CaseFields, dialogue: DialogueState): Reply[] {
  const s: Draft = { fields, d: structuredClone(dialogue), replies: [], events: [], assist: {} };
  return currentPrompt(deps, s);
}

/** What the owner is being asked right now, for 「ヘルプ」 and unreadable messages. */
function currentPrompt(deps: EngineDeps, s: Draft): Reply[] {
  const m = deps.content.messages;
  switch (s.d.phase) {
    case 'confirm_step1':
      return [step1Summary(deps.content, s.fields, s.assist.step1Summary)];
    case 'review_spec':
      return [specCard(deps.content, s.fields)];
    case 'fixing_spec':
      return [text(m.fixAsk)];
    case 'done':
    case 'referred':
      return [text(m.caseDone)];
    default: {
      if (s.d.asked === 'priority') return [priorityQuestion(deps, s.fields)];
      const question = deps.content.questions.find((q) => q.field === s.d.asked);
      if (question) return [questionReply(question)];
      const before = s.replies.length;
      advance(deps, s);
      return s.replies.splice(before);
    }
  }
}

