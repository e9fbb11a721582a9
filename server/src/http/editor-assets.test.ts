import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';

afterAll(removeTempDirs);

/** Sends a raw request line, so paths reach the server exactly as written (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the editor served at /', () => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    const parent = makeTempDir('baton-editor-');
    dir = path.join(parent, 'dist');
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Baton editor</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), 'body{}');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the build');
    t = await startTestServer({}, { editorDir: dir });
  });
  afterAll(() => t.close());

  it('answers / with index.html, not cached, with security headers', async () => {
    const response = await fetch(`${t.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('Baton editor');
  });

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await fetch(`${t.url}/assets/index-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    const css = await fetch(`${t.url}/assets/index-abc123.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers editor routes with index.html and missing files with 404', async () => {
    const route = await fetch(`${t.url}/policies/support-default?tab=test`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Baton editor');
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt']) {
      const answer = await rawGet(t.url, attempt);
      expect(answer).not.toContain('outside the build');
      expect(answer).toMatch(/^HTTP\/1\.1 (404|400)/);
    }
    expect((await fetch(`${t.url}/%E0%A4%A`)).status).toBe(400);
  });

  it('leaves /graphql and /healthz as they were, and answers HEAD without a body', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/graphql`)).status).toBe(405);
    const head = await fetch(`${t.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${t.url}/`, { method: 'POST' })).status).toBe(404);
  });
});

describe('without an editor build', () => {
  it('says how to build the editor', async () => {
    const t = await startTestServer({}, { editorDir: path.join(makeTempDir(), 'missing') });
    try {
      const response = await fetch(`${t.url}/`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('npm run build -w editor');
    } finally {
      await t.close();
    }
  });
});
