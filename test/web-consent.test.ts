import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadTrustedDocuments, type TrustedDocumentsConfig } from '../gateway/trusted-documents';
import { addCertificate, addHousehold, type HouseholdFixture } from './support/fixtures';
import {
  buildPages,
  DESKTOP,
  expectAccessible,
  expectKeyboardReachable,
  launchChromium,
  screenshots,
} from './support/browser';
import { startStack, type TestStack } from './support/stack';

/**
 * Consent with preview in a real browser (Debian's chromium driven by playwright-core), built from
 * the current source and served by the real gateway over the whole stack, in trusted-documents
 * mode closed to anything not registered: the pages' operations (trusted-documents/web.json) and,
 * for the education department's app and the citizen's contact update, the README's example
 * operations (trusted-documents/manifest.example.json). The journey of issue 13: an education
 * officer without any scope asks for the household and the disability certificate through the
 * gateway; the citizen opens My data, sees the values, approves only the certificate; the officer
 * reads the certificate and is refused the household; the citizen revokes in the browser and the
 * next read is refused; the panel shows the grant and its read. axe-core, keyboard and screenshots
 * (phone and desktop) as the other browser tests.
 */

const PURPOSE = 'EDU-2026-0042';
const HOUSEHOLD = 'Person.household';
const DISABILITY = 'Person.certificates(type: DISABILITY_CERTIFICATE)';

// What the callbacks given to page.evaluate see in the browser (this project's types are Node's, not the DOM's).
declare const document: any;

let stack: TestStack;
let browser: Browser;
let base: string;
let distDir: string;
let family: HouseholdFixture;
let citizenToken: string;
let officer: string;
let certificateNumber: string;
let examples: Map<string, string>;

/** A registered example operation's text, by its name (sent byte for byte, as a registered app does). */
function example(name: string): string {
  const text = examples.get(name);
  if (!text) throw new Error(`no example operation ${name} in trusted-documents/manifest.example.json`);
  return text;
}

const codeAt = (body: any, path: string) =>
  body.errors?.find((e: any) => e.path?.join('.') === path)?.extensions?.code ?? null;

beforeAll(async () => {
  distDir = await buildPages();
  const root = join(__dirname, '..');
  const web = loadTrustedDocuments(join(root, 'trusted-documents', 'web.json'), 'closed');
  const apps = loadTrustedDocuments(join(root, 'trusted-documents', 'manifest.example.json'), 'closed');
  examples = new Map(
    [...apps.documents.values()].flatMap((text) => {
      const name = /^(?:query|mutation)\s+(\w+)/.exec(text)?.[1];
      return name ? [[name, text] as const] : [];
    }),
  );
  const trusted: TrustedDocumentsConfig = {
    documents: new Map([...web.documents, ...apps.documents]),
    anonymous: 'closed',
  };
  stack = await startStack({ webDist: distDir, demoTokens: true, trustedDocuments: trusted });

  family = await addHousehold(stack, [
    { name: '王芳', gender: 'FEMALE', birthDate: '1984-04-04', maritalStatus: 'MARRIED' },
    { name: '李强', gender: 'MALE', birthDate: '1983-03-03', maritalStatus: 'MARRIED', relationship: 'SPOUSE' },
  ]);
  const holder = family.members[0];
  certificateNumber = `${holder.idNumber}42`;
  await addCertificate(stack, holder, {
    type: 'DISABILITY_CERTIFICATE',
    number: certificateNumber,
    attributes: { kind: 'DISABILITY', category: 'VISION', grade: 2 },
    department: 'disabled-persons',
  });
  citizenToken = await stack.token({ role: 'citizen', sub: holder.id });
  // An education officer as `npm run token -- --role officer --dept education --sub edu-officer-7` mints one: no scopes.
  officer = await stack.token({ role: 'officer', sub: 'edu-officer-7', dept: 'education', scopes: [] });
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

/** The officer's read through the gateway, under the grant's purpose. */
async function officerReads() {
  return stack.graphql(example('ConsentRead'), {
    token: officer,
    purpose: PURPOSE,
    variables: { id: family.members[0].id },
  });
}

describe('a citizen previews a consent request, approves part of it, sees the read and revokes', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage());
  });
  afterAll(async () => context?.close());

  it('shows each value of My data with its source and last update', async () => {
    // The citizen changed their phone (through a registered citizen app): a recorded write of theirs.
    const phone = await stack.graphql(example('Phone'), {
      token: citizenToken,
      variables: { i: { phone: '13600000042' } },
    });
    expect(phone.body.errors).toBeUndefined();

    await page.goto(`${base}/sign-in`);
    await page.getByLabel(/令牌/).fill(citizenToken);
    await page.getByRole('button', { name: '用此令牌登录' }).click();
    await page.waitForURL(`${base}/me`);
    await page.getByRole('heading', { name: '本人信息' }).waitFor();
    const phoneValue = page.getByRole('definition').filter({ hasText: '13600000042' });
    await phoneValue.getByText(/来源：人口信息库（公安） · 本人提供 · 更新于 \d{4}\/\d{2}\/\d{2}/).waitFor();
    const nameValue = page.getByRole('definition').filter({ hasText: '王芳' });
    await nameValue.getByText('来源：人口信息库（公安） · 公安局登记核实 · 无变更记录').waitFor();
    await expectAccessible(page, 'my record with sources');
    await screenshots(page, 'my-data-record-sources', async (p) => {
      await p.getByText(/本人提供 · 更新于/).waitFor();
    });

    // A certificate carries its own source: the registry, issued (or revoked) when.
    await page.getByRole('link', { name: '电子证照' }).click();
    await page
      .getByRole('definition')
      .filter({ hasText: /^电子证照库（大数据局），\s*签发于 \d{4}-\d{2}-\d{2}$/ })
      .waitFor();
  });

  it('lets an education officer without scope ask for the household and the certificate, and refuses a read before', async () => {
    const before = await officerReads();
    expect(codeAt(before.body, 'person')).toBe('FORBIDDEN');
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const res = await stack.graphql(example('ConsentAsk'), {
      token: officer,
      variables: {
        i: { personId: family.members[0].id, fields: [HOUSEHOLD, DISABILITY], purpose: PURPOSE, validUntil },
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.requestConsent.status).toBe('PENDING');
  });

  it('shows the request with the exact values it would share and approves only the certificate', async () => {
    await page.getByRole('link', { name: '数据授权' }).click();
    await page.waitForURL(`${base}/me/consent`);
    const request = page.getByRole('region', { name: /教育局申请查看您的数据/ });
    await request.waitFor();
    await request.getByText('edu-officer-7').waitFor();
    await request.getByText(PURPOSE).waitFor();
    // The live preview, field by field: the household as registered, the certificate as issued.
    await request.getByText(family.number).waitFor();
    await request.getByText('户主（本人）、配偶').waitFor();
    await request.getByText(certificateNumber).waitFor();
    await request.getByText('视力残疾二级').waitFor();
    await request.getByText('来源：电子证照库（大数据局）', { exact: false }).waitFor();
    await expectAccessible(page, 'consent request');
    await expectKeyboardReachable(page, 'consent request');
    await screenshots(page, 'my-data-consent-request', async (p) => {
      await p.getByText(certificateNumber).waitFor();
    });

    // Approve some: the certificate only, with the keyboard.
    await request.getByLabel('残疾人证').focus();
    await page.keyboard.press('Space');
    await expect(request.getByLabel('残疾人证').isChecked()).resolves.toBe(true);
    await expect(request.getByLabel(/户籍信息/).isChecked()).resolves.toBe(false);
    await request.getByRole('button', { name: /同意所选（1 项）/ }).click();
    await page.getByRole('status').filter({ hasText: '已同意教育局查看：残疾人证。' }).waitFor();
    await page.getByText('没有待处理的授权请求。').waitFor();
    const grant = page.getByRole('region', { name: /教育局：残疾人证 有效/ });
    await grant.getByText(PURPOSE).waitFor();
    await grant.getByText('尚无依此授权的查看。').waitFor();
  });

  it('lets the officer read the certificate under the grant and refuses the household, through the gateway', async () => {
    const res = await officerReads();
    expect(res.body.data.person.certificates).toEqual([
      { number: certificateNumber, attributes: { category: 'VISION', grade: 2 } },
    ]);
    expect(res.body.data.person.household).toBeNull();
    expect(codeAt(res.body, 'person.household')).toBe('FORBIDDEN');
  });

  it('shows the read next to the grant; the citizen revokes it and the next read is refused', async () => {
    await page.reload();
    const grant = page.getByRole('region', { name: /教育局：残疾人证 有效/ });
    const reads = grant.getByRole('table', { name: /依此授权的查看：\d+ 次，最新的在前/ });
    await reads.waitFor();
    const certificateRead = reads.getByRole('row').filter({ hasText: '电子证照库（大数据局）' });
    await certificateRead.getByRole('cell', { name: '教育局 edu-officer-7', exact: true }).waitFor();
    await certificateRead.getByRole('cell', { name: '电子证照', exact: true }).waitFor();

    await grant.getByRole('button', { name: '撤回教育局查看“残疾人证”的授权' }).click();
    // The confirmation takes the focus: Enter confirms.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('确认撤回');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已撤回教育局查看“残疾人证”的授权。' }).waitFor();
    const revoked = page.getByRole('region', { name: /教育局：残疾人证 已撤回/ });
    await revoked.getByText('撤回时间').waitFor();

    const after = await officerReads();
    expect(codeAt(after.body, 'person')).toBe('FORBIDDEN');

    // The panel still shows the grant, revoked, and the read made under it.
    await page.reload();
    const shown = page.getByRole('region', { name: /教育局：残疾人证 已撤回/ });
    await shown
      .getByRole('table', { name: /依此授权的查看：\d+ 次/ })
      .getByRole('row')
      .filter({ hasText: '电子证照库（大数据局）' })
      .waitFor();
    await expect(shown.getByRole('button').count()).resolves.toBe(0);
    await expectAccessible(page, 'consent grants');
    await expectKeyboardReachable(page, 'consent grants');
    await screenshots(page, 'my-data-consent-grants', async (p) => {
      await p.getByRole('table', { name: /依此授权的查看/ }).waitFor();
    });

    // The tracker marks the same read as made under the citizen's grant, with a way back to it.
    await page.getByRole('link', { name: '谁查看了我的数据' }).click();
    const underGrant = page
      .getByRole('row')
      .filter({ hasText: 'edu-officer-7' })
      .filter({ hasText: '依您的授权查看' })
      .filter({ hasText: '电子证照库（大数据局）' });
    await underGrant.first().waitFor();
    await expectAccessible(page, 'tracker with a grant');
    await underGrant.first().getByRole('link', { name: '数据授权' }).click();
    await page.waitForURL(`${base}/me/consent`);
  });

  it('asks to tick something before approving some, and declines a request with nothing shared', async () => {
    const validUntil = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const ask = await stack.graphql(example('ConsentAsk'), {
      token: officer,
      variables: {
        i: { personId: family.members[0].id, fields: ['Person.phone'], purpose: 'EDU-2026-0043', validUntil },
      },
    });
    expect(ask.body.errors).toBeUndefined();
    await page.goto(`${base}/me/consent`);
    const request = page.getByRole('region', { name: /教育局申请查看您的数据/ });
    await request.getByText('13600000042').waitFor();
    await request.getByRole('button', { name: /同意所选（0 项）/ }).click();
    await request.getByRole('alert').filter({ hasText: '请先勾选您同意共享的项' }).waitFor();
    await request.getByRole('button', { name: '拒绝', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已拒绝教育局的请求，未共享任何数据。' }).waitFor();
    await page.getByRole('heading', { name: '已拒绝的请求' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'EDU-2026-0043' }).filter({ hasText: '手机号' }).waitFor();
    const rows = await stack.sql<{ status: string; grants: string }>(
      'natural-person',
      `select r.status, (select count(*) from consent_grant g where g.request_id = r.id)::text as grants
         from consent_request r where r.purpose = 'EDU-2026-0043'`,
    );
    expect(rows).toEqual([{ status: 'DECLINED', grants: '0' }]);
  });
});
