import { fireEvent, render, screen, within } from '@testing-library/react';
import { FACT_CATALOG, ROUTING_FACT_CATALOG, valueDomains, type ConditionValue, type FactSpec } from '@baton/schemas';
import { ValueEditor } from './value-editor';
import { ValueDomainsContext, pickListOf, valueHint } from './value-domains-context';

const domains = valueDomains({
  settings: { topics: { billing: { phrases: { en: ['refund'], es: ['reembolso'] } } } },
  nodes: [{ kind: 'handoff', data: { reasonCode: 'billing_dispute' } }],
  queues: ['general', 'billing'],
});

function renderValue(fact: string, spec: FactSpec, value: ConditionValue, operator: 'equal' | 'in' = 'equal') {
  const commits: ConditionValue[] = [];
  render(
    <ValueDomainsContext.Provider value={domains}>
      <ValueEditor spec={spec} fact={fact} operator={operator} value={value} topics={[]} onCommit={(v) => commits.push(v)} />
    </ValueDomainsContext.Provider>,
  );
  return commits;
}

describe('value pick lists', () => {
  it('offers the known tiers as a combobox that still takes free text', () => {
    const commits = renderValue('customerTier', FACT_CATALOG.customerTier, 'vip');
    const box = screen.getByLabelText('Value (customer tier)');
    const list = document.getElementById(box.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.getAttribute('value'))).toEqual(['free', 'pro', 'vip', 'enterprise']);
    expect(box).toHaveAccessibleDescription('Known: free, pro, vip, enterprise.');
    fireEvent.change(box, { target: { value: 'gold' } });
    expect(commits).toEqual(['gold']);
  });

  it('warns about a value differing only in case and fixes it in one click', () => {
    const commits = renderValue('customerTier', FACT_CATALOG.customerTier, 'VIP');
    expect(screen.getByLabelText('Value (customer tier)')).toHaveAccessibleDescription(
      '⚠ “VIP” never matches: the customer tier is “vip” (values are compared exactly).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use “vip”' }));
    expect(commits).toEqual(['vip']);
  });

  it('offers the languages of the lexicons and warns about one outside them in a list', () => {
    renderValue('language', FACT_CATALOG.language, ['es', 'it'], 'in');
    expect(screen.getByLabelText('Value (comma-separated)')).toHaveAccessibleDescription('⚠ “it” is no known language of the policy. Known: en, es.');
  });

  it('makes the decided priority of a routing graph a closed select', () => {
    const commits = renderValue('priority', ROUTING_FACT_CATALOG.priority as FactSpec, 'HIGH');
    const select = screen.getByLabelText('Value');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
    fireEvent.change(select, { target: { value: 'URGENT' } });
    expect(commits).toEqual(['URGENT']);
  });

  it('offers nothing for a fact without a domain, and topics keep their own select', () => {
    expect(pickListOf('attributes', domains)).toBeNull();
    expect(pickListOf('topics', domains)).toBeNull();
    expect(pickListOf('queue', domains)).toMatchObject({ values: ['billing', 'general'], closed: false });
    expect(valueHint(['billing'], { values: ['billing'], noun: 'queue' })).toEqual({ text: 'Known: billing.', warning: false });
  });
});
