import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { REGISTRY_NAMES, SUBGRAPH_NAMES, envPrefix } from '../subgraphs/catalog';
import { withDatabase } from '../subgraphs/shared/database';
import { buildManifest, expandPatterns } from '../scripts/lib/trusted-documents';

/**
 * Operations, end to end, as an operator runs it: `npm start` (every service its own process,
 * telemetry preloaded) with an OTLP endpoint pointing at a receiver in this test, LOG_LEVEL=debug
 * and METRICS_TOKEN. The README's examples run through the real gateway as every role; then the
 * spans every process exported, the log lines every process wrote and the metrics each serves
 * are checked: one trace per request from the gateway down to each registry's SQL, and no seeded
 * ID number, name or phone number (nor the purpose text) in any span or log line.
 */

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'gov-graph-ops-'));
chmodSync(dataDir, 0o755);
const METRICS_TOKEN = randomBytes(24).toString('hex');
const PURPOSE = 'MLA-2026-0193';
const prefix = `ops_${process.pid}_${randomBytes(3).toString('hex')}`;
const databaseUrls = Object.fromEntries(
  REGISTRY_NAMES.map((name) => [
    name,
    withDatabase(process.env.TEST_DATABASE_URL!, `${prefix}_${name.replace(/-/g, '_')}`),
  ]),
);

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

const spans: Span[] = [];
let rawSpans = '';
let receiver: Server;
let launcher: ChildProcess;
let output = '';
let env: NodeJS.ProcessEnv;
let gateway: string;
let ports: Record<string, number>;

beforeAll(async () => {
  receiver = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      rawSpans += body;
      collectSpans(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const free = await freePorts(SUBGRAPH_NAMES.length + 1);
  ports = { gateway: free[0], ...Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, free[i + 1]])) };
  gateway = `http://127.0.0.1:${ports.gateway}`;
  env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(ports.gateway),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${envPrefix(name)}_PORT`, String(ports[name])])),
    ...Object.fromEntries(REGISTRY_NAMES.map((name) => [`${envPrefix(name)}_DATABASE_URL`, databaseUrls[name]])),
    LOG_LEVEL: 'debug',
    LOG_FORMAT: 'json',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as { port: number }).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
    METRICS_TOKEN,
  };
  for (const variable of [
    'DATABASE_URL',
    'NATURAL_PERSON_URL',
    'LEGAL_PERSON_URL',
    'DATA_TRACKER_URL',
    'OTEL_SERVICE_NAME',
  ]) {
    delete env[variable];
  }
  launcher = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk) => (output += chunk));
  launcher.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not become ready:\n${output}`)), 270_000);
    launcher.stdout!.on('data', () => {
      if (output.includes('Stop with Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    launcher.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  seeded = await seededPersonalData();
}, 300_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    await new Promise((resolve) => {
      launcher.once('exit', resolve);
      launcher.kill('SIGINT');
    });
  }
  await new Promise((resolve) => receiver?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  for (const url of Object.values(databaseUrls)) {
    await admin.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
  }
  await admin.end();
}, 60_000);

/** The README's examples: which role runs each, with the README's variables. */
async function runReadmeExamples(): Promise<Record<string, { status: number; body: any; requestId: string }>> {
  const tokens = {
    citizen: await token(['--role', 'citizen']),
    officer: await token([
      '--role',
      'officer',
      '--dept',
      'civil-affairs',
      '--scopes',
      'person:read:sensitive,organization:read,certificate:read:sensitive',
    ]),
    registrar: await token([
      '--role',
      'officer',
      '--dept',
      'public-security',
      '--scopes',
      'person:write,person:read:sensitive',
    ]),
    marketRegulation: await token([
      '--role',
      'officer',
      '--dept',
      'market-regulation',
      '--scopes',
      'organization:write,organization:read,person:read',
    ]),
    auditor: await token(['--role', 'auditor', '--dept', 'data-bureau']),
    analyst: await token(['--role', 'analyst', '--dept', 'statistics']),
    hrss: await token([
      '--role',
      'officer',
      '--dept',
      'hrss',
      '--scopes',
      'labour:write,labour:read:sensitive,person:read',
    ]),
    issuer: await token([
      '--role',
      'officer',
      '--dept',
      'public-security',
      '--scopes',
      'certificate:write,person:read:sensitive,person:write',
    ]),
    disabledPersons: await token([
      '--role',
      'officer',
      '--dept',
      'disabled-persons',
      '--scopes',
      'certificate:write,person:read:sensitive',
    ]),
    caseworker: await token([
      '--role',
      'officer',
      '--dept',
      'civil-affairs',
      '--scopes',
      'assistance:read:sensitive,assistance:write,person:read:sensitive,certificate:read:sensitive,organization:read,labour:read:sensitive',
    ]),
    supervisor: await token(['--role', 'officer', '--dept', 'statistics', '--scopes', 'assistance:read']),
  };
  const { manifest } = buildManifest(expandPatterns(['trusted-documents/examples/*.graphql'], process.cwd()));
  const byName = Object.fromEntries(
    Object.values(manifest).map((text) => [/^(?:query|mutation) (\w+)/.exec(text)![1], text]),
  );
  const results: Record<string, { status: number; body: any; requestId: string }> = {};
  const send = async (
    name: string,
    bearer: string | null,
    variables: Record<string, unknown> = {},
    purpose?: string,
    key = name,
  ) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (purpose) headers['x-purpose'] = purpose;
    const response = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: byName[name], variables }),
    });
    results[key] = {
      status: response.status,
      body: await response.json(),
      requestId: response.headers.get('x-request-id')!,
    };
    return results[key].body;
  };

  for (let i = 0; i < 3; i += 1) {
    await send('Feed', null, { f: { districtCode: '510107', industryCode: 'H', status: 'ACTIVE' } });
  }
  const me = await send('Me', tokens.citizen);
  await send('MyId', tokens.citizen);
  await send('WhoReadMyData', tokens.citizen);
  await send('Phone', tokens.citizen, { i: { phone: '13800138000' } });
  await send('Applicant', tokens.officer, { n: me.data.me.idNumber }, PURPOSE);
  await send('Companies', tokens.officer, {}, PURPOSE);
  await send(
    'RegisterPerson',
    tokens.registrar,
    {
      i: {
        idNumber: '11010519491231002X',
        name: '王芳',
        ethnicity: '汉族',
        districtCode: '510104',
        registeredAddress: '成都市锦江区红星路1号',
        maritalStatus: 'WIDOWED',
      },
    },
    'REG-2026-0042',
  );
  const rep = (await send('MyId', tokens.citizen)).data.me.id;
  await send('RegisterOrganization', tokens.marketRegulation, {
    i: {
      creditCode: '91510104MA6DQ7K24Q',
      name: '成都蜀锦软件有限公司',
      type: 'LIMITED_LIABILITY_COMPANY',
      legalRepresentativeId: rep,
      registeredCapital: '5000000',
      establishedOn: '2026-01-05',
      industryCode: 'I6513',
      districtCode: '510104',
      address: '成都市锦江区东大街100号',
      businessScope: '软件开发；信息技术咨询服务',
    },
  });
  await send('Penalise', tokens.marketRegulation, {
    i: {
      creditCode: '91510104MA6DQ7K24Q',
      decisionNumber: '成武市监罚〔2026〕88号',
      decidedOn: '2026-03-01',
      reason: '未按规定公示年度报告',
      amount: '5000.00',
      authority: '成都市武侯区市场监督管理局',
    },
  });
  await send('All', tokens.auditor);
  await send('Refused', tokens.auditor, {
    f: {
      registry: 'natural-person',
      actorDepartment: 'civil-affairs',
      outcome: 'DENIED',
      from: '2026-01-01T00:00:00Z',
    },
  });
  await send('ByOfficer', tokens.auditor, { s: 'officer-civil-affairs-001' });
  await send('ByPerson', tokens.auditor, { p: rep });
  await send('UnusualReading', tokens.auditor);
  // The certificate registry's examples (all but recordMaterialUse, which needs an uploaded file).
  await send('Catalogue', null);
  await send('Service', null, { c: 'MLA' });
  await send('Types', null);
  const code = (await send('MyIdCardCode', tokens.citizen)).data.me.certificates[0].verificationCode;
  await send('Verify', null, { c: code });
  await send('MySignedIdCard', tokens.citizen);
  await send('MyPapers', tokens.citizen);
  // Provenance from three registries (the organization registered above names this citizen).
  await send('WhereFromEverywhere', tokens.citizen);
  await send('MyReadiness', tokens.citizen);
  await send('ApplicantReadiness', tokens.officer, { n: me.data.me.idNumber }, PURPOSE);
  const wang = (
    await send(
      'RegisterHolder',
      tokens.issuer,
      {
        i: {
          idNumber: '11010519491231002X',
          name: '王芳',
          ethnicity: '汉族',
          districtCode: '510104',
          registeredAddress: '成都市锦江区红星路1号',
          maritalStatus: 'WIDOWED',
        },
      },
      'REG-2026-0042',
    )
  ).data.registerPerson.id;
  await send(
    'IssueIdCard',
    tokens.issuer,
    {
      i: {
        type: 'RESIDENT_ID_CARD',
        holder: { personId: wang },
        issuingAuthority: '成都市公安局锦江区分局',
        issuedOn: '2026-11-20',
      },
    },
    'ID-2026-0042',
  );
  await send(
    'Revoke',
    tokens.issuer,
    {
      i: { type: 'RESIDENT_ID_CARD', number: '11010519491231002X', revokedOn: '2026-11-21', reason: '遗失，申请补领' },
    },
    'ID-2026-0042',
  );
  await send(
    'IssueDisabilityCertificate',
    tokens.disabledPersons,
    {
      i: {
        type: 'DISABILITY_CERTIFICATE',
        holder: { personId: rep },
        issuingAuthority: '成都市新都区残疾人联合会',
        issuedOn: '2026-11-20',
        disability: { category: 'PHYSICAL', grade: 3 },
      },
    },
    'DCI-2026-0007',
  );
  // Statistics: refresh, wait for it, then the README's tables.
  await send('RefreshStatistics', tokens.analyst);
  for (let i = 0; i < 600; i += 1) {
    const extracts = await send('StatisticsExtracts', tokens.analyst);
    if (extracts.data?.statisticsExtracts?.lastRefresh?.status !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await send('StatisticsCatalogue', tokens.analyst);
  await send(
    'StatisticsTable',
    tokens.analyst,
    { measure: 'registeredUnemployed', dimensions: ['district', 'ageBand'] },
    undefined,
    'Unemployed',
  );
  await send(
    'StatisticsTable',
    tokens.analyst,
    {
      measure: 'residents',
      dimensions: ['disabilityCertificate', 'district'],
      filter: [{ dimension: 'gender', values: ['FEMALE'] }],
    },
    undefined,
    'Disability',
  );
  await send(
    'StatisticsTable',
    tokens.analyst,
    { measure: 'penalties', dimensions: ['industry'] },
    undefined,
    'Penalties',
  );
  await send(
    'StatisticsTable',
    tokens.analyst,
    { measure: 'jobPostings', dimensions: ['postingDistrict'] },
    undefined,
    'JobPostings',
  );
  await send(
    'StatisticsTable',
    tokens.analyst,
    { measure: 'jobSeekers', dimensions: ['district'] },
    undefined,
    'JobSeekers',
  );
  // The labour-market registry's examples, as the README runs them.
  await send('JobSearch', null, { f: { keyword: '会计', districts: ['510107'], minSalary: 6000 } });
  const found = await send('JobSearch', null, { f: { keyword: '会计' } }, undefined, 'JobSearchAll');
  const job = found.data.jobs.edges[0].node.id;
  await send('JobDetails', null, { id: job });
  await send('Counters', null);
  await send('CounterFeed', null, { d: '510107' });
  const org = (await send('FirstOrganization', null)).data.organizations.edges[0].node.creditCode;
  await send('EmployerJobs', null, { c: org });
  const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const posted = await send('PostJob', tokens.hrss, {
    i: {
      employerCreditCode: org,
      reference: 'HR-2026-0001',
      title: '总账会计',
      description: '负责总账核算、月度结账与纳税申报。',
      occupation: 'ACCOUNTANT',
      districtCode: '510107',
      workAddress: '成都市武侯区天府大道北段1700号',
      salaryMin: 6500,
      salaryMax: 9000,
      education: 'JUNIOR_COLLEGE',
      experienceYears: 2,
      headcount: 1,
      contactName: '李女士',
      contactPhone: '028-85551234',
      expiresOn,
    },
  });
  await send('SaveProfile', tokens.citizen, {
    i: {
      displayName: '邓女士',
      contactPhone: '13800138000',
      desiredOccupations: ['ACCOUNTANT'],
      desiredDistricts: ['510107'],
      desiredSalary: 6000,
      education: 'BACHELOR',
      experienceYears: 3,
      skills: '总账 纳税申报 财务软件',
      availability: '一个月内到岗',
      visibleToEmployers: true,
    },
  });
  const application = (await send('Apply', tokens.citizen, { id: job })).data.applyForJob.id;
  await send('Applications', tokens.hrss, { id: job }, 'JOB-2026-0001');
  await send('MoveApplication', tokens.hrss, { i: { id: application, status: 'INTERVIEW' } }, 'JOB-2026-0001');
  await send('MyApplications', tokens.citizen);
  await send('Recommended', tokens.citizen);
  await send('CloseJob', tokens.hrss, { i: { id: posted.data.postJob.id, status: 'FILLED' } });
  await send('RegisterEmployment', tokens.hrss, {
    i: { personId: rep, kind: 'EMPLOYED', organizationCreditCode: org, from: '2026-03-01' },
  });
  await send('EmploymentOfPerson', tokens.hrss, { id: rep }, 'MLA-2026-0042');
  await send('MyEmployment', tokens.citizen);
  // The assistance registry's examples, on the seeded applications.
  await send('Programmes', null);
  const notices = await send('Notices', null);
  await send('ObjectToNotice', null, {
    i: { noticeId: notices.data.publicNotices[0].id, text: '该户家庭成员名下有经营性车辆' },
  });
  await send(
    'ApplyForAssistance',
    tokens.citizen,
    {
      i: {
        programme: 'MINIMUM_LIVING_ALLOWANCE',
        applicantId: rep,
        declaredMonthlyIncome: '800.00',
        certificateIds: [],
        materialIds: [],
      },
    },
    undefined,
    'ApplyMissing',
  );
  await send('MyAssistanceApplications', tokens.citizen);
  const queue = await send('CaseQueue', tokens.caseworker, { f: { status: 'SUBMITTED' } }, 'MLA-QUEUE-2026-11');
  const [first] = queue.data.applications;
  await send(
    'CaseStep',
    tokens.caseworker,
    { i: { applicationId: first.id, version: 1, to: 'ACCEPTED', note: '材料齐全，予以受理' } },
    first.reference,
  );
  await send(
    'CaseStep',
    tokens.caseworker,
    { i: { applicationId: first.id, version: 2, to: 'UNDER_REVIEW', note: '入户调查' } },
    first.reference,
    'CaseReview',
  );
  await send('CaseFile', tokens.caseworker, { id: first.id }, first.reference);
  await send('SupervisionBoard', tokens.supervisor);
  await send('OnTimeRate', tokens.supervisor, { from: '2026-01-01', to: '2026-12-31' });
  await send('MyMaterials', tokens.citizen, { id: rep });
  const cards = await send('OpenCards', tokens.caseworker);
  await send(
    'Acknowledge',
    tokens.caseworker,
    { i: { cardId: cards.data.supervisionCards[0].id, note: '已督办，承办人本周内办结' } },
    'SUP-2026-11-01',
  );
  // Refusals: an officer without a purpose, and a query over the cost budget.
  await send('Applicant', tokens.officer, { n: me.data.me.idNumber }, undefined, 'NoPurpose');
  const heavy = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query Pages { ${Array.from({ length: 20 }, (_, i) => `p${i}: organizations(first: 100) { edges { node { name } } }`).join(' ')} }`,
    }),
  });
  // Read the refusal through, so the connection is free again rather than held by an unread body.
  expect(heavy.status).toBe(400);
  await heavy.text();
  return results;
}

let results: Record<string, { status: number; body: any; requestId: string }>;
let seeded: { idNumbers: string[]; names: string[]; phones: string[] };

it('runs the README’s examples through the real gateway, as every role', async () => {
  // Every example in the README is one of the example trusted documents (and so runs here).
  const readme = readFileSync('README.md', 'utf8');
  const named = [...readme.matchAll(/"query":"(?:query|mutation) (\w+)/g)].map((m) => m[1]);
  const { operations } = buildManifest(expandPatterns(['trusted-documents/examples/*.graphql'], process.cwd()));
  expect(named.length).toBeGreaterThanOrEqual(14);
  for (const name of named) expect(operations).toContain(name);

  results = await runReadmeExamples();
  for (const [name, result] of Object.entries(results)) {
    if (name === 'NoPurpose' || name === 'ApplyMissing') continue;
    expect({ name, status: result.status, errors: result.body.errors }).toEqual({
      name,
      status: 200,
      errors: undefined,
    });
  }
  expect(results.Companies.body.data.organizations.edges[0].node.legalRepresentative.idNumber).toMatch(/^\d{17}[\dX]$/);
  expect(results.RegisterOrganization.body.data.registerOrganization.creditCode).toBe('91510104MA6DQ7K24Q');
  expect(results.NoPurpose.body.errors[0].extensions.code).toBe('FORBIDDEN');
  expect(results.StatisticsExtracts.body.data.statisticsExtracts.lastRefresh.status).toBe('COMPLETE');
  const residents = results.Disability.body.data.statistics;
  expect(residents.sources.map((s: { registry: string }) => s.registry)).toContain('natural-person');
  expect(residents.total.status).toBe('PUBLISHED');
  expect(residents.total.count).toBeGreaterThan(500);
  // The demo citizen lacks papers for the minimum living allowance: all of them are listed at once.
  expect(results.ApplyMissing.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'materials' });
  expect(results.CaseFile.body.data.application.eligibility.map((f: { status: string }) => f.status)).toEqual([
    'READ',
    'READ',
    'READ',
    'READ',
  ]);
  expect(results.SupervisionBoard.body.data.supervision.red).toBeGreaterThan(0);
  const everywhere = results.WhereFromEverywhere.body.data.me;
  expect(everywhere.certificates[0].provenance).toEqual([
    expect.objectContaining({ field: 'Certificate.status', registry: 'certificate' }),
  ]);
  expect(
    everywhere.legalRepresentativeOf.find((o: { creditCode: string }) => o.creditCode === '91510104MA6DQ7K24Q')
      .provenance,
  ).toEqual([expect.objectContaining({ field: 'Organization.legalRepresentative', department: 'market-regulation' })]);
  // The seeded overdue cases have their cards; the caseworker acknowledged the first one.
  expect(results.OpenCards.body.data.supervisionCards.length).toBeGreaterThan(0);
  expect(results.Acknowledge.body.data.acknowledgeSupervisionCard.acknowledgementNote).toBe('已督办，承办人本周内办结');
  expect(seeded.idNumbers.length).toBe(2000);
}, 120_000);

it('exports one trace per request: gateway, then each registry’s fetch, down to its SQL, with the request id', async () => {
  const requestId = results.Companies.requestId;
  await waitFor(() =>
    spans.some((s) => s.service === 'natural-person' && s.attributes['gov.request_id'] === requestId),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const root = spans.find(
    (s) => s.service === 'gateway' && !s.parentSpanId && s.attributes['gov.request_id'] === requestId,
  )!;
  expect(root).toBeDefined();
  expect(root.name).toBe('POST /graphql');
  expect(root.attributes['graphql.operation.name']).toBe('Companies');
  expect(root.attributes['enduser.role']).toBe('officer');
  expect(root.attributes['gov.purpose.length']).toBe(PURPOSE.length);

  const trace = spans.filter((s) => s.traceId === root.traceId);
  const children = (span: Span) => trace.filter((s) => s.parentSpanId === span.spanId);
  const descendants = (span: Span): Span[] => children(span).flatMap((child) => [child, ...descendants(child)]);

  const fetches = trace.filter((s) => s.service === 'gateway' && s.name === 'gateway.fetch');
  expect(fetches.map((s) => s.attributes.service).sort()).toEqual(['legal-person', 'natural-person']);
  for (const fetchSpan of fetches) {
    const subgraph = fetchSpan.attributes.service as string;
    // gateway.fetch > the HTTP client span (traceparent sent) > the subgraph's server span > its SQL.
    const server = descendants(fetchSpan).find((s) => s.service === subgraph && s.name === 'POST /graphql')!;
    expect(server).toBeDefined();
    expect(server.attributes['gov.request_id']).toBe(requestId);
    expect(server.attributes['gov.subgraph']).toBe(subgraph);
    expect(server.attributes['graphql.operation.name']).toBe('Companies');
    const sql = descendants(server).filter(
      (s) => (s.attributes['db.system'] ?? s.attributes['db.system.name']) === 'postgresql',
    );
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((s) => /^select .* from (organization|person)\b/i.test(String(s.attributes['db.statement'])))).toBe(
      true,
    );
    // The access log's append is in the trace too.
    expect(sql.some((s) => /insert into access_record/.test(String(s.attributes['db.statement'])))).toBe(true);
  }
  // Every span of the trace descends from the gateway's root.
  const reachable = new Set([root, ...descendants(root)]);
  expect(trace.filter((s) => !reachable.has(s))).toEqual([]);
});

it('puts no personal data in any exported span: no ID number, name, phone or purpose; SQL without values', async () => {
  await waitFor(() => spans.some((s) => s.attributes['gov.request_id'] === results.Penalise.requestId));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const leaks = findPersonalData(rawSpans);
  expect(leaks).toEqual([]);
  // The registration's INSERT was exported (MikroORM writes values into its text): without them.
  const insert = spans.find((s) => /^insert into "person"/.test(String(s.attributes['db.statement'])));
  expect(insert).toBeDefined();
  expect(String(insert!.attributes['db.statement'])).toMatch(/values \(\?, \?/);
  expect(rawSpans).not.toContain('13800138000');
});

it('writes JSON log lines with the request id and trace id, and no personal data, from every process', async () => {
  const lines = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>);
  for (const component of ['gateway', 'natural-person', 'legal-person', 'data-tracker']) {
    const served = lines.filter((line) => line.component === component && line.msg === 'served a GraphQL request');
    expect({ component, served: served.length > 0 }).toEqual({ component, served: true });
    for (const line of served) {
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
  }
  // The log line of the cross-registry request in natural-person carries that request's trace.
  const companies = lines.find(
    (line) => line.component === 'natural-person' && line.requestId === results.Companies.requestId,
  )!;
  const root = spans.find(
    (s) => s.service === 'gateway' && s.attributes['gov.request_id'] === results.Companies.requestId,
  )!;
  expect(companies.traceId).toBe(root.traceId);
  expect(findPersonalData(output)).toEqual([]);
});

it('serves metrics that count the workload, to the bearer of METRICS_TOKEN only', async () => {
  expect((await fetch(`${gateway}/metrics`)).status).toBe(401);
  const metrics = async (port: number) =>
    (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const gatewayMetrics = await metrics(ports.gateway);
  expect(
    value(gatewayMetrics, 'gov_graphql_requests_total', { service: 'gateway', operation: 'Feed', outcome: 'ok' }),
  ).toBe(3);
  expect(
    value(gatewayMetrics, 'gov_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'Feed' }),
  ).toBe(3);
  expect(value(gatewayMetrics, 'gov_requests_refused_total', { service: 'gateway', reason: 'limits' })).toBe(1);
  expect(
    value(gatewayMetrics, 'gov_requests_refused_total', { service: 'gateway', reason: 'permission' }),
  ).toBeGreaterThanOrEqual(1);
  expect(
    value(gatewayMetrics, 'gov_subgraph_fetch_duration_seconds_count', { subgraph: 'natural-person', outcome: 'ok' }),
  ).toBeGreaterThan(5);
  expect(gatewayMetrics).toMatch(/^gov_process_resident_memory_bytes \d+/m);

  const legalPerson = await metrics(ports['legal-person']);
  // Feed ran three times, and each asked legal-person once, under the client's operation name.
  expect(
    value(legalPerson, 'gov_graphql_requests_total', { service: 'legal-person', operation: 'Feed', outcome: 'ok' }),
  ).toBe(3);
  const naturalPerson = await metrics(ports['natural-person']);
  expect(value(naturalPerson, 'gov_access_log_batch_records_count', { registry: 'natural-person' })).toBeGreaterThan(0);
  expect(
    value(naturalPerson, 'gov_access_log_append_duration_seconds_count', {
      registry: 'natural-person',
      outcome: 'committed',
    }),
  ).toBeGreaterThan(0);
  expect(value(naturalPerson, 'gov_db_pool_connections', { registry: 'natural-person', state: 'max' })).toBe(10);
});

/** Every seeded ID number, name and phone number, the purposes and the registered person's details. */
function findPersonalData(text: string): string[] {
  const needles = [
    ...seeded.idNumbers,
    ...seeded.phones,
    ...seeded.names.filter((name) => [...name].length >= 2),
    PURPOSE,
    'REG-2026-0042',
    'ID-2026-0042',
    'DCI-2026-0007',
    '11010519491231002X',
    '成都市锦江区红星路1号',
  ];
  return needles.filter((needle) => text.includes(needle));
}

async function seededPersonalData(): Promise<{ idNumbers: string[]; names: string[]; phones: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrls['natural-person'] });
  await client.connect();
  try {
    const { rows } = await client.query<{ id_number: string; name: string; phone: string | null }>(
      'select id_number, name, phone from person',
    );
    return {
      idNumbers: rows.map((r) => r.id_number),
      names: [...new Set(rows.map((r) => r.name))],
      phones: rows.flatMap((r) => (r.phone ? [r.phone] : [])),
    };
  } finally {
    await client.end();
  }
}

function collectSpans(body: any): void {
  for (const resourceSpans of body.resourceSpans ?? []) {
    const service = resourceSpans.resource.attributes.find((a: any) => a.key === 'service.name').value.stringValue;
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        spans.push({
          service,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          attributes: Object.fromEntries(
            (span.attributes ?? []).map((a: any) => [a.key, Object.values(a.value)[0] as unknown]),
          ),
        });
      }
    }
  }
}

/** The first sample of a metric that has these labels (and maybe others). */
function value(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.lastIndexOf('}'));
    const found = Object.fromEntries([...inside.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

async function token(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], { env });
  return stdout.trim().split('\n').at(-1)!;
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePorts(count: number): Promise<number[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<number>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
          });
        }),
    ),
  );
}
