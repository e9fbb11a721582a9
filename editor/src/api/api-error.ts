/**
 * What went wrong with a request, in the terms the UI acts on: sign in again, retry when the
 * network is back, reload after a conflict, fix the nodes a diagnostic names, or read the message.
 * Baton's errors are told apart by `extensions.code`, never by message text.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { BatonErrorCode } from '@baton/schemas';
import type { Severity } from './generated/operations';

/** A diagnostic as the server reports it (validation and INVALID_POLICY errors). */
export interface ApiDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  nodeId?: string | null;
  edgeId?: string | null;
}

/** A failing policy test case as POLICY_TESTS_FAILED reports it. */
export interface TestFailure {
  testCase: string;
  failures: string[];
}

/** One problem of a refused input, e.g. a dataset line (BAD_USER_INPUT's `extensions.problems`). */
export interface LineProblem {
  line: number;
  message: string;
}

/** A refused input field as BAD_USER_INPUT names it (`extensions.field`, or `extensions.problems[].field`, e.g. `input.timeZone`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The fields a BAD_USER_INPUT error names, each with its message (the error's own for `extensions.field`). */
function fieldProblemsOf(error: WireError): FieldProblem[] {
  const fields: FieldProblem[] = [];
  const field = error.extensions?.field;
  if (typeof field === 'string') fields.push({ field, message: error.message });
  const problems = error.extensions?.problems;
  if (Array.isArray(problems))
    for (const p of problems as Array<Record<string, unknown>>)
      if (typeof p.field === 'string' && typeof p.message === 'string') fields.push({ field: p.field, message: p.message });
  return fields;
}

export type ApiProblem =
  | { kind: 'unauthenticated'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'conflict'; message: string; currentRevision: number | null }
  | { kind: 'invalid'; message: string; diagnostics: ApiDiagnostic[] }
  | { kind: 'forbidden'; message: string }
  | { kind: 'testsFailed'; message: string; testFailures: TestFailure[] }
  | { kind: 'badInput'; message: string; problems: LineProblem[]; fields: FieldProblem[] }
  | { kind: 'other'; message: string; code: string | null };

interface WireError {
  message: string;
  extensions?: Record<string, unknown>;
}

function fromWire(error: WireError): ApiProblem {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : null;
  switch (code) {
    case BatonErrorCode.Unauthenticated:
      return { kind: 'unauthenticated', message: 'Your API key is not accepted (expired, revoked or mistyped). Sign in again; your unsaved work is kept.' };
    case BatonErrorCode.Conflict: {
      const current = error.extensions?.currentRevision;
      return { kind: 'conflict', message: error.message, currentRevision: typeof current === 'number' ? current : null };
    }
    case BatonErrorCode.InvalidPolicy:
      return {
        kind: 'invalid',
        message: error.message,
        diagnostics: Array.isArray(error.extensions?.diagnostics) ? (error.extensions.diagnostics as ApiDiagnostic[]) : [],
      };
    case BatonErrorCode.PolicyTestsFailed:
      return {
        kind: 'testsFailed',
        message: error.message,
        testFailures: Array.isArray(error.extensions?.testFailures) ? (error.extensions.testFailures as TestFailure[]) : [],
      };
    case BatonErrorCode.Forbidden:
      return { kind: 'forbidden', message: error.message };
    case BatonErrorCode.BadUserInput:
      return {
        kind: 'badInput',
        message: error.message,
        problems: Array.isArray(error.extensions?.problems) ? (error.extensions.problems as LineProblem[]) : [],
        fields: fieldProblemsOf(error),
      };
    default:
      return { kind: 'other', message: error.message, code };
  }
}

function parseBody(text: string): WireError | null {
  try {
    const body = JSON.parse(text) as { errors?: WireError[] };
    return body.errors?.[0] ?? null;
  } catch {
    return null;
  }
}

/** Classifies anything a request threw. */
export function toApiProblem(error: unknown): ApiProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return first ? fromWire(first as WireError) : { kind: 'other', message: error.message, code: null };
  }
  if (ServerError.is(error)) {
    // Baton answers refused keys with HTTP 401 and a GraphQL-shaped body.
    const wire = parseBody(error.bodyText);
    if (wire) return fromWire(wire);
    if (error.statusCode === 401) return fromWire({ message: '', extensions: { code: BatonErrorCode.Unauthenticated } });
    if (error.statusCode === 413)
      return { kind: 'other', message: 'The server does not accept a request this large (HTTP 413).', code: BatonErrorCode.PayloadTooLarge };
    return { kind: 'network', message: `The Baton server answered HTTP ${error.statusCode}. Retry in a moment; your unsaved work is kept.` };
  }
  return { kind: 'network', message: 'Cannot reach the Baton server. Check that it is running and retry; your unsaved work is kept.' };
}
