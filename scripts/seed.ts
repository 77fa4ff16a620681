/**
 * `npm run seed -- --people N [--organizations M] [--seed S] [--reset]`: generates deterministic
 * demo data and bulk-loads it into every registry (people, organizations and their certificates), on
 * the PostgreSQL that DATABASE_URL (or the per-registry *_DATABASE_URL) names, or else the embedded one.
 * It adds to what is there (new people and organizations that repeat no ID number, household
 * number, credit code, name, decision number or certificate number); --reset first drops and
 * recreates the registry databases, access log included.
 */
import pg from 'pg';
import type { RegistryName } from '../subgraphs/catalog';
import { ensureDatabase, withDatabase } from '../subgraphs/shared/database';
import { createLogger } from '../subgraphs/shared/logger';
import { retireCheckpoints } from '../subgraphs/shared/access-log/checkpoints';
import { checkpointDir, describeUrl } from '../subgraphs/shared/config';
import { migrate, openRegistryOrm } from '../subgraphs/shared/orm';
import { DEMO, demoCitizen, progressPrinter, seedJobs, seedRegistries, type RegistryUrls } from '../seeds';
import { seedAssistanceIfEmpty } from '../seeds/assistance';
import { openDatabaseServer } from './lib/database-server';
import { REGISTRY_MODULES } from './lib/registries';

const USAGE = `usage: npm run seed -- [--people N] [--organizations M] [--postings P] [--seed S] [--reset]
  --people         persons to generate, 1 to 5,000,000 (default ${DEMO.people.toLocaleString('en')})
  --organizations  organizations, 0 to 5,000,000 (default: a tenth of the people)
  --postings       job postings, 0 to 5,000,000, by the registered organizations (default ${DEMO.postings.toLocaleString('en')})
  --seed           any text; the same seed gives the same data (default ${DEMO.seed})
  --reset          drop and recreate the registry databases first, then load: deletes all
                   their data, the access log included, whose signed checkpoints are moved aside
                   (without it, the new data is added)`;

/** Enough for a large city's test data, and still loadable in minutes. */
const MAX_COUNT = 5_000_000;
const REGISTRIES: RegistryName[] = ['natural-person', 'legal-person', 'certificate', 'labour-market', 'assistance'];

interface Args {
  people: number;
  organizations: number;
  postings: number;
  seed: string;
  reset: boolean;
}

/** A mistake in how the script was called or in what it found: print the message, no stack. */
class SeedError extends Error {}

function parseCount(flag: string, raw: string, min: number): number {
  const digits = raw.replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits)) {
    throw new SeedError(`${flag} ${raw} is not a whole number (e.g. ${flag} 100000)\n${USAGE}`);
  }
  const value = Number(digits);
  if (value < min || value > MAX_COUNT) {
    throw new SeedError(`${flag} ${raw} is out of range: give ${min} to ${MAX_COUNT.toLocaleString('en')}`);
  }
  return value;
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let reset = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--reset') {
      reset = true;
      continue;
    }
    const match = /^--(people|organizations|postings|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new SeedError(`unknown argument ${arg}\n${USAGE}`);
    const value = match[2] ?? argv[i + 1];
    if (match[2] === undefined) i += 1;
    if (value === undefined || (match[2] === undefined && value.startsWith('--'))) {
      throw new SeedError(`--${match[1]} needs a value\n${USAGE}`);
    }
    values.set(match[1], value);
  }
  const people = values.has('people') ? parseCount('--people', values.get('people')!, 1) : DEMO.people;
  const organizations = values.has('organizations')
    ? parseCount('--organizations', values.get('organizations')!, 0)
    : Math.floor(people / 10);
  const postings = values.has('postings') ? parseCount('--postings', values.get('postings')!, 0) : DEMO.postings;
  const seed = values.get('seed') ?? DEMO.seed;
  if (seed.trim() === '') throw new SeedError('--seed must not be empty');
  return { people, organizations, postings, seed, reset };
}

/** Drops a registry database, closing other sessions on it (the access log's triggers refuse DELETE and TRUNCATE). */
async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name) || ['postgres', 'template0', 'template1'].includes(name)) {
    throw new SeedError(`Refusing to drop ${JSON.stringify(name)} at ${describeUrl(url)}: not a registry database`);
  }
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  try {
    await admin.connect();
  } catch (error) {
    throw new SeedError(
      `Cannot connect to the postgres maintenance database at ${describeUrl(url)} to drop ${name} ` +
        `(${(error as Error).message}). Is the server running and the URL right?`,
    );
  }
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } catch (error) {
    throw new SeedError(
      `Could not drop ${name} at ${describeUrl(url)}: ${(error as Error).message}. ` +
        'The user in the URL must own the database (or be a superuser).',
    );
  } finally {
    await admin.end();
  }
}

/** Creates the database if needed and applies the migrations, so the tables exist. */
async function prepareRegistry(name: RegistryName, url: string): Promise<void> {
  await ensureDatabase(url);
  const { entities, migrations } = REGISTRY_MODULES[name];
  const log = createLogger('seed');
  const db = await openRegistryOrm({ registry: name, clientUrl: url, entities, migrations, log, poolMax: 2 });
  try {
    await migrate(db.orm, log);
  } finally {
    await db.orm.close();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one stage, turning an unexpected failure into a message that says what failed and what to do. */
async function stage<T>(failed: string, advice: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SeedError) throw error;
    throw new SeedError(`${failed}: ${(error as Error).message}\n${advice}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const server = await stage(
    'Could not find or start PostgreSQL',
    'Set DATABASE_URL to a running server, or fix the embedded one as the message says.',
    () => openDatabaseServer((message) => console.log(message)),
  );
  process.once('SIGINT', () => {
    console.error('\ninterrupted; nothing was committed');
    void server.close().finally(() => process.exit(130));
  });
  try {
    const urls: RegistryUrls = {
      naturalPersonUrl: server.registryUrl('natural-person'),
      legalPersonUrl: server.registryUrl('legal-person'),
      certificateUrl: server.registryUrl('certificate'),
    };
    const registryUrl = (name: RegistryName) => server.registryUrl(name);
    await stage(
      'Could not prepare the registry databases',
      'Check that the server is running, the URL is right and its user may create databases.',
      async () => {
        for (const name of args.reset ? REGISTRIES : []) {
          console.log(`dropping the ${name} database ${describeUrl(registryUrl(name))}`);
          await dropDatabase(registryUrl(name));
          // Its access log is gone with it: the signed checkpoints of that log no longer apply.
          const retired = await retireCheckpoints(checkpointDir(), name);
          if (retired) console.log(`moved the ${name} access-log checkpoints aside to ${retired}`);
        }
        for (const name of REGISTRIES) {
          console.log(`preparing the ${name} database ${describeUrl(registryUrl(name))} (create if missing, migrate)`);
          await prepareRegistry(name, registryUrl(name));
        }
      },
    );
    const summary = await stage(
      'Seeding failed; nothing was committed, every registry is as it was',
      'Run again once the cause is fixed; with --reset if the databases are not as they should be.',
      () =>
        seedRegistries({
          ...urls,
          people: args.people,
          organizations: args.organizations,
          seed: args.seed,
          onProgress: progressPrinter((line) => console.log(line)),
        }),
    );
    console.log(
      `generating and loading ${args.postings.toLocaleString('en')} job postings, job-seekers and employment ` +
        `records into ${describeUrl(registryUrl('labour-market'))}`,
    );
    const labourStarted = Date.now();
    const labour = await stage(
      'Seeding the labour-market registry failed; it is as it was (the other registries were committed)',
      'Run again with --reset once the cause is fixed: postings are generated from what the other registries hold.',
      () =>
        seedJobs({
          labourMarketUrl: registryUrl('labour-market'),
          legalPersonUrl: urls.legalPersonUrl,
          naturalPersonUrl: urls.naturalPersonUrl,
          postings: args.postings,
          demoCitizenId: demoCitizen().id,
          onProgress: (line) => console.log(line),
        }),
    );
    console.log(`labour-market registry loaded in ${seconds(Date.now() - labourStarted)}`);
    Object.assign(summary.rows, labour);
    const applications = await stage(
      'Seeding the assistance applications failed; the other registries are seeded',
      'Run again with --reset once the cause is fixed.',
      () =>
        seedAssistanceIfEmpty(
          { ...urls, assistanceUrl: registryUrl('assistance') },
          { seed: args.seed, onProgress: (line) => console.log(line) },
        ),
    );
    summary.rows.application = applications;
    const rows = Object.entries(summary.rows)
      .map(([table, count]) => `${table} ${count.toLocaleString('en')}`)
      .join(', ');
    console.log(`seeded rows: ${rows}`);
    console.log(`done in ${seconds(Date.now() - started)} (generating and loading ${seconds(summary.ms)})`);
  } finally {
    await server.close();
  }
}

main().catch((error: Error) => {
  console.error(error instanceof SeedError ? error.message : `seeding failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
