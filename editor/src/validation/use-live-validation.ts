/**
 * Live validation: the server's `validatePolicyGraph` on the working draft, debounced, latest
 * answer wins. The hook only schedules; validating is the server's.
 */
import { useEffect, useState } from 'react';
import type { ApiDiagnostic } from '../api/api-error';
import type { DraftDocument } from '../graph/draft-document';
import { useApi } from '../app/api-context';

export interface LiveValidation {
  diagnostics: ApiDiagnostic[];
  /** True while the shown diagnostics may be stale (an edit is waiting or being checked). */
  pending: boolean;
  /** Set when the last check could not run (network, key). */
  failed: string | null;
}

/** Debounce between the last edit and the check (ms). */
export const VALIDATION_DELAY_MS = 400;

export function useLiveValidation(document: DraftDocument): LiveValidation {
  const { call } = useApi();
  const [state, setState] = useState<LiveValidation>({ diagnostics: [], pending: true, failed: null });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      call((api) => api.validate(document.graph, document.settings)).then(
        (result) => current && setState({ diagnostics: result.diagnostics, pending: false, failed: null }),
        (error: Error) => current && setState((s) => ({ ...s, pending: false, failed: error.message })),
      );
    }, VALIDATION_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [document, call]);
  return state;
}
