import { createHash, randomUUID } from 'node:crypto';
import { newVerificationCode } from '../../subgraphs/certificate/signed-form';
import { makeCreditCode } from '../../subgraphs/shared/domain/credit-code';
import { makeIdNumber } from '../../subgraphs/shared/domain/id-number';
import type { TestStack } from './stack';

/**
 * Known test data, inserted with plain SQL so tests state exactly what is in the registries.
 */

export interface PersonFixture {
  id: string;
  idNumber: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  districtCode: string;
  registeredAddress: string;
  phone: string | null;
  maritalStatus: string;
  ethnicity: string;
}

export interface HouseholdFixture {
  id: string;
  number: string;
  members: (PersonFixture & { relationship: string })[];
}

let sequence = 0;
let householdNumber = 200000000;

/** A person (not yet inserted) with a valid ID number. */
export function person(overrides: Partial<PersonFixture> = {}): PersonFixture {
  sequence += 1;
  const gender = overrides.gender ?? (sequence % 2 === 1 ? 'MALE' : 'FEMALE');
  const birthDate = overrides.birthDate ?? '1985-06-15';
  const districtCode = overrides.districtCode ?? '510107';
  // Sequence parity encodes the gender: odd for men, even for women.
  const seq = (sequence * 2 + (gender === 'MALE' ? 1 : 0)) % 1000;
  return {
    id: randomUUID(),
    idNumber: makeIdNumber(districtCode, birthDate, seq),
    name: `测试${sequence}`,
    gender,
    birthDate,
    districtCode,
    registeredAddress: `成都市武侯区测试路${sequence}号`,
    phone: '13800138000',
    maritalStatus: 'UNMARRIED',
    ethnicity: '汉族',
    ...overrides,
  };
}

/** Inserts a household with the given members (the first is the head). */
export async function addHousehold(
  stack: TestStack,
  members: (Partial<PersonFixture> & { relationship?: string })[],
): Promise<HouseholdFixture> {
  const people = members.map((m, i) => ({
    ...person(m),
    relationship: i === 0 ? 'HEAD' : (m.relationship ?? 'CHILD'),
  }));
  const number = String(++householdNumber);
  const householdId = randomUUID();
  for (const p of people) {
    await stack.sql(
      'natural-person',
      `insert into person (id, created_at, updated_at, id_number, name, gender, birth_date, ethnicity, district_code,
         registered_address, phone, marital_status) values ($1, now(), now(), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        p.id,
        p.idNumber,
        p.name,
        p.gender,
        p.birthDate,
        p.ethnicity,
        p.districtCode,
        p.registeredAddress,
        p.phone,
        p.maritalStatus,
      ],
    );
  }
  await stack.sql(
    'natural-person',
    `insert into household (id, created_at, updated_at, number, district_code, address, head_id)
     values ($1, now(), now(), $2, $3, $4, $5)`,
    [householdId, number, people[0].districtCode, people[0].registeredAddress, people[0].id],
  );
  for (const p of people) {
    await stack.sql(
      'natural-person',
      `insert into household_member (id, created_at, updated_at, household_id, person_id, relationship)
       values ($1, now(), now(), $2, $3, $4)`,
      [randomUUID(), householdId, p.id, p.relationship],
    );
  }
  return { id: householdId, number, members: people };
}

/** Inserts one person as the head of their own household. */
export async function addPerson(stack: TestStack, overrides: Partial<PersonFixture> = {}): Promise<PersonFixture> {
  const household = await addHousehold(stack, [overrides]);
  return household.members[0];
}

export interface OrganizationFixture {
  id: string;
  creditCode: string;
  name: string;
  legalRepresentativeId: string;
}

let organizationSequence = 0;

/** Inserts organizations, one per representative id, with valid credit codes, in one statement. */
export async function addOrganizations(
  stack: TestStack,
  representativeIds: string[],
  overrides: { districtCode?: string; industryCode?: string; status?: string; namePrefix?: string } = {},
): Promise<OrganizationFixture[]> {
  const organizations = representativeIds.map((legalRepresentativeId) => {
    organizationSequence += 1;
    const body = String(10000000 + organizationSequence).slice(-8);
    return {
      id: randomUUID(),
      creditCode: makeCreditCode('1', overrides.districtCode ?? '510107', body),
      name: `${overrides.namePrefix ?? '成都测试'}${organizationSequence}科技有限公司`,
      legalRepresentativeId,
    };
  });
  await stack.sql(
    'legal-person',
    `insert into organization (id, created_at, updated_at, credit_code, name, type, status, legal_representative_id,
       registered_capital, established_on, industry_code, district_code, address, business_scope, credit_risk_class)
     select id, now(), now(), credit_code, name, 'LIMITED_LIABILITY_COMPANY', $5, rep, 1000000.00, '2015-03-01', $6, $7,
       '成都市武侯区天府大道1号', '软件开发', 'B'
     from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) as t(id, credit_code, name, rep)`,
    [
      organizations.map((o) => o.id),
      organizations.map((o) => o.creditCode),
      organizations.map((o) => o.name),
      organizations.map((o) => o.legalRepresentativeId),
      overrides.status ?? 'ACTIVE',
      overrides.industryCode ?? 'I6513',
      overrides.districtCode ?? '510107',
    ],
  );
  return organizations;
}

/** Inserts `count` people, each heading their own household, with three statements in all. */
export async function addPeople(
  stack: TestStack,
  count: number,
  overrides: Partial<PersonFixture> = {},
): Promise<PersonFixture[]> {
  const people = Array.from({ length: count }, () => person(overrides));
  const households = people.map(() => ({ id: randomUUID(), number: String(++householdNumber) }));
  const column = <K extends keyof PersonFixture>(key: K) => people.map((p) => p[key]);
  await stack.sql(
    'natural-person',
    `insert into person (id, created_at, updated_at, id_number, name, gender, birth_date, ethnicity, district_code,
       registered_address, phone, marital_status)
     select id, now(), now(), id_number, name, gender, birth_date, ethnicity, district_code, registered_address, phone, marital_status
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       as t(id, id_number, name, gender, birth_date, ethnicity, district_code, registered_address, phone, marital_status)`,
    [
      column('id'),
      column('idNumber'),
      column('name'),
      column('gender'),
      column('birthDate'),
      column('ethnicity'),
      column('districtCode'),
      column('registeredAddress'),
      column('phone'),
      column('maritalStatus'),
    ],
  );
  await stack.sql(
    'natural-person',
    `insert into household (id, created_at, updated_at, number, district_code, address, head_id)
     select id, now(), now(), number, district_code, address, head_id
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[]) as t(id, number, district_code, address, head_id)`,
    [
      households.map((h) => h.id),
      households.map((h) => h.number),
      column('districtCode'),
      column('registeredAddress'),
      column('id'),
    ],
  );
  await stack.sql(
    'natural-person',
    `insert into household_member (id, created_at, updated_at, household_id, person_id, relationship)
     select gen_random_uuid(), now(), now(), household_id, person_id, 'HEAD'
     from unnest($1::uuid[], $2::uuid[]) as t(household_id, person_id)`,
    [households.map((h) => h.id), column('id')],
  );
  return people;
}

export interface CertificateFixture {
  id: string;
  type: string;
  number: string;
  verificationCode: string;
}

/**
 * Inserts a certificate straight into the certificate registry (its content as the registry would
 * print it). Defaults: a resident ID card of `holder`, issued 2020-01-01, valid until 2040-01-01.
 */
export async function addCertificate(
  stack: TestStack,
  holder: PersonFixture | OrganizationFixture,
  overrides: Partial<{
    type: string;
    number: string;
    issuedOn: string;
    validUntil: string | null;
    revokedOn: string | null;
    revocationReason: string | null;
    attributes: Record<string, unknown> | null;
    department: string;
  }> = {},
): Promise<CertificateFixture> {
  const isPerson = 'idNumber' in holder;
  const type = overrides.type ?? (isPerson ? 'RESIDENT_ID_CARD' : 'BUSINESS_LICENCE');
  const number = overrides.number ?? (isPerson ? holder.idNumber : holder.creditCode);
  const id = randomUUID();
  const verificationCode = newVerificationCode();
  await stack.sql(
    'certificate',
    `insert into certificate (id, created_at, updated_at, type_code, number, holder_kind, holder_person_id,
       holder_credit_code, issuing_department, issuing_authority, issued_on, valid_until, revoked_on, revocation_reason,
       printed_name, printed_identifier, attributes, verification_code)
     values ($1, now(), now(), $2, $3, $4, $5, $6, $7, '测试发证机关', $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      type,
      number,
      isPerson ? 'PERSON' : 'ORGANIZATION',
      isPerson ? holder.id : null,
      isPerson ? null : holder.creditCode,
      overrides.department ?? (isPerson ? 'public-security' : 'market-regulation'),
      overrides.issuedOn ?? '2020-01-01',
      overrides.validUntil === undefined ? '2040-01-01' : overrides.validUntil,
      overrides.revokedOn ?? null,
      overrides.revokedOn ? (overrides.revocationReason ?? '测试吊销') : null,
      holder.name,
      isPerson ? holder.idNumber : holder.creditCode,
      overrides.attributes ? JSON.stringify(overrides.attributes) : null,
      verificationCode,
    ],
  );
  return { id, type, number, verificationCode };
}

/** Bytes that start like a PDF (what the registry recognises), unique per call unless `text` is given. */
export function pdfBytes(text: string = randomUUID(), size?: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${text}\n`);
  if (size === undefined) return Buffer.concat([head, Buffer.from('%%EOF\n')]);
  const body = Buffer.alloc(Math.max(0, size - head.length), 0x20);
  return Buffer.concat([head, body]);
}

/** POST /materials through the gateway, as a client would. */
export async function uploadMaterial(
  stack: TestStack,
  body: Buffer | Uint8Array,
  options: { token?: string; purpose?: string; query?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const url = `${stack.gatewayUrl.replace(/\/graphql$/, '')}/materials${options.query ?? '?kind=INCOME_PROOF'}`;
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.purpose) headers['x-purpose'] = options.purpose;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the test says so
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Inserts a material (a small PDF unless `bytes` is given) straight into the certificate registry. */
export async function addMaterial(
  stack: TestStack,
  ownerId: string,
  options: { kind?: string; bytes?: Buffer; uploadedAt?: string } = {},
): Promise<{ id: string; sha256: string }> {
  const bytes = options.bytes ?? pdfBytes();
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await stack.sql(
    'certificate',
    `insert into material (id, created_at, updated_at, owner_id, kind_code, size, media_type, sha256, file_name,
       uploaded_by_sub, uploaded_by_role, uploaded_by_dept)
     values ($1, $2, $2, $3::uuid, $4, $5, 'application/pdf', $6, null, $3::text, 'citizen', null)`,
    [id, options.uploadedAt ?? new Date().toISOString(), ownerId, options.kind ?? 'INCOME_PROOF', bytes.length, sha256],
  );
  await stack.sql('certificate', 'insert into material_content (material_id, seq, bytes) values ($1, 0, $2)', [
    id,
    bytes,
  ]);
  return { id, sha256 };
}

export interface JobPostingFixture {
  id: string;
  employerCreditCode: string;
  employerName: string;
  title: string;
  description?: string;
  occupationCode?: string;
  districtCode?: string;
  salaryMin?: number;
  salaryMax?: number;
  education?: string;
  industry?: string;
  postedOn?: string;
  expiresOn?: string;
  status?: 'OPEN' | 'CLOSED' | 'FILLED';
}

/** Inserts job postings straight into the labour-market registry (its trigger computes the search grams). */
export async function addJobPostings(
  stack: TestStack,
  postings: (Omit<JobPostingFixture, 'id'> & { id?: string })[],
): Promise<JobPostingFixture[]> {
  const rows = postings.map((p) => ({ ...p, id: p.id ?? randomUUID() }));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
  await stack.sql(
    'labour-market',
    `insert into job_posting (id, created_at, updated_at, employer_credit_code, reference, employer_name, employer_industry,
       title, description, occupation_code, district_code, work_address, salary_min, salary_max, education,
       experience_years, headcount, contact_name, contact_phone, posted_on, expires_on, status, closed_on,
       posted_by_sub, posted_by_role)
     select id, now(), now(), employer, 'FIX-' || id::text, employer_name, industry, title, description, occupation,
       district, '成都市测试路1号', salary_min, salary_max, education, 0, 1, '王老师', '028-85551234', posted_on,
       expires_on, status, case when status = 'OPEN' then null else posted_on end, 'fixture', 'officer'
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::int[], $10::int[], $11::text[], $12::date[], $13::date[], $14::text[])
       as t(id, employer, employer_name, industry, title, description, occupation, district, salary_min, salary_max,
            education, posted_on, expires_on, status)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.employerCreditCode),
      rows.map((r) => r.employerName),
      rows.map((r) => r.industry ?? 'I6513'),
      rows.map((r) => r.title),
      rows.map((r) => r.description ?? '负责日常工作。'),
      rows.map((r) => r.occupationCode ?? 'OTHER'),
      rows.map((r) => r.districtCode ?? '510107'),
      rows.map((r) => r.salaryMin ?? 5000),
      rows.map((r) => r.salaryMax ?? 8000),
      rows.map((r) => r.education ?? 'JUNIOR_COLLEGE'),
      rows.map((r) => r.postedOn ?? today),
      rows.map((r) => r.expiresOn ?? inDays(30)),
      rows.map((r) => r.status ?? 'OPEN'),
    ],
  );
  return rows;
}
