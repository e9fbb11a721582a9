import type { AuditPage } from '../api/types';
import { activityOf, describeActivity } from './activity';
import { changeRequestDiff } from './change-request-diff';

type AuditEvent = AuditPage['nodes'][number];
const event = (sequence: number, action: string, before: unknown, after: unknown, keyId: string | null = 'bk_pub'): AuditEvent => ({
  sequence,
  at: `2026-03-0${sequence}T10:00:00.000Z`,
  actor: { keyId, role: 'publisher' },
  action,
  targetType: 'policy',
  targetId: 'support-default',
  before,
  after,
  prevHash: '',
  hash: '',
});

describe('History activity', () => {
  it('lists publishes, rollbacks, roll-forwards and emergencies newest first, with author and comment', () => {
    const activity = activityOf([
      event(1, 'policy.publish', { activeVersion: null }, { activeVersion: 1, comment: 'First' }),
      event(3, 'policy.activate', { activeVersion: 2 }, { activeVersion: 1, comment: 'v2 sent everyone to a human' }, 'bk_ana'),
      event(2, 'policy.publish', { activeVersion: 1 }, { activeVersion: 2, comment: 'Second' }),
      event(4, 'policy.activate', { activeVersion: 1 }, { activeVersion: 2, comment: 'Fixed upstream' }),
      event(5, 'policy.emergencyActivate', { activeVersion: 2 }, { activeVersion: 1, comment: 'Outage' }, 'bk_admin'),
      event(6, 'policy.publish', {}, { something: 'else' }),
    ]);
    expect(activity.map((a) => [a.sequence, a.kind, a.actor, a.comment])).toEqual([
      [5, 'emergency', 'bk_admin', 'Outage'],
      [4, 'rollForward', 'bk_pub', 'Fixed upstream'],
      [3, 'rollback', 'bk_ana', 'v2 sent everyone to a human'],
      [2, 'publish', 'bk_pub', 'Second'],
      [1, 'publish', 'bk_pub', 'First'],
    ]);
    expect(activity.map(describeActivity)).toEqual([
      'Emergency activation of v1 (v2 was active), without approvals',
      'Made v2 active (v1 was active)',
      'Rolled back to v1 (v2 was active)',
      'Published v2 (v1 was active)',
      'Published v1',
    ]);
  });
});

describe('the diff a change request links to', () => {
  const versions = [
    { version: 3, parentVersion: 2 },
    { version: 2, parentVersion: 1 },
    { version: 1, parentVersion: null },
  ];
  const request = (status: 'OPEN' | 'PUBLISHED' | 'REJECTED' | 'STALE', activateVersion: number | null = null, publishedVersion: number | null = null) => ({
    status,
    activateVersion,
    publishedVersion,
  });

  it('an open publish request: the active version against the draft (the draft alone before any version)', () => {
    expect(changeRequestDiff(request('OPEN'), 3, versions)).toEqual({ from: 3, to: 'draft' });
    expect(changeRequestDiff(request('STALE'), 3, versions)).toEqual({ from: 3, to: 'draft' });
    expect(changeRequestDiff(request('OPEN'), null, [])).toEqual({ from: null, to: 'draft' });
  });

  it('a published request: its version against that version’s parent', () => {
    expect(changeRequestDiff(request('PUBLISHED', null, 3), 3, versions)).toEqual({ from: 2, to: 3 });
    expect(changeRequestDiff(request('PUBLISHED', null, 1), 3, versions)).toEqual({ from: null, to: 1 });
  });

  it('an activation request: the active version against the one it activates; none for a rejected request', () => {
    expect(changeRequestDiff(request('OPEN', 1), 3, versions)).toEqual({ from: 3, to: 1 });
    expect(changeRequestDiff(request('PUBLISHED', 1), 1, versions)).toEqual({ from: null, to: 1 });
    expect(changeRequestDiff(request('REJECTED'), 3, versions)).toBeNull();
  });
});
