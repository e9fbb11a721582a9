/** Follows one backtest run: asks for it every half second while it runs, then keeps its report. */
import { useEffect, useState } from 'react';
import type { BacktestRun } from '../api/types';
import { problemOf, useApi } from '../app/api-context';

/** How often a RUNNING run is asked for. */
export const POLL_MS = 500;

export interface FollowedRun {
  run: BacktestRun | null;
  error: string | null;
}

/** The run `runId` (null: none), fresh every {@link POLL_MS} until it is no longer RUNNING. */
export function useBacktestRun(runId: string | null): FollowedRun {
  const { call } = useApi();
  const [state, setState] = useState<FollowedRun>({ run: null, error: null });
  useEffect(() => {
    setState({ run: null, error: null });
    if (!runId) return;
    let stopped = false;
    let timer: number | undefined;
    const ask = () => {
      call((api) => api.backtestRun(runId)).then(
        (run) => {
          if (stopped) return;
          if (!run) return setState({ run: null, error: `There is no backtest run “${runId}”: runs still going are lost when the server restarts.` });
          setState({ run, error: null });
          if (run.status === 'RUNNING') timer = window.setTimeout(ask, POLL_MS);
        },
        (caught: unknown) => {
          if (stopped) return;
          const problem = problemOf(caught);
          setState((previous) => ({ run: previous.run, error: problem.message }));
          // A dropped connection or a key to renew does not end the run: keep asking, more slowly.
          if (problem.kind === 'network' || problem.kind === 'unauthenticated') timer = window.setTimeout(ask, POLL_MS * 4);
        },
      );
    };
    ask();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [call, runId]);
  return state;
}
