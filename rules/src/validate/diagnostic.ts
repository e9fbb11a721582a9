/**
 * Graph problems are returned, never thrown: each names the node (or edge) to fix and says
 * what is wrong in a sentence an ops person understands.
 */
import type { Severity } from '@baton/schemas';

/** Every problem the validator can report. */
export enum DiagnosticCode {
  InvalidShape = 'INVALID_SHAPE',
  DuplicateId = 'DUPLICATE_ID',
  StartCount = 'START_COUNT',
  DanglingEdge = 'DANGLING_EDGE',
  Cycle = 'CYCLE',
  Unreachable = 'UNREACHABLE',
  MissingOutput = 'MISSING_OUTPUT',
  DuplicateOutput = 'DUPLICATE_OUTPUT',
  UnknownOutput = 'UNKNOWN_OUTPUT',
  SwitchWithoutDefault = 'SWITCH_WITHOUT_DEFAULT',
  /** A decision table row no conversation can reach. */
  UnreachableRow = 'UNREACHABLE_ROW',
  /** Two decision table rows that partly match the same conversations; the earlier one wins. */
  OverlappingRows = 'OVERLAPPING_ROWS',
  UnknownFact = 'UNKNOWN_FACT',
  PathRequired = 'PATH_REQUIRED',
  OperatorNotAllowed = 'OPERATOR_NOT_ALLOWED',
  ValueType = 'VALUE_TYPE',
  MissingParameter = 'MISSING_PARAMETER',
  InvalidSettings = 'INVALID_SETTINGS',
  TooManyPaths = 'TOO_MANY_PATHS',
  DeadBranch = 'DEAD_BRANCH',
  UnknownTopic = 'UNKNOWN_TOPIC',
  /** A route target naming a queue the directory does not have. */
  UnknownQueue = 'UNKNOWN_QUEUE',
  /** A string compared with a value no known domain of its fact contains (a tier, a channel, a language). */
  UnknownValue = 'UNKNOWN_VALUE',
  /** A string differing from a known value of its fact only in case ("VIP" for "vip"): it never matches. */
  ValueCase = 'VALUE_CASE',
  /** A handoff or callback leaf without a customer message in a language the lexicons cover. */
  MissingTranslation = 'MISSING_TRANSLATION',
}

/** ERROR makes a graph invalid (it cannot compile or be published); WARNING only informs. The SDL enum. */
export type { Severity };

/** One problem; `nodeId` / `edgeId` point at what to fix when there is such a thing. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  nodeId?: string;
  edgeId?: string;
}

/** Result of validating a graph or policy document. `valid` is false when any ERROR exists. */
export interface ValidationResult {
  valid: boolean;
  diagnostics: Diagnostic[];
}

export function error(code: DiagnosticCode, message: string, where: { nodeId?: string; edgeId?: string } = {}): Diagnostic {
  return { code, severity: 'ERROR', message, ...where };
}

export function warning(code: DiagnosticCode, message: string, where: { nodeId?: string; edgeId?: string } = {}): Diagnostic {
  return { code, severity: 'WARNING', message, ...where };
}

export function toResult(diagnostics: Diagnostic[]): ValidationResult {
  return { valid: !diagnostics.some((d) => d.severity === 'ERROR'), diagnostics };
}

/** How a diagnostic names a node: `"title" (id)`, or `"id"` for a node without a title. */
export const quotedNodeName = (node: { id: string; label?: string | null }): string => (node.label ? `"${node.label}" (${node.id})` : `"${node.id}"`);
