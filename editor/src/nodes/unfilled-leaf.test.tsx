import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HandoffNode } from '@baton/schemas';
import { renderForm } from '../test-support/render-form';
import { nodeSpecOf } from './registry';

describe('new leaves start empty', () => {
  it('creates handoff, callback and stay leaves without a reason code, category, queue or priority', () => {
    for (const kind of ['handoff', 'callback', 'stay'] as const) {
      expect(nodeSpecOf(kind).create('x', { x: 0, y: 0 }).data).toEqual({});
    }
    const handoff = nodeSpecOf('handoff').create('h', { x: 0, y: 0 });
    expect(nodeSpecOf('handoff').describe(handoff)).toBe('Hand off to (queue not chosen) · (priority not chosen)');
    expect(nodeSpecOf('handoff').queues(handoff)).toEqual([]);
  });

  it('asks for each field in the form until it is chosen', async () => {
    const user = userEvent.setup();
    const form = renderForm(nodeSpecOf('handoff').create('h', { x: 0, y: 0 }) as HandoffNode, {
      topics: [],
      queues: ['general', 'billing'],
      directoryQueues: ['general', 'billing'],
    });
    const category = screen.getByLabelText('Trigger category');
    expect(category).toHaveValue('');
    expect(category).toHaveAccessibleDescription('Choose a trigger category: required before publishing.');
    expect(screen.getByLabelText('Priority')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Queue')).toHaveAccessibleDescription('Required: choose a queue. Directory queues: general, billing');
    await user.selectOptions(category, 'BUSINESS');
    await user.type(screen.getByLabelText('Reason code'), 'key_account');
    expect(form.last()).toMatchObject({ data: { category: 'BUSINESS', reasonCode: 'key_account' } });
    expect(screen.getByLabelText('Trigger category')).not.toHaveAttribute('aria-invalid', 'true');
  });
});
