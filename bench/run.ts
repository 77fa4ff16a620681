/**
 * `npm run bench`: measures the product against the floor and the peer gateways, side by side, in
 * one run on this machine (issue 9). Starts everything itself (embedded PostgreSQL under
 * bench/.data, seeded afresh; every subgraph and the gateway as `npm start` runs them; the floor;
 * Hive Gateway with and without its Rust planner, installed into bench/peers when missing), checks
 * that every contender answers every operation alike, measures each with autocannon, prints a
 * Markdown table and writes it to bench/results/. Stops everything at the end, on Ctrl-C or on failure.
 * `npm run bench -- --help` lists the options.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import pg from 'pg';
import { SUPERGRAPH_PATH } from '../gateway/server';
import { Random } from '../seeds/random';
import { REGISTRY_NAMES, SUBGRAPHS } from '../subgraphs/catalog';
import { REPO_ROOT } from '../subgraphs/shared/config';
import { loadGatewaySigningKey } from '../subgraphs/shared/keys';
import type { DatabaseServer } from '../scripts/lib/database-server';
import { OPERATIONS, type Operation, type Sample, type SeededData } from './operations';
import { ArgsError, parseArgs, usage, type BenchArgs } from './lib/args';
import { checkConcurrent, checkSample, CheckError } from './lib/check';
import { BENCH_LOG_DIR, PEERS_DIR, RESULTS_DIR, benchEnvironment, benchPorts, productVariablesIn } from './lib/config';
import {
  CONTENDER_IDS,
  contenders as allContenders,
  type CallerSample,
  type Contender,
  type ContenderId,
  type HttpRequest,
} from './lib/contenders';
import { cyclingFeed, measure, medianByThroughput, onceFeed, type Measurement, type RequestFeed } from './lib/load';
import { installPeers, peersInstalled, peerVersions } from './lib/peers';
import { logTail, StartError, startProcess, type BenchProcess } from './lib/processes';
import { renderReport, type RunResult } from './lib/report';
import { openBenchDatabase, seed, startProduct } from './lib/stack';
import { benchOfficers, citizen, tokenSigner, type UserToken } from './lib/tokens';

const began = Date.now();
const started: BenchProcess[] = [];
let database: DatabaseServer | undefined;
let stopping: Promise<void> | undefined;

function elapsed(): string {
  const s = Math.floor((Date.now() - began) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function say(line: string): void {
  process.stdout.write(`${elapsed().padStart(6)}  ${line}\n`);
}

/** Throws, naming it and showing its log, if a process the bench started has stopped on its own. */
function requireAllRunning(): void {
  const dead = started.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
  if (dead) {
    const how = dead.child.signalCode ? `signal ${dead.child.signalCode}` : `code ${dead.child.exitCode}`;
    throw new StartError(`${dead.name} stopped on its own (${how}) while the bench ran.\n${logTail(dead.logFile)}`);
  }
}

/** Stops what the bench started, newest first (peers, floor, gateway, subgraphs), then PostgreSQL. */
function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    for (const process of [...started].reverse()) await process.stop();
    await database?.close();
  })();
  return stopping;
}

/** Requests drawn per operation: enough that no response cache or plan cache sees many repeats. */
const SAMPLES = 20_000;
/** Drawn requests checked on every contender before measuring (plus the identical one). */
const CHECKED = 3;
/** Different requests sent at once to each contender, each answer checked against its own request. */
const CONCURRENT = 20;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env, {
    operations: OPERATIONS.map((op) => op.id),
    contenders: [...CONTENDER_IDS],
  });
  if (args === 'help') {
    console.log(
      usage(
        OPERATIONS.map((op) => op.id),
        [...CONTENDER_IDS],
      ),
    );
    return;
  }
  const ports = benchPorts(args.portBase);
  const ignored = productVariablesIn(process.env);
  if (ignored.length > 0) {
    say(`ignoring ${ignored.join(', ')} from the environment: the bench runs the defaults on its own database`);
  }
  const env = benchEnvironment(process.env, ports);
  for (const name of ignored) delete process.env[name];
  Object.assign(process.env, env);

  const ops = OPERATIONS.filter((op) => args.operations.length === 0 || args.operations.includes(op.id));
  const wanted = new Set<ContenderId>(
    args.contenders.length === 0 ? CONTENDER_IDS : [...(args.contenders as ContenderId[]), 'gateway'],
  );
  const needsPeers = wanted.has('hive') || wanted.has('hive-rust');
  const needsFloor = wanted.has('floor') && ops.some((op) => op.floor);
  say(plan(args, ops, wanted));
  if (args.people < 100_000) {
    say(
      `note: ${args.people.toLocaleString('en')} people: fine for checking the harness; real runs seed at least 100,000`,
    );
  }

  if (needsPeers && !peersInstalled()) {
    say(`installing the peer gateways into ${relative(REPO_ROOT, PEERS_DIR)} (npm ci, once)`);
    await installPeers((line) => say(`  npm: ${line}`));
  }

  database = await openBenchDatabase(say);
  // As `npm start` does: the services find the registries' databases through these.
  Object.assign(env, database.env);
  say(
    `seeding ${args.people.toLocaleString('en')} people and ${Math.floor(args.people / 10).toLocaleString('en')} organizations (npm run seed -- --reset)`,
  );
  await seed(args.people, env, (line) => say(`  seed: ${line}`));
  say('vacuuming and analyzing every registry database after the load');
  await settleAfterLoad(database);
  const data = await readSeededData(database);
  say(
    `drawing requests from ${data.organizations.length.toLocaleString('en')} organizations and ` +
      `${data.representatives.length.toLocaleString('en')} legal representatives`,
  );

  mkdirSync(BENCH_LOG_DIR, { recursive: true });
  const profileDir = args.profile ? resolve(args.profile) : undefined;
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    say(`CPU profiles of the gateway and subgraphs go to ${profileDir} when they stop`);
  }
  const product = await startProduct(env, started, say, profileDir);
  let floor: BenchProcess | undefined;
  if (needsFloor) {
    say('starting the floor');
    floor = await startProcess({
      name: 'the floor (bench/floor.ts)',
      file: join(REPO_ROOT, 'bench', 'floor.ts'),
      cwd: REPO_ROOT,
      env: { ...env, FLOOR_PORT: String(ports.floor), LEGAL_PERSON_DATABASE_URL: database.registryUrl('legal-person') },
      execArgv: ['--import', 'tsx'],
      logFile: join(BENCH_LOG_DIR, 'floor.log'),
    });
    started.push(floor);
  }
  const hive = wanted.has('hive') ? await startHive(env, ports.hive, false) : undefined;
  const hiveRust = wanted.has('hive-rust') ? await startHive(env, ports.hiveRust, true) : undefined;

  const signingKey = await loadGatewaySigningKey();
  const everyone = allContenders(
    ports,
    {
      floor: floor?.child.pid,
      subgraphs: Object.fromEntries(Object.entries(product.subgraphs).map(([name, p]) => [name, p.child.pid])),
      gateway: product.gateway.child.pid,
      hive: hive?.child.pid,
      hiveRust: hiveRust?.child.pid,
    },
    signingKey,
  ).filter((c) => wanted.has(c.id));
  const gateway = everyone.find((c) => c.id === 'gateway')!;
  const labelProcess = processLabeller({
    gateway: product.gateway.child.pid,
    ...Object.fromEntries(Object.entries(product.subgraphs).map(([name, p]) => [name, p.child.pid])),
    floor: floor?.child.pid,
    'Hive Gateway': hive?.child.pid,
    'Hive Gateway + Rust': hiveRust?.child.pid,
    'load generator (the bench)': process.pid,
  });

  say('drawing requests and signing tokens');
  const callers = await drawCallers(ops, data);

  for (const process of started) {
    void process.exited.then((how) => {
      if (!stopping) say(`${process.name} stopped on its own (${how}): see ${relative(REPO_ROOT, process.logFile)}`);
    });
  }
  requireAllRunning();
  say('checking that every contender answers every operation as the gateway does');
  for (const op of ops) {
    const others = everyone.filter((c) => c.id !== 'gateway' && c.applies(op));
    const checked = [...callers.get(op.id)!.random.slice(0, CHECKED), ...(callers.get(op.id)!.identical ?? [])];
    for (const caller of checked) await checkSample(op, caller, gateway, others);
    const burst = callers.get(op.id)!.random.slice(CHECKED, CHECKED + CONCURRENT);
    for (const contender of [gateway, ...others]) await checkConcurrent(op, burst, contender);
    say(
      `  ${op.id}: ${[gateway, ...others].map((c) => c.title(op)).join(', ')} agree on ${checked.length} requests ` +
        `and answer ${burst.length} concurrent ones each as asked`,
    );
  }

  if (args.serve) {
    serveUntilInterrupted(everyone, ops, callers);
    return;
  }

  const results: RunResult[] = [];
  for (const op of ops) {
    for (const variant of ['random', 'identical'] as const) {
      const drawn = variant === 'random' ? callers.get(op.id)!.random : callers.get(op.id)!.identical;
      if (!drawn) continue;
      results.push(
        ...(await runOperation(
          args,
          op,
          variant,
          everyone.filter((c) => c.applies(op)),
          drawn,
          labelProcess,
        )),
      );
    }
  }

  const report = renderReport(results, {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date(began),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    nodeEnv: process.env.NODE_ENV ?? '(unset)',
    logLevel: process.env.LOG_LEVEL ?? 'info (default)',
    people: args.people,
    organizations: data.organizationCount,
    duration: args.duration,
    warmup: args.warmup,
    rounds: args.rounds,
    connections: args.connections,
    peers: needsPeers ? peerVersions() : {},
    minutes: (Date.now() - began) / 60_000,
  });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${new Date(began).toISOString().replace(/[:]/g, '-').slice(0, 19)}.md`);
  writeFileSync(file, report);
  process.stdout.write(`\n${report}\n`);
  say(`written to ${relative(REPO_ROOT, file)}`);
  if (results.some((r) => r.measurements.some((m) => m.failed > 0 || m.repeated > 0))) {
    say('some measurements had failures (listed at the top of the results): their figures do not count');
    process.exitCode = 1;
  }
}

function plan(args: BenchArgs, ops: Operation[], wanted: Set<ContenderId>): string {
  let pairs = 0;
  let measured = 0;
  for (const op of ops) {
    const applies = [...wanted].filter(
      (id) => (id !== 'floor' || op.floor) && (id !== 'direct' || op.servedBy !== undefined),
    ).length;
    const variants = op.identical ? 2 : 1;
    pairs += applies * variants;
    measured += applies * variants * args.connections.length;
  }
  measured *= args.rounds;
  const seconds = pairs * args.warmup + measured * (args.duration + 1);
  return (
    `${ops.length} operations × ${[...wanted].join(', ')}: ${measured} measurements of ${args.duration} s ` +
    `at ${args.connections.join('/')} connections, about ${Math.ceil(seconds / 60)} minutes of load after start-up`
  );
}

async function startHive(env: Record<string, string>, port: number, rust: boolean): Promise<BenchProcess> {
  const name = rust ? 'Hive Gateway with the Rust planner' : 'Hive Gateway';
  say(`starting ${name}`);
  const hive = await startProcess({
    name,
    file: join(PEERS_DIR, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js'),
    args: [
      'supergraph',
      SUPERGRAPH_PATH,
      '--config-path',
      join(PEERS_DIR, 'gateway.config.cjs'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      ...(rust ? ['--hive-router-runtime'] : []),
    ],
    cwd: PEERS_DIR,
    // Its log goes to a file: no terminal colours in it.
    env: { ...env, NO_COLOR: '1' },
    logFile: join(BENCH_LOG_DIR, rust ? 'hive-rust.log' : 'hive.log'),
    readyUrl: `http://127.0.0.1:${port}/readiness`,
  });
  started.push(hive);
  // Without its package, Hive Gateway falls back to its JavaScript planner with only a warning.
  if (rust && !readFileSync(hive.logFile, 'utf8').includes('Using Hive Router Runtime')) {
    throw new StartError(
      `${name} did not load @graphql-hive/router-runtime; it would measure the JavaScript planner twice.\n` +
        logTail(hive.logFile),
    );
  }
  return hive;
}

/**
 * Names the processes on the machine for the CPU split per answer: the ones the bench started by
 * name, a PostgreSQL backend by the registry whose database it serves, PostgreSQL's own processes
 * together, and everything else as "other".
 */
function processLabeller(named: Record<string, number | undefined>): (pid: number, command: string) => string {
  const byPid = new Map<number, string>();
  for (const [name, pid] of Object.entries(named)) if (pid !== undefined) byPid.set(pid, name);
  const registryOf = new Map<string, string>(
    Object.entries(SUBGRAPHS).flatMap(([name, spec]) => (spec.database ? [[spec.database, name]] : [])),
  );
  return (pid, command) => {
    const known = byPid.get(pid);
    if (known) return known;
    // A backend's title: "postgres: <user> <database> <client> <state>".
    const backend = /^postgres: \S+ (\S+) /.exec(command);
    const registry = backend && registryOf.get(backend[1]);
    if (registry) return `PostgreSQL (${registry})`;
    if (/^postgres:|\/postgres(\s|$)/.test(command)) return 'PostgreSQL (server)';
    return 'other';
  };
}

/** PostgreSQL's error code for a database that does not exist. */
const INVALID_CATALOG_NAME = '3D000';

/**
 * VACUUM (ANALYZE) of every registry database, as PostgreSQL advises after a bulk load: the planner
 * gets its statistics and the tables their visibility maps now, rather than from autovacuum's first
 * pass, which otherwise runs during the first minute of measurements and slows whichever contender
 * happens to be measured then (seen: a citizen's `me` through the gateway, measured first, at 54
 * req/s against Hive Gateway's 77 right after it; 88 against 82 when measured minutes later).
 */
async function settleAfterLoad(server: DatabaseServer): Promise<void> {
  for (const registry of REGISTRY_NAMES) {
    const client = new pg.Client({ connectionString: server.registryUrl(registry) });
    try {
      await client.connect();
    } catch (error) {
      // A registry the seed does not load (statistics) has no database until its service first
      // starts, as on a fresh clone's first run: nothing to vacuum there.
      if ((error as { code?: string }).code === INVALID_CATALOG_NAME) continue;
      throw error;
    }
    try {
      await client.query('vacuum (analyze)');
    } finally {
      await client.end();
    }
  }
}

async function readSeededData(server: DatabaseServer): Promise<SeededData & { organizationCount: number }> {
  const legal = new pg.Client({ connectionString: server.registryUrl('legal-person') });
  const natural = new pg.Client({ connectionString: server.registryUrl('natural-person') });
  await legal.connect();
  await natural.connect();
  try {
    const organizations = await legal.query<{ credit_code: string; district_code: string }>(
      'select credit_code, district_code from organization order by credit_code',
    );
    const representatives = await legal.query<{ id: string }>(
      'select distinct legal_representative_id as id from organization order by 1',
    );
    const people = await natural.query<{ id: string; id_number: string }>(
      'select id, id_number from person where id = any($1::uuid[]) and death_date is null order by id',
      [representatives.rows.map((r) => r.id)],
    );
    if (organizations.rows.length === 0 || people.rows.length === 0) {
      throw new Error('The seeded registries hold no organizations or no living legal representatives to draw from');
    }
    return {
      organizations: organizations.rows.map((r) => ({ creditCode: r.credit_code, districtCode: r.district_code })),
      representatives: people.rows.map((r) => ({ id: r.id, idNumber: r.id_number })),
      organizationCount: organizations.rows.length,
    };
  } finally {
    await legal.end();
    await natural.end();
  }
}

interface OperationCallers {
  random: CallerSample[];
  identical?: CallerSample[];
}

/** Every operation's drawn requests with their callers' tokens (reproducible: a fixed seed). */
async function drawCallers(ops: Operation[], data: SeededData): Promise<Map<string, OperationCallers>> {
  const sign = await tokenSigner();
  const officers = await Promise.all(benchOfficers().map(sign));
  const citizens = new Map<string, UserToken>();
  const root = new Random('gov-graph-bench');
  const out = new Map<string, OperationCallers>();
  for (const op of ops) {
    const random = root.fork(op.id);
    const withCaller = async (sample: Sample): Promise<CallerSample> => {
      if (op.caller === 'anonymous') return { sample, token: null, identity: null };
      let user: UserToken;
      if (op.caller === 'officer') {
        user = random.pick(officers);
      } else {
        if (!sample.citizen) throw new Error(`${op.id}: a citizen's operation must name the citizen in each sample`);
        user = citizens.get(sample.citizen) ?? (await sign(citizen(sample.citizen)));
        citizens.set(sample.citizen, user);
      }
      return { sample, token: user.token, identity: user.identity };
    };
    const drawn: CallerSample[] = [];
    for (let i = 0; i < SAMPLES; i += 1) drawn.push(await withCaller(op.draw(data, random)));
    out.set(op.id, { random: drawn, identical: op.identical ? [await withCaller(op.identical)] : undefined });
  }
  return out;
}

/** Prepared requests for a contender: cycled, or for single-use assertions, `count` fresh ones. */
async function feedFor(
  contender: Contender,
  op: Operation,
  drawn: CallerSample[],
  count: number,
): Promise<RequestFeed> {
  if (!contender.freshPerRequest) {
    return cyclingFeed(await Promise.all(drawn.map((caller) => contender.request(op, caller))));
  }
  const requests: HttpRequest[] = [];
  for (let i = 0; i < count; i += 1) requests.push(await contender.request(op, drawn[i % drawn.length]));
  return onceFeed(requests);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Measures every contender on one operation: each warmed up first, then at each connection count
 * all contenders one after the other, in alternating order, so that whatever drifts during a run
 * (the access log grows, the machine gets busier) falls on all of them alike.
 */
async function runOperation(
  args: BenchArgs,
  op: Operation,
  variant: RunResult['variant'],
  contenders: Contender[],
  drawn: CallerSample[],
  labelProcess: (pid: number, command: string) => string,
): Promise<RunResult[]> {
  const key = variant === 'identical' ? `${op.id} (identical)` : op.id;
  const top = Math.max(...args.connections);
  // Fresh assertions (the direct contender) are signed before the clock starts: for the warm-up
  // a guess, then three times what the fastest rate seen so far needs, since fewer connections
  // can be faster than many.
  const rates = new Map<ContenderId, number>(contenders.map((c) => [c.id, 3000]));
  const results = new Map<ContenderId, RunResult>(
    contenders.map((c) => [c.id, { op, variant, contender: c.id, title: c.title(op), measurements: [] }]),
  );
  if (args.warmup > 0) {
    say(`  ${key}: warming up ${contenders.map((c) => c.title(op)).join(', ')}`);
    for (const contender of contenders) {
      const count = Math.ceil(rates.get(contender.id)! * args.warmup) + 500;
      const feed = await feedFor(contender, op, drawn, count);
      const warm = await measure({ url: contender.url(op), connections: top, seconds: args.warmup, feed });
      if (warm.ok > 0) rates.set(contender.id, warm.ok / warm.seconds);
      await pause(500);
    }
  }
  for (const [level, connections] of args.connections.entries()) {
    const rounds = new Map<ContenderId, Measurement[]>(contenders.map((c) => [c.id, []]));
    for (let round = 0; round < args.rounds; round += 1) {
      const order = (level + round) % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) {
        const feed = await feedFor(contender, op, drawn, Math.ceil(rates.get(contender.id)! * args.duration * 3) + 500);
        requireAllRunning();
        const m = await measure({
          url: contender.url(op),
          connections,
          seconds: args.duration,
          feed,
          pid: contender.pid(op),
          labelProcess,
        });
        requireAllRunning();
        rates.set(contender.id, Math.max(rates.get(contender.id)!, m.rps));
        rounds.get(contender.id)!.push(m);
        const problems = [
          m.failed > 0 ? `${m.failed} FAILED (${m.failures[0] ?? 'no detail'})` : '',
          m.repeated > 0 ? `${m.repeated} requests reused an assertion: the prepared ones ran out` : '',
        ]
          .filter(Boolean)
          .map((text) => `  ${text}`)
          .join('');
        say(
          `  ${key} · ${contender.title(op)} · ${String(connections).padStart(3)} conn` +
            `${args.rounds > 1 ? ` (round ${round + 1} of ${args.rounds})` : ''}: ` +
            `${Math.round(m.rps).toLocaleString('en').padStart(6)} req/s, ` +
            `p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} p99 ${m.p99.toFixed(1)} ms${problems}`,
        );
        await pause(1000);
      }
    }
    for (const contender of contenders) {
      results.get(contender.id)!.measurements.push(medianByThroughput(rounds.get(contender.id)!));
    }
  }
  return [...results.values()];
}

function serveUntilInterrupted(everyone: Contender[], ops: Operation[], callers: Map<string, OperationCallers>): void {
  const lines = ['', 'Everything is up and checked. Stop with Ctrl-C.', ''];
  for (const op of ops) {
    lines.push(`${op.id}:`);
    for (const c of everyone.filter((x) => x.applies(op))) lines.push(`  ${c.title(op).padEnd(36)} ${c.url(op)}`);
  }
  const officer = [...callers.values()].flatMap((c) => c.random).find((c) => c.identity?.role === 'officer');
  const person = [...callers.values()].flatMap((c) => c.random).find((c) => c.identity?.role === 'citizen');
  if (officer?.token) lines.push('', `An officer's token: ${officer.token}`);
  if (person?.token) lines.push(`A citizen's token:  ${person.token}`);
  lines.push(`Logs: ${relative(REPO_ROOT, BENCH_LOG_DIR)}/`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) return;
  interrupted = true;
  say('interrupted: stopping everything (nothing is written)');
  void stopEverything().finally(() => process.exit(130));
});
process.on('SIGTERM', () => void stopEverything().finally(() => process.exit(143)));

main()
  .then(async () => {
    if (process.argv.includes('--serve') && !interrupted) return; // stopped by Ctrl-C
    await stopEverything();
    process.exit();
  })
  .catch(async (error: Error) => {
    if (interrupted) return;
    // A request that failed because a service died says less than the service's own log.
    try {
      requireAllRunning();
    } catch (dead) {
      error = dead as Error;
    }
    const known = error instanceof ArgsError || error instanceof StartError || error instanceof CheckError;
    process.stderr.write(`\nThe bench stopped: ${known ? error.message : (error.stack ?? error.message)}\n`);
    if (error instanceof ArgsError) process.stderr.write('See `npm run bench -- --help`.\n');
    if (error instanceof CheckError) process.stderr.write(`Service logs: ${relative(REPO_ROOT, BENCH_LOG_DIR)}/\n`);
    await stopEverything();
    process.exit(1);
  });
