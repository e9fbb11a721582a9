export type { SignalResult } from './signals/signals-api';
