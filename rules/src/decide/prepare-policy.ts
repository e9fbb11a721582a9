/**
 * Per-version work done once and cached by the server under the version's content hash: graph
 * index for traces, the signals model (stemmed lexicons) and the redaction patterns. The compiled rules are kept as
 * JSON; each evaluation builds its own Engine from them.
 */
import type { PolicyDocument, RoutingNode } from '@baton/schemas';
import type { CompiledPolicy } from '../compiler/compiled-policy';
import { indexGraph, type GraphIndex } from '../graph/graph-index';
import { prepareSignals, type SignalsModel } from '../signals';
import { prepareRedaction, type RedactionModel } from '../redaction';

export interface PreparedPolicy {
  document: PolicyDocument;
  compiled: CompiledPolicy;
  index: GraphIndex;
  /** The routing graph, indexed for the walk; null when the policy has none. */
  routing: GraphIndex<RoutingNode> | null;
  signals: SignalsModel;
  redaction: RedactionModel;
}

/**
 * Prepares a published version for evaluation. Pure; safe to share across concurrent decisions.
 * @throws RedactionPatternError when an extra redaction pattern is not a valid regular expression
 *   (validation refuses such a policy before it is published)
 */
export function preparePolicy(document: PolicyDocument, compiled: CompiledPolicy): PreparedPolicy {
  return {
    document,
    compiled,
    index: indexGraph(document.graph),
    routing: document.routing ? indexGraph(document.routing) : null,
    signals: prepareSignals(document.settings),
    redaction: prepareRedaction(document.settings.redaction),
  };
}
