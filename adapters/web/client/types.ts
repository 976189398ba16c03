// The shapes the simulator's API sends (adapters/web/sim/api.ts, ports.ts), as the browser sees them.

export interface Choice { label: string; value: string }

export type Reply =
  | { type: 'text'; text: string }
  | { type: 'choices'; text: string; choices: Choice[] }
  | { type: 'card'; kind: string; title: string; sections: { heading: string; lines: string[] }[]; pick?: Pick; actions: Choice[] };

/** "Choose several": checkboxes whose ticked values go with the card's action. */
export interface Pick { id: string; label: string; min: number; max: number; options: Choice[] }

export interface PaneMessage {
  id: string;
  rev: string;
  pane: 'owner' | 'slack' | 'teams';
  conversation: string;
  caseId: string | null;
  threadOf: string | null;
  root: boolean;
  author: 'bot' | 'user' | 'ephemeral';
  authorName: string | null;
  replies: Reply[];
  at: string;
}

export interface Person { name: string; organisation: string }

export interface SimState {
  rev: string;
  simulated: { slack: boolean; teams: boolean };
  actors: { slack: Person | null; teams: Person | null };
  channels: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  messages: PaneMessage[];
}

/** What a pane asks the page to do when a button is pressed. */
export interface ActionRequest {
  pane: 'slack' | 'teams';
  value: string;
  messageId?: string;
  /** The candidates ticked on a card's pick (choosing whom to introduce). */
  candidateIds?: string[];
}
