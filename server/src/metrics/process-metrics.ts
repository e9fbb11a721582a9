/**
 * The Node.js process metrics (CPU, memory, heap, event-loop lag, GC, handles) of prom-client,
 * named `baton_process_*` and `baton_nodejs_*`. They describe the process, not one server, so
 * one registry per process holds them, created by the first server that exposes metrics:
 * prom-client's GC observer and event-loop monitor are never stopped, so one per server would
 * pile up in a process that starts many (the tests).
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Prefix of every Baton metric. */
export const METRIC_PREFIX = 'baton_';

let processRegistry: Registry | undefined;

/** The process-wide registry of default metrics, created on first use. */
export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: METRIC_PREFIX });
  }
  return processRegistry;
}
