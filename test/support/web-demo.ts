/**
 * The setup a browser test of one capability shares: the real server with the demo and the built
 * UI, one Chromium, signed-in pages at the laptop size, and the API as a demo account. Call
 * webDemo() first in the describe block: its hooks run before the file's own.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { DESKTOP, ensureWebBuild, signIn, STEP_BUDGET_MS } from './e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from './test-runtime.js';

export interface WebDemo {
  readonly rt: () => TestRuntime;
  /** The server's address. */
  readonly base: () => string;
  /** A new browser context signed in as the demo account, at 1366×900 in Dutch. */
  readonly page: (username: string) => Promise<Page>;
  /** The API as a demo account: its status and JSON body. */
  readonly api: <T>(
    username: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ) => Promise<{ status: number; body: T; text: string }>;
}

export const webDemo = (): WebDemo => {
  let rt: TestRuntime | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const running = (): TestRuntime => {
    if (rt === undefined)
      throw new Error('webDemo: the server is not started (call webDemo() in the describe)');
    return rt;
  };

  beforeAll(async () => {
    ensureWebBuild();
    rt = await startTestRuntime({
      demo: true,
      listen: true,
      web: true,
      loginAttemptsPerMinute: 10_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    await browser?.close();
    await rt?.close();
  });

  return {
    rt: running,
    base: () => running().url!,
    page: async (username) => {
      const context = await browser!.newContext({ viewport: DESKTOP, locale: 'nl-NL' });
      context.setDefaultTimeout(STEP_BUDGET_MS);
      contexts.push(context);
      const p = await context.newPage();
      await signIn(p, running().url!, username);
      return p;
    },
    api: async (username, method, url, payload) => {
      const who = await loginAs(running().app, username);
      const res = await running().app.inject({
        method,
        url,
        headers: who.headers,
        ...(payload ? { payload } : {}),
      });
      return { status: res.statusCode, body: res.json(), text: res.body };
    },
  };
};
