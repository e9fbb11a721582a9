/**
 * The API and the app-wide reaction to problems: a refused key opens the sign-in dialog over
 * whatever is on screen (so unsaved work stays mounted), anything else is reported to the caller.
 */
import { createContext, useContext } from 'react';
import type { BatonApi } from '../api/baton-api';
import type { ApiProblem } from '../api/api-error';

export interface ApiContextValue {
  api: BatonApi;
  /** Runs a request; on failure classifies the error, asks for a new key when it was refused, and rethrows the problem. */
  call: <T>(request: (api: BatonApi) => Promise<T>) => Promise<T>;
}

export const ApiContext = createContext<ApiContextValue | null>(null);

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiContext');
  return value;
}

/** Thrown by `call`: the classified problem. */
export class ApiCallError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

/** The problem behind anything `call` threw. */
export function problemOf(error: unknown): ApiProblem {
  return error instanceof ApiCallError ? error.problem : { kind: 'other', message: error instanceof Error ? error.message : String(error), code: null };
}
