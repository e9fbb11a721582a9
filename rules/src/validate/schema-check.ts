/**
 * JSON Schema checks (ajv) of raw graph parts, turned into diagnostics that name the node and
 * the parameter in plain words instead of ajv's JSON pointers.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { PolicyEdgeSchema, TriggerSettingsSchema } from '@baton/schemas';
import type { GraphNodeKind } from '../graph/graph-index';
import { KINDS_OF, specOf } from '../nodes/registry';
import type { GraphFlavour } from '../nodes/node-spec';
import { DiagnosticCode, error, type Diagnostic } from './diagnostic';

// One Ajv per schema: the TypeBox schemas embed the same $id'd recursive ConditionTest.
const compile = (schema: object): ValidateFunction => new Ajv({ allErrors: true, strict: false }).compile(schema);

const NODE_VALIDATORS = new Map<GraphNodeKind, ValidateFunction>(
  [...new Set([...KINDS_OF.policy, ...KINDS_OF.routing])].map((kind) => [kind, compile(specOf(kind).schema)]),
);
const validateEdge = compile(PolicyEdgeSchema);
const validateSettingsSchema = compile(TriggerSettingsSchema);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `reasonCode` → `reason code`. */
const words = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function describe(e: ErrorObject): string {
  const where = e.instancePath.replace(/^\/data\/?/, '').replace(/\//g, '.') || 'the node';
  switch (e.keyword) {
    case 'required':
      return `needs a ${words(String((e.params as { missingProperty: string }).missingProperty))}`;
    case 'additionalProperties':
      return `has an unknown field "${String((e.params as { additionalProperty: string }).additionalProperty)}" in ${where}`;
    case 'const':
    case 'enum':
      return `${where} must be one of ${JSON.stringify((e.params as { allowedValue?: unknown; allowedValues?: unknown }).allowedValue ?? (e.params as { allowedValues?: unknown }).allowedValues)}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

const GROUP_KEYS = ['all', 'any', 'not'];
const TEST_KEYS = ['fact', 'path', 'operator', 'value'];

/**
 * A condition test is a union (a comparison or an all/any/not group); ajv reports every branch
 * it tried. Drop the reports that only say "this is not the other branch".
 */
function withoutUnionNoise(errors: ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => {
    if (e.keyword === 'anyOf') return false;
    if (e.keyword === 'required') return !GROUP_KEYS.includes(String((e.params as { missingProperty: string }).missingProperty));
    if (e.keyword === 'additionalProperties') return !TEST_KEYS.includes(String((e.params as { additionalProperty: string }).additionalProperty));
    return true;
  });
  return kept.length > 0 ? kept : errors;
}

/** Deduplicates ajv's union noise: keep one message per text. */
function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

/**
 * Checks one raw node against the schema of its kind.
 * @returns diagnostics (empty when the node is well-formed)
 */
export function checkNodeShape(raw: unknown, position: number, flavour: GraphFlavour = 'policy'): Diagnostic[] {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
    return [error(DiagnosticCode.InvalidShape, `Node number ${position + 1} needs an id (a non-empty text).`)];
  }
  const nodeId = raw.id;
  const kinds = KINDS_OF[flavour];
  const other = KINDS_OF[flavour === 'policy' ? 'routing' : 'policy'];
  if (typeof raw.kind === 'string' && !kinds.includes(raw.kind as GraphNodeKind) && other.includes(raw.kind as GraphNodeKind)) {
    const message =
      flavour === 'policy'
        ? `Node "${nodeId}" is a route, which belongs in the routing graph; an escalation tree ends in handoff, stay or callback nodes.`
        : `Node "${nodeId}" is a ${raw.kind}, which belongs in the escalation tree; a routing graph ends in route nodes.`;
    return [error(DiagnosticCode.InvalidShape, message, { nodeId })];
  }
  if (typeof raw.kind !== 'string' || !kinds.includes(raw.kind as GraphNodeKind)) {
    return [error(DiagnosticCode.InvalidShape, `Node "${nodeId}" has kind ${JSON.stringify(raw.kind)}; use one of ${kinds.join(', ')}.`, { nodeId })];
  }
  const validate = NODE_VALIDATORS.get(raw.kind as GraphNodeKind) as ValidateFunction;
  const ok: boolean = validate(raw);
  if (ok) return [];
  const errors = withoutUnionNoise(validate.errors ?? []);
  const missing = errors.filter((e) => e.keyword === 'required' && e.instancePath === '/data');
  return unique(errors.map((e) => `${raw.kind} node "${nodeId}" ${describe(e)}.`)).map((message) =>
    error(missing.length > 0 && message.includes(' needs a ') ? DiagnosticCode.MissingParameter : DiagnosticCode.InvalidShape, message, { nodeId }),
  );
}

/** Checks one raw edge. */
export function checkEdgeShape(raw: unknown, position: number): Diagnostic[] {
  const ok: boolean = validateEdge(raw);
  if (ok) return [];
  const edgeId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  const label = edgeId ? `Edge "${edgeId}"` : `Edge number ${position + 1}`;
  return unique((validateEdge.errors ?? []).map((e) => `${label} ${describe(e).replace('the node', 'the edge')}.`)).map((message) =>
    error(DiagnosticCode.InvalidShape, message, edgeId ? { edgeId } : {}),
  );
}

/** Checks trigger settings (lexicons and thresholds). */
export function checkSettingsShape(raw: unknown): Diagnostic[] {
  if (validateSettingsSchema(raw)) return [];
  return unique((validateSettingsSchema.errors ?? []).map((e) => `Trigger settings: ${e.instancePath || 'settings'} ${e.message ?? 'is invalid'}.`)).map(
    (message) => error(DiagnosticCode.InvalidSettings, message),
  );
}
