/** Where each output of a node leads, chosen from a list: connecting without the mouse. */
import { useId } from 'react';
import type { CanvasGraph, CanvasNode } from '../graph/canvas-graph';
import { acceptsInput, nodeSpecOf, outputHandles, outputLabel } from '../nodes/registry';

export interface OutputsEditorProps {
  node: CanvasNode;
  graph: CanvasGraph;
  /** Joins `handle` to `target`, or removes the edge from `handle` when `target` is null. */
  onLink: (handle: string | null, target: string | null) => void;
}

function OutputRow({ node, graph, handle, onLink }: OutputsEditorProps & { handle: string | null }) {
  const id = useId();
  const edge = graph.edges.find((e) => e.source === node.id && (e.sourceHandle ?? null) === handle);
  const targets = graph.nodes.filter((n) => n.id !== node.id && acceptsInput(n));
  const name = handle === null ? 'Next' : `When ${outputLabel(node, handle)}`;
  return (
    <div className="bn-field bn-output-row">
      <label htmlFor={id}>{name}, go to</label>
      <select id={id} value={edge?.target ?? ''} onChange={(e) => onLink(handle, e.target.value === '' ? null : e.target.value)}>
        <option value="">(not connected)</option>
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label ?? t.id} ({nodeSpecOf(t.kind).title})
          </option>
        ))}
      </select>
    </div>
  );
}

export function OutputsEditor(props: OutputsEditorProps) {
  const handles = outputHandles(props.node);
  if (handles.length === 0) return null;
  return (
    <fieldset className="bn-outputs">
      <legend>Outputs</legend>
      {handles.map((handle) => (
        <OutputRow key={handle ?? 'next'} {...props} handle={handle} />
      ))}
    </fieldset>
  );
}
