/**
 * Internal (tests only): which MongoDB the contract suite runs against. `MONGODB_URI` wins
 * (the GitHub workflow's replica set); else `MONGOMS_SYSTEM_BINARY` names a local `mongod`
 * that mongodb-memory-server starts as a one-node replica set; else the run is skipped, and
 * says why, because no MongoDB binary can be downloaded on the project's own machines.
 */
export type MongoTestTarget = { kind: 'uri'; uri: string } | { kind: 'binary'; binary: string } | { kind: 'skip'; reason: string };

/** Reads the environment; never connects. */
export function mongoTestTarget(env: Record<string, string | undefined>): MongoTestTarget {
  const uri = env.MONGODB_URI?.trim();
  if (uri) return { kind: 'uri', uri };
  const binary = env.MONGOMS_SYSTEM_BINARY?.trim();
  if (binary) return { kind: 'binary', binary };
  return {
    kind: 'skip',
    reason: 'neither MONGODB_URI (a replica set to test against) nor MONGOMS_SYSTEM_BINARY (a local mongod for mongodb-memory-server) is set',
  };
}
