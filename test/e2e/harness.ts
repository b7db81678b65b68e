import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ensurePgliteTemplate } from '../../src/db/pglite-template.ts';
import { createLogger } from '../../src/log.ts';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tier can run. Under CI=true a missing Chromium fails the run; locally the tier is
 * skipped with a loud warning.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium not found at ${CHROMIUM} (CI=true): apt-get install -y chromium`);
  console.warn(`\n*** ${CHROMIUM} not found: the browser tier is SKIPPED ***\n`);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface TestServerOptions {
  /**
   * The host name of PUBLIC_URL (default 127.0.0.1). WebAuthn needs a domain as its relying party ID, never
   * an IP address: passkey tests use `localhost` (still a secure context over plain http).
   */
  publicHost?: string;
}

/** A real server on a free loopback port with an in-memory database and the demo cast. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  await ensurePgliteTemplate(); // the in-memory database starts from the prepared cluster
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://${options.publicHost ?? '127.0.0.1'}:${port}`,
    DATA_DIR: 'memory://',
    SESSION_SECRET: 'e2e-session-secret-0123456789-abcdefghijklmn',
    DATA_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    DEMO_DATA: 'true',
    LOGIN_DELAY_MS: '0',
    IP_LOGIN_POINTS: '100000',
    IP_FORM_POINTS: '100000',
    ...env,
  });
  return startServer(config, createLogger('silent'));
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserServer {
  /** The running server (started in beforeAll). */
  readonly server: RunningServer;
  /** The shared browser (launched in beforeAll). */
  readonly browser: Browser;
  /**
   * A page in a fresh browser context (its own cookies) with the locale of `lang` (default en); `width`
   * sets a viewport of that width × 900, `javaScript: false` turns scripts off.
   */
  newPage(options?: { lang?: 'ja' | 'en'; width?: number; javaScript?: boolean }): Promise<Page>;
}

/**
 * For a browser test file: starts a test server (with `env` over the defaults) and one browser before the
 * file's tests, and closes both after them. Call it inside the `describe`.
 */
export function withBrowserServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): BrowserServer {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer(env, options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('withBrowserServer: used before beforeAll ran');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async newPage({ lang = 'en', width, javaScript = true } = {}) {
      const context = await started(browser).newContext({
        locale: lang === 'ja' ? 'ja-JP' : 'en-US',
        ...(width ? { viewport: { width, height: 900 } } : {}),
        javaScriptEnabled: javaScript,
      });
      return context.newPage();
    },
  };
}

/**
 * Axe violations of impact serious or critical on the current page (what the suite requires to be none).
 * Legacy mode runs axe.run in the page itself; the default mode runs it per frame and then opens a blank page
 * to merge the frames' results, which our pages (no iframes) do not need: same rules, same results, about
 * half the time per page (7.8 s → 4.2 s a page under load, scratch A/B of 24 runs each).
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The newest mail to an address, as rendered in the outbox (the dev mailbox shows the same). */
export async function latestMailTo(server: RunningServer, to: string) {
  const [mail] = await listRecentMail(server.deps.db, server.deps.config, 1, to);
  return mail;
}

/** The first link in a mail body that starts with the server's public URL and contains `pathPart`. */
export function linkIn(text: string, pathPart: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(pathPart));
  if (!link) throw new Error(`no link containing ${pathPart} in mail:\n${text}`);
  return link;
}
