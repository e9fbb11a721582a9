/**
 * Checks shared by leaves: the parameters a decision needs must be filled in, not just present.
 */
import { DiagnosticCode, error, type Diagnostic } from '../validate/diagnostic';

/** A MissingParameter diagnostic for each named parameter that is blank. */
export function requireFilled(nodeId: string, title: string, params: Record<string, string | undefined>): Diagnostic[] {
  return Object.entries(params)
    .filter(([, value]) => !value || value.trim() === '')
    .map(([name]) => error(DiagnosticCode.MissingParameter, `${title} "${nodeId}" needs a ${name}.`, { nodeId }));
}
