/**
 * The canvas's edge: right-angled (React Flow's smooth step) and kept out from behind nodes. An
 * edge going forward turns halfway between its two nodes, in the gap the layout leaves between
 * columns; one going back (a condition's false output to the next condition below it in the
 * ladder) runs its horizontal stretch through the gap between the two nodes, not across either.
 */
import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../graph/flow-types';

/** How far an edge leaves its handle straight before turning (px). */
const OFFSET = 18;

type Box = { top: number; bottom: number };

function boxOf(node: InternalNode<FlowNode> | undefined): Box | null {
  const height = node?.measured.height;
  if (!node || !height) return null;
  const top = node.internals.positionAbsolute.y;
  return { top, bottom: top + height };
}

/** Where the horizontal stretch of an edge going back runs: in the gap between its nodes, else below both. */
export function backEdgeLane(from: Box, to: Box): number {
  if (to.top >= from.bottom) return (from.bottom + to.top) / 2;
  if (from.top >= to.bottom) return (to.bottom + from.top) / 2;
  return Math.max(from.bottom, to.bottom) + OFFSET;
}

function StepEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const from = boxOf(useInternalNode<FlowNode>(source));
  const to = boxOf(useInternalNode<FlowNode>(target));
  const goesBack = targetX < sourceX;
  const centerY = goesBack && from && to ? backEdgeLane(from, to) : undefined;
  // Two nodes closer than two offsets: turn halfway, not past each other.
  const offset = goesBack ? OFFSET : Math.min(OFFSET, (targetX - sourceX) / 2);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: 8,
    offset,
    ...(centerY === undefined ? {} : { centerY }),
  });
  return (
    <BaseEdge
      id={id}
      path={path}
      label={props.label}
      labelX={labelX}
      labelY={labelY}
      labelShowBg
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={4}
      markerEnd={props.markerEnd}
      style={props.style}
      interactionWidth={props.interactionWidth}
    />
  );
}

export const StepEdge = memo(StepEdgeView);

/** React Flow `edgeTypes`: every canvas edge is a {@link StepEdge} (type `baton`). */
export const EDGE_TYPES = { baton: StepEdge };
