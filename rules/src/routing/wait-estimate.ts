/**
 * The expected wait of a new conversation at a queue, from the queue length, the agents
 * available and the average handle time.
 *
 * - Servers N: free plus busy conversation slots of the queue's available agents (online,
 *   within working hours, serving the queue, on the conversation's channel).
 * - Offered traffic A (Erlangs): the conversations the queue holds now, busy slots plus those
 *   waiting. In steady state the mean number of busy servers is A (Little's law), so the
 *   current load is the estimate of λ·h when no arrival history is kept.
 * - A < N: the Erlang C mean wait `C(N, A) · h / (N − A)` (see `erlang-c.ts`).
 * - A ≥ N (saturated, no steady state): the conversation waits for the (waiting + 1)-th slot
 *   to free; with N busy exponential servers one frees every h/N seconds on average, so the
 *   wait is `(waiting + 1) · h / N` — the M/M/N conditional wait given the queue seen.
 */
import { erlangCWaitSeconds } from './erlang-c';

export interface QueueLoad {
  /** Conversation slots of the available agents, busy or free. */
  slots: number;
  /** Slots in use. */
  busy: number;
  /** Conversations waiting for an agent. */
  waiting: number;
  /** Mean handle time, seconds. */
  averageHandleSeconds: number;
}

/**
 * Expected wait in whole seconds (rounded up).
 * @returns null when no agent is available at all (the wait cannot be estimated)
 */
export function estimateWaitSeconds(load: QueueLoad): number | null {
  if (load.slots <= 0) return null;
  const traffic = load.busy + load.waiting;
  const wait =
    traffic < load.slots ? erlangCWaitSeconds(load.slots, traffic, load.averageHandleSeconds) : ((load.waiting + 1) * load.averageHandleSeconds) / load.slots;
  // The epsilon keeps a float such as 200.00000000000003 from rounding up to 201.
  return Math.ceil(wait - 1e-9);
}
