import { buildCustomerSnapshot } from './customer-snapshot';

describe('buildCustomerSnapshot', () => {
  it('copies the profile and flags a VIP, high-value customer who escalated before', () => {
    expect(
      buildCustomerSnapshot(
        {
          id: 'c-1',
          name: ' Maria ',
          email: 'm•••@example.com',
          tier: 'VIP',
          language: 'en',
          timezone: 'Europe/Berlin',
          lifetimeValue: 1000,
          accountOwnerId: 'am-7',
          attributes: { previousEscalations: 1, plan: 'gold' },
        },
        'de',
      ),
    ).toEqual({
      id: 'c-1',
      name: 'Maria',
      email: 'm•••@example.com',
      tier: 'VIP',
      language: 'de',
      timezone: 'Europe/Berlin',
      lifetimeValue: 1000,
      accountOwnerId: 'am-7',
      attributes: { previousEscalations: 1, plan: 'gold' },
      flags: ['VIP', 'HIGH_VALUE', 'REPEAT_ESCALATION'],
      previousEscalations: 1,
    });
  });

  it('flags enterprise accounts and stays quiet below the thresholds', () => {
    expect(buildCustomerSnapshot({ id: 'c', tier: ' Enterprise ', lifetimeValue: 999.99, attributes: { previousEscalations: 0 } }, 'en')).toMatchObject({
      tier: 'Enterprise',
      flags: ['ENTERPRISE'],
      previousEscalations: 0,
    });
  });

  it('reads previous escalations from numbers and numeric strings only', () => {
    const escalations = (value: unknown) => buildCustomerSnapshot({ id: 'c', attributes: { previousEscalations: value } }, 'en');
    expect(escalations('3')).toMatchObject({ previousEscalations: 3, flags: ['REPEAT_ESCALATION'] });
    expect(escalations('many').previousEscalations).toBeNull();
    expect(escalations(-2).previousEscalations).toBeNull();
    expect(buildCustomerSnapshot({ id: 'c' }, 'en')).toMatchObject({
      name: null,
      tier: null,
      lifetimeValue: null,
      attributes: {},
      flags: [],
      previousEscalations: null,
    });
  });
});
