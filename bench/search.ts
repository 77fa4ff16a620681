/**
 * `npm run bench:search`: the job feed's speed at a million postings (a benchmark, not a test).
 * Starts its own embedded PostgreSQL under bench/.data/search, loads it with `npm run seed -- --reset
 * --postings N` (skipped when it already holds N postings; --reseed forces it), starts every
 * subgraph and the gateway as `npm start` does, then times the same feed queries one at a time,
 * straight at the labour-market subgraph (signed as the gateway signs) and through the gateway:
 * 1-, 2-, 3- and 4-character terms, two terms (common together and never together), a rare term,
 * with and without filters, the first page and a deep page, and the facets. Prints p50/p95/p99 per case and which of the issue's goals were met.
 *
 *   npm run bench:search -- [--postings 1000000] [--people 20000] [--organizations 2000] [--samples 200] [--reseed]
 *                           [--port-base 4300]
 *
 * The services listen on --port-base to --port-base + 29 (PostgreSQL on + 29), so the bench can run
 * beside another one.
 *
 * Each case stops early after 20 s each way (with at least 10 requests), so slow cases still finish.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadGatewaySigningKey } from '../subgraphs/shared/keys';
import type { DatabaseServer } from '../scripts/lib/database-server';
import { BENCH_DIR, benchEnvironment, benchPorts, subgraphUrlAt } from './lib/config';
import type { BenchProcess } from './lib/processes';
import { openBenchDatabase, startProduct } from './lib/stack';
import { ASSERTION_HEADER, signSubgraphRequest, type SigningKey } from './lib/subgraph-request';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const began = Date.now();
function say(line: string): void {
  const s = Math.floor((Date.now() - began) / 1000);
  process.stdout.write(`${`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`.padStart(6)}  ${line}\n`);
}

interface Args {
  postings: number;
  people: number;
  organizations: number;
  samples: number;
  portBase: number;
  reseed: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    postings: 1_000_000,
    people: 20_000,
    organizations: 2_000,
    samples: 200,
    portBase: 4300,
    reseed: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--reseed') {
      args.reseed = true;
      continue;
    }
    const key = flag.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof Args;
    const value = Number(argv[++i]);
    if (
      !['postings', 'people', 'organizations', 'samples', 'portBase'].includes(key) ||
      !Number.isInteger(value) ||
      value < 1 ||
      (key === 'portBase' && value > 65_535 - 29)
    ) {
      throw new Error(
        `bench:search: ${flag} ${argv[i] ?? ''} is not an option with a positive whole number; ` +
          'options: --postings N --people N --organizations N --samples N --port-base N (up to 65506) --reseed',
      );
    }
    (args as unknown as Record<string, number>)[key] = value;
  }
  return args;
}

const FEED = `query BenchFeed($f: JobFilter, $first: Int, $after: String) {
  jobs(filter: $f, first: $first, after: $after) {
    edges { cursor node { id title salaryMin districtCode employer { creditCode } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const FACETS = `query BenchFacets($f: JobFilter) {
  jobs(filter: $f, first: 20) {
    totalCount
    districtCounts { districtCode count }
    occupationCounts { occupation { code } count }
    edges { node { id title } }
  }
}`;

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The goal (p95 in ms at the subgraph, through the gateway), when the issue sets one. */
  goal?: { subgraph: number; gateway: number };
}

const WUHOU = { districts: ['510107'], minSalary: 6000 };

function cases(deepCursor: string | null): Case[] {
  const feed = (
    name: string,
    f: Record<string, unknown>,
    extra: Record<string, unknown> = {},
    goal?: Case['goal'],
  ) => ({
    name,
    query: FEED,
    variables: { f, first: 20, ...extra },
    goal,
  });
  return [
    feed('1 character (会)', { keyword: '会' }),
    feed('2 characters (会计)', { keyword: '会计' }, {}, { subgraph: 10, gateway: 20 }),
    feed('3 characters (工程师)', { keyword: '工程师' }),
    feed('4 characters (开发工程)', { keyword: '开发工程' }),
    feed('two terms (会计 税务)', { keyword: '会计 税务' }),
    feed('two terms that never meet (会计 出纳)', { keyword: '会计 出纳' }),
    feed('rare term (药剂师)', { keyword: '药剂师' }),
    feed('2 characters + district + salary', { keyword: '会计', ...WUHOU }),
    feed('no keyword + district + salary', WUHOU),
    feed('no keyword, newest', {}),
    ...(deepCursor ? [feed('2 characters, page 26 (deep)', { keyword: '会计' }, { after: deepCursor })] : []),
    {
      name: 'facets: 2 characters, count + districts + occupations',
      query: FACETS,
      variables: { f: { keyword: '会计' } },
      goal: { subgraph: 50, gateway: 50 },
    },
    { name: 'facets: no keyword', query: FACETS, variables: { f: {} }, goal: { subgraph: 50, gateway: 50 } },
  ];
}

type Sender = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Longest a case is timed each way before it stops with what it has (at least MIN_SAMPLES requests). */
const CASE_BUDGET_MS = 20_000;
const MIN_SAMPLES = 10;

async function time(
  send: Sender,
  c: Case,
  samples: number,
): Promise<{ p50: number; p95: number; p99: number; n: number; first: number }> {
  // The first request on its own: for the facets, the one that counts (nothing cached yet).
  const t0 = performance.now();
  await send(c.query, c.variables);
  const first = performance.now() - t0;
  for (let i = 1; i < Math.min(5, samples); i += 1) await send(c.query, c.variables); // warm-up
  const ms: number[] = [];
  const started = performance.now();
  for (let i = 0; i < samples; i += 1) {
    if (i >= MIN_SAMPLES && performance.now() - started > CASE_BUDGET_MS) break;
    const t = performance.now();
    await send(c.query, c.variables);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), n: ms.length, first };
}

async function post(url: string, headers: Record<string, string>, body: object): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { errors?: { message: string }[] };
  if (response.status !== 200 || answer.errors) {
    throw new Error(`the feed answered ${response.status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
  }
  return answer;
}

function viaGateway(url: string): Sender {
  return (query, variables) => post(url, {}, { query, variables });
}

function direct(url: string, key: SigningKey): Sender {
  return async (query, variables) => {
    const body = { query, variables };
    const caller = { identity: null, purpose: null, requestId: randomUUID(), operationName: null, via: null };
    return post(url, { [ASSERTION_HEADER]: await signSubgraphRequest(key, 'labour-market', caller, body) }, body);
  };
}

async function postingsIn(server: DatabaseServer): Promise<number> {
  const client = new pg.Client({ connectionString: server.registryUrl('labour-market') });
  try {
    await client.connect();
    return Number((await client.query('select count(*) as n from job_posting')).rows[0].n);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

async function seed(args: Args, env: Record<string, string>): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/seed.ts',
      '--reset',
      '--people',
      String(args.people),
      '--organizations',
      String(args.organizations),
      '--postings',
      String(args.postings),
    ],
    { env: { ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', say);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`seeding failed (exit code ${code}); its output is above`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const ports = benchPorts(args.portBase);
  const env = benchEnvironment(process.env, ports);
  env.DATA_DIR = join(BENCH_DIR, '.data', 'search');
  Object.assign(process.env, env);
  const started: BenchProcess[] = [];
  const database = await openBenchDatabase(say);
  // The registries' database URLs on the bench's embedded server, for the seeder and every process.
  Object.assign(env, database.env);
  const stop = async () => {
    for (const p of started.reverse()) p.child.kill('SIGTERM');
    await database.close();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  try {
    const have = await postingsIn(database);
    if (args.reseed || have !== args.postings) {
      say(`loading ${args.postings.toLocaleString('en')} postings (the database holds ${have.toLocaleString('en')})`);
      const t = Date.now();
      await seed(args, env);
      say(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    } else {
      say(`reusing the ${have.toLocaleString('en')} postings already loaded (--reseed to load afresh)`);
    }
    await startProduct(env, started, say);
    const gateway = viaGateway(`http://localhost:${ports.gateway}/graphql`);
    const subgraph = direct(subgraphUrlAt(ports, 'labour-market'), await loadGatewaySigningKey());
    // A deep page: the cursor after 25 pages of 20.
    let cursor: string | null = null;
    for (let page = 0; page < 25; page += 1) {
      const answer = (await subgraph(FEED, { f: { keyword: '会计' }, first: 20, after: cursor })) as {
        data: { jobs: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      };
      if (!answer.data.jobs.pageInfo.hasNextPage) {
        cursor = null;
        break;
      }
      cursor = answer.data.jobs.pageInfo.endCursor;
    }
    const rows: string[] = [];
    const goals: string[] = [];
    const firsts: string[] = [];
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(1))
        .join(', ');
    const loadBefore = load();
    rows.push('| case | subgraph p50 | p95 | p99 | n | gateway p50 | p95 | p99 | n |');
    rows.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of cases(cursor)) {
      const samples = c.query === FACETS ? Math.max(20, Math.floor(args.samples / 4)) : args.samples;
      say(`timing ${c.name} (${samples} requests each way)`);
      const s = await time(subgraph, c, samples);
      const g = await time(gateway, c, samples);
      const f = (n: number) => n.toFixed(1);
      rows.push(
        `| ${c.name} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${s.n} | ${f(g.p50)} | ${f(g.p95)} | ${f(g.p99)} | ${g.n} |`,
      );
      if (c.query === FACETS) {
        firsts.push(`- ${c.name}: ${f(s.first)} ms at the subgraph (counted, not cached)`);
      }
      if (c.goal) {
        const met = (v: number, goal: number) =>
          `${f(v)} ms ${v <= goal ? '≤' : '>'} ${goal} ms: ${v <= goal ? 'met' : 'NOT met'}`;
        goals.push(
          `- ${c.name}: subgraph p95 ${met(s.p95, c.goal.subgraph)}; gateway p95 ${met(g.p95, c.goal.gateway)}`,
        );
      }
    }
    process.stdout.write(
      `\nJob feed at ${args.postings.toLocaleString('en')} postings, milliseconds, one request at a time, 20 per page\n\n` +
        `${rows.join('\n')}\n\nFirst request of each facet case (the counts are then cached until a posting is written):\n` +
        `${firsts.join('\n')}\n\nMachine: ${cpus().length} cores, load average (1, 5, 15 min) ${loadBefore} before timing, ` +
        `${load()} after\n\nGoals (issue 7):\n${goals.join('\n')}\n`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:search failed: ${error.message}`);
  process.exit(1);
});
