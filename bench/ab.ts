/**
 * Interleaved A/B of subgraph builds under the same load (issue 9, part 2): for profiling and
 * comparing a change to the subgraph machinery on a machine others share. Each round measures
 * every target once, in an order that alternates between rounds (A B, B A, ...), so drift in the
 * machine's load falls on all alike; the ratios are taken round by round.
 *
 *   npx tsx bench/ab.ts --op public-page --rounds 4 --duration 10 --connections 50 \
 *     old=http://127.0.0.1:5602/graphql new=http://127.0.0.1:5603/graphql [floor=http://127.0.0.1:5510/graphql]
 *
 * Targets named `floor*` are sent the client's request as is; every other target is a subgraph and
 * gets the request with a fresh gateway assertion (single use, signed before its measurement
 * starts). Needs the environment of a running `npm run bench -- --serve` (DATA_DIR for the keys,
 * LEGAL_PERSON_DATABASE_URL for the seeded data), e.g. copied from a subgraph process it started.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { Random } from '../seeds/random';
import { loadGatewaySigningKey } from '../subgraphs/shared/keys';
import { OPERATIONS } from './operations';
import { measure, cyclingFeed, onceFeed, type Measurement } from './lib/load';
import { ASSERTION_HEADER, signSubgraphRequest } from './lib/subgraph-request';
import type { HttpRequest } from './lib/contenders';

/** The process listening on a URL's port (Linux: ss), or undefined. */
function pidOf(url: string): number | undefined {
  const port = new URL(url).port;
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : undefined;
}

/** CPU seconds (user + system) a process has used so far (Linux: /proc). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const op = OPERATIONS.find((o) => o.id === option('op', 'public-page'));
  if (!op || !op.servedBy || op.caller !== 'anonymous')
    throw new Error('--op must be an anonymous single-subgraph operation');
  const rounds = Number(option('rounds', '4'));
  const seconds = Number(option('duration', '10'));
  const connections = Number(option('connections', '50'));
  const perRun = Number(option('requests', '30000'));
  const targets = process.argv
    .slice(2)
    .filter((a) => /^[\w-]+=http/.test(a))
    .map((a) => ({ name: a.split('=')[0], url: a.slice(a.indexOf('=') + 1) }))
    .map((t) => ({ ...t, pid: pidOf(t.url) }));
  if (targets.length === 0) throw new Error('name=url targets needed');

  const db = new pg.Client({ connectionString: process.env.LEGAL_PERSON_DATABASE_URL });
  await db.connect();
  const rows = await db.query<{ credit_code: string; district_code: string }>(
    'select credit_code, district_code from organization order by credit_code',
  );
  await db.end();
  const data = {
    organizations: rows.rows.map((r) => ({ creditCode: r.credit_code, districtCode: r.district_code })),
    representatives: [],
  };
  const random = new Random(`ab-${Date.now()}`);
  const key = await loadGatewaySigningKey();

  const prepare = async (floor: boolean): Promise<HttpRequest[]> => {
    const out: HttpRequest[] = [];
    for (let i = 0; i < perRun; i += 1) {
      const body = { query: op.query, operationName: op.operationName, variables: op.draw(data, random).variables };
      if (floor) {
        out.push({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        continue;
      }
      const caller = {
        identity: null,
        purpose: null,
        requestId: randomUUID(),
        operationName: op.operationName,
        via: null,
      };
      out.push({
        headers: {
          'content-type': 'application/json',
          [ASSERTION_HEADER]: await signSubgraphRequest(key, op.servedBy!, caller, body),
        },
        body: JSON.stringify(body),
      });
    }
    return out;
  };

  // The targets must answer alike (the floor included: the same bytes), or the comparison means nothing.
  for (let i = 0; i < 20; i += 1) {
    const variables = op.draw(data, random).variables;
    const answers: string[] = [];
    for (const t of targets) {
      const body = { query: op.query, operationName: op.operationName, variables };
      const caller = {
        identity: null,
        purpose: null,
        requestId: randomUUID(),
        operationName: op.operationName,
        via: null,
      };
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (!t.name.startsWith('floor'))
        headers[ASSERTION_HEADER] = await signSubgraphRequest(key, op.servedBy!, caller, body);
      const response = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify(body) });
      answers.push(`${response.status} ${await response.text()}`);
    }
    const differing = targets.filter((_, j) => answers[j] !== answers[0]);
    if (differing.length > 0) {
      throw new Error(
        `${differing.map((t) => t.name).join(', ')} answered differently from ${targets[0].name}:\n${answers.join('\n')}`,
      );
    }
  }
  console.log('the targets answer 20 drawn requests alike');

  // Warm-up: 3 s each.
  for (const t of targets) {
    const floor = t.name.startsWith('floor');
    await measure({
      url: t.url,
      connections,
      seconds: 3,
      feed: floor ? cyclingFeed(await prepare(true)) : onceFeed(await prepare(false)),
    });
  }
  const results = new Map<string, Measurement[]>(targets.map((t) => [t.name, []]));
  const cpuPerRequest = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r += 1) {
    const order = r % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const floor = t.name.startsWith('floor');
      const feed = floor ? cyclingFeed(await prepare(true)) : onceFeed(await prepare(false));
      const cpuBefore = cpuSeconds(t.pid);
      const m = await measure({ url: t.url, connections, seconds, feed });
      const cpu = (cpuSeconds(t.pid) - cpuBefore) / (m.ok + m.failed);
      results.get(t.name)!.push(m);
      cpuPerRequest.get(t.name)!.push(cpu);
      console.log(
        `round ${r + 1} ${t.name.padEnd(8)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(0)} p99 ${m.p99.toFixed(0)} ms` +
          `  server CPU ${(cpu * 1e6).toFixed(0)} µs/request` +
          `  failed ${m.failed}${m.repeated ? ` repeated ${m.repeated}` : ''}${m.failures.length ? ` ${m.failures[0]}` : ''}`,
      );
    }
  }
  const [base] = targets;
  for (const t of targets) {
    const rps = results.get(t.name)!.map((m) => m.rps);
    const ratios = rps.map((v, i) => v / results.get(base.name)![i].rps);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `${t.name.padEnd(8)} median ${median(rps).toFixed(0)} req/s; per-round ratio to ${base.name}: ` +
        `${ratios.map((x) => x.toFixed(2)).join(' ')} (median ${median(ratios).toFixed(2)}); ` +
        `server CPU per request median ${(median(cpuPerRequest.get(t.name)!) * 1e6).toFixed(0)} µs`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
