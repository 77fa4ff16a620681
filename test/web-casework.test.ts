import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { DEMO, seedRegistries } from '../seeds';
import { seedAssistanceIfEmpty } from '../seeds/assistance';
import {
  buildPages,
  DESKTOP,
  expectAccessible,
  expectKeyboardReachable,
  launchChromium,
  registeredOperation,
  screenshots,
} from './support/browser';
import { startStack, type TestStack } from './support/stack';

/**
 * The caseworker's assistance pages in a real browser (Debian's chromium driven by playwright-core),
 * built from the current source and served by the real gateway over the whole stack with the demo
 * assistance cases, in trusted-documents mode enforced for everyone, anonymous callers included (as
 * production may run it): the pages work on their registered operations alone.
 * Each page is checked with axe-core (WCAG 2.1 AA), tabbed through, and screenshotted phone-sized
 * and desktop-sized into test/artifacts/.
 */

const PURPOSE = 'MLA-REVIEW-1122';

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).

let stack: TestStack;
let browser: Browser;
let base: string;
let distDir: string;
let submitted: { id: string; reference: string; programme: string };

beforeAll(async () => {
  distDir = await buildPages();
  stack = await startStack({
    webDist: distDir,
    demoTokens: true,
    trustedDocuments: loadTrustedDocuments(join(__dirname, '..', 'trusted-documents', 'web.json'), 'closed'),
  });
  const urls = {
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    legalPersonUrl: stack.databaseUrls['legal-person'],
    certificateUrl: stack.databaseUrls.certificate,
    assistanceUrl: stack.databaseUrls.assistance,
  };
  await seedRegistries({ ...urls, seed: DEMO.seed, people: 300, organizations: 10 });
  await seedAssistanceIfEmpty(urls, { households: 60 });
  const [row] = await stack.sql<{ id: string; reference: string; programme: string }>(
    'assistance',
    `select id, reference, programme_code as programme from application where status = 'SUBMITTED' order by submitted_at limit 1`,
  );
  submitted = row;
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

async function newPage(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function signInAs(page: Page, who: RegExp): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByRole('button', { name: who }).click();
}

describe('a caseworker moves an application to public notice; a supervisor sees the board', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage());
    await signInAs(page, /民政局窗口工作人员/);
    await page.waitForURL(`${base}/caseworker`);
  });
  afterAll(async () => context?.close());

  it('lists the submitted applications for a purpose', async () => {
    expect(submitted?.reference).toBeTruthy();
    await page.getByRole('link', { name: '救助审核' }).click();
    await page.getByLabel('事由（办件编号）').fill(PURPOSE);
    await page.getByLabel('状态').selectOption('SUBMITTED');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: submitted.reference }).waitFor();
    await expectAccessible(page, 'casework-queue');
    await expectKeyboardReachable(page, 'casework-queue');
    await screenshots(page, 'casework-queue', async (p) => {
      await p.getByRole('link', { name: submitted.reference }).waitFor();
    });
  });

  it('moves it accepted, under review, public notice; a stale version is told plainly', async () => {
    await page.getByRole('link', { name: submitted.reference }).click();
    await page.getByRole('heading', { name: new RegExp(submitted.reference) }).waitFor();
    await page.getByText('状态：已提交', { exact: false }).waitFor();
    await page.getByLabel('内部备注（可选）').fill('窗口材料已核');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByText('已办理：已受理。').waitFor();
    await page.getByRole('button', { name: '开始审核' }).click();
    await page.getByText('已办理：审核中。').waitFor();
    // The review gathered the facts with their sources and as-of times.
    await page.getByRole('table', { name: '核对信息、来源与读取时间' }).waitFor();
    await page.getByRole('cell', { name: '人口信息库（公安）' }).first().waitFor();
    await page.getByLabel('拟救助金额（元/月，公示时必填）').fill('612.50');
    await page.getByRole('button', { name: '进入公示' }).click();
    await page.getByText('已办理：公示中。').waitFor();
    await page.getByText('状态：公示中', { exact: false }).waitFor();
    // The case record: who, when, from, to, note.
    await page.getByText('窗口材料已核', { exact: false }).waitFor();
    await expectAccessible(page, 'casework-application');
    await expectKeyboardReachable(page, 'casework-application');
    await screenshots(page, 'casework-application', async (p) => {
      await p.getByRole('table', { name: '核对信息、来源与读取时间' }).waitFor();
    });

    // Another officer acts first: this page's version is stale.
    await stack.sql('assistance', 'update application set version = version + 1 where id = $1', [submitted.id]);
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await page.getByText(/版本冲突/).waitFor();
    await stack.sql('assistance', 'update application set version = version - 1 where id = $1', [submitted.id]);
  });

  it('shows the notice in the public notices, read anonymously through the gateway; any other operation is refused', async () => {
    // Anonymously, with the public notice page's own registered operation: the gateway runs nothing else.
    const res = await stack.graphql(registeredOperation('PublicNotices'));
    expect(res.body.errors).toBeUndefined();
    const notices = res.body.data.publicNotices as { programme: string; proposedAmount: string; maskedName: string }[];
    const ours = notices.filter((n) => n.programme === submitted.programme && n.proposedAmount === '612.50');
    expect(ours).toHaveLength(1);
    expect(ours[0].maskedName).toMatch(/^.\*+$/);
    // Production-like: trusted documents enforced for anonymous callers too.
    const other = await stack.graphql('{ publicNotices { id } }');
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
  });

  it('shows the supervision board with colours in words and the on-time rate', async () => {
    await page.goto(`${base}/caseworker/supervision`);
    await page.getByRole('heading', { name: '电子监察', level: 1 }).waitFor();
    await page.getByText(/绿灯（正常）\d+ 件/).waitFor();
    await page.getByText(/红灯（已超时）\d+ 件/).waitFor();
    await page.getByText(/近一年按时办结率/).waitFor();
    await page.getByRole('table', { name: '按区县' }).waitFor();
    await expectAccessible(page, 'casework-supervision');
    await expectKeyboardReachable(page, 'casework-supervision');
    await screenshots(page, 'casework-supervision', async (p) => {
      await p.getByRole('table', { name: '按区县' }).waitFor();
    });
  });
});
