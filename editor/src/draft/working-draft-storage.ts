/**
 * Unsaved work per policy in session storage, so a refused key, a lost connection or a reload
 * of the tab never loses an edit. Stored with the revision it was based on: it is offered back
 * only over the same stored draft.
 */
import type { DraftDocument } from '../graph/draft-document';

export interface WorkingDraft {
  baseRevision: number;
  document: DraftDocument;
}

const keyOf = (policyId: string) => `baton.workingDraft.${policyId}`;

/** The unsaved work kept for `policyId`, if any (and readable). */
export function readWorkingDraft(policyId: string): WorkingDraft | null {
  const text = sessionStorage.getItem(keyOf(policyId));
  if (!text) return null;
  try {
    return JSON.parse(text) as WorkingDraft;
  } catch {
    return null;
  }
}

export function storeWorkingDraft(policyId: string, draft: WorkingDraft): void {
  try {
    sessionStorage.setItem(keyOf(policyId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the work stays in memory for this page's life.
  }
}

export function clearWorkingDraft(policyId: string): void {
  sessionStorage.removeItem(keyOf(policyId));
}
