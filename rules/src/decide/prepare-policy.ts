/**
 * Per-version work done once and cached by the server under the version's content hash: graph
 * index for traces, the routing graph ready to run, the signals model (stemmed lexicons) and the
 * redaction patterns. The compiled rules are kept as JSON; Engines built from them are pooled per
 * compiled object (`evaluate/engine-pool.ts`), so they live as long as this entry.
 */
import type { PolicyDocument } from '@baton/schemas';
import type { CompiledPolicy } from '../compiler/compiled-policy';
import { indexGraph, type GraphIndex } from '../graph/graph-index';
import { EvaluationInvariantError } from '../evaluate/run-engine';
import { prepareRouting, type PreparedRouting } from '../routing/run-routing-graph';
import { prepareSignals, type SignalsModel } from '../signals';
import { prepareRedaction, type RedactionModel } from '../redaction';

export interface PreparedPolicy {
  document: PolicyDocument;
  compiled: CompiledPolicy;
  index: GraphIndex;
  /** The routing graph with its compiled rules; null when the policy has none. */
  routing: PreparedRouting | null;
  signals: SignalsModel;
  redaction: RedactionModel;
}

/**
 * Prepares a published version for evaluation. Pure; safe to share across concurrent decisions.
 * @throws RedactionPatternError when an extra redaction pattern is not a valid regular expression
 *   (validation refuses such a policy before it is published)
 * @throws EvaluationInvariantError when the document has a routing graph and `compiled` no
 *   routing rules (`compilePolicy` always compiles both)
 */
export function preparePolicy(document: PolicyDocument, compiled: CompiledPolicy): PreparedPolicy {
  if (document.routing && !compiled.routing)
    throw new EvaluationInvariantError('The policy has a routing graph but its compiled rules have no routing rules; compile it with compilePolicy.');
  return {
    document,
    compiled,
    index: indexGraph(document.graph),
    routing: document.routing && compiled.routing ? prepareRouting(document.routing, compiled.routing) : null,
    signals: prepareSignals(document.settings),
    redaction: prepareRedaction(document.settings.redaction),
  };
}
