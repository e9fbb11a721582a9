/**
 * Live validation: the server's `validatePolicyGraph` on the working draft, debounced, latest
 * answer wins. The hook only schedules; validating is the server's. With a routing graph the
 * escalation tree is checked alone and with its routing graph, so each problem is marked on the
 * graph it belongs to (node ids of the two graphs may repeat, e.g. `start`).
 */
import { useEffect, useState } from 'react';
import type { ApiDiagnostic } from '../api/api-error';
import type { DraftDocument } from '../graph/draft-document';
import { useApi } from '../app/api-context';

export interface LiveValidation {
  /** Problems of the escalation tree and its settings. */
  diagnostics: ApiDiagnostic[];
  /** Problems of the routing graph. */
  routingDiagnostics: ApiDiagnostic[];
  /** True while the shown diagnostics may be stale (an edit is waiting or being checked). */
  pending: boolean;
  /** Set when the last check could not run (network, key). */
  failed: string | null;
}

/** Debounce between the last edit and the check (ms). */
export const VALIDATION_DELAY_MS = 400;

/** The diagnostics of `all` that are not in `escalation` (each matched once). */
export function routingOnly(all: readonly ApiDiagnostic[], escalation: readonly ApiDiagnostic[]): ApiDiagnostic[] {
  const left = escalation.map((d) => JSON.stringify(d));
  return all.filter((d) => {
    const i = left.indexOf(JSON.stringify(d));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

export function useLiveValidation(document: DraftDocument): LiveValidation {
  const { call } = useApi();
  const [state, setState] = useState<LiveValidation>({ diagnostics: [], routingDiagnostics: [], pending: true, failed: null });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const check = async () => {
        const escalation = await call((api) => api.validate(document.graph, document.settings));
        if (!document.routing) return { diagnostics: escalation.diagnostics, routingDiagnostics: [] };
        const routing = document.routing;
        const all = await call((api) => api.validate(document.graph, document.settings, routing));
        return { diagnostics: escalation.diagnostics, routingDiagnostics: routingOnly(all.diagnostics, escalation.diagnostics) };
      };
      check().then(
        (result) => current && setState({ ...result, pending: false, failed: null }),
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
