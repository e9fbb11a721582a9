/**
 * What Baton knows about one kind of node: its ops-facing title, the outputs it must have and
 * the semantic checks of its data. The registry (`registry.ts`) holds one spec per kind.
 */
import type { NodeKind, PolicyNode } from '@baton/schemas';
import type { Diagnostic } from '../validate/diagnostic';

export interface NodeSpec<K extends NodeKind = NodeKind> {
  kind: K;
  /** Name ops see in messages and the palette. */
  title: string;
  /** Output handles every instance must connect, each to exactly one edge (none for leaves). */
  outputs(node: Extract<PolicyNode, { kind: K }>): string[];
  /** Checks beyond the JSON Schema: facts, operators, values, required leaf parameters. */
  check(node: Extract<PolicyNode, { kind: K }>): Diagnostic[];
  /** Data of a freshly dropped node of this kind. */
  defaults(): Extract<PolicyNode, { kind: K }>['data'];
}
