/**
 * Where a migration reads or writes, from its command-line form: `sqlite:PATH` (the data
 * directory `BATON_DATA_DIR` names, or the `baton.sqlite` file in it) or a MongoDB connection
 * string (`mongodb://` or `mongodb+srv://`, naming the database).
 */
import fs from 'node:fs';
import path from 'node:path';
import { mongo } from 'mongoose';
import { DATABASE_FILE } from '../sqlite/open-database';
import { MigrationError, messageOf } from './migration-error';

export type StoreLocation =
  | { kind: 'sqlite'; /** Absolute data directory holding `baton.sqlite`. */ dataDir: string }
  | { kind: 'mongodb'; uri: string; /** The URI with any password replaced by `***`, for messages. */ label: string };

const MONGODB_SCHEMES = ['mongodb://', 'mongodb+srv://'];

/**
 * Parses a location; a relative SQLite path is resolved against `cwd`.
 * @throws MigrationError (`usage`) for an unknown scheme, an empty path, a file other than
 *   `baton.sqlite`, or a MongoDB URI without hosts or database name or that the driver cannot parse.
 */
export function parseStoreLocation(text: string, cwd: string): StoreLocation {
  if (text.startsWith('sqlite:')) return { kind: 'sqlite', dataDir: sqliteDataDir(text.slice('sqlite:'.length), cwd) };
  const scheme = MONGODB_SCHEMES.find((s) => text.startsWith(s));
  if (scheme) return mongodbLocation(text, scheme);
  throw new MigrationError('usage', `"${text}" is not a store location: use sqlite:PATH, mongodb://HOST/DATABASE or mongodb+srv://HOST/DATABASE.`);
}

function sqliteDataDir(rawPath: string, cwd: string): string {
  if (rawPath.trim() === '') throw new MigrationError('usage', 'sqlite: needs a path: the data directory (BATON_DATA_DIR) or its baton.sqlite file.');
  const resolved = path.resolve(cwd, rawPath);
  if (path.basename(resolved) === DATABASE_FILE) return path.dirname(resolved);
  if (fs.existsSync(resolved) && !fs.statSync(resolved).isDirectory()) {
    throw new MigrationError(
      'usage',
      `${resolved} is a file but not ${DATABASE_FILE}: Baton stores live in <data directory>/${DATABASE_FILE}; give the directory.`,
    );
  }
  return resolved;
}

function mongodbLocation(uri: string, scheme: string): StoreLocation {
  // What the driver would silently default to (no database: "test") is refused here; the rest is the driver's to parse.
  const rest = uri.slice(scheme.length);
  const end = rest.search(/[/?]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const database = rest[end] === '/' ? (rest.slice(end + 1).split('?')[0] ?? '') : '';
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  if (hosts === '') throw new MigrationError('usage', `The MongoDB URI names no host: expected ${scheme}HOST[:PORT]/DATABASE.`);
  if (database === '') {
    throw new MigrationError(
      'usage',
      `The MongoDB URI names no database (it would default to "test"): expected ${scheme}${hosts}/DATABASE, e.g. ${scheme}${hosts}/baton.`,
    );
  }
  const label = uri.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  try {
    // Parses hosts and options without connecting.
    new mongo.MongoClient(uri);
  } catch (error) {
    throw new MigrationError('usage', `The MongoDB URI ${label} is not valid: ${messageOf(error)}.`);
  }
  return { kind: 'mongodb', uri, label };
}
