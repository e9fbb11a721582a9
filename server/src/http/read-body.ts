/**
 * Reads a request body with a size limit. Past the limit nothing more is buffered, but the
 * rest is read and discarded (up to `drainLimit`) so the client finishes sending and receives
 * a proper answer instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'ok'; body: Buffer }
  /** More than `maxBytes` arrived (or were announced); `bytes` is how many were seen. */
  | { kind: 'too-large'; bytes: number }
  /** The client went away or the stream failed; nothing can be answered. */
  | { kind: 'aborted' };

/**
 * @param maxBytes - largest body accepted, in bytes
 * @param drainLimit - stop reading altogether after this many bytes (default max(4 × maxBytes, 16 MiB))
 */
export function readBody(req: IncomingMessage, maxBytes: number, drainLimit = Math.max(4 * maxBytes, 16 * 1024 * 1024)): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const announced = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(announced) && announced > maxBytes;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (bytes > drainLimit) {
        req.pause();
        finish({ kind: 'too-large', bytes });
      }
    });
    req.on('end', () => finish(tooLarge ? { kind: 'too-large', bytes: Math.max(bytes, announced || 0) } : { kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish(req.complete ? (tooLarge ? { kind: 'too-large', bytes } : { kind: 'ok', body: Buffer.concat(chunks) }) : { kind: 'aborted' }));
  });
}
