/**
 * API key format and hashing. A key is an opaque string; its first 12 characters are its id
 * (stored in clear, used to find the record), and the whole key is hashed with scrypt and a
 * per-key random salt, so verifying a request costs one scrypt call.
 * Generated keys look like `bk_` + 43 base64url characters (256 random bits).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Characters of a key stored in clear as its id. */
export const API_KEY_ID_LENGTH = 12;
/** Shortest key accepted (`BATON_ADMIN_KEY` has the same minimum). */
export const API_KEY_MIN_LENGTH = 32;
const API_KEY_MAX_LENGTH = 256;
const API_KEY_PATTERN = /^[A-Za-z0-9._~-]+$/;

const SCRYPT_KEY_LENGTH = 32;
const SCRYPT_OPTIONS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** A new random key: `bk_` + 32 random bytes in base64url. Show it once; store only its hash. */
export function generateApiKey(): string {
  return `bk_${randomBytes(32).toString('base64url')}`;
}

/** True when `key` has the shape of a Baton key (length 32..256, URL-safe characters). */
export function isWellFormedApiKey(key: string): boolean {
  return key.length >= API_KEY_MIN_LENGTH && key.length <= API_KEY_MAX_LENGTH && API_KEY_PATTERN.test(key);
}

/** The id a key is stored under: its first 12 characters. */
export function apiKeyId(key: string): string {
  return key.slice(0, API_KEY_ID_LENGTH);
}

function scryptAsync(key: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(key, salt, SCRYPT_KEY_LENGTH, SCRYPT_OPTIONS, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

/** Salt (16 random bytes) and scrypt(N=16384, r=8, p=1) hash (32 bytes) of a key. */
export async function hashApiKey(key: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = randomBytes(16);
  return { salt, hash: await scryptAsync(key, salt) };
}

/** Constant-time check of `key` against a stored salt and hash. */
export async function verifyApiKey(key: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  const derived = await scryptAsync(key, salt);
  return derived.length === hash.length && timingSafeEqual(derived, hash);
}
