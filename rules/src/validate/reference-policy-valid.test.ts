/**
 * The reference policy as the seed ships it (`seed/src/policies/support-default/`, read from
 * disk: rules must not import seed) passes the validation every publish runs. The seed loads it
 * by publishing, so a lexicon or concept edit that validation refuses would stop a fresh server
 * from starting; this says which phrase at once.
 */
import { readReferencePolicyFile as read } from '../testing/reference-files';
import { validatePolicyDocument } from './validate-graph';

describe('the reference policy', () => {
  it('has no validation error, graph, trigger settings and routing together', () => {
    const result = validatePolicyDocument({ graph: read('graph.json'), settings: read('trigger-settings.json'), routing: read('routing.json') });
    expect(result.diagnostics.filter((d) => d.severity === 'ERROR').map((d) => d.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
