/**
 * Serves the built editor (`editor/dist`) for GET/HEAD outside the API: files with their
 * content type, hashed assets cached for a year, any other path answered with `index.html`
 * (the editor routes in the browser). Paths never leave the editor directory. When the editor
 * is not built, the answer says how to build it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // React Flow positions nodes with inline style attributes, hence 'unsafe-inline' for styles only.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

/** Where `npm run build -w editor` writes the editor, from `server/src/http` or `server/dist/http`. */
export function defaultEditorDir(): string {
  return resolve(__dirname, '..', '..', '..', 'editor', 'dist');
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baton: editor not built</title></head><body>
<h1>The Baton editor is not built</h1>
<p>The API works at <code>POST /graphql</code>. To use the visual policy editor, build it once with <code>npm run build -w editor</code>
(or start Baton with <code>npm start</code>, which builds it), then reload this page.</p></body></html>`;

async function fileAt(path: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size } : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string, head: boolean): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(head ? undefined : body);
}

/**
 * A handler for the editor's files under `root`. It answers GET and HEAD (returning true);
 * anything else it leaves to the caller (returning false).
 */
export function createEditorAssets(root: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const base = resolve(root);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const head = req.method === 'HEAD';
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    } catch {
      send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'Malformed URL encoding.', head);
      return true;
    }
    const target = resolve(join(base, path));
    if (path.includes('\0') || (target !== base && !target.startsWith(base + sep))) {
      send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found.', head);
      return true;
    }
    const file = target === base ? null : await fileAt(target);
    if (file) {
      const type = CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
      const hashed = target.startsWith(join(base, 'assets') + sep);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': type,
        'content-length': file.size,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (head) res.end();
      else createReadStream(target).pipe(res);
      return true;
    }
    if (extname(path) !== '' && extname(path) !== '.html') {
      send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, `No file ${path} in the editor build.`, head);
      return true;
    }
    const index = join(base, 'index.html');
    const indexFile = await fileAt(index);
    if (!indexFile) {
      send(res, 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, NOT_BUILT_PAGE, head);
      return true;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES['.html'] as string,
      'content-length': indexFile.size,
      'cache-control': 'no-cache',
    });
    if (head) res.end();
    else createReadStream(index).pipe(res);
    return true;
  };
}
