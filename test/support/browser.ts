/**
 * Debian's Chromium driven through playwright-core (Playwright's own browser download does not
 * work here). On CI a missing browser fails the suite; on a developer's machine it is skipped
 * with a loud message.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * True when Chromium is installed. Throws on CI when it is not (no silent skips there); prints a
 * loud warning otherwise so the skip is noticed.
 */
export const chromiumAvailable = (): boolean => {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package to run the browser tests.`;
  if (process.env.CI) throw new Error(`${message} On CI the browser suite is mandatory.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING BROWSER TESTS — ${message}\n${'!'.repeat(78)}\n`);
  return false;
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
