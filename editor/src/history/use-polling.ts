/**
 * Calls `load` every `intervalMs` while the page is visible, and at once when it becomes
 * visible again: History shows requests and approvals made by other people without a reload.
 */
import { useEffect } from 'react';

/** How often History asks again, ms: often enough for a reviewer waiting on a colleague, light on the server. */
export const HISTORY_POLL_MS = 4000;

export function usePolling(load: () => void, intervalMs: number = HISTORY_POLL_MS): void {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') load();
    };
    const timer = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [load, intervalMs]);
}
