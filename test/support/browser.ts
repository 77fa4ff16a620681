import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * What the browser tests share: the pages built from the current source, Debian's chromium driven
 * by playwright-core, axe-core's WCAG 2.1 AA rules, a Tab-through keyboard check and phone- and
 * desktop-sized screenshots into test/artifacts/.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: any): any;
type HTMLElement = any;

const run = promisify(execFile);

/** Builds the pages (production mode) into a fresh temporary directory and returns it. */
export async function buildPages(): Promise<string> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const distDir = mkdtempSync(join(tmpdir(), 'gov-graph-web-'));
  await run(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      distDir,
      '--logLevel',
      'warn',
    ],
    { cwd: join(__dirname, '..', '..'), env: { ...process.env, NODE_ENV: 'production' } },
  );
  return distDir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A fresh context (no session, no cache) in Chinese and China Standard Time. */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is; fails listing each violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') stays as served.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
    }));
  });
  if (violations.length > 0) throw new Error(`${name}: WCAG 2.1 AA violations\n${JSON.stringify(violations, null, 2)}`);
}

/** Tabs through the page from the top; every control a pointer can use must take the focus, visibly. */
export async function expectKeyboardReachable(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.locator('body').focus();
  const interactive: string[] = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, summary';
    return ([...document.querySelectorAll(selector)] as HTMLElement[])
      .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
      .map((el, i) => {
        el.dataset.kbd = String(i);
        return String(i);
      });
  });
  const reached = new Set<string>();
  const unmarked: string[] = [];
  for (let i = 0; i < interactive.length * 4 + 20 && reached.size < interactive.length; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        id: el.dataset.kbd ?? null,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        text: (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 30),
      };
    });
    if (!focused) continue;
    if (focused.id !== null) reached.add(focused.id);
    if (!focused.visible) unmarked.push(focused.text);
  }
  const missed = interactive.filter((id) => !reached.has(id));
  const labels = await page.evaluate(
    (ids) => ids.map((id) => (document.querySelector(`[data-kbd="${id}"]`) as HTMLElement)?.outerHTML.slice(0, 80)),
    missed,
  );
  expect({ page: name, notReachedByTab: labels, focusNotVisible: unmarked }).toEqual({
    page: name,
    notReachedByTab: [],
    focusNotVisible: [],
  });
}

/** Screenshots of the page's current address, phone-sized and desktop-sized, into test/artifacts/<name>-<size>.png. */
export async function screenshots(page: Page, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await ready(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

/** Records every request the page makes outside `base` (the pages must need nothing but the gateway). */
export function requestsOutside(page: Page, base: string): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  return outside;
}

/** The pages' registered text of an operation (trusted-documents/web.json), to send it as the pages do. */
export function registeredOperation(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'trusted-documents', 'web.json'), 'utf8'),
  ) as Record<string, string>;
  const text = Object.values(manifest).find((t) => new RegExp(`^(query|mutation) ${name}\\b`).test(t));
  if (!text) throw new Error(`operation ${name} is not in trusted-documents/web.json`);
  return text;
}
