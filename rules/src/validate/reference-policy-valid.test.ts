/**
 * The reference policy as the seed ships it (`seed/src/policies/support-default/`, read from
 * disk: rules must not import seed) passes the validation every publish runs. The seed loads it
 * by publishing, so a lexicon or concept edit that validation refuses would stop a fresh server
 * from starting; this says which phrase at once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validatePolicyDocument } from './validate-graph';

const DIR = path.join(__dirname, '../../../seed/src/policies/support-default');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

describe('the reference policy', () => {
  it('has no validation error, graph, trigger settings and routing together', () => {
    const result = validatePolicyDocument({ graph: read('graph.json'), settings: read('trigger-settings.json'), routing: read('routing.json') });
    expect(result.diagnostics.filter((d) => d.severity === 'ERROR').map((d) => d.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
