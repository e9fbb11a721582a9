/**
 * How each node kind looks on the canvas, in a registry keyed by kind: a title, the node's
 * test or decision in words, labelled output handles, and the overlays (problems, the path of
 * the last test run with each condition's fact value, diff marks). Leaves are coloured by action.
 */
import { memo, type ComponentType, type ReactNode } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CanvasNode, CanvasNodeKind } from '../graph/canvas-graph';
import type { FlowNode } from '../graph/flow-types';
import { outputLabel } from '../graph/graph-mapping';
import { outputHandles } from '../graph/graph-operations';
import { describeNode, describeTarget } from '../graph/node-words';
import { useCanvasOverlay } from './canvas-overlay';

const KIND_TITLES: Record<CanvasNodeKind, string> = {
  start: 'Start',
  condition: 'Condition',
  switch: 'Switch',
  handoff: 'Hand off',
  stay: 'Stay',
  callback: 'Callback',
  route: 'Route',
};

/** A fact value as a short text ("2", "true", "security, billing"). */
export function formatFactValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${formatFactValue(v)}`).join('; ');
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  return String(value);
}

function Outputs({ node }: { node: CanvasNode }) {
  const handles = outputHandles(node);
  if (handles.length === 0) return null;
  return (
    <div className="bn-outputs-col">
      {handles.map((handle) => (
        <div key={handle ?? 'next'} className="bn-output">
          {handle === null ? null : <span className="bn-output-label">{outputLabel(node, handle)}</span>}
          <Handle type="source" position={Position.Right} id={handle ?? undefined} className={`bn-handle bn-handle-${handle ?? 'next'}`} aria-label={handle === null ? 'next' : `output ${outputLabel(node, handle)}`} />
        </div>
      ))}
    </div>
  );
}

function NodeFrame({ node, selected, children, words = true }: { node: CanvasNode; selected: boolean; children?: ReactNode; words?: boolean }) {
  const overlay = useCanvasOverlay();
  const problems = overlay.diagnostics.get(node.id) ?? [];
  const errors = problems.filter((d) => d.severity === 'ERROR').length;
  const step = overlay.trace?.get(node.id);
  const diff = overlay.diff?.get(node.id);
  const classes = [
    'bn-node',
    `bn-kind-${node.kind}`,
    selected ? 'bn-selected' : '',
    errors > 0 ? 'bn-has-error' : problems.length > 0 ? 'bn-has-warning' : '',
    overlay.trace ? (step ? 'bn-on-path' : 'bn-off-path') : '',
    diff ? `bn-diff-${diff}` : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-node-id={node.id} data-testid={`node-${node.id}`}>
      {node.kind === 'start' ? null : <Handle type="target" position={Position.Left} className="bn-handle bn-handle-in" aria-label="input" />}
      <div className="bn-node-main">
        <div className="bn-node-head">
          <span className="bn-kind">{KIND_TITLES[node.kind]}</span>
          {problems.length > 0 ? (
            <span className="bn-problem-badge" title={problems.map((d) => d.message).join('\n')} aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}>
              ⚠ {problems.length}
            </span>
          ) : null}
          {diff ? <span className={`bn-diff-badge bn-diff-${diff}`}>{diff}</span> : null}
        </div>
        <div className="bn-node-title">{node.label ?? node.id}</div>
        {words ? <div className="bn-node-words">{describeNode(node)}</div> : null}
        {children}
        {step && step.fact ? (
          <div className="bn-trace-value" title={step.description}>
            saw {formatFactValue(step.factValue)} → {step.result}
          </div>
        ) : step && node.kind !== 'start' && step.result === 'reached' ? (
          <div className="bn-trace-value">reached</div>
        ) : null}
      </div>
      <Outputs node={node} />
    </div>
  );
}

function LeafDetails({ node }: { node: CanvasNode }) {
  if (node.kind !== 'handoff' && node.kind !== 'callback' && node.kind !== 'stay') return null;
  return (
    <div className="bn-leaf-meta">
      <span className="bn-chip">{node.data.reasonCode}</span>
      {node.kind !== 'stay' ? <span className={`bn-chip bn-priority-${node.data.priority.toLowerCase()}`}>{node.data.priority}</span> : null}
    </div>
  );
}

function RouteTargets({ node }: { node: CanvasNode }) {
  if (node.kind !== 'route') return null;
  return (
    <ol className="bn-route-targets" aria-label="Targets in order">
      {node.data.targets.map((t, i) => (
        <li key={i}>{describeTarget(t)}</li>
      ))}
    </ol>
  );
}

const route = memo(function RouteNodeView({ data, selected }: NodeProps<FlowNode>) {
  return (
    <NodeFrame node={data.node} selected={selected} words={false}>
      <RouteTargets node={data.node} />
    </NodeFrame>
  );
});

const plain = memo(function PlainNode({ data, selected }: NodeProps<FlowNode>) {
  return <NodeFrame node={data.node} selected={selected} />;
});

const leaf = memo(function LeafNode({ data, selected }: NodeProps<FlowNode>) {
  return (
    <NodeFrame node={data.node} selected={selected}>
      <LeafDetails node={data.node} />
    </NodeFrame>
  );
});

/** The renderer of each node kind (React Flow `nodeTypes`). */
export const NODE_RENDERERS: Record<CanvasNodeKind, ComponentType<NodeProps<FlowNode>>> = {
  start: plain,
  condition: plain,
  switch: plain,
  handoff: leaf,
  stay: leaf,
  callback: leaf,
  route,
};
