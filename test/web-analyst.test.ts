import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { DEMO, demoCitizen, seedJobs, seedRegistries } from '../seeds';
import type { Identity } from '../subgraphs/shared/identity';
import {
  ARTIFACTS,
  buildPages,
  DESKTOP,
  expectAccessible,
  expectKeyboardReachable,
  launchChromium,
  PHONE,
} from './support/browser';
import { startStack, type TestStack } from './support/stack';

/**
 * The analyst page in a real browser (Debian's chromium driven by playwright-core), built from the
 * current source and served by the real gateway over the whole stack with the demo data and a
 * fresh statistics extract, in trusted-documents mode closed to anything the pages did not
 * register: a table with suppressed cells marked, a chart, a CSV download; axe-core WCAG 2.1 AA,
 * the keyboard, phone and desktop screenshots into test/artifacts/.
 */

const ANALYST: Identity = { sub: 'analyst-statistics-001', role: 'analyst', dept: 'statistics', scopes: [] };

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).
declare const document: any;
type HTMLElement = any;

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
  distDir = await buildPages();
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
    // The demo's own size: enough residents that most district-and-age-band cells reach the
    // disclosure threshold (10) and are shown, while the smallest districts' cells stay suppressed.
    people: DEMO.people,
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
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

describe('an analyst reads a protected table and downloads it as CSV', () => {
  it('signs in, picks residents by district and age band, sees shown and suppressed cells, a chart with real bars and the sources, and downloads the CSV', async () => {
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

    await page.getByLabel('指标', { exact: true }).selectOption({ value: 'residents' });
    await page.getByLabel('维度 1').selectOption({ value: 'district' });
    await page.getByLabel('维度 2').selectOption({ value: 'ageBand' });
    // Each chosen dimension's definition is shown beside it, in Chinese.
    const hints = await page.locator('.analyst .hint').allTextContents();
    expect(hints.length).toBeGreaterThanOrEqual(3);
    for (const hint of hints) expect(hint).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
    await page.getByRole('button', { name: '查询统计表' }).click();

    const table = page.locator('table.statistics-table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe('户籍人口，按户籍所在区（市、县）、年龄段');
    const suppressed = table.locator('tbody .suppressed');
    expect(await suppressed.count()).toBeGreaterThan(0);
    expect(await suppressed.first().textContent()).toBe('—已抑制');
    expect(await suppressed.first().locator('.visually-hidden').textContent()).toBe('已抑制');
    // Enough people that many cells are shown, with their (perturbed) counts.
    const shown = (await table.locator('tbody td[data-label="人数"]').allTextContents()).filter((t) => /^\d/.test(t));
    expect(shown.length).toBeGreaterThanOrEqual(10);
    for (const count of shown) expect(Number(count.replace(/,/g, ''))).toBeGreaterThanOrEqual(10 - 3);
    // Categories in Chinese, not the catalogue's English labels.
    expect(await table.locator('tbody').textContent()).toContain('65 岁及以上');
    expect(await table.locator('tbody').textContent()).not.toMatch(/ to |and over/);
    expect(await page.getByText(/图例：/).textContent()).toContain('表示已抑制');
    expect(await page.getByText(/数据截至/).textContent()).toMatch(/来源：.*人口信息库/);
    // The chart: drawn by ECharts as SVG, a filled bar for every shown cell, with its text description.
    await page.locator('.analyst-chart svg').waitFor();
    const bars: number = await page.evaluate(
      () =>
        [...document.querySelectorAll('.analyst-chart svg path')].filter((p: any) => {
          const fill = p.getAttribute('fill');
          const box = p.getBBox();
          return fill && fill !== 'none' && fill !== 'transparent' && box.height > 1 && box.width > 1;
        }).length,
    );
    expect(bars).toBeGreaterThanOrEqual(shown.length);
    const chart = page.getByRole('img', { name: /户籍人口/ });
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    const caption = await page.locator('.analyst-chart figcaption').textContent();
    expect(caption).toMatch(/柱状图.*具体数值见下表/);
    expect(caption).toContain(`${shown.length} 格有数值`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('residents-district-ageBand.csv');
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    const lines = csv.split(/\r?\n/).filter(Boolean);
    expect(lines.filter((l) => l.startsWith('#')).length).toBeGreaterThan(0);
    expect(lines[0]).toBe('# residents by district, ageBand');
    expect(lines.find((l) => !l.startsWith('#'))).toBe(
      'district,district label,ageBand,ageBand label,status,count,sum,mean',
    );
    expect(lines.some((l) => l.includes('SUPPRESSED_SMALL'))).toBe(true);
    // The same cells published as on the page, and the total.
    expect(lines.filter((l) => l.includes(',PUBLISHED,') && !l.startsWith('TOTAL')).length).toBe(shown.length);

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
