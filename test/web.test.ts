import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { DEMO, demoCitizen, seedJobs, seedRegistries } from '../seeds';
import {
  ARTIFACTS,
  buildPages,
  DESKTOP,
  expectAccessible,
  expectKeyboardReachable,
  launchChromium,
  PHONE,
  screenshots,
} from './support/browser';
import { startStack, type TestStack } from './support/stack';

/**
 * The web pages in a real browser (Debian's chromium driven by playwright-core), built from the
 * current source, served by the real gateway over the whole stack seeded with the demo data, in
 * trusted-documents mode closed to anything the pages did not register. Each page is checked with
 * axe-core (WCAG 2.1 AA) and screenshotted phone-sized and desktop-sized into test/artifacts/.
 */

const PURPOSE = 'MLA-2026-0193';
const FILE_NAME = '收入证明-2026-11.pdf';

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).
declare const document: any;
declare const sessionStorage: any;
type PerformanceNavigationTiming = any;
type PerformanceResourceTiming = any;

let stack: TestStack;
let browser: Browser;
let base: string;
let distDir: string;
const citizen = demoCitizen();
const measurements: Record<string, unknown> = {};

beforeAll(async () => {
  // The pages as the current source builds them (never a stale web/dist).
  const started = Date.now();
  distDir = await buildPages();
  measurements.buildMs = Date.now() - started;
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
    postings: 60,
    demoCitizenId: citizen.id,
  });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
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

describe('a citizen uploads a material and sees an officer read it in their tracker', () => {
  let citizenPage: Page;
  let citizenContext: BrowserContext;

  beforeAll(async () => {
    ({ context: citizenContext, page: citizenPage } = await newPage());
  });
  afterAll(async () => citizenContext?.close());

  it('signs the citizen in with the keyboard alone and shows their record and household', async () => {
    const page = citizenPage;
    const started = Date.now();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: /市民/ }).waitFor();
    // Keyboard only: Tab to the demo citizen, Enter.
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text.includes('市民')) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/me`);
    await page.getByRole('heading', { name: '本人信息' }).waitFor();
    await page.getByText(citizen.idNumber).waitFor();
    measurements.signInToRecordMs = Date.now() - started;
    await page.getByRole('heading', { name: '户籍' }).waitFor();
    await page.getByText(`本人（${citizen.name}）`).waitFor();
    await expectAccessible(page, 'my record');
    await expectKeyboardReachable(page, 'my record');
    await screenshots(page, 'my-data-record', async (p) => {
      await p.getByText(citizen.idNumber).waitFor();
    });
  });

  it('shows each certificate with its verification code and a QR code that opens the verification page', async () => {
    const page = citizenPage;
    await page.getByRole('link', { name: '电子证照' }).click();
    await page.getByRole('heading', { name: '居民身份证' }).first().waitFor();
    const qr = page.getByRole('img', { name: /居民身份证核验二维码/ }).first();
    await qr.waitFor();
    const alt = (await qr.getAttribute('alt'))!;
    const code = /核验码 (\S+)$/.exec(alt)![1];
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expectAccessible(page, 'certificates');
    await screenshots(page, 'my-data-certificates', async (p) => {
      await p
        .getByRole('img', { name: /核验二维码/ })
        .first()
        .waitFor();
    });

    // What the QR code opens: the public verification page, no sign-in needed.
    const { context, page: anyone } = await newPage(PHONE);
    await anyone.goto(`${base}/verify?code=${encodeURIComponent(code)}`);
    await anyone.getByRole('heading', { name: /居民身份证/ }).waitFor();
    await anyone.getByText(`${citizen.name[0]}*`, { exact: true }).waitFor();
    await expect(anyone.getByText(citizen.idNumber).count()).resolves.toBe(0);
    await expectAccessible(anyone, 'verify');
    await screenshots(anyone, 'verify', async (p) => {
      await p.getByRole('heading', { name: /居民身份证/ }).waitFor();
    });
    await context.close();
  });

  it('uploads an income proof once and lists it', async () => {
    const page = citizenPage;
    await page.getByRole('link', { name: '我的材料' }).click();
    await page.getByLabel('材料类型').selectOption({ label: '收入证明' });
    await page.getByLabel('文件').setInputFiles({
      name: FILE_NAME,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% income proof for the web test ${Date.now()}\n%%EOF\n`),
    });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText(/已上传“收入证明-2026-11.pdf”/).waitFor();
    await page
      .getByRole('cell', { name: new RegExp(FILE_NAME) })
      .first()
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(FILE_NAME) })
      .getByText('尚未被办件使用')
      .waitFor();
    await expectAccessible(page, 'materials');
    await expectKeyboardReachable(page, 'materials');
    await screenshots(page, 'my-data-materials', async (p) => {
      await p
        .getByRole('cell', { name: new RegExp(FILE_NAME) })
        .first()
        .waitFor();
    });
  });

  it('lets a caseworker look the applicant up for a case, see readiness and use the material', async () => {
    const { context, page } = await newPage();
    await signInAs(page, /民政局窗口工作人员/);
    await page.waitForURL(`${base}/caseworker`);
    await page.getByLabel('办件编号').fill(PURPOSE);
    await page.getByLabel('办理事项').selectOption('MLA');
    await page.getByLabel('申请人身份证号').fill(citizen.idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: /最低生活保障.*：材料(齐全|不齐)/ }).waitFor();
    await page.getByText(citizen.name, { exact: true }).first().waitFor();
    const row = page.getByRole('row', { name: new RegExp(FILE_NAME) });
    await row.getByText('已具备').waitFor();
    await expectAccessible(page, 'caseworker');
    await expectKeyboardReachable(page, 'caseworker');
    await screenshots(page, 'caseworker', async (p) => {
      await p.getByRole('row', { name: new RegExp(FILE_NAME) }).waitFor();
    });
    await row.getByRole('button', { name: '本件使用此材料' }).click();
    await page.getByText(`已记录：本件（${PURPOSE}）使用了该材料`).waitFor();
    await context.close();
  });

  it("shows the officer's read, with the case reference, in the citizen's tracker, filterable", async () => {
    const page = citizenPage;
    await page.getByRole('link', { name: '谁查看了我的数据' }).click();
    // The readiness check read the applicant's papers in the certificate registry, for this case.
    const officerRow = page
      .getByRole('row', { name: /officer-civil-affairs-001/ })
      .filter({ hasText: PURPOSE })
      .filter({ hasText: '电子证照库（大数据局）' });
    await officerRow.first().waitFor();
    // Newest first.
    const times = await page.locator('table.access-log tbody tr td:first-child').allTextContents();
    expect(times).toEqual([...times].sort().reverse());
    // Filtered to the natural-person registry, the certificate registry's records are gone.
    await page.getByLabel('信息库').selectOption('natural-person');
    await page.getByRole('button', { name: '筛选' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已显示/ })
      .waitFor();
    await expect(page.locator('table.access-log tbody').getByText('电子证照库（大数据局）').count()).resolves.toBe(0);
    await page.getByLabel('信息库').selectOption('certificate');
    await page.getByLabel('部门').selectOption('civil-affairs');
    await page.getByRole('button', { name: '筛选' }).click();
    await officerRow.first().waitFor();
    const departments = await page.locator('table.access-log tbody tr td:nth-child(3)').allTextContents();
    expect(departments.length).toBeGreaterThan(0);
    for (const who of departments) expect(who).toMatch(/^民政局/);
    await expectAccessible(page, 'access log');
    await expectKeyboardReachable(page, 'access log');
    await screenshots(page, 'my-data-access', async (p) => {
      await p
        .getByRole('row', { name: /officer-civil-affairs-001/ })
        .first()
        .waitFor();
    });

    // And the material says which application used it.
    await page.getByRole('link', { name: '我的材料' }).click();
    await page
      .getByRole('row', { name: new RegExp(FILE_NAME) })
      .getByText(PURPOSE)
      .waitFor();
  });
});

describe('a job-seeker finds and applies for a job', () => {
  let title = '';

  it('searches the public feed without signing in, with facet counts, and opens a posting with its employer', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/jobs`);
    await page
      .getByRole('status')
      .filter({ hasText: /共 \d+ 个岗位/ })
      .waitFor();
    const total = Number(
      /共 (\d+) 个岗位/.exec((await page.getByRole('status').filter({ hasText: /共/ }).textContent())!)![1],
    );
    expect(total).toBeGreaterThan(0);
    // A district facet narrows the feed to its count.
    const facet = page.getByRole('complementary').getByRole('button').first();
    const [, district, count] = /^(.+)（(\d+)）$/.exec((await facet.textContent())!)!;
    await facet.click();
    await page
      .getByRole('status')
      .filter({ hasText: `共 ${count} 个岗位` })
      .waitFor();
    const districts = await page.locator('.job-list .job p:first-of-type').allTextContents();
    for (const line of districts) expect(line).toContain(district);
    await expectAccessible(page, 'jobs');
    await expectKeyboardReachable(page, 'jobs');
    await screenshots(page, 'jobs', async (p) => {
      await p.locator('.job-list .job').first().waitFor();
    });
    const first = page.locator('.job-list .job h3 a').first();
    title = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('统一社会信用代码').waitFor();
    await page.getByText('投递前请先').waitFor();
    await expectAccessible(page, 'job detail');
    await context.close();
  });

  it('applies once as the signed-in citizen and sees the application and its status', async () => {
    const { context, page } = await newPage(PHONE);
    await signInAs(page, /市民/);
    await page.waitForURL(`${base}/me`);
    await page.goto(`${base}/jobs`);
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('button', { name: '投递简历' }).click();
    await page.getByText(/已投递（/).waitFor();
    await expect(page.getByRole('button', { name: '已投递' }).isDisabled()).resolves.toBe(true);
    await screenshots(page, 'job-detail', async (p) => {
      await p.getByText(/已投递（/).waitFor();
    });
    await page.getByRole('link', { name: '我的求职申请' }).click();
    await page
      .getByRole('row', { name: new RegExp(title) })
      .getByText('已投递')
      .waitFor();
    await expectAccessible(page, 'my applications');
    await screenshots(page, 'my-applications', async (p) => {
      await p.getByRole('row', { name: new RegExp(title) }).waitFor();
    });
    await context.close();
  });

  it("shows a district counter's screen with its local feed", async () => {
    const { context, page } = await newPage({ width: 1080, height: 1920 });
    await page.goto(`${base}/counter/510107`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: /武侯区在招岗位/ }).waitFor();
    await expectAccessible(page, 'counter');
    await expectKeyboardReachable(page, 'counter');
    await screenshots(page, 'counter', async (p) => {
      await p.getByRole('heading', { name: /武侯区在招岗位/ }).waitFor();
    });
    await context.close();
  });
});

describe('the pages themselves', () => {
  it('measures the first load of My data on a fresh browser (bundle fetched, record shown)', async () => {
    const { context, page } = await newPage();
    const [demo] = ((await (await fetch(`${base}/demo-tokens`)).json()) as { signIns: { token: string }[] }).signIns;
    await context.addInitScript((token) => sessionStorage.setItem('gov-graph.token', token), demo.token);
    const started = Date.now();
    await page.goto(`${base}/me`);
    await page.getByText(citizen.idNumber).waitFor();
    const shown = Date.now() - started;
    const timing = await page.evaluate(() => {
      const browserPerformance = performance as any;
      const nav = browserPerformance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const scripts = browserPerformance
        .getEntriesByType('resource')
        .filter((r: PerformanceResourceTiming) => r.initiatorType !== 'fetch') as PerformanceResourceTiming[];
      return {
        domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
        loadMs: Math.round(nav.loadEventEnd),
        transferredBytes:
          scripts.reduce((sum: number, r: PerformanceResourceTiming) => sum + r.transferSize, 0) + nav.transferSize,
        resources: scripts.map((r: PerformanceResourceTiming) => ({
          name: new URL(r.name).pathname,
          type: r.initiatorType,
          bytes: r.transferSize,
        })),
      };
    });
    measurements.myDataFirstLoad = { ...timing, recordShownMs: shown };
    expect(shown).toBeLessThan(10_000);
    await context.close();
  });

  it('home and sign-in pass the WCAG 2.1 AA check and work with the keyboard', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: '成都市政务服务', level: 1 }).waitFor();
    await expectAccessible(page, 'home');
    await expectKeyboardReachable(page, 'home');
    await screenshots(page, 'home', async (p) => {
      await p.getByRole('heading', { level: 1 }).waitFor();
    });
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: /市民/ }).waitFor();
    await expectAccessible(page, 'sign-in');
    await expectKeyboardReachable(page, 'sign-in');
    await screenshots(page, 'sign-in', async (p) => {
      await p.getByRole('button', { name: /市民/ }).waitFor();
    });
    await context.close();
  });

  it('serves the pages under their CSP: no request leaves the gateway, no script runs inline', async () => {
    const { context, page } = await newPage();
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signInAs(page, /市民/);
    await page.getByRole('link', { name: '电子证照' }).click();
    await page
      .getByRole('img', { name: /核验二维码/ })
      .first()
      .waitFor();
    expect({ foreign, violations }).toEqual({ foreign: [], violations: [] });
    await context.close();
  });

  it('refuses an operation the pages did not register, for a signed-in caller', async () => {
    const [demo] = ((await (await fetch(`${base}/demo-tokens`)).json()) as { signIns: { token: string }[] }).signIns;
    const response = await stack.graphql('query Sneaky { me { id name } }', { token: demo.token });
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0].extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
  });
});
