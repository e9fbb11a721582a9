/**
 * Internal (tests only): which MongoDB the MongoDB tests run against. `MONGODB_URI` wins (the
 * GitHub workflow's replica set); else `MONGOMS_SYSTEM_BINARY` names a local `mongod` that
 * mongodb-memory-server starts as a one-node replica set; else the tests are skipped, and say
 * why, because no MongoDB binary can be downloaded on the project's own machines.
 */
import type { MongoMemoryReplSet } from 'mongodb-memory-server-core';

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

/**
 * Registers `define`'s tests under `describe(title)` against the MongoDB of `mongoTestTarget`,
 * started (and stopped) here when it is a local binary; `uri()` is valid from the first
 * `beforeAll` that `define` registers. Without a MongoDB it prints one line and registers one
 * skipped test carrying the reason: never a silent pass.
 */
export function describeWithMongo(title: string, define: (uri: () => string) => void): void {
  const target = mongoTestTarget(process.env);
  if (target.kind === 'skip') {
    process.stderr.write(`${title} skipped: ${target.reason}.\n`);
    describe(title, () => {
      it.skip(`skipped because no MongoDB is available here: ${target.reason}`, () => undefined);
    });
    return;
  }
  let uri = target.kind === 'uri' ? target.uri : '';
  let replSet: MongoMemoryReplSet | undefined;
  describe(title, () => {
    beforeAll(async () => {
      if (target.kind !== 'binary') return;
      const { MongoMemoryReplSet } = await import('mongodb-memory-server-core');
      replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' }, binary: { systemBinary: target.binary } });
      uri = replSet.getUri();
    }, 120_000);
    afterAll(async () => {
      await replSet?.stop();
    });
    define(() => uri);
  });
}
