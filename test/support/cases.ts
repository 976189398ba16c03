import { emptyFields, type CaseFields } from '../../src/core/case-sheet.js';
import type { CaseStore } from '../../src/core/conversation/ports.js';
import { initialDialogue } from '../../src/core/intake/state.js';

/** A case stored as the owner path stores it, with the fields given. */
export async function storeCase(store: CaseStore, owner: string, fields: Partial<CaseFields> = {}): Promise<string> {
  return store.withOwner({ channel: 'test', externalId: owner }, async (tx) => {
    const stored = await tx.createCase({ ...emptyFields(), ...fields }, initialDialogue());
    return stored.id;
  });
}
