import { formatSeconds, sortedQueues, totalWaiting, withStatus, type LiveQueueStatus, type LiveQueues } from './live-queue-model';

const status = (queueId: string, queueName: string, at: string, waiting = 0): LiveQueueStatus => ({
  queueId,
  queueName,
  openNow: true,
  waiting,
  longestWaitSeconds: 0,
  agentsOnline: 1,
  freeChatSeats: 1,
  estimatedWaitSeconds: 0,
  at,
  handoffs: [],
});

describe('live queue model', () => {
  it('keeps the newest status per queue and ignores one older than the one held', () => {
    let queues: LiveQueues = new Map();
    queues = withStatus(queues, status('billing', 'Billing', '2026-03-10T10:00:05Z', 2));
    queues = withStatus(queues, status('general', 'General', '2026-03-10T10:00:05Z', 1));
    queues = withStatus(queues, status('billing', 'Billing', '2026-03-10T10:00:09Z', 3));
    const stale = withStatus(queues, status('billing', 'Billing', '2026-03-10T10:00:01Z', 9));
    expect(stale).toBe(queues);
    expect(queues.get('billing')?.waiting).toBe(3);
    expect(totalWaiting(queues)).toBe(4);
  });

  it('lists the queues where people wait first, most waiting first, then the rest by name', () => {
    const queues = [
      status('z', 'Accounts', 't'),
      status('a', 'Trust & safety', 't', 1),
      status('m', 'Billing', 't'),
      status('q', 'Returns', 't', 4),
    ].reduce<LiveQueues>((map, s) => new Map(map).set(s.queueId, s), new Map());
    expect(sortedQueues(queues).map((q) => q.queueName)).toEqual(['Returns', 'Trust & safety', 'Accounts', 'Billing']);
  });

  it('words waits in seconds, minutes and hours, and an unknown estimate as such', () => {
    expect([0, 45, 60, 125, 3600, 3725].map(formatSeconds)).toEqual(['0 s', '45 s', '1 min 00 s', '2 min 05 s', '1 h 00 min', '1 h 02 min']);
    expect(formatSeconds(null)).toBe('unknown');
  });
});
