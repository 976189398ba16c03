import { replyToPlainText, type Reply } from '../core/replies.js';

/** Replies for a terminal: plain text, with numbered choices that can be answered by number. */
export function renderForTerminal(replies: Reply[]): string {
  return replies
    .map((reply) => {
      if (reply.type === 'text') return reply.text;
      if (reply.type === 'card') return replyToPlainText({ ...reply, actions: [] }) + numberedOptions(reply.actions);
      const numbered = reply.choices.every((c) => /^\d+$/.test(c.value));
      return numbered ? reply.text : reply.text + numberedOptions(reply.choices);
    })
    .join('\n\n');
}

const numberedOptions = (options: { label: string }[]): string =>
  options.length ? `\n${options.map((c, i) => `  ${i + 1}) ${c.label}`).join('\n')}` : '';

/** Maps a typed number to the label of the last choices offered, as a tap would. */
export function resolveChoice(input: string, replies: Reply[]): string {
  const last = [...replies].reverse().find((r) => r.type !== 'text');
  if (!last) return input;
  const options = last.type === 'choices' ? last.choices : last.actions;
  if (options.every((c) => /^\d+$/.test(c.value))) return input;
  const n = Number.parseInt(input.normalize('NFKC').trim(), 10);
  const picked = String(n) === input.normalize('NFKC').trim() ? options[n - 1] : undefined;
  return picked ? picked.value : input;
}
