/**
 * What every node kind's inspector form receives, and the name field they all start with. Forms
 * commit valid values only; each field's edits coalesce into one undo step.
 */
import type { CanvasNode } from '../graph/canvas-graph';
import { TextField } from './fields';
import type { KnownDomains } from './value-domains-context';

export interface NodeFormContext {
  /** Topic names the policy's lexicons define. */
  topics: readonly string[];
  /** Queue ids to offer (the directory's when known, else those the graph uses). */
  queues: readonly string[];
  /** The directory's queue ids; null when unknown (then no queue is warned about). */
  directoryQueues?: readonly string[] | null;
  /** Known values per fact domain, offered as pick lists (`valueDomains` of `@baton/schemas`); absent: none. */
  domains?: KnownDomains;
}

export interface NodeFormProps<N extends CanvasNode> {
  node: N;
  context: NodeFormContext;
  /** Commits the node; edits with the same `field` coalesce into one undo step. */
  onChange: (node: CanvasNode, field: string) => void;
}

/** The node's name on the canvas. */
export function LabelField<N extends CanvasNode>({ node, onChange }: Pick<NodeFormProps<N>, 'node' | 'onChange'>) {
  return <TextField label="Name on the canvas" value={node.label ?? ''} onCommit={(label) => onChange({ ...node, label }, 'label')} />;
}
