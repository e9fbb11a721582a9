/**
 * Undo/redo history of immutable snapshots. Consecutive records with the same coalesce key
 * (typing in one field) become one step; transient replacements (a node being dragged) are
 * not steps at all — a checkpoint taken when the drag starts makes the whole drag one step.
 */

/** Most undo steps kept. */
export const HISTORY_LIMIT = 100;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** Key of the last record, so the next record with the same key replaces it. */
  coalesceKey?: string;
}

/** A history whose only state is `present`. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Makes `next` the present as a new undo step (or merges it into the last one when `coalesceKey` repeats). */
export function record<T>(history: History<T>, next: T, coalesceKey?: string): History<T> {
  if (next === history.present) return history;
  if (coalesceKey !== undefined && coalesceKey === history.coalesceKey) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [], coalesceKey };
}

/** Replaces the present without an undo step (pair with {@link checkpoint}). */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

/** Saves the present as an undo step, so the transient changes that follow undo as one. */
export function checkpoint<T>(history: History<T>): History<T> {
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: history.present, future: [] };
}

/** One step back; unchanged when there is nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** One step forward; unchanged when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
