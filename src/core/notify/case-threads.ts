// Where a case's conversation lives on a threaded messenger (the Slack thread under the case
// card): the sender records it when it posts the root, thread replies and members' comments
// find the case through it.

export interface CaseThreadRecord {
  caseId: string;
  channelId: string;
  rootTs: string;
}

export interface CaseThreadStore {
  find(caseId: string): Promise<CaseThreadRecord | null>;
  /** The case whose root message is `rootTs` in `channelId`, if any. */
  findByRoot(channelId: string, rootTs: string): Promise<CaseThreadRecord | null>;
  /** Records (or moves) the thread of a case. */
  save(thread: CaseThreadRecord): Promise<void>;
}
