import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { REGISTRY_NAMES, envPrefix, type RegistryName } from '../subgraphs/catalog';
import { withDatabase } from '../subgraphs/shared/database';
import { DEMO, demoCitizen } from '../seeds';

/**
 * `npm run seed` as a user runs it, against real databases: it adds to what is there (new people
 * and organizations that collide with nothing, the same rows for the same seed on the same data),
 * and --reset replaces everything, access log included.
 */

const run = promisify(execFile);
const server = () => process.env.TEST_DATABASE_URL!;

interface Registries {
  natural: string;
  legal: string;
  certificate: string;
  labour: string;
  /** Every registry's database (the seed script uses the environment's servers only when all are named). */
  all: Record<RegistryName, string>;
}

const created: string[] = [];

function registries(): Registries {
  const prefix = `seed_${randomBytes(4).toString('hex')}`;
  const all = Object.fromEntries(
    REGISTRY_NAMES.map((name) => [name, withDatabase(server(), `${prefix}_${name.replace(/-/g, '_')}`)]),
  ) as Record<RegistryName, string>;
  created.push(...Object.values(all));
  return {
    natural: all['natural-person'],
    legal: all['legal-person'],
    certificate: all.certificate,
    labour: all['labour-market'],
    all,
  };
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: server() });
  await admin.connect();
  for (const url of created) {
    await admin.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
  }
  await admin.end();
});

async function seed(urls: Registries, ...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(REGISTRY_NAMES.map((name) => [`${envPrefix(name)}_DATABASE_URL`, urls.all[name]])),
  };
  delete env.DATABASE_URL;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], { env });
  return stdout;
}

async function sql<R extends Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function count(url: string, table: string): Promise<number> {
  return Number((await sql<{ n: string }>(url, `select count(*) as n from ${table}`))[0].n);
}

/** A digest of every row of the seeded tables, in a fixed order. */
async function fingerprint(urls: Registries): Promise<string> {
  const [people] = await sql<{ digest: string }>(
    urls.natural,
    `select md5(string_agg(p::text, '|' order by p.id)) as digest from
       (select id, id_number, name, birth_date, district_code, registered_address, phone from person) p`,
  );
  const [households] = await sql<{ digest: string }>(
    urls.natural,
    `select md5(string_agg(h::text, '|' order by h.number)) as digest from (select number, head_id from household) h`,
  );
  const [organizations] = await sql<{ digest: string }>(
    urls.legal,
    `select md5(string_agg(o::text, '|' order by o.credit_code)) as digest from
       (select credit_code, name, legal_representative_id, registered_capital from organization) o`,
  );
  const [certificates] = await sql<{ digest: string }>(
    urls.certificate,
    `select md5(string_agg(c::text, '|' order by c.type_code, c.number)) as digest from
       (select type_code, number, holder_person_id, holder_credit_code, issued_on, valid_until, revoked_on from certificate) c`,
  );
  return `${people.digest}/${households.digest}/${organizations.digest}/${certificates.digest}`;
}

it('adds new people and organizations on each run, colliding with nothing there, the same rows each time', async () => {
  const a = registries();
  const b = registries();
  for (const urls of [a, b]) {
    await seed(urls, '--people', '400', '--organizations', '300');
  }
  const firstIds = (await sql<{ id: string }>(a.natural, 'select id from person order by id')).map((r) => r.id);
  expect(firstIds).toHaveLength(400);
  // Something registered through the API meanwhile: the next run continues after it.
  await sql(
    a.natural,
    `insert into household (id, created_at, updated_at, number, district_code, address, head_id)
     select $1, now(), now(), nextval('household_number_seq')::text, district_code, registered_address, id
     from person order by id limit 1`,
    [randomUUID()],
  );
  await sql(
    b.natural,
    `insert into household (id, created_at, updated_at, number, district_code, address, head_id)
     select $1, now(), now(), nextval('household_number_seq')::text, district_code, registered_address, id
     from person order by id limit 1`,
    [randomUUID()],
  );

  const out = await seed(a, '--people', '400', '--organizations', '300');
  expect(out).toMatch(/adding to the 400 people and 300 organizations already registered/);
  await seed(b, '--people', '400', '--organizations', '300');

  expect(await count(a.natural, 'person')).toBe(800);
  expect(await count(a.legal, 'organization')).toBe(600);
  // Their certificates were added with them: a licence per organization, a register per household,
  // and no certificate number repeats (the unique index would have refused the load otherwise).
  const [licences] = await sql<{ n: string }>(
    a.certificate,
    `select count(*) as n from certificate where type_code = 'BUSINESS_LICENCE'`,
  );
  expect(Number(licences.n)).toBe(600);
  const [registers] = await sql<{ n: string }>(
    a.certificate,
    `select count(*) as n from certificate where type_code = 'HOUSEHOLD_REGISTER'`,
  );
  expect(Number(registers.n)).toBe((await count(a.natural, 'household')) - 1); // not the API's household
  const [marriages] = await sql<{ n: string; distinct: string }>(
    a.certificate,
    `select count(*) as n, count(distinct number) as distinct from certificate where type_code = 'MARRIAGE_CERTIFICATE'`,
  );
  expect(Number(marriages.n)).toBeGreaterThan(100);
  expect(marriages.distinct).toBe(marriages.n);
  // The first run's people are still there, untouched.
  const [kept] = await sql<{ n: string }>(a.natural, 'select count(*) as n from person where id = any($1::uuid[])', [
    firstIds,
  ]);
  expect(Number(kept.n)).toBe(400);
  // Nothing repeats, not even what the unique indexes do not cover.
  const [names] = await sql<{ n: string; distinct: string }>(
    a.legal,
    'select count(*) as n, count(distinct name) as distinct from organization',
  );
  expect(names.distinct).toBe(names.n);
  const [decisions] = await sql<{ n: string; distinct: string }>(
    a.legal,
    'select count(*) as n, count(distinct decision_number) as distinct from penalty',
  );
  expect(Number(decisions.n)).toBeGreaterThan(20);
  expect(decisions.distinct).toBe(decisions.n);
  // Household numbers go on after the highest one, the API's included, and the API's next one after those.
  const [numbers] = await sql<{ highest: string; next: string }>(
    a.natural,
    `select max(number) as highest, (select last_value from household_number_seq) as next from household`,
  );
  expect(numbers.next).toBe(numbers.highest);
  // Deterministic: the same seed on the same data gives the same rows.
  expect(await fingerprint(a)).toBe(await fingerprint(b));
}, 120_000);

it('replaces everything with --reset, the access log included, and keeps the demo citizen', async () => {
  const urls = registries();
  await seed(urls, '--people', String(DEMO.people), '--organizations', '20');
  await seed(urls, '--people', '100', '--organizations', '0');
  await sql(
    urls.natural,
    `insert into access_record (seq, format, id, at, registry, action, outcome, subject_id, fields, request_id, prev_hash, hash)
     values (1, 2, $1, now(), 'natural-person', 'read', 'granted', $1, '{}', 'r', repeat('0', 64), repeat('0', 64))`,
    [randomUUID()],
  );
  expect(await count(urls.natural, 'access_record')).toBe(1);

  const out = await seed(urls, '--people', String(DEMO.people), '--organizations', '20', '--reset');
  expect(out).toMatch(/dropping the natural-person database/);
  expect(await count(urls.natural, 'person')).toBe(DEMO.people);
  expect(await count(urls.legal, 'organization')).toBe(20);
  expect(await count(urls.natural, 'access_record')).toBe(0);
  const citizen = demoCitizen();
  const [row] = await sql<{ name: string }>(urls.natural, 'select name from person where id = $1', [citizen.id]);
  expect(row.name).toBe(citizen.name);
  // The demo citizen's certificates and their few files, in the certificate registry.
  const [card] = await sql<{ number: string }>(
    urls.certificate,
    `select number from certificate where holder_person_id = $1 and type_code = 'RESIDENT_ID_CARD'`,
    [citizen.id],
  );
  expect(card.number).toBe(citizen.idNumber);
  expect(await count(urls.certificate, 'material')).toBe(3);
}, 120_000);

it('loads job postings by the registered organizations, in their districts, with the grams the trigger would write', async () => {
  const urls = registries();
  const out = await seed(urls, '--people', '600', '--organizations', '60', '--postings', '3000');
  expect(out).toMatch(/job_posting: 3,000 \/ 3,000/);
  expect(await count(urls.labour, 'job_posting')).toBe(3000);
  const organizations = await sql<{ credit_code: string; district_code: string; name: string }>(
    urls.legal,
    "select credit_code, district_code, name from organization where status = 'ACTIVE'",
  );
  const byCode = new Map(organizations.map((o) => [o.credit_code, o]));
  const postings = await sql<{
    employer_credit_code: string;
    district_code: string;
    employer_name: string;
    title: string;
  }>(urls.labour, 'select employer_credit_code, district_code, employer_name, title from job_posting');
  for (const posting of postings) {
    const employer = byCode.get(posting.employer_credit_code);
    expect(employer).toBeDefined();
    expect(posting.district_code).toBe(employer!.district_code);
    expect(posting.employer_name).toBe(employer!.name);
  }
  // Every row's stored grams are exactly what the trigger computes from its text, in its order
  // (distinct, ascending).
  const [mismatch] = await sql<{ n: string }>(
    urls.labour,
    `select count(*) as n from job_posting
      where search_grams is distinct from job_search_grams(title || ' ' || description || ' ' || employer_name)`,
  );
  expect(Number(mismatch.n)).toBe(0);
  // The secondary indexes were dropped for the load and built again after it, every one valid, the
  // unique reference again a constraint.
  expect(out).toMatch(/dropped \d+ secondary indexes for the load/);
  expect(out).toMatch(/index job_posting_search_idx built in/);
  const indexes = await sql<{ name: string; valid: boolean }>(
    urls.labour,
    `select i.relname as name, x.indisvalid as valid from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = 'job_posting'::regclass order by 1`,
  );
  expect(indexes).toEqual(
    [
      'job_posting_district_feed_idx',
      'job_posting_employer_idx',
      'job_posting_employer_reference_unique',
      'job_posting_feed_idx',
      'job_posting_pkey',
      'job_posting_search_idx',
    ].map((name) => ({ name, valid: true })),
  );
  const [unique] = await sql<{ n: string }>(
    urls.labour,
    "select count(*) as n from pg_constraint where conname = 'job_posting_employer_reference_unique' and contype = 'u'",
  );
  expect(Number(unique.n)).toBe(1);
  expect(await count(urls.labour, 'job_seeker_profile')).toBeGreaterThan(20);
  expect(await count(urls.labour, 'job_application')).toBeGreaterThan(20);
  expect(await count(urls.labour, 'employment_record')).toBeGreaterThan(100);
  // Employment records name registered organizations and people.
  const employers = await sql<{ organization_credit_code: string }>(
    urls.labour,
    "select distinct organization_credit_code from employment_record where kind = 'EMPLOYED'",
  );
  expect(employers.every((e) => byCode.has(e.organization_credit_code))).toBe(true);
});

it("writes each seeded person's history as the history triggers would, and leaves the triggers on", async () => {
  const urls = registries();
  await seed(urls, '--people', '300', '--organizations', '30', '--postings', '0');
  await seed(urls, '--people', '200', '--organizations', '20', '--postings', '0');
  // One open row per person, from the load (the triggers write now(), the transaction's start), with
  // the person's state and household.
  const [history] = await sql<{ persons: string; rows: string; open: string; matching: string }>(
    urls.natural,
    `select (select count(*) from person) as persons, (select count(*) from person_history) as rows,
            (select count(*) from person_history where valid_to is null) as open,
            (select count(*) from person p join household_member m on m.person_id = p.id
               join person_history h on h.person_id = p.id and h.valid_to is null
              where h.marital_status = p.marital_status and h.registered_address = p.registered_address
                and h.household_id = m.household_id and h.relationship = m.relationship
                and h.valid_from between now() - interval '10 minutes' and now()) as matching`,
  );
  expect(Number(history.persons)).toBe(500);
  expect(Number(history.rows)).toBe(500);
  expect(Number(history.open)).toBe(500);
  expect(Number(history.matching)).toBe(500);
  const triggers = await sql<{ name: string; enabled: string }>(
    urls.natural,
    `select tgname as name, tgenabled as enabled from pg_trigger
      where tgname in ('person_history_person', 'person_history_member') order by 1`,
  );
  expect(triggers).toEqual([
    { name: 'person_history_member', enabled: 'O' },
    { name: 'person_history_person', enabled: 'O' },
  ]);
});
