/**
 * Which diff a change request links to: what approving it changes (or changed). A publish
 * request compares the active version with the draft while it is open (STALE: the draft as it
 * is now), and its published version with that version's parent once published; an activation
 * request compares the active version with the version it activates. Rejected requests and
 * requests with nothing to compare link none.
 */
import type { ChangeRequest, VersionSummary } from '../api/types';

export interface RequestDiff {
  /** The older side; null opens `to` alone (there was nothing before it). */
  from: number | null;
  /** A published version, or the stored draft. */
  to: number | 'draft';
}

export function changeRequestDiff(
  request: Pick<ChangeRequest, 'status' | 'activateVersion' | 'publishedVersion'>,
  activeVersion: number | null,
  versions: ReadonlyArray<Pick<VersionSummary, 'version' | 'parentVersion'>>,
): RequestDiff | null {
  if (request.status === 'REJECTED') return null;
  if (request.activateVersion !== null && request.activateVersion !== undefined) {
    if (request.status === 'OPEN' && activeVersion !== null && activeVersion !== request.activateVersion)
      return { from: activeVersion, to: request.activateVersion };
    return { from: null, to: request.activateVersion };
  }
  if (request.status === 'PUBLISHED' && request.publishedVersion) {
    const parent = versions.find((v) => v.version === request.publishedVersion)?.parentVersion ?? null;
    return { from: parent, to: request.publishedVersion };
  }
  if (request.status === 'OPEN' || request.status === 'STALE')
    return activeVersion === null ? { from: null, to: 'draft' } : { from: activeVersion, to: 'draft' };
  return null;
}
