import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BatonApi } from '../api/baton-api';
import type { KpiFilter } from '../api/generated/operations';
import type { Viewer } from '../api/types';
import { ApiContext } from '../app/api-context';
import { PermissionsContext, permissionsOf } from '../app/permissions';
import { DashboardPage } from './DashboardPage';
import { presetRange, startOfDay, type HandoffKpis, type KpiFigures } from './dashboard-model';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function figures(conversations: number, link: { from: string; to: string }): KpiFigures {
  const decisions = { policyId: null, policyVersion: null, action: null, reasonCode: null, queue: null, channel: null, language: null, ...link };
  const time = { count: 0, p50Seconds: null, p90Seconds: null };
  return {
    conversations,
    handoffs: 0,
    handoffRate: conversations > 0 ? 0 : null,
    handoffOutcomes: 0,
    resolutions: 0,
    resolved: 0,
    unresolved: 0,
    transferred: 0,
    abandoned: 0,
    resolutionRate: null,
    netResolutionRate: null,
    reopened: 0,
    repeatHandoffs: 0,
    repeatHandoffRate: null,
    csatGap: null,
    aiOutcomes: 0,
    aiResolved: 0,
    aiResolutionRate: null,
    verdicts: 0,
    unnecessary: 0,
    unnecessaryEscalationRate: null,
    corrections: 0,
    sentimentMeasured: 0,
    sentimentAtHandoff: null,
    timeToAssignment: time,
    timeToFirstResponse: time,
    timeToResolution: time,
    csatHandoff: { responses: 0, average: null },
    csatAiOnly: { responses: 0, average: null },
    byReason: [],
    decisions,
    handoffDecisions: { ...decisions, action: 'HANDOFF' },
  } as KpiFigures;
}

/** The dashboard over an API whose figures count `todays` conversations from today's local midnight on, none before. */
function renderDashboard(todays: number) {
  const midnight = startOfDay((presetRange('today', ZONE) as { from: string }).from, ZONE).toISOString();
  const asked: KpiFilter[] = [];
  const api = {
    policies: async () => [],
    queues: async () => [],
    handoffKpis: async (filter: KpiFilter): Promise<HandoffKpis> => {
      asked.push(filter);
      const n = filter.from >= midnight ? todays : 0;
      return {
        from: filter.from,
        to: filter.to,
        bucket: 'DAY',
        timeZone: ZONE,
        overall: { ...figures(n, filter), handoffOutcomeIds: [], unnecessaryIds: [], aiOnlyIds: [] },
        buckets: [],
        unnecessaryEscalationTrend: [],
      } as unknown as HandoffKpis;
    },
    handoffSuggestions: async () => [],
  } as unknown as BatonApi;
  const viewer = { keyId: 'bk_ops', role: 'AUDITOR', allowedOperations: ['Query.handoffKpis', 'Query.decisions'] } as unknown as Viewer;
  render(
    <ApiContext.Provider value={{ api, call: (request) => request(api) }}>
      <PermissionsContext.Provider value={permissionsOf(viewer)}>
        <DashboardPage onBack={() => undefined} onOpenPolicy={() => undefined} />
      </PermissionsContext.Provider>
    </ApiContext.Provider>,
  );
  return { asked, midnight };
}

// jsdom has <dialog> without its methods; the dashboard opens and closes one (the decisions behind a figure).
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

describe('an empty range while today has decisions', () => {
  it('offers to switch to today so far, and the switch shows today’s figures', async () => {
    const { asked, midnight } = renderDashboard(3);
    const hint = await screen.findByRole('note');
    expect(hint).toHaveTextContent('Today has 3 conversations decided so far.');
    expect(asked.map((f) => f.from >= midnight)).toEqual([false, true]);
    await userEvent.click(screen.getByRole('button', { name: 'Show today so far' }));
    expect(screen.getByLabelText('Range')).toHaveValue('today');
    await screen.findByLabelText('Figures of the range');
    expect(screen.queryByRole('region', { name: 'No data' })).toBeNull();
    expect(screen.queryByText(/Today has/)).toBeNull();
  });

  it('says nothing about today when today has no decision either', async () => {
    const { asked } = renderDashboard(0);
    await screen.findByRole('heading', { name: 'No decisions in this range yet' });
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Show today so far' })).toBeNull();
    expect(screen.queryByText(/Today has/)).toBeNull();
  });
});
