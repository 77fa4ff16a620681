import { describeUrl } from '../subgraphs/shared/config';
import {
  CertificateGenerator,
  demoMaterials,
  type CertificateRow,
  type MaterialContentRow,
  type MaterialRow,
} from './certificates';
import {
  BulkLoader,
  CERTIFICATE_TABLE,
  countRows,
  loadOrganizations,
  loadPeople,
  MATERIAL_CONTENT_TABLE,
  MATERIAL_TABLE,
} from './load';
import {
  generateOrganizationRows,
  generateOrganizations,
  noOrganizations,
  noteExistingOrganization,
  noteExistingPenalty,
  RepresentativePool,
  type ExistingOrganizations,
  type OrganizationData,
} from './organizations';
import {
  ageOn,
  FIRST_HOUSEHOLD_NUMBER,
  generateHouseholds,
  generatePeople,
  idNumberKey,
  SEED_AS_OF,
  type HouseholdRows,
  type PeopleData,
  type PeopleStart,
  type PersonRow,
} from './people';
import { Random } from './random';
import { seedJobs } from './jobs';

export { seedJobs } from './jobs';

/**
 * Demo data for every registry from one seed: generation (pure, deterministic) and loading (one
 * transaction per registry database). `npm start` seeds the small DEMO set into empty databases;
 * `npm run seed` loads any size, streaming rows so that memory stays flat.
 */

/** The data set `npm start` loads into empty registries. */
export const DEMO = { seed: 'gov-graph-demo', people: 2000, organizations: 200, postings: 2000 } as const;

export interface RegistryUrls {
  naturalPersonUrl: string;
  legalPersonUrl: string;
  certificateUrl: string;
  /** The labour-market registry: seeded after the others, from what they hold (see seeds/jobs.ts). */
  labourMarketUrl?: string;
}

/** What seeding is doing: a new phase, or how many rows of a table are generated and loaded so far. */
export type SeedEvent =
  { kind: 'phase'; message: string } | { kind: 'rows'; table: string; done: number; total: number };

export interface SeedOptions extends RegistryUrls {
  people: number;
  organizations: number;
  seed: string;
  onProgress?: (event: SeedEvent) => void;
}

export interface SeedSummary {
  /** Rows loaded per table. */
  rows: Record<string, number>;
  /** Generating and loading, which overlap. */
  ms: number;
}

export interface GeneratedRegistries {
  people: PeopleData;
  organizations: OrganizationData;
  certificates: { certificate: CertificateRow[]; material: MaterialRow[]; material_content: MaterialContentRow[] };
}

/**
 * Both registries' rows, all in memory (tests, small sets). Each registry draws from its own
 * stream of the seed, so the people are the same whatever the number of organizations, and a
 * prefix of a larger set of people matches a smaller one (apart from the cut last household).
 * seedRegistries streams exactly these rows.
 */
export function generateRegistries(options: {
  seed: string;
  people: number;
  organizations: number;
}): GeneratedRegistries {
  const root = new Random(options.seed);
  const certificates = new CertificateGenerator(root.fork('certificates'));
  const people: PeopleData = { person: [], household: [], household_member: [] };
  const certificate: CertificateRow[] = [];
  for (const rows of generateHouseholds(root.fork('people'), options.people)) {
    people.household.push(rows.household);
    people.person.push(...rows.persons);
    people.household_member.push(...rows.members);
    certificate.push(...certificates.household(rows));
  }
  const organizations = generateOrganizations(root.fork('organizations'), options.organizations, people.person);
  for (const organization of organizations.organization) {
    certificate.push(certificates.organization({ organization, penalties: [] }));
  }
  const citizen = people.person.find(isDemoCitizen);
  const materials = citizen ? demoMaterials(citizen.id, root.fork('materials')) : { materials: [], content: [] };
  return {
    people,
    organizations,
    certificates: { certificate, material: materials.materials, material_content: materials.content },
  };
}

/** The demo citizen is the first living adult of the data (see demoCitizen). */
function isDemoCitizen(person: PersonRow): boolean {
  return person.death_date === null && ageOn(person.birth_date, SEED_AS_OF) >= 18;
}

/** Passes households through, adding their people to the pool of possible legal representatives. */
function* feedingPool(households: Iterable<HouseholdRows>, pool: RepresentativePool): Generator<HouseholdRows> {
  for (const rows of households) {
    for (const person of rows.persons) pool.add(person);
    yield rows;
  }
}

/**
 * Generates the data and adds it to every registry database (which must have been migrated): people,
 * organizations, and the certificates they hold, loaded in step on one connection per database.
 * Into empty registries it loads exactly generateRegistries' rows. Where there is data already, the new
 * people and organizations come from a stream of the seed named after what is there (so the same
 * seed on the same data gives the same rows), and never repeat an ID number, household number,
 * credit code, organization name or decision number already registered.
 */
export async function seedRegistries(options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const report = options.onProgress ?? (() => {});
  const phase = (message: string) => report({ kind: 'phase', message });
  const onRows = (table: string, done: number, total: number) => report({ kind: 'rows', table, done, total });
  const pool = new RepresentativePool();

  // The transactions stay open until every registry is loaded, so a failure in any leaves every
  // database as it was (organizations and certificates point at persons in another database).
  const natural = await BulkLoader.begin(options.naturalPersonUrl);
  let legal: BulkLoader | undefined;
  let registry: BulkLoader | undefined;
  try {
    legal = await BulkLoader.begin(options.legalPersonUrl);
    registry = await BulkLoader.begin(options.certificateUrl);
    // Writers wait (readers do not) until the load commits, so what is read below stays true.
    await natural.query('lock table person, household, household_member in exclusive mode');
    await legal.query('lock table organization, penalty in exclusive mode');
    await registry.query('lock table certificate, material, material_content in exclusive mode');
    const existing = await readExisting(natural, legal);
    const root = new Random(options.seed);
    const stream = existing.empty
      ? root
      : root.fork(`after ${existing.persons} persons and ${existing.organizations} organizations`);
    if (!existing.empty) {
      phase(
        `adding to the ${existing.persons.toLocaleString('en')} people and ` +
          `${existing.organizations.toLocaleString('en')} organizations already registered`,
      );
    }
    phase(
      `generating and loading ${options.people.toLocaleString('en')} people with their households into ` +
        `${natural.where} (seed ${JSON.stringify(options.seed)})`,
    );
    const certificates = new CertificateGenerator(stream.fork('certificates'));
    if (!existing.empty) await readExistingNumbers(registry, certificates);
    const certificateLoader = registry;
    await certificateLoader.suspendForeignKeys(['certificate']);
    const certificateCounts = { certificate: 0, material: 0 };
    // Certificates load on their own connection while the next batch of people loads on the other.
    let certificateWork: Promise<void> = Promise.resolve();
    const loadCertificates = async (rows: CertificateRow[]) => {
      await certificateWork;
      certificateWork = certificateLoader.insert(CERTIFICATE_TABLE, rows);
      certificateWork.catch(() => {}); // awaited on the next round or at the end
      certificateCounts.certificate += rows.length;
    };
    let demoCitizenId: string | undefined;
    const households = feedingPool(generateHouseholds(stream.fork('people'), options.people, existing.people), pool);
    const peopleRows = await loadPeople(natural, households, options.people, onRows, async (batch) => {
      demoCitizenId ??= batch.flatMap((rows) => rows.persons).find(isDemoCitizen)?.id;
      await loadCertificates(batch.flatMap((household) => certificates.household(household)));
    });
    phase(
      `generating and loading ${options.organizations.toLocaleString('en')} organizations with their penalties ` +
        `into ${legal.where}`,
    );
    const organizations = generateOrganizationRows(
      stream.fork('organizations'),
      options.organizations,
      pool,
      existing.organizationRegister,
    );
    const organizationRows = await loadOrganizations(legal, organizations, options.organizations, onRows, (batch) =>
      loadCertificates(batch.map((organization) => certificates.organization(organization))),
    );
    await certificateWork;
    // The demo citizen's few files, into an empty registry (the first living adult of the seed).
    if (existing.empty && demoCitizenId) {
      phase(`loading the demo citizen's materials into ${registry.where}`);
      const { materials, content } = demoMaterials(demoCitizenId, root.fork('materials'));
      await registry.insert(MATERIAL_TABLE, materials);
      await registry.insert(MATERIAL_CONTENT_TABLE, content);
      certificateCounts.material += materials.length;
    }
    // Check the foreign keys of every registry before committing any.
    phase('checking foreign keys and committing');
    await natural.restoreForeignKeys();
    await legal.restoreForeignKeys();
    await registry.restoreForeignKeys();
    await natural.commit();
    await legal.commit();
    await registry.commit();
    return { rows: { ...peopleRows, ...organizationRows, ...certificateCounts }, ms: Date.now() - started };
  } catch (error) {
    await natural.rollback();
    await legal?.rollback();
    await registry?.rollback();
    throw error;
  }
}

interface ExistingData {
  empty: boolean;
  persons: number;
  organizations: number;
  people: PeopleStart;
  organizationRegister: ExistingOrganizations;
}

/** What both registries hold that new rows must continue after, read inside the loaders' transactions. */
async function readExisting(natural: BulkLoader, legal: BulkLoader): Promise<ExistingData> {
  const [counts] = await natural.rows<{ persons: string; highest: string | null; last: string; called: boolean }>(
    `select (select count(*) from person) as persons, (select max(number) from household) as highest,
            last_value as last, is_called as called from household_number_seq`,
  );
  const [organizationCount] = await legal.rows<{ organizations: string }>(
    'select count(*) as organizations from organization',
  );
  const persons = Number(counts.persons);
  const organizations = Number(organizationCount.organizations);
  const highestNumber = Math.max(Number(counts.highest ?? 0), counts.called ? Number(counts.last) : 0);
  const people: PeopleStart = {
    firstHouseholdNumber: Math.max(FIRST_HOUSEHOLD_NUMBER, highestNumber + 1),
    takenIdNumbers: new Set(),
  };
  const organizationRegister = noOrganizations();
  if (persons > 0) {
    for await (const rows of natural.stream<{ id_number: string }>('select id_number from person')) {
      for (const row of rows) {
        const key = idNumberKey(row.id_number);
        if (key !== null) people.takenIdNumbers.add(key);
      }
    }
  }
  if (organizations > 0) {
    for await (const rows of legal.stream<{ credit_code: string; name: string }>(
      'select credit_code, name from organization',
    )) {
      for (const row of rows) noteExistingOrganization(organizationRegister, row.credit_code, row.name);
    }
    for await (const rows of legal.stream<{ decision_number: string }>('select decision_number from penalty')) {
      for (const row of rows) noteExistingPenalty(organizationRegister, row.decision_number);
    }
  }
  const empty = persons === 0 && organizations === 0 && counts.highest === null && !counts.called;
  return { empty, persons, organizations, people, organizationRegister };
}

/**
 * Certificate numbers the registry assigns from a sequence (marriage, minimum allowance, senior
 * card, diploma, vocational qualification): new ones continue after those already registered.
 */
async function readExistingNumbers(registry: BulkLoader, certificates: CertificateGenerator): Promise<void> {
  for await (const rows of registry.stream<{ type_code: string; number: string }>(
    `select type_code, number from certificate
      where type_code in ('MARRIAGE_CERTIFICATE', 'MINIMUM_ALLOWANCE_CERTIFICATE', 'SENIOR_CITIZEN_CARD', 'DIPLOMA',
                          'VOCATIONAL_QUALIFICATION')`,
  )) {
    for (const row of rows) certificates.noteExistingNumber(row.type_code, row.number);
  }
}

/**
 * Seeds the DEMO set when the registries hold no persons (and no organizations, whose legal
 * representatives would then point nowhere); returns whether it seeded.
 */
export async function seedDemoIfEmpty(urls: RegistryUrls, onProgress?: (message: string) => void): Promise<boolean> {
  const persons = (await countRows(urls.naturalPersonUrl, ['person'])).person;
  const certificates = (await countRows(urls.certificateUrl, ['certificate'])).certificate;
  if (persons > 0) {
    if (certificates === 0) {
      onProgress?.(
        `the certificate registry ${describeUrl(urls.certificateUrl)} is empty while the other registries hold data ` +
          '(seeded before it existed); run `npm run seed -- --reset` for demo certificates consistent with them',
      );
    }
    return false;
  }
  const organizations = (await countRows(urls.legalPersonUrl, ['organization'])).organization;
  if (organizations > 0 || certificates > 0) {
    onProgress?.(
      'not seeding the demo data: there are organizations or certificates but no persons for them to refer to; ' +
        'run `npm run seed -- --reset` to start every registry afresh',
    );
    return false;
  }
  onProgress?.(
    `seeding the demo data (${DEMO.people.toLocaleString('en')} people, ${DEMO.organizations} organizations) ` +
      'into the empty registries',
  );
  const summary = await seedRegistries({ ...urls, ...DEMO });
  if (urls.labourMarketUrl) {
    const labourMarketUrl = urls.labourMarketUrl;
    onProgress?.(`seeding ${DEMO.postings.toLocaleString('en')} job postings with job-seekers and employment records`);
    await seedJobs({
      labourMarketUrl,
      legalPersonUrl: urls.legalPersonUrl,
      naturalPersonUrl: urls.naturalPersonUrl,
      postings: DEMO.postings,
      demoCitizenId: demoCitizen().id,
    });
  }
  onProgress?.(`seeded the demo data in ${(summary.ms / 1000).toFixed(1)} s`);
  return true;
}

/**
 * A living adult of the demo data, for development tokens: the first household head of the demo
 * seed, who is the same in any database seeded from that seed, whatever its size.
 */
export function demoCitizen(): { id: string; name: string; idNumber: string } {
  // The first few households are enough; generation is prefix-stable, so these are the first rows of every load.
  const { person } = generatePeople(new Random(DEMO.seed).fork('people'), 50);
  const citizen = person.find((p) => p.death_date === null && ageOn(p.birth_date, SEED_AS_OF) >= 18);
  if (!citizen) throw new Error(`The demo seed ${DEMO.seed} has no living adult among its first people`);
  return { id: citizen.id, name: citizen.name, idNumber: citizen.id_number };
}

/**
 * Turns seed events into lines for a terminal or log: one per phase, and for each table one per
 * ~10% of its rows with the rate so far.
 */
export function progressPrinter(write: (line: string) => void): (event: SeedEvent) => void {
  const tables = new Map<string, { started: number; decile: number }>();
  return (event) => {
    if (event.kind === 'phase') {
      write(event.message);
      return;
    }
    const key = event.table;
    // Every table starts with a 0-rows event, which starts its clock.
    if (event.done === 0 && event.total > 0) {
      tables.set(key, { started: Date.now(), decile: 0 });
      return;
    }
    const state = tables.get(key) ?? { started: Date.now(), decile: 0 };
    tables.set(key, state);
    const decile = event.total === 0 ? 10 : Math.floor((event.done * 10) / event.total);
    if (decile <= state.decile) return;
    state.decile = decile;
    const seconds = Math.max(0.001, (Date.now() - state.started) / 1000);
    const rate = Math.round(event.done / seconds).toLocaleString('en');
    const percent = event.total === 0 ? 100 : Math.floor((event.done * 100) / event.total);
    write(
      `  ${event.table}: ${event.done.toLocaleString('en')} / ${event.total.toLocaleString('en')} ` +
        `(${percent}%, ${rate} rows/s)`,
    );
  };
}
