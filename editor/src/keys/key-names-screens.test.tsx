import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { BatonApi } from '../api/baton-api';
import type { Dataset, PolicySummary } from '../api/types';
import { ApiContext } from '../app/api-context';
import { DatasetList } from '../backtest/DatasetList';
import { PolicyList } from '../policies/PolicyList';

/** An API answering only what these screens ask: the policies list and the names of keys it knows. */
function withApi(children: ReactNode, policies: PolicySummary[] = []) {
  const known = new Map([['bk_lfRFAJF9d', { id: 'bk_lfRFAJF9d', name: 'Ana Souza', role: 'PUBLISHER' as const, active: true }]]);
  const api = {
    policies: async () => policies,
    keyNames: async (ids: readonly string[]) => ids.flatMap((id) => (known.has(id) ? [known.get(id)!] : [])),
  } as unknown as BatonApi;
  return <ApiContext.Provider value={{ api, call: (request) => request(api) }}>{children}</ApiContext.Provider>;
}

const dataset = (createdBy: string): Dataset =>
  ({
    id: 'ds_1',
    name: 'October chats',
    format: 'MESSAGES',
    source: 'october.jsonl',
    createdAt: '2026-12-07T06:00:00.000Z',
    createdBy,
    rows: 4,
    expectations: [],
    redactions: 0,
    warnings: [],
  }) as unknown as Dataset;

describe('screens name the key behind a change, not its id', () => {
  it('the policies list says who saved the draft', async () => {
    const policy = {
      id: 'support-default',
      name: 'Support default',
      isDefault: true,
      activeVersion: null,
      draft: { revision: 2, updatedAt: '2026-12-07T06:00:00.000Z', updatedBy: 'bk_lfRFAJF9d' },
    } as unknown as PolicySummary;
    render(withApi(<PolicyList onOpen={() => undefined} />, [policy]));
    expect(await screen.findByText('revision 2 by Ana Souza (publisher)')).toBeInTheDocument();
    expect(screen.queryByText(/bk_lfRFAJF9d/)).toBeNull();
  });

  it('a dataset row says who imported it, and keeps an id no key has', async () => {
    const { rerender } = render(withApi(<DatasetList datasets={[dataset('bk_lfRFAJF9d')]} selectedId={null} onSelect={() => undefined} />));
    expect(await screen.findByText(/· Ana Souza \(publisher\)$/)).toBeInTheDocument();
    expect(screen.queryByText(/bk_lfRFAJF9d/)).toBeNull();
    rerender(withApi(<DatasetList datasets={[dataset('bk_gone')]} selectedId={null} onSelect={() => undefined} />));
    expect(await screen.findByText(/· bk_gone$/)).toBeInTheDocument();
  });
});
