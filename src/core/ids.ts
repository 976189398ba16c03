import { randomBytes, randomUUID } from 'node:crypto';

// Crockford base32: no I, L, O or U, so a case id read aloud on the phone is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short case id such as C-7K3M9Q2X (40 random bits). */
export function newCaseId(): string {
  const bytes = randomBytes(8);
  let id = '';
  for (let i = 0; i < 8; i++) id += ALPHABET[(bytes[i] ?? 0) % 32];
  return `C-${id}`;
}

export const newId = (): string => randomUUID();
