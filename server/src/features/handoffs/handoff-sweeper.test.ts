/**
 * The periodic sweep: it runs the sweep every interval, logs what changed (and failures, which
 * never stop it), and stops for good, waiting for a sweep in progress.
 */
import { captureLogs } from '../../test-support/captured-logs';
import { HandoffSweeper } from './handoff-sweeper';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('sweeps every interval, logs changes and failures, and stops', async () => {
  const { logger, lines } = captureLogs();
  const results: (number | Error)[] = [2, new Error('store unreachable'), 0];
  let calls = 0;
  const sweeper = new HandoffSweeper({
    sweep: async () => {
      const result = results[calls++] ?? 0;
      if (result instanceof Error) throw result;
      return result;
    },
    intervalMs: 5,
    logger,
  });
  sweeper.start();
  for (let waited = 0; calls < 3 && waited < 2000; waited += 5) await tick(5);
  await sweeper.stop();
  const stoppedAt = calls;
  await tick(30);
  expect(calls).toBe(stoppedAt);
  expect(calls).toBeGreaterThanOrEqual(3);
  expect(lines.filter((l) => l.msg.startsWith('handoff')).map((l) => [l.level, l.msg, l.changed ?? (l.err as { message: string }).message])).toEqual([
    ['info', 'handoff timeouts applied', 2],
    ['error', 'handoff timeout sweep failed', 'store unreachable'],
  ]);
});
