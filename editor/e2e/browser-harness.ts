/**
 * Internal (e2e tests only): the built editor served by a real Baton server (ephemeral port,
 * temporary data dir) and Debian's Chromium driven by playwright-core, set up once per test file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { removeTempDirs } from '../../server/src/test-support/temp-dir';
import { TEST_ADMIN_KEY, startTestServer, type TestServer } from '../../server/src/test-support/test-server';

const EDITOR_DIR = path.resolve(__dirname, '..', 'dist');
/** Where each step's screenshot goes (gitignored). */
export const OUTPUT = path.resolve(__dirname, '..', 'test-output');
const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface EditorBrowser {
  /** The server under test (valid inside tests). */
  readonly server: TestServer;
  /**
   * A page at 1280×800 whose console errors and uncaught exceptions are collected. `bypassCsp`
   * lets a test inject a checker such as axe-core (`page.addScriptTag`) past the server's CSP.
   */
  openPage(options?: { bypassCsp?: boolean }): Promise<{ page: Page; problems: string[] }>;
  /** Saves `<name>.png` under {@link OUTPUT}. */
  shot(page: Page, name: string): Promise<void>;
  /** Signs in with `key` (default: the test admin key) and waits for the policies list. */
  signIn(page: Page, key?: string): Promise<void>;
}

/** Registers the file's beforeAll/afterAll hooks and returns the harness they fill. */
export function useEditorBrowser(): EditorBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  jest.setTimeout(120_000);
  beforeAll(async () => {
    if (!fs.existsSync(path.join(EDITOR_DIR, 'index.html')))
      throw new Error('The editor is not built: run `npm run build -w editor` (npm test does it first).');
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (see .ci/run).`);
    fs.mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({}, { editorDir: EDITOR_DIR });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeTempDirs();
  });
  const started = (): { server: TestServer; browser: Browser } => {
    if (!server || !browser) throw new Error('The browser harness is used outside a test.');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    async openPage(options = {}) {
      const page = await started().browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: options.bypassCsp === true });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(started().server.url);
      return { page, problems };
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(OUTPUT, `${name}.png`) });
    },
    async signIn(page, key = TEST_ADMIN_KEY) {
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Policies' }).waitFor();
    },
  };
}
