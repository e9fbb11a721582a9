import { retryDelayMs } from './webhook-backoff';

const schedule = { baseMs: 1000, maxMs: 30_000 };

describe('retryDelayMs', () => {
  it('doubles the cap with every failed attempt, up to the maximum', () => {
    const top = (attempt: number) => retryDelayMs(attempt, schedule, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6, 7].map(top)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('draws each wait between half the cap and the cap (equal jitter)', () => {
    expect(retryDelayMs(3, schedule, () => 0)).toBe(2000);
    expect(retryDelayMs(3, schedule, () => 0.5)).toBe(3000);
    const draws = Array.from({ length: 200 }, () => retryDelayMs(4, schedule));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(4000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(8000);
    expect(new Set(draws).size).toBeGreaterThan(50);
  });
});
