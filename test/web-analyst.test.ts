import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { DEMO, demoCitizen, seedJobs, seedRegistries } from '../seeds';
import type { Identity } from '../subgraphs/shared/identity';
import { startStack, type TestStack } from './support/stack';

/**
 * The analyst page in a real browser (Debian's chromium driven by playwright-core), built from the
 * current source and served by the real gateway over the whole stack with the demo data and a
 * fresh statistics extract, in trusted-documents mode closed to anything the pages did not
 * register: a table with suppressed cells marked, a chart, a CSV download; axe-core WCAG 2.1 AA,
 * the keyboard, phone and desktop screenshots into test/artifacts/.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, 'artifacts');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const ANALYST: Identity = { sub: 'analyst-statistics-001', role: 'analyst', dept: 'statistics', scopes: [] };

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: any): any;
type HTMLElement = any;

const run = promisify(execFile);
let stack: TestStack;
let browser: Browser;
let base: string;
let distDir: string;

/**
 * Refreshes the statistics extracts and waits for the refresh to complete: straight at the
 * statistics subgraph as the analyst (the gateway here serves only the pages' trusted documents).
 */
async function refreshStatistics(): Promise<void> {
  const caller = { identity: ANALYST };
  const started = await stack.subgraph('statistics', 'mutation R { refreshStatistics { id status } }', {}, caller);
  expect(started.body.errors).toBeUndefined();
  for (let i = 0; i < 600; i += 1) {
    const res = await stack.subgraph(
      'statistics',
      'query E { statisticsExtracts { lastRefresh { status message } } }',
      {},
      caller,
    );
    const last = res.body.data.statisticsExtracts.lastRefresh;
    if (last.status !== 'RUNNING') {
      expect(last).toMatchObject({ status: 'COMPLETE', message: null });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the statistics refresh did not finish in 60 s');
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  distDir = mkdtempSync(join(tmpdir(), 'gov-graph-web-'));
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
    { cwd: join(__dirname, '..'), env: { ...process.env, NODE_ENV: 'production' } },
  );
  stack = await startStack({
    webDist: distDir,
    demoTokens: true,
    trustedDocuments: loadTrustedDocuments(join(__dirname, '..', 'trusted-documents', 'web.json'), 'closed'),
  });
  await seedRegistries({
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    legalPersonUrl: stack.databaseUrls['legal-person'],
    certificateUrl: stack.databaseUrls.certificate,
    seed: DEMO.seed,
    people: 60,
    organizations: 10,
  });
  await seedJobs({
    labourMarketUrl: stack.databaseUrls['labour-market'],
    legalPersonUrl: stack.databaseUrls['legal-person'],
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    postings: 20,
    demoCitizenId: demoCitizen().id,
  });
  await refreshStatistics();
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
    }));
  });
  if (violations.length > 0) throw new Error(`${name}: WCAG 2.1 AA violations\n${JSON.stringify(violations, null, 2)}`);
}

/** Every control a pointer can use takes the focus with Tab, visibly. */
async function expectKeyboardReachable(page: Page, name: string): Promise<void> {
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
  for (let i = 0; i < interactive.length * 2 + 20 && reached.size < interactive.length; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        id: el.dataset.kbd ?? null,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        text: (el.textContent || el.tagName).trim().slice(0, 30),
      };
    });
    if (!focused) continue;
    if (focused.id !== null) reached.add(focused.id);
    if (!focused.visible) unmarked.push(focused.text);
  }
  const missed = interactive.filter((id) => !reached.has(id));
  expect({ page: name, notReachedByTab: missed, focusNotVisible: unmarked }).toEqual({
    page: name,
    notReachedByTab: [],
    focusNotVisible: [],
  });
}

describe('an analyst reads a protected table and downloads it as CSV', () => {
  it('signs in, picks registered unemployed by district and age band, sees suppressed cells marked, a chart and the sources, and downloads the CSV', async () => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        outside.push(request.url());
    });

    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: /统计局分析员/ }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计分析' }).click();
    await page.waitForURL(`${base}/analyst`);

    await page.getByLabel('指标', { exact: true }).selectOption({ value: 'registeredUnemployed' });
    await page.getByLabel('维度 1').selectOption({ value: 'district' });
    await page.getByLabel('维度 2').selectOption({ value: 'ageBand' });
    // Each chosen dimension's definition is shown beside it.
    expect(await page.locator('.analyst .hint').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: '查询统计表' }).click();

    const table = page.locator('table.statistics-table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe('登记失业人员，按户籍所在区（市、县）、年龄段');
    const suppressed = table.locator('.suppressed');
    expect(await suppressed.count()).toBeGreaterThan(0);
    expect(await suppressed.first().textContent()).toBe('—已抑制');
    expect(await suppressed.first().locator('.visually-hidden').textContent()).toBe('已抑制');
    expect(await page.getByText(/图例：/).textContent()).toContain('表示已抑制');
    expect(await page.getByText(/数据截至/).textContent()).toMatch(/来源：.*人口信息库/);
    // The chart: drawn by ECharts as SVG, with its text description.
    await page.locator('.analyst-chart svg').waitFor();
    const chart = page.getByRole('img', { name: /登记失业人员/ });
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.locator('.analyst-chart figcaption').textContent()).toMatch(/柱状图.*具体数值见下表/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('registeredUnemployed-district-ageBand.csv');
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    const lines = csv.split(/\r?\n/).filter(Boolean);
    expect(lines.filter((l) => l.startsWith('#')).length).toBeGreaterThan(0);
    expect(lines[0]).toBe('# registeredUnemployed by district, ageBand');
    expect(lines.find((l) => !l.startsWith('#'))).toBe(
      'district,district label,ageBand,ageBand label,status,count,sum,mean',
    );
    expect(lines.some((l) => l.includes('SUPPRESSED_SMALL'))).toBe(true);

    await expectAccessible(page, 'analyst');
    await expectKeyboardReachable(page, 'analyst');
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.locator('.analyst-chart svg').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `analyst-${size}.png`), fullPage: true });
    }
    expect(outside).toEqual([]);
    await context.close();
  }, 120_000);
});
