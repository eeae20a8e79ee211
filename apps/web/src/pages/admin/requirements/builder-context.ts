import { createContext, useContext } from 'react';
import type { DraftNode } from './draft';
import type { DraftIssues } from './validate';

export interface Choice {
  id: number;
  name: string;
}

/** What every node of the builder reads and edits: the draft, its issues, the drag in progress. */
export interface BuilderState {
  root: DraftNode;
  setRoot: (change: (root: DraftNode) => DraftNode) => void;
  issues: DraftIssues;
  /** The server's refusals of the last save, by node id, already in words. */
  refusals: Map<string, string[]>;
  dragging: string | null;
  setDragging: (id: string | null) => void;
  /** Other campaigns (for "eligible for" and campaign points) and this campaign's activities. */
  campaigns: Choice[];
  activities: Choice[];
}

export const BuilderContext = createContext<BuilderState | null>(null);

export function useBuilder(): BuilderState {
  const state = useContext(BuilderContext);
  if (!state) throw new Error('useBuilder outside the requirements builder');
  return state;
}
