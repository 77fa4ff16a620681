import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RegistryName } from '../subgraphs/catalog';
import { CertificateRepository } from '../subgraphs/certificate/entities/certificate.repository';
import { OrganizationRepository } from '../subgraphs/legal-person/entities/organization.repository';
import { HouseholdRepository, PersonRepository } from '../subgraphs/natural-person/entities/person.repository';
import { startStack, type TestStack } from './support/stack';

/**
 * Lookups by a char(n) key (an ID number, a credit code, a household number, a verification code)
 * must reach the key's index. Compared with a text[] parameter, a char(n) column is cast to text
 * row by row and PostgreSQL scans the whole table (about 3 ms per lookup over 100,000 people,
 * which capped the officer's person lookup); the parameter is bound as bpchar[] instead. Each
 * lookup's statement, as the repository sends it, is explained with sequential scans disabled:
 * a plan that can use the index uses it, one that cannot still scans.
 */

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const CASES: { lookup: string; registry: RegistryName; index: string; run(em: EntityManager): Promise<unknown> }[] = [
  {
    lookup: 'a person by ID number',
    registry: 'natural-person',
    index: 'person_id_number_unique',
    run: (em) => new PersonRepository(em).findByIdNumbers(['11010519491231002X', '110105194912310037']),
  },
  {
    lookup: 'a household by number',
    registry: 'natural-person',
    index: 'household_number_unique',
    run: (em) => new HouseholdRepository(em).findByNumbers(['510104001']),
  },
  {
    lookup: 'an organization by credit code',
    registry: 'legal-person',
    index: 'organization_credit_code_unique',
    run: (em) => new OrganizationRepository(em).findByCreditCodes(['91510104MA6CX0Q1XH']),
  },
  {
    lookup: "an organization's certificates",
    registry: 'certificate',
    index: 'certificate_holder_credit_code_idx',
    run: (em) => new CertificateRepository(em).heldByOrganizations(['91510104MA6CX0Q1XH']),
  },
  {
    lookup: 'a certificate by verification code',
    registry: 'certificate',
    index: 'certificate_verification_code_unique',
    run: (em) => new CertificateRepository(em).findByVerificationCodes(['ABCDEFGH23456789']),
  },
];

it.each(CASES)('looks up $lookup through its index ($index)', async ({ registry, index, run }) => {
  const { statements } = await stack.db[registry].statements.measure(() => run(stack.db[registry].orm.em.fork()));
  expect(statements).toHaveLength(1);
  // A batch of several keys as `= any($1::bpchar[])`, one key as `= $1::bpchar` (sql.ts, keyMatch).
  expect(statements[0]).toMatch(/= (any\(\$1::bpchar\[\]\)|\$1::bpchar)/);
  const key = statements[0].includes('any(') ? ['X'.repeat(18)] : 'X'.repeat(18);

  const client = new pg.Client({ connectionString: stack.databaseUrls[registry] });
  await client.connect();
  try {
    await client.query('set enable_seqscan = off');
    const explained = await client.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${statements[0]}`, [key]);
    const plan = JSON.stringify(explained.rows[0]['QUERY PLAN']);
    expect(plan).toContain(`"Index Name":"${index}"`);
    expect(plan).not.toContain('Seq Scan');
  } finally {
    await client.end();
  }
});
