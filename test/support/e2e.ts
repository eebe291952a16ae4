/**
 * What every browser test shares: the built UI, polling assertions with a budget that holds on a
 * loaded 2-core machine, the common locators, the axe scan and opt-in screenshots.
 *
 * The budgets are upper bounds, not expectations: a poll returns as soon as the page has settled,
 * so a generous budget costs nothing on a quiet machine and keeps a busy one from failing a test
 * that is merely slow (a CI run shares its two cores with whatever else runs there).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { packageRoot } from '../../src/main.js';
import { DICTIONARIES } from '../../web/src/i18n/index.js';

export const ROOT = packageRoot();
const WEB_DIST = path.join(ROOT, 'dist', 'web', 'index.html');
/** The README's screenshots; scripts/screenshots.ts may point them elsewhere (PROPORTIO_DOCS_SCREENSHOT_DIR). */
export const SCREENSHOTS =
  process.env.PROPORTIO_DOCS_SCREENSHOT_DIR ?? path.join(ROOT, 'docs', 'screenshots');
/** Screenshots rewrite tracked files, so they are taken only when asked for (PROPORTIO_SCREENSHOTS=1). */
export const TAKE_SCREENSHOTS = process.env.PROPORTIO_SCREENSHOTS === '1';
/** The tour's screenshots (one per role, page, size and language): never committed (test-results/ is ignored). */
export const TOUR_SCREENSHOTS =
  process.env.PROPORTIO_SCREENSHOT_DIR ?? path.join(ROOT, 'test-results', 'tour');

/** The two sizes every page is checked at (issue 11): a laptop and a phone. */
export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export const PASSWORD = 'Lindewaard-demo-2026';

/** Longest wait for one step in the page (a navigation, a poll until the page shows something). */
export const STEP_BUDGET_MS = 45_000;

/** Builds the UI when dist/web is missing or older than a source file, so a test sees current code. */
export const ensureWebBuild = (): void => {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      // Installed packages are not the UI's source (and a worktree's link to them may dangle).
      if (e.name === 'node_modules') return m;
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const stale = !fs.existsSync(WEB_DIST) || fs.statSync(WEB_DIST).mtimeMs < newest(path.join(ROOT, 'web'));
  if (stale)
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
};

/**
 * playwright-core has no web-first assertions, so assertions poll: vitest's expect.poll retries
 * until the page has settled or the budget runs out.
 */
export const eventually = <T>(fn: () => Promise<T>, message?: string) =>
  expect.poll(fn, { timeout: STEP_BUDGET_MS, interval: 100, ...(message ? { message } : {}) });
export const texts = (l: Locator): Promise<string[]> =>
  l.allInnerTexts().then((xs) => xs.map((x) => x.trim()));
export const h1 = (page: Page): Locator => page.getByRole('heading', { level: 1 });
export const visible = (l: Locator): Promise<void> => l.waitFor({ state: 'visible' });

/** Fills in the login form and presses "Inloggen" (on `base` unless the page is already open). */
export const submitLogin = async (page: Page, base: string, username: string, password = PASSWORD) => {
  const nl = DICTIONARIES.nl;
  if (!page.url().startsWith('http')) await page.goto(base);
  await page.getByLabel(nl.login.username, { exact: true }).fill(username);
  await page.getByLabel(nl.login.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: nl.login.submit, exact: true }).click();
};

/** Signs in from the login page at `base` as a user would, and waits for the start page. */
export const signIn = async (page: Page, base: string, username: string): Promise<void> => {
  await page.goto(base);
  await submitLogin(page, base, username);
  await eventually(() => texts(h1(page)), `start page for ${username}`).toEqual([
    expect.stringMatching(/^Welkom, /),
  ]);
};

/**
 * Follows the main navigation's link to a page as a user would: the link is on the top row or in a
 * group, whose button unfolds it first (web/src/components/MainNav.tsx).
 */
export const clickNavLink = async (page: Page, label: string, navName = DICTIONARIES.nl.mainNav) => {
  const nav = page.getByRole('navigation', { name: navName, exact: true });
  const link = nav.getByRole('link', { name: label, exact: true, includeHidden: true });
  if (!(await link.isVisible()))
    await nav
      .locator('.pp-nav__group')
      .filter({ has: page.getByRole('link', { name: label, exact: true, includeHidden: true }) })
      .getByRole('button')
      .click();
  await link.click();
};

/** Every link of the main navigation, those folded in a group too, as its text. */
export const navLinkTexts = (page: Page, navName = DICTIONARIES.nl.mainNav): Promise<string[]> =>
  texts(
    page.getByRole('navigation', { name: navName, exact: true }).getByRole('link', { includeHidden: true }),
  );

/** The distinct tops (px) of the main navigation's top-row entries: one value when they share a row. */
export const navRowTops = (page: Page): Promise<number[]> =>
  page
    .locator('#pp-main-nav .utrecht-nav-list')
    .first()
    .evaluate((list) => [
      ...new Set(Array.from(list.children, (item) => Math.round(item.getBoundingClientRect().top))),
    ]);

/**
 * Opens a page through the main navigation as a user would, also on a phone, where the menus fold
 * behind the "Menu" button; waits for its heading and for loading to end.
 */
export const openFromNav = async (page: Page, navLabel: string): Promise<void> => {
  const nl = DICTIONARIES.nl;
  const nav = page.getByRole('navigation', { name: nl.mainNav, exact: true });
  const toggle = page.getByRole('button', { name: nl.menuOpen, exact: true });
  if (!(await nav.isVisible()) && (await toggle.isVisible())) await toggle.click();
  await clickNavLink(page, navLabel);
  await eventually(() => texts(h1(page))).toEqual([navLabel]);
  await eventually(() => page.getByText(nl.loading).count()).toBe(0);
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  if (TAKE_SCREENSHOTS) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
  }
};

/**
 * An axe WCAG 2.1 AA scan of the page as it is now: one line per violation ("<what>: <rule id>"),
 * each printed with its elements.
 */
export const axeViolations = async (page: Page, what: string): Promise<string[]> => {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (result.violations.length > 0) {
    console.error(
      `axe violations on ${what}:\n` +
        result.violations
          .map(
            (v) =>
              `- ${v.id} (${v.impact ?? '?'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
          )
          .join('\n'),
    );
  }
  return result.violations.map((v) => `${what}: ${v.id}`);
};

/** An axe WCAG 2.1 AA scan of the page as it is now; every violation is printed and fails the test. */
export const axe = async (page: Page, what: string): Promise<void> => {
  expect(await axeViolations(page, what)).toEqual([]);
};

/** How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));

/**
 * Where the element ends, measured from the top of the page (not of the window), so "inside the
 * first screen" means bottom <= the window's height whatever has been scrolled.
 */
export const bottomOnPage = (l: Locator): Promise<number> =>
  l.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);

/** True when the element has the keyboard focus. */
export const hasFocus = (l: Locator): Promise<boolean> => l.evaluate((el) => el === document.activeElement);

/** The focused element as "<tag> <accessible text>", or "body" when the focus was lost to the page. */
export const focusedElement = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
    return `${el.tagName.toLowerCase()} ${name.trim()}`.trim();
  });
