import { attemptFacts, isFailedResult } from './attempts';

describe('isFailedResult', () => {
  it.each([
    'failed',
    'FAILURE',
    'error: timeout',
    'not resolved',
    'Unresolved',
    'rejected by bank',
    'did not work',
    "didn't work",
    'unsuccessful',
    'timed out',
    'fallido',
    'falhou',
    'fehlgeschlagen',
    'échec',
  ])('reads %s as a failure', (result) => {
    expect(isFailedResult(result)).toBe(true);
  });

  it.each(['resolved', 'success', 'done', 'password reset link sent', 'completed without errors', 'no error', 'sin errores'])(
    'reads %s as no failure',
    (result) => {
      expect(isFailedResult(result)).toBe(false);
    },
  );
});

describe('attemptFacts', () => {
  it('counts attempts and failures, quoting each failure', () => {
    const facts = attemptFacts([
      { action: 'reset password', result: 'link sent' },
      { action: 'refund', result: 'Rejected: outside refund window' },
      { action: 'resync', result: 'error 502' },
    ]);
    expect(facts).toEqual({
      attemptCount: 3,
      failedAttemptCount: 2,
      evidence: ['attempt 2 "refund": "Rejected: outside refund window"', 'attempt 3 "resync": "error 502"'],
    });
  });
});
