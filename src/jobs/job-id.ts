import { createHash } from 'node:crypto';

/**
 * A job's id derived from what it is for (e.g. `check-in:C-1:30`), in UUID form: sending the
 * same job twice, from two processes or after a crash, is refused by the queue's primary key.
 */
export function jobIdFor(key: string): string {
  const h = createHash('sha256').update(`bansou:${key}`).digest('hex');
  // Version 5-style layout (name-based): set the version and variant bits.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
