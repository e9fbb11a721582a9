/**
 * Per-version work done once and cached by the server under the version's content hash: graph
 * index for traces and the signals model (stemmed lexicons). The compiled rules are kept as
 * JSON; each evaluation builds its own Engine from them.
 */
import type { PolicyDocument } from '@baton/schemas';
import type { CompiledPolicy } from '../compiler/compiled-policy';
import { indexGraph, type GraphIndex } from '../graph/graph-index';
import { prepareSignals, type SignalsModel } from '../signals';

export interface PreparedPolicy {
  document: PolicyDocument;
  compiled: CompiledPolicy;
  index: GraphIndex;
  signals: SignalsModel;
}

/** Prepares a published version for evaluation. Pure; safe to share across concurrent decisions. */
export function preparePolicy(document: PolicyDocument, compiled: CompiledPolicy): PreparedPolicy {
  return { document, compiled, index: indexGraph(document.graph), signals: prepareSignals(document.settings) };
}
