import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RouteNode } from '@baton/schemas';
import { renderForm } from '../test-support/render-form';
import { parseSkills } from './route';

const context = { topics: [], queues: ['billing', 'general'], directoryQueues: ['billing', 'general'] };
const route: RouteNode = {
  id: 'r1',
  kind: 'route',
  label: 'Billing',
  data: { targets: [{ queue: 'billing', skipIfNoAgentAvailable: true }, { queue: 'general' }] },
};

const renderRoute = (node: RouteNode) => renderForm(node, context);

describe('route form', () => {
  it('edits ordered targets: queue with a directory warning, agent filter, timeout, skip, order', async () => {
    const user = userEvent.setup();
    const form = renderRoute(route);
    const queue = screen.getByLabelText('Queue of target 2');
    await user.clear(queue);
    await user.type(queue, 'vip_new');
    expect(form.last().data.targets[1]?.queue).toBe('vip_new');
    expect(screen.getByText(/“vip_new” is not in the directory yet/)).toBeInTheDocument();

    await user.click(screen.getAllByLabelText("Only agents speaking the customer's language")[0] as HTMLElement);
    expect(form.last().data.targets[0]?.agentFilter).toEqual({ matchCustomerLanguage: true });
    await user.type(screen.getByLabelText('Required skills of target 1'), 'billing:6, spanish');
    expect(form.last().data.targets[0]?.agentFilter?.skills).toEqual([{ skill: 'billing', minProficiency: 6 }, { skill: 'spanish' }]);

    const timeout = screen.getByLabelText('Timeout of target 1 (seconds)');
    await user.type(timeout, '-5');
    expect(timeout).toHaveAttribute('aria-invalid', 'true');
    expect(form.commits.every((n) => n.kind === 'route' && (n.data.targets[0]?.timeoutSeconds ?? 0) >= 0)).toBe(true);
    await user.clear(timeout);
    await user.type(timeout, '90');
    expect(form.last().data.targets[0]?.timeoutSeconds).toBe(90);

    await user.click(screen.getAllByLabelText('Skip when no agent is available now')[0] as HTMLElement);
    expect(form.last().data.targets[0]?.skipIfNoAgentAvailable).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Move target 1 down' }));
    expect(form.last().data.targets.map((t) => t.queue)).toEqual(['vip_new', 'billing']);
    await user.click(screen.getByRole('button', { name: 'Add a target' }));
    expect(form.last().data.targets).toHaveLength(3);
  });

  it('parses skills and refuses levels outside 1..10', () => {
    expect(parseSkills('billing:3, vip')).toEqual([{ skill: 'billing', minProficiency: 3 }, { skill: 'vip' }]);
    expect(parseSkills('billing:11')).toMatch(/1 to 10/);
    expect(parseSkills('')).toEqual([]);
  });
});
