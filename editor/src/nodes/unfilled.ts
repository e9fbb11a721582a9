/**
 * New leaves start empty: a handoff, callback or stay dropped on the canvas names no reason code,
 * category, queue or priority until the ops person chooses them. A default (general / NORMAL /
 * customer_request) was easy to leave by mistake; an empty field is a MISSING_PARAMETER error from
 * validation, which blocks publishing, and the draft still saves meanwhile.
 */
import type { CallbackNode, HandoffNode, StayNode } from '@baton/schemas';
import type { NodeNames } from './node-spec';

/** A leaf's data as it may be while being filled: any required field still missing. */
export type Unfilled<D> = Partial<D>;

/** The data of a new leaf: nothing chosen. Typed as the full data because drafts carry it as such; readers use {@link fieldsOf}. */
export function unfilledData<D extends HandoffNode['data'] | CallbackNode['data'] | StayNode['data']>(): D {
  return {} as D;
}

/** A leaf's data with its required fields seen as possibly missing (a new leaf's are). */
export function fieldsOf<D extends object>(data: D): Unfilled<D> {
  return data;
}

/** The words for a field not chosen yet, shown on the canvas. */
export const NOT_CHOSEN = 'not chosen';

/** A leaf's queue on the canvas: its directory name (the id without `names` or when unknown), or that none is chosen. */
export function queueWords(queue: string | undefined, names?: NodeNames): string {
  return queue === undefined ? `(queue ${NOT_CHOSEN})` : (names?.queue(queue) ?? queue);
}
