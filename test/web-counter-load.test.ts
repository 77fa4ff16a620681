import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { DEMO, demoCitizen, seedJobs, seedRegistries } from '../seeds';
import { ARTIFACTS, buildPages, launchChromium } from './support/browser';
import { startStack, type TestStack } from './support/stack';

/**
 * Measures the district counter's screen (/counter/{district}) as a counter's browser loads it:
 * from the start of navigation to the first postings rendered, cold (a fresh browser profile: no
 * cache) and warm (the same profile again: the hashed scripts come from the HTTP cache), over the
 * demo-sized data through the real gateway; and the built files' sizes, raw and gzipped. The
 * figures go to test/artifacts/counter-load.json; the test asserts only that the page renders.
 */

const DISTRICT = '510107';
const RUNS = 5;
// What the callbacks given to page.evaluate see in the browser.
declare const window: any;
declare const document: any;
declare const performance: any;
declare const MutationObserver: any;

let stack: TestStack;
let browser: Browser;
let base: string;
let distDir: string;

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
    people: DEMO.people,
    organizations: DEMO.organizations,
  });
  await seedJobs({
    labourMarketUrl: stack.databaseUrls['labour-market'],
    legalPersonUrl: stack.databaseUrls['legal-person'],
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    postings: DEMO.postings,
    demoCitizenId: demoCitizen().id,
  });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

/** Before any script of the page runs: note the time (since navigation start) the first posting appears. */
function watchFirstResults(): void {
  const seen = () => {
    if (window.__firstResults === undefined && document.querySelector('.counter li.job')) {
      window.__firstResults = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

interface Load {
  firstResultsMs: number;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  transferredBytes: number;
}

async function load(page: Page): Promise<Load> {
  await page.goto(`${base}/counter/${DISTRICT}`);
  await page.waitForFunction(() => window.__firstResults !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      firstResultsMs: Math.round(window.__firstResults),
      firstContentfulPaintMs: paint ? Math.round(paint.startTime) : null,
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      transferredBytes: nav.transferSize + resources.reduce((sum: number, r: any) => sum + r.transferSize, 0),
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

it('measures the counter screen cold and warm, and the bundle sizes', async () => {
  const cold: Load[] = [];
  const warm: Load[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A counter's browser: the touch screen's size, a fresh profile each cold run.
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' });
    await context.addInitScript(watchFirstResults);
    const page = await context.newPage();
    cold.push(await load(page));
    warm.push(await load(page));
    await context.close();
  }
  for (const l of [...cold, ...warm]) expect(l.firstResultsMs).toBeGreaterThan(0);
  // Warm loads take the hashed scripts from the cache: far fewer bytes over the wire.
  expect(median(warm.map((l) => l.transferredBytes))).toBeLessThan(median(cold.map((l) => l.transferredBytes)));

  const assets = join(distDir, 'assets');
  const files = readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(join(assets, f));
      return { file: f, bytes: statSync(join(assets, f)).size, gzipBytes: gzipSync(bytes).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = files.filter((f) => html.includes(`/assets/${f.file}`));
  const summary = {
    conditions: `Chromium headless on this host, gateway and registries on the same host, demo-sized data (${DEMO.people} people, ${DEMO.postings} postings), ${RUNS} runs each, viewport 1080x1920`,
    page: `/counter/${DISTRICT}`,
    coldMedian: {
      firstResultsMs: median(cold.map((l) => l.firstResultsMs)),
      firstContentfulPaintMs: median(cold.map((l) => l.firstContentfulPaintMs ?? 0)),
      domContentLoadedMs: median(cold.map((l) => l.domContentLoadedMs)),
      transferredBytes: median(cold.map((l) => l.transferredBytes)),
    },
    warmMedian: {
      firstResultsMs: median(warm.map((l) => l.firstResultsMs)),
      firstContentfulPaintMs: median(warm.map((l) => l.firstContentfulPaintMs ?? 0)),
      domContentLoadedMs: median(warm.map((l) => l.domContentLoadedMs)),
      transferredBytes: median(warm.map((l) => l.transferredBytes)),
    },
    cold,
    warm,
    initialBundle: {
      bytes: initial.reduce((s, f) => s + f.bytes, 0),
      gzipBytes: initial.reduce((s, f) => s + f.gzipBytes, 0),
      files: initial.map((f) => f.file),
    },
    files,
  };
  writeFileSync(join(ARTIFACTS, 'counter-load.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify({ ...summary, cold: undefined, warm: undefined }, null, 2));
}, 180_000);
