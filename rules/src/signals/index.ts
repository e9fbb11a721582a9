/** Public surface of the signals stage: trigger settings -> model, input -> facts + evidence. */
export { prepareSignals } from './prepare-signals';
export type { SignalsModel } from './prepare-signals';
export { computeSignals } from './compute-signals';
export type { SignalResult } from './signals-api';
