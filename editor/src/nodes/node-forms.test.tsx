import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConditionNode, HandoffNode, PolicyNode, SwitchNode } from '@baton/schemas';
import { renderForm as renderWith } from '../test-support/render-form';

const context = { topics: ['security', 'legal'], queues: ['general', 'billing'] };

const renderForm = <N extends PolicyNode>(node: N) => renderWith(node, context);

const condition: ConditionNode = {
  id: 'c1',
  kind: 'condition',
  label: 'Upset?',
  data: { test: { fact: 'negativeStreak', operator: 'greaterThanInclusive', value: 2 } },
};

describe('condition form', () => {
  it('lists every fact with its type, and only the operators valid for the chosen fact', async () => {
    const user = userEvent.setup();
    const form = renderForm(condition);
    const fact = screen.getByLabelText('Fact');
    expect(within(fact).getAllByRole('option').length).toBe(25);
    expect(within(fact).getByRole('option', { name: /customer asks for a human — humanRequested \(boolean\)/ })).toBeInTheDocument();
    expect(screen.getByText(/How many of the latest customer messages in a row are negative/)).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Operator'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('≥ (greaterThanInclusive)');

    await user.selectOptions(fact, 'humanRequested');
    expect(form.last()).toMatchObject({ data: { test: { fact: 'humanRequested', operator: 'equal', value: true } } });
    expect(
      within(screen.getByLabelText('Operator'))
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['equal', 'notEqual']);
    expect(screen.getByLabelText('Value')).toHaveValue('true');
  });

  it('refuses a value that is not a number, or outside the fact range, and commits a valid one', async () => {
    const user = userEvent.setup();
    const form = renderForm<ConditionNode>({ ...condition, data: { test: { fact: 'sentimentLatest', operator: 'lessThanInclusive', value: -0.3 } } });
    const value = screen.getByLabelText('Value (score -1..1)');
    await user.clear(value);
    await user.type(value, 'abc');
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number between -1 and 1.');
    await user.clear(value);
    await user.type(value, '3');
    expect(screen.getByRole('alert')).toHaveTextContent('between -1 and 1');
    expect(
      form.commits.every((n) => n.kind === 'condition' && 'fact' in n.data.test && typeof n.data.test.value === 'number' && Math.abs(n.data.test.value) <= 1),
    ).toBe(true);
    await user.clear(value);
    await user.type(value, '-0.5');
    expect(form.last()).toMatchObject({ data: { test: { value: -0.5 } } });
    expect(value).toHaveAttribute('aria-invalid', 'false');
  });

  it('turns a single test into an "any of" group and adds a test to it', async () => {
    const user = userEvent.setup();
    const form = renderForm(condition);
    await user.selectOptions(screen.getAllByLabelText('Shape')[0] as HTMLElement, 'any');
    expect(form.last()).toMatchObject({ data: { test: { any: [condition.data.test] } } });
    await user.click(screen.getByRole('button', { name: 'Add a test' }));
    expect(form.last()).toMatchObject({ data: { test: { any: [condition.data.test, { fact: 'humanRequested' }] } } });
  });

  it('offers the policy topics for a topics test', async () => {
    const user = userEvent.setup();
    const form = renderForm(condition);
    await user.selectOptions(screen.getByLabelText('Fact'), 'topics');
    expect(form.last()).toMatchObject({ data: { test: { fact: 'topics', operator: 'contains', value: 'security' } } });
    await user.selectOptions(screen.getByLabelText('Value (topic)'), 'legal');
    expect(form.last()).toMatchObject({ data: { test: { value: 'legal' } } });
  });
});

describe('handoff form', () => {
  const handoff: HandoffNode = {
    id: 'h1',
    kind: 'handoff',
    label: 'To billing',
    data: { reasonCode: 'billing_dispute', category: 'CONTENT', queue: 'billing', priority: 'HIGH' },
  };

  it('refuses a reason code with capitals or spaces and commits a valid one', async () => {
    const user = userEvent.setup();
    const form = renderForm(handoff);
    const code = screen.getByLabelText('Reason code');
    await user.clear(code);
    await user.type(code, 'Billing Issue');
    expect(screen.getByRole('alert')).toHaveTextContent(/lower-case letters/);
    expect(form.commits.some((n) => n.kind === 'handoff' && n.data.reasonCode.includes(' '))).toBe(false);
    await user.clear(code);
    await user.type(code, 'billing_issue');
    expect(form.last()).toMatchObject({ data: { reasonCode: 'billing_issue' } });
  });

  it('sets priority, category and a message in another language', async () => {
    const user = userEvent.setup();
    const form = renderForm(handoff);
    await user.selectOptions(screen.getByLabelText('Priority'), 'URGENT');
    await user.selectOptions(screen.getByLabelText('Trigger category'), 'SENTIMENT');
    await user.selectOptions(screen.getByLabelText('Add a language'), 'es');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.type(screen.getByLabelText('Message (es)'), 'Hola');
    expect(form.last()).toMatchObject({ data: { priority: 'URGENT', category: 'SENTIMENT', message: { es: 'Hola' } } });
  });
});

describe('switch form', () => {
  it('adds and removes cases', async () => {
    const user = userEvent.setup();
    const node: SwitchNode = {
      id: 's1',
      kind: 'switch',
      data: { fact: 'customerTier', cases: [{ id: 'vip', label: 'VIP', operator: 'equal', value: 'vip' }] },
    };
    const form = renderForm(node);
    await user.click(screen.getByRole('button', { name: 'Add a case' }));
    expect(form.last()).toMatchObject({ data: { cases: [{ id: 'vip' }, { id: 'case_2', operator: 'equal', value: '' }] } });
    await user.click(screen.getByRole('button', { name: 'Remove case 1' }));
    expect(form.last()).toMatchObject({ data: { cases: [{ id: 'case_2' }] } });
  });
});
