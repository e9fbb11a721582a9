/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com, "Signature scheme"): the
 * signed content is `<webhook-id>.<webhook-timestamp>.<body>`, signed with HMAC-SHA256 under the
 * secret's key (the base64 after `whsec_`); `webhook-signature` holds `v1,<base64 signature>`
 * once per secret, separated by spaces, so a receiver that knows either the new or the previous
 * secret accepts a message during a rotation. Written on node:crypto rather than the reference
 * library so that the tests can check it against that library as an independent implementation.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Prefix of a signing secret (the spec's, also what the reference libraries accept). */
const SECRET_PREFIX = 'whsec_';
/** Key length in bytes; the spec asks for 24 to 64. */
const KEY_BYTES = 32;

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(KEY_BYTES).toString('base64');
}

/** The secret's first characters, to tell secrets apart in lists (never enough to sign with). */
export function secretPrefix(secret: string): string {
  return secret.slice(0, SECRET_PREFIX.length + 4);
}

/** The three Standard Webhooks headers of one request. */
export interface SignatureHeaders {
  'webhook-id': string;
  /** Seconds since the Unix epoch, as an integer string. */
  'webhook-timestamp': string;
  /** `v1,<base64>` per secret, space-separated, in the order the secrets were given. */
  'webhook-signature': string;
}

/**
 * Signs `body` for the message `id` sent at `at` with every secret of `secrets` (at least one).
 * @throws Error when `secrets` is empty or a secret is not `whsec_` + base64
 */
export function signWebhook(id: string, at: Date, body: string, secrets: readonly string[]): SignatureHeaders {
  if (secrets.length === 0) throw new Error('A webhook needs at least one secret to be signed.');
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const content = `${id}.${timestamp}.${body}`;
  const signatures = secrets.map((secret) => {
    if (!secret.startsWith(SECRET_PREFIX)) throw new Error(`A webhook secret starts with ${SECRET_PREFIX}.`);
    const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
    return `v1,${createHmac('sha256', key).update(content, 'utf8').digest('base64')}`;
  });
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}
