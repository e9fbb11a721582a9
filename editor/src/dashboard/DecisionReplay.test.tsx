import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BatonApi } from '../api/baton-api';
import type { ApiProblem } from '../api/api-error';
import type { EditorLoggedDecisionFragment, EditorReplayDecisionQuery } from '../api/generated/operations';
import { ApiCallError, ApiContext } from '../app/api-context';
import { PermissionsContext, permissionsOf } from '../app/permissions';
import type { Viewer } from '../api/types';
import { DecisionList } from './DecisionList';

const logged: EditorLoggedDecisionFragment = {
  decisionId: 'dec-7f3a',
  evaluatedAt: '2026-12-06T09:15:00.000Z',
  policyId: 'support-default',
  policyVersion: 4,
  conversationId: 'conv-garden-hose',
  input: { channel: 'chat', customer: { language: 'en' }, messages: [{ speaker: 'CUSTOMER', text: 'My hose reel arrived cracked, I want a person.' }] },
  outcome: { action: 'HANDOFF', reasonCode: 'EXPLICIT_REQUEST', queue: 'returns', priority: 'NORMAL' },
  reasons: [],
} as unknown as EditorLoggedDecisionFragment;

type Replay = EditorReplayDecisionQuery['replayDecision'];
const outcome = { action: 'HANDOFF', reasonCode: 'EXPLICIT_REQUEST', reasonCodes: ['EXPLICIT_REQUEST'], priority: 'NORMAL', tier: 'T1', queue: 'returns' };
const HASH = 'sha256:9b1e0c44d2';

/** The decision list of one logged decision, over an API whose replay answers `replay`; the key may call `allowed`. */
function renderList(replay: (id: string) => Promise<Replay>, allowed = ['Query.decisions', 'Query.replayDecision']) {
  const calls: string[] = [];
  const api = {
    decisions: async () => ({ nodes: [logged], pageInfo: { endCursor: null, hasNextPage: false } }),
    replayDecision: (id: string) => {
      calls.push(id);
      return replay(id);
    },
  } as unknown as BatonApi;
  const viewer = { keyId: 'bk_audit', role: 'AUDITOR', allowedOperations: allowed } as unknown as Viewer;
  render(
    <ApiContext.Provider value={{ api, call: (request) => request(api) }}>
      <PermissionsContext.Provider value={permissionsOf(viewer)}>
        <DecisionList
          request={{ title: 'Handoffs', source: { kind: 'filter', filter: { from: '2026-12-06T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' } } }}
          timeZone="UTC"
        />
      </PermissionsContext.Provider>
    </ApiContext.Provider>,
  );
  return calls;
}

async function openAndReplay() {
  await userEvent.click(await screen.findByRole('button', { name: 'conv-garden-hose' }));
  await userEvent.click(screen.getByRole('button', { name: 'Replay' }));
}

const refused = (problem: ApiProblem) => () => Promise.reject(new ApiCallError(problem));

describe('replaying a logged decision from the dashboard', () => {
  it('says the replay is identical, on which version and content hash it ran', async () => {
    const calls = renderList(
      async (id) =>
        ({
          decisionId: id,
          policyId: 'support-default',
          policyVersion: 4,
          contentHash: HASH,
          identical: true,
          differences: [],
          original: outcome,
          replayed: outcome,
        }) as unknown as Replay,
    );
    await openAndReplay();
    const result = await screen.findByRole('status', { name: 'Replay result' });
    expect(calls).toEqual(['dec-7f3a']);
    expect(result).toHaveTextContent('Identical: yes.');
    expect(result).toHaveTextContent(`Replayed on support-default v4, content hash ${HASH}`);
    expect(within(result).queryByText('What differs:')).toBeNull();
    expect(within(result).queryByText('(differs)')).toBeNull();
  });

  it('lists what differs and marks the fields that changed', async () => {
    renderList(
      async (id) =>
        ({
          decisionId: id,
          policyId: 'support-default',
          policyVersion: 4,
          contentHash: HASH,
          identical: false,
          differences: ['action: HANDOFF → STAY', 'queue: returns → (none)'],
          original: outcome,
          replayed: { ...outcome, action: 'STAY', queue: null },
        }) as unknown as Replay,
    );
    await openAndReplay();
    const result = await screen.findByRole('status', { name: 'Replay result' });
    expect(result).toHaveTextContent('Identical: no.');
    expect(within(result).getByText('action: HANDOFF → STAY')).toBeInTheDocument();
    expect(within(result).getByText('queue: returns → (none)')).toBeInTheDocument();
    const action = within(result).getByRole('row', { name: /^Action/ });
    expect(action).toHaveTextContent('HANDOFF');
    expect(action).toHaveTextContent('STAY (differs)');
    expect(within(result).getByRole('row', { name: /^Priority/ })).not.toHaveTextContent('differs');
  });

  it('says why when the replay could not run', async () => {
    renderList(
      async (id) =>
        ({
          decisionId: id,
          policyId: 'support-default',
          policyVersion: 4,
          contentHash: HASH,
          identical: false,
          differences: ['The stored facts lack customer.tier.'],
          original: outcome,
          replayed: null,
        }) as unknown as Replay,
    );
    await openAndReplay();
    const result = await screen.findByRole('status', { name: 'Replay result' });
    expect(result).toHaveTextContent('Identical: no. The replay on support-default v4 could not run');
    expect(within(result).getByText('The stored facts lack customer.tier.')).toBeInTheDocument();
  });

  it('says in words that the decision is not in the log (NOT_FOUND)', async () => {
    renderList(refused({ kind: 'other', code: 'NOT_FOUND', message: 'No decision dec-7f3a.' }));
    await openAndReplay();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not replay the decision: This decision is not in the decision log');
    expect(screen.queryByRole('status', { name: 'Replay result' })).toBeNull();
  });

  it('says in words that the key may not replay (FORBIDDEN)', async () => {
    renderList(refused({ kind: 'forbidden', message: 'Role bot may not call Query.replayDecision.' }));
    await openAndReplay();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This key may not replay decisions');
    expect(screen.getByRole('button', { name: 'Replay' })).toHaveAccessibleDescription(/This key may not replay decisions/);
  });

  it('offers no Replay button to a key that may not call replayDecision', async () => {
    const calls = renderList(async () => {
      throw new Error('not called');
    }, ['Query.decisions']);
    await userEvent.click(await screen.findByRole('button', { name: 'conv-garden-hose' }));
    expect(screen.getByText('dec-7f3a')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Replay' })).toBeNull();
    expect(calls).toEqual([]);
  });
});
