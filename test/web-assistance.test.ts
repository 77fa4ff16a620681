import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { DEMO, demoCitizen, seedRegistries } from '../seeds';
import { seedAssistanceIfEmpty } from '../seeds/assistance';
import {
  buildPages,
  expectAccessible,
  expectKeyboardReachable,
  launchChromium,
  newPage,
  registeredOperation,
  requestsOutside,
  screenshots,
} from './support/browser';
import { addCertificate, addMaterial, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * The assistance pages for citizens, the public and supervisors in a real browser (Debian's
 * chromium), built from the current source and served by the real gateway over the whole stack
 * with the demo assistance cases, trusted documents enforced for everyone (anonymous callers
 * included): the pages run only their registered operations. Each page is checked with axe-core
 * (WCAG 2.1 AA), tabbed through, and screenshotted phone-sized and desktop-sized.
 */

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).
declare const document: any;

let stack: TestStack;
let browser: Browser;
let base: string;
let distDir: string;
const citizen = demoCitizen();
let members: { id: string; name: string; id_number: string; relationship: string; household: string }[] = [];

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
  // The demo citizen applies afresh: no open minimum-allowance application of theirs from the seed.
  await stack.sql(
    'assistance',
    `update application set status = 'WITHDRAWN' where programme_code = 'MINIMUM_LIVING_ALLOWANCE'
       and $1 = any(member_ids) and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')`,
    [citizen.id],
  );
  members = await stack.sql(
    'natural-person',
    `select p.id, p.name, p.id_number, m.relationship, h.number as household
       from household_member me join household h on h.id = me.household_id
       join household_member m on m.household_id = h.id join person p on p.id = m.person_id
      where me.person_id = $1 and p.death_date is null`,
    [citizen.id],
  );
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

/** Puts on file what the minimum living allowance needs for the household, as uploads and issuing would. */
async function completeHouseholdMaterials(): Promise<void> {
  for (const m of members) {
    const holder = { id: m.id, name: m.name, idNumber: m.id_number } as PersonFixture;
    const [card] = await stack.sql(
      'certificate',
      `select 1 from certificate where holder_person_id = $1 and type_code = 'RESIDENT_ID_CARD' and revoked_on is null
         and (valid_until is null or valid_until > now())`,
      [m.id],
    );
    if (!card) await addCertificate(stack, holder, { number: `${m.id_number}` });
    await addMaterial(stack, m.id, { kind: 'ECONOMIC_CHECK_AUTHORIZATION' });
    await addMaterial(stack, m.id, { kind: 'INCOME_PROOF' });
    if (m.relationship === 'HEAD') {
      const [register] = await stack.sql(
        'certificate',
        `select 1 from certificate where type_code = 'HOUSEHOLD_REGISTER' and number = $1 and revoked_on is null`,
        [m.household],
      );
      if (!register)
        await addCertificate(stack, holder, { type: 'HOUSEHOLD_REGISTER', number: m.household, validUntil: null });
    }
  }
  await addMaterial(stack, citizen.id, { kind: 'PROPERTY_DECLARATION' });
}

describe('a citizen applies for the minimum living allowance and follows it', () => {
  let context: BrowserContext;
  let page: Page;
  let outside: string[];
  let reference: string;

  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
    outside = requestsOutside(page, base);
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: new RegExp(`市民 ${citizen.name}`) }).click();
    await page.waitForURL(`${base}/me`);
  });
  afterAll(async () => context?.close());

  it('picks the programme and sees every missing item at once, before applying', async () => {
    expect(members.length).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的救助' }).click();
    await page.getByRole('link', { name: '申请社会救助' }).click();
    await page.waitForURL(`${base}/assistance`);
    await page.getByLabel('救助项目').selectOption({ label: '最低生活保障' });
    await page.getByRole('heading', { name: '最低生活保障', level: 2 }).waitFor();
    await page.getByRole('table', { name: '每项材料及每位家庭成员的情况' }).waitFor();
    // Nothing is on file yet for the economic check and the income: all listed together.
    const lacking = page.locator('.notice.warn ol li');
    await lacking.first().waitFor();
    const listed = await lacking.allTextContents();
    expect(listed.some((l) => l.includes('家庭经济状况核对授权书'))).toBe(true);
    expect(listed.some((l) => l.includes('家庭财产状况申报表'))).toBe(true);
    expect(await page.getByText(/还需提交以下 \d+ 项/).textContent()).toContain(String(listed.length));
    expect(await page.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'assistance-apply-missing');
  });

  it('with the materials on file, cites them, declares the income and applies', async () => {
    await completeHouseholdMaterials();
    await page.reload();
    await page.getByLabel('救助项目').selectOption({ label: '最低生活保障' });
    await page.getByText(/^材料齐全：共 \d+ 项/).waitFor();
    expect(await page.locator('.notice.warn ol li').count()).toBe(0);
    // What is on file of the citizen's own is cited, each one ticked by default (other members' files
    // count as on file, but stay theirs: the citizen sees only that they are there).
    const cite = page.getByRole('checkbox', { name: '申请时引用' });
    expect(await cite.count()).toBeGreaterThanOrEqual(4);
    const citing = await page.getByText(/将引用已在库的电子证照 \d+ 份、材料 \d+ 份/).textContent();
    const [, certificates, materials] = /电子证照 (\d+) 份、材料 (\d+) 份/.exec(citing!)!;
    expect(Number(certificates)).toBeGreaterThanOrEqual(1);
    expect(Number(materials)).toBeGreaterThanOrEqual(3);
    // Unticking one leaves it out of the application.
    await cite.first().uncheck();
    expect(await page.getByText(/将引用已在库的电子证照/).textContent()).not.toBe(citing);
    await cite.first().check();
    await page.getByLabel('申报家庭月收入（元）').fill('八百');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page
      .getByRole('alert')
      .getByText(/家庭月收入请填写/)
      .waitFor();
    await page.getByLabel('申报家庭月收入（元）').fill('800.00');
    await expectAccessible(page, 'assistance-apply');
    await expectKeyboardReachable(page, 'assistance-apply');
    await screenshots(page, 'assistance-apply', async (p) => {
      await p.getByRole('table', { name: '每项材料及每位家庭成员的情况' }).waitFor();
    });
    await page.getByRole('button', { name: '提交申请' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: '申请已提交' });
    await confirmation.waitFor();
    reference = /MLA-\d{8}-[0-9A-F]{6}/.exec((await confirmation.textContent())!)![0];
    expect(await confirmation.textContent()).toContain('状态：已提交');

    const [row] = await stack.sql<{ status: string; income: string; certs: string[]; mats: string[]; by: string }>(
      'assistance',
      `select status, declared_monthly_income::text as income, cited_certificate_ids as certs,
              cited_material_ids as mats, filed_by_sub as by from application where reference = $1`,
      [reference],
    );
    expect(row).toMatchObject({ status: 'SUBMITTED', income: '800.00', by: citizen.id });
    expect(row.certs).toHaveLength(Number(certificates));
    expect(row.mats).toHaveLength(Number(materials));
  });

  it('sees the application, its status and its steps; an officer’s step shows there', async () => {
    await page.getByRole('link', { name: '查看我的救助申请及办理进度' }).click();
    await page.waitForURL(`${base}/assistance/mine`);
    const card = page.getByRole('article', { name: new RegExp(reference) });
    await card.waitFor();
    expect(await card.textContent()).toContain('已提交');
    expect(await card.locator('.case-steps li').count()).toBe(1);
    expect(await card.locator('.case-steps li').first().textContent()).toContain('申请人本人');

    // A civil-affairs officer accepts it (through the gateway, as the caseworker page does).
    const [app] = await stack.sql<{ id: string }>('assistance', 'select id from application where reference = $1', [
      reference,
    ]);
    const officer = await stack.token({
      sub: 'officer-civil-affairs-001',
      role: 'officer',
      dept: 'civil-affairs',
      scopes: ['assistance:read:sensitive', 'assistance:write'],
    });
    const step = await stack.graphql(registeredOperation('TakeCaseStep'), {
      variables: { input: { applicationId: app.id, version: 1, to: 'ACCEPTED', note: '材料齐全' } },
      token: officer,
      purpose: reference,
    });
    expect(step.body.errors).toBeUndefined();
    await page.reload();
    await card.waitFor();
    expect(await card.textContent()).toContain('已受理');
    expect(await card.locator('.case-steps li').nth(1).textContent()).toMatch(/已提交 → 已受理，民政局工作人员/);
    // The internal note stays internal.
    expect(await card.textContent()).not.toContain('材料齐全');
    await expectAccessible(page, 'assistance-mine');
    await expectKeyboardReachable(page, 'assistance-mine');
    await screenshots(page, 'assistance-mine', async (p) => {
      await p.getByRole('article', { name: new RegExp(reference) }).waitFor();
    });
    expect(outside).toEqual([]);
  });

  it('objects to a public notice in their own name', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '救助公示' }).click();
    await page.getByRole('table', { name: '公示期内的拟救助对象' }).waitFor();
    await page
      .getByRole('button', { name: /提出异议/ })
      .first()
      .click();
    await page.getByLabel('异议内容（1 至 500 字）').fill('该户有经营性车辆，与申报不符');
    await page.getByRole('checkbox', { name: /匿名提交/ }).uncheck();
    await page.getByRole('button', { name: '提交异议' }).click();
    const receipt = page.getByRole('status').filter({ hasText: '异议已收到' });
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('本次为实名提交');
    const [row] = await stack.sql<{ by: string | null }>(
      'assistance',
      `select lodged_by_sub as by from objection where text = '该户有经营性车辆，与申报不符'`,
    );
    expect(row.by).toBe(citizen.id);
  });
});

describe('anyone reads the public notices and lodges an objection without signing in', () => {
  it('lists the notices with masked names, filters them, and confirms an anonymous objection', async () => {
    const { context, page } = await newPage(browser);
    const outside = requestsOutside(page, base);
    await page.goto(`${base}/notices`);
    await page.getByRole('heading', { name: '社会救助公示', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: '公示期内的拟救助对象' });
    await table.waitFor();
    const names = await table.locator('tbody td[data-label="姓名"]').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^.\*+$/);
    expect(await table.locator('tbody td[data-label="拟救助金额"]').first().textContent()).toMatch(
      /^\d+(\.\d{1,2})? 元\/月$/,
    );

    await page.getByLabel('救助项目').selectOption({ label: '最低生活保障' });
    await page.waitForURL(/programme=MINIMUM_LIVING_ALLOWANCE/);
    // Only the chosen programme's notices remain (or none, said so).
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('tbody td[data-label="救助项目"]')].map((c: any) => c.textContent);
      const status = document.querySelector('.notices [role="status"]')?.textContent ?? '';
      return cells.length > 0 ? cells.every((c) => c === '最低生活保障') : status.includes('没有处于公示期');
    });
    await page.getByLabel('救助项目').selectOption({ value: '' });
    await table.waitFor();

    await expectAccessible(page, 'notices');
    await expectKeyboardReachable(page, 'notices');
    await screenshots(page, 'notices', async (p) => {
      await p.getByRole('table', { name: '公示期内的拟救助对象' }).waitFor();
    });

    // An empty objection is refused on the page, with nothing sent.
    const first = table.getByRole('button', { name: /提出异议/ }).first();
    await first.click();
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.getByRole('alert').getByText('异议内容请填写 1 至 500 字。').waitFor();
    await page.getByLabel('异议内容（1 至 500 字）').fill('该户成员在外地有稳定工作收入');
    await page.getByRole('button', { name: '提交异议' }).click();
    const receipt = page.getByRole('status').filter({ hasText: '异议已收到' });
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('本次为匿名提交');
    expect(await receipt.textContent()).toMatch(/回执编号 [0-9a-f-]{36}/);
    const [row] = await stack.sql<{ by: string | null }>(
      'assistance',
      `select lodged_by_sub as by from objection where text = '该户成员在外地有稳定工作收入'`,
    );
    expect(row).toEqual({ by: null });
    await expectAccessible(page, 'notices-objection');
    await screenshots(page, 'notices-objection', async (p) => {
      await p.getByRole('status').filter({ hasText: '异议已收到' }).waitFor();
    });
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe('a supervisor reads the supervision board', () => {
  it('signs in as the demo supervisor and sees green, yellow and red counts and the on-time rate, not the case files', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: /电子监察员/ }).click();
    await page.waitForURL(`${base}/caseworker/supervision`);
    await page.getByRole('heading', { name: '电子监察', level: 1 }).waitFor();
    const counts = await page.getByRole('list', { name: '按灯色统计' }).textContent();
    const [, green, yellow, red] = /绿灯（正常）(\d+) 件黄灯（临近时限）(\d+) 件红灯（已超时）(\d+) 件/.exec(counts!)!;
    const [db] = await stack.sql<{ open: number }>(
      'assistance',
      `select count(*)::int as open from application where status in ('SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE', 'RETURNED_FOR_MATERIALS')`,
    );
    expect(Number(green) + Number(yellow) + Number(red)).toBeGreaterThan(0);
    expect(Number(green) + Number(yellow) + Number(red)).toBeLessThanOrEqual(db.open);
    expect(Number(red)).toBeGreaterThan(0);
    expect(await page.getByText(/近一年按时办结率：\d+\.\d%（按时 \d+ 件，超时 \d+ 件，共 \d+ 件）/).count()).toBe(1);
    // Programmes in Chinese; flagged cases without links (the supervisor may not open case files).
    const byProgramme = await page.getByRole('table', { name: '按救助项目' }).textContent();
    expect(byProgramme).toMatch(/最低生活保障|临时救助|医疗救助/);
    expect(byProgramme).not.toMatch(/[A-Z_]{6,}/);
    expect(await page.locator('td[data-label="办件编号"] a').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: '电子监察' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: '救助审核' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '窗口办件' }).count()).toBe(0);
    await expectAccessible(page, 'supervision');
    await expectKeyboardReachable(page, 'supervision');
    await screenshots(page, 'supervision', async (p) => {
      await p.getByRole('table', { name: '按区县' }).waitFor();
    });
    await context.close();
  });
});
