import type { CaseFields } from '../case-sheet.js';
import { looksLikeInstruction } from './grounding.js';

// Text a model wrote for the owner to read (the STEP 1 summary, drafted spec wording) is
// shown only when it is plainly about this case. The model never sees another case or any
// candidate, so it cannot leak them; this is the second line, against a model that has been
// talked into writing something else: contacts, links, organisation names other than the
// owner's own, talk of approvals and statuses, or anything addressed to the system.

const CONTACT = /https?:\/\/|www\.|[\w.+-]+@[\w-]+\.[\w.]+|\d{2,4}[-‐－ー]\d{2,4}[-‐－ー]\d{3,4}/iu;
const ORGANISATION = /株式会社|有限会社|合同会社|合資会社|\(株\)|\(有\)|㈱|㈲|\binc\b|\bltd\b|corporation|company/iu;
const PERSON = /[\p{Script=Han}々]{2,4}(様|氏)/u;

/** The text, trimmed, when it is fit to show; undefined when it is not. */
export function screenGenerated(text: string | null | undefined, fields: CaseFields, maxChars: number): string | undefined {
  const value = text?.trim();
  if (!value || [...value].length > maxChars) return undefined;
  const plain = value.normalize('NFKC');
  if (CONTACT.test(plain) || PERSON.test(plain) || looksLikeInstruction(plain)) return undefined;
  const own = fields.company.name?.normalize('NFKC');
  const withoutOwn = own ? plain.split(own).join('') : plain;
  if (ORGANISATION.test(withoutOwn)) return undefined;
  return value;
}
