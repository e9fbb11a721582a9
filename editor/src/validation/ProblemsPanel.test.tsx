import { render, screen } from '@testing-library/react';
import type { ApiDiagnostic } from '../api/api-error';
import { ProblemsPanel } from './ProblemsPanel';

const titles = new Map([
  ['handoff_1', 'Billing, new wording'],
  ['c_tier', 'Customer tier'],
]);
const nodeName = (id: string) => titles.get(id) ?? id;

function renderProblems(diagnostics: ApiDiagnostic[]) {
  render(<ProblemsPanel validation={{ diagnostics, routingDiagnostics: [], pending: false, failed: null }} onPick={() => undefined} nodeName={nodeName} />);
  return screen.getAllByRole('button').map((b) => ({ text: b.textContent, title: b.getAttribute('title') }));
}

describe('the problems panel names nodes by their titles', () => {
  it('reads a quoted node id as the quoted title, and keeps the id after it and in the tooltip', () => {
    expect(
      renderProblems([{ code: 'MISSING_PARAMETER', severity: 'ERROR', message: 'handoff node "handoff_1" needs a reason code.', nodeId: 'handoff_1' }]),
    ).toEqual([{ text: 'Error handoff node "Billing, new wording" needs a reason code. · handoff_1', title: 'Node id: handoff_1' }]);
  });

  it('adds nothing to a message that names the node and its id already, and names an untitled node by its id', () => {
    expect(
      renderProblems([
        { code: 'VALUE_OUT_OF_DOMAIN', severity: 'WARNING', message: '"Customer tier" (c_tier) compares customerTier with "VIP".', nodeId: 'c_tier' },
        { code: 'MISSING_PARAMETER', severity: 'ERROR', message: 'stay node "stay_9" needs a reason code.', nodeId: 'stay_9' },
      ]).map((p) => p.text),
    ).toEqual(['Warning "Customer tier" (c_tier) compares customerTier with "VIP".', 'Error stay node "stay_9" needs a reason code.']);
  });
});
