/**
 * People instead of key ids: every author, approver and publisher is recorded by the key id it
 * signed with; screens show the key's name (and role) from `keyNames`, and the id only when no
 * key has it (a key removed from the store, or Baton itself).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '../api/types';
import { useApi } from '../app/api-context';

export interface KeyName {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

/**
 * How a key id reads on screen: `Ana (publisher)`, `Ana (publisher, revoked)`, or the id itself
 * when unknown; a change made by Baton itself (`null`, `system`, `system:seed`) reads `Baton`
 * (`Baton (seed)`).
 */
export function keyLabel(id: string | null | undefined, names: ReadonlyMap<string, KeyName>): string {
  if (id === null || id === undefined || id === 'system') return 'Baton';
  if (id.startsWith('system:')) return `Baton (${id.slice('system:'.length)})`;
  const key = names.get(id);
  if (!key) return id;
  return `${key.name} (${key.role.toLowerCase()}${key.active ? '' : ', revoked'})`;
}

/** The ids of `ids` not asked for yet, without duplicates or nulls, in first-seen order. */
export function idsToAsk(ids: ReadonlyArray<string | null | undefined>, asked: ReadonlySet<string>): string[] {
  const wanted: string[] = [];
  for (const id of ids) if (id && id !== 'system' && !id.startsWith('system:') && !asked.has(id) && !wanted.includes(id)) wanted.push(id);
  return wanted;
}

/** The API's limit on ids per `keyNames` request. */
const KEY_NAMES_MAX = 100;

/**
 * The names of the keys `ids` name, asked for once per id (in batches of the API's limit);
 * returns the label function. A failed look-up leaves the ids shown as they are.
 */
export function useKeyNames(ids: ReadonlyArray<string | null | undefined>): (id: string | null | undefined) => string {
  const { call } = useApi();
  const asked = useRef(new Set<string>());
  const [names, setNames] = useState<ReadonlyMap<string, KeyName>>(new Map());
  const wanted = idsToAsk(ids, asked.current);
  const key = wanted.join(',');
  useEffect(() => {
    const batch = key === '' ? [] : key.split(',');
    if (batch.length === 0) return;
    for (const id of batch) asked.current.add(id);
    for (let i = 0; i < batch.length; i += KEY_NAMES_MAX) {
      call((api) => api.keyNames(batch.slice(i, i + KEY_NAMES_MAX))).then(
        (found) => setNames((previous) => new Map([...previous, ...found.map((k) => [k.id, k] as const)])),
        () => undefined,
      );
    }
  }, [call, key]);
  return useCallback((id) => keyLabel(id, names), [names]);
}
