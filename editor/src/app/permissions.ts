/**
 * What the signed-in key may do, from `viewer { role allowedOperations }`: the UI offers only
 * the operations listed (an auditor sees read-only views; an editor saves but does not publish).
 * The server checks every request anyway; this only keeps refused buttons off the screen.
 */
import { createContext, useContext } from 'react';
import type { Role, Viewer } from '../api/types';

export interface Permissions {
  keyId: string | null;
  role: Role | null;
  /** True when the key may call this root field, e.g. `Mutation.publishPolicy`. */
  can: (operation: string) => boolean;
  /** May edit drafts (save them): everything else on the canvas follows. */
  canEdit: boolean;
}

/** The permissions of `viewer` (none known: nothing is offered). */
export function permissionsOf(viewer: Viewer | null): Permissions {
  const allowed = new Set(viewer?.allowedOperations ?? []);
  const can = (operation: string) => allowed.has(operation);
  return { keyId: viewer?.keyId ?? null, role: viewer?.role ?? null, can, canEdit: can('Mutation.savePolicyDraft') };
}

export const PermissionsContext = createContext<Permissions>(permissionsOf(null));

export function usePermissions(): Permissions {
  return useContext(PermissionsContext);
}
