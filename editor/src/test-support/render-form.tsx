/** Internal (tests only): renders a node kind's inspector form over a node held in state, recording every commit. */
import { useState } from 'react';
import { render } from '@testing-library/react';
import type { CanvasNode } from '../graph/canvas-graph';
import type { NodeFormContext } from '../inspector/node-form';
import { nodeSpecOf } from '../nodes/registry';

/** Renders the form of `initial`'s kind; `last()` is the latest committed node. */
export function renderForm<N extends CanvasNode>(initial: N, context: NodeFormContext) {
  const commits: CanvasNode[] = [];
  function Host() {
    const [node, setNode] = useState<CanvasNode>(initial);
    const Form = nodeSpecOf(node.kind).Form;
    return (
      <Form
        node={node}
        context={context}
        onChange={(next) => {
          commits.push(next);
          setNode(next);
        }}
      />
    );
  }
  render(<Host />);
  return { commits, last: () => commits[commits.length - 1] as N };
}
