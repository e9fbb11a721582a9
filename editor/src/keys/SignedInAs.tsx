/** The account bar's "Signed in as …": the key's name and role, or its id where names cannot be read. */
import type { Viewer } from '../api/types';
import { usePermissions } from '../app/permissions';
import { useKeyNames } from './key-names';

export function SignedInAs({ viewer }: { viewer: Viewer }) {
  const permissions = usePermissions();
  const label = useKeyNames(permissions.can('Query.keyNames') ? [viewer.keyId] : []);
  const name = label(viewer.keyId);
  return <span className="bn-hint">Signed in as {name === viewer.keyId ? `${viewer.keyId} · ${viewer.role.toLowerCase()}` : name}</span>;
}
