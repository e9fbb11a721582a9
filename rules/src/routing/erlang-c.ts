/**
 * The Erlang C formula: the probability that a conversation arriving at a queue served by `N`
 * agents has to wait, and the mean wait, for Poisson arrivals and exponential handle times
 * (the M/M/N queue).
 *
 * Source: A. K. Erlang, "Solution of some problems in the theory of probabilities of
 * significance in automatic telephone exchanges", Elektroteknikeren 13 (1917); in the form
 * used here, R. B. Cooper, Introduction to Queueing Theory, 2nd ed. (North Holland, 1981),
 * chapter 3, Erlang's delay formula:
 *
 *   C(N, A) = (A^N / N!) · N/(N − A)  /  ( Σ_{k=0}^{N−1} A^k / k!  +  (A^N / N!) · N/(N − A) )
 *   W_q     = C(N, A) · h / (N − A)
 *
 * with A = λ·h the offered traffic in Erlangs (arrival rate × mean handle time h), valid for
 * A < N. The sum is computed through the Erlang B recursion B(0) = 1,
 * B(k) = A·B(k−1) / (k + A·B(k−1)) and C = N·B / (N − A·(1 − B)), which never overflows
 * (the Erlang B recursion, same source).
 */

/**
 * A probability of waiting below this reads as 0: the mean wait it gives is under a nanosecond
 * for any handle time under 10^6 s.
 */
const NEGLIGIBLE = 1e-15;

/**
 * Probability of waiting, 0..1, for `servers` agents and `trafficErlangs` offered traffic.
 * @returns 1 when the queue is saturated (A ≥ N) or has no server; 0 when under 1e-15
 */
export function erlangC(servers: number, trafficErlangs: number): number {
  if (servers <= 0 || trafficErlangs >= servers) return 1;
  if (trafficErlangs <= 0) return 0;
  let b = 1;
  for (let k = 1; k <= servers; k += 1) {
    b = (trafficErlangs * b) / (k + trafficErlangs * b);
    // B falls with every server added, so N·B / (N − A) bounds the C still to come: under
    // NEGLIGIBLE it is 0 to any wait in whole seconds. A large queue with light traffic (960
    // chat slots, 317 Erlangs) ends the recursion after 468 of its 960 steps.
    if ((servers * b) / (servers - trafficErlangs) < NEGLIGIBLE) return 0;
  }
  return (servers * b) / (servers - trafficErlangs * (1 - b));
}

/**
 * Mean wait in queue, seconds: `C(N, A) · h / (N − A)`.
 * @param averageHandleSeconds - mean handle time h, seconds
 * @returns Infinity when the queue is saturated (A ≥ N): no steady state exists
 */
export function erlangCWaitSeconds(servers: number, trafficErlangs: number, averageHandleSeconds: number): number {
  if (servers <= 0 || trafficErlangs >= servers) return Infinity;
  return (erlangC(servers, trafficErlangs) * averageHandleSeconds) / (servers - trafficErlangs);
}
