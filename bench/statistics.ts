/**
 * `npm run bench:statistics [-- --people 1000000 --queries 300]`: how fast statistics tables are
 * over a city-sized population. Builds the in-memory columns for that many residents and a tenth
 * as many enterprises (random categories, random record keys), then asks random tables of three
 * dimensions (a third of them with a filter) exactly as the `statistics` query does (catalogue
 * check, one pass over the columns, suppression, dominance, cell-key perturbation), and prints
 * the latencies. Not a test: figures depend on the machine (the README has this machine's).
 *
 * `-- --gateway http://localhost:4000/graphql --token <analyst token>` asks the same kind of
 * tables, one at a time, through a running gateway instead, over the extracts it holds (e.g. after
 * `npm run seed -- --people 1000000` and `npm run statistics:refresh`): HTTP, token check, query
 * plan, the statistics subgraph, the table budget's statement. Start that instance with
 * STATISTICS_TABLE_BUDGET=0, or the budget refuses the 201st distinct table.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { DIMENSIONS, MEASURES, type Population } from '../subgraphs/statistics/catalogue';
import {
  checkQuery,
  computeTable,
  type FilterInput,
  type PopulationColumns,
  type StatisticsData,
} from '../subgraphs/statistics/tables';
import { DEFAULT_DISCLOSURE } from '../subgraphs/shared/statistics/disclosure';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} takes a whole number, e.g. --${name} ${fallback}`);
  return value;
}

function columns(population: Population, size: number): PopulationColumns {
  const keys = randomBytes(4 * size);
  const recordKeys = new Uint32Array(size);
  for (let i = 0; i < size; i += 1) recordKeys[i] = keys.readUInt32BE(4 * i);
  const dimensions = new Map<string, Uint8Array>();
  for (const dimension of DIMENSIONS.filter((d) => d.population === population)) {
    const column = new Uint8Array(size);
    const n = dimension.categories.length;
    // Skewed towards the first categories, as real populations are.
    for (let i = 0; i < size; i += 1) column[i] = Math.floor(n * Math.random() ** 1.5);
    dimensions.set(dimension.name, column);
  }
  const magnitudes = new Map<string, Float64Array>();
  for (const measure of MEASURES.filter((m) => m.population === population && m.magnitude)) {
    const column = new Float64Array(size);
    for (let i = 0; i < size; i += 1) column[i] = 1 + Math.floor(Math.random() * 6);
    magnitudes.set(measure.name, column);
  }
  return { size, recordKeys, dimensions, magnitudes };
}

function stringOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** The q-th random table: three resident dimensions, a measure in turn, a filter on two in three. */
function randomTable(q: number): { measure: string; dimensions: string[]; filter: FilterInput[] } {
  const personDimensions = DIMENSIONS.filter((d) => d.population === 'PERSON');
  const personMeasures = MEASURES.filter((m) => m.population === 'PERSON');
  const chosen = [...personDimensions].sort(() => Math.random() - 0.5).slice(0, 3);
  const filter =
    q % 3 === 0
      ? [{ dimension: 'gender', values: ['FEMALE'] }]
      : q % 3 === 1
        ? [{ dimension: 'district', values: ['510104', '510107', '510116'] }]
        : [];
  return { measure: personMeasures[q % personMeasures.length].name, dimensions: chosen.map((d) => d.name), filter };
}

const TABLE_QUERY = `query StatisticsTable($measure: String!, $dimensions: [String!]!, $filter: [StatisticsFilter!]) {
  statistics(measure: $measure, dimensions: $dimensions, filter: $filter) {
    sources { registry asOf records } cells { categories status count sum mean } total { status count }
  }
}`;

async function viaGateway(url: string, token: string, queries: number): Promise<void> {
  const ask = async (q: number) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: TABLE_QUERY, variables: randomTable(q) }),
    });
    const body = (await response.json()) as {
      data?: { statistics: { cells: unknown[]; sources: { registry: string; records: number }[] } };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (!body.data?.statistics || body.errors) {
      throw new Error(`the gateway answered table ${q} with ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    }
    return { ms: performance.now() - started, table: body.data.statistics };
  };
  // The first asks wait for the statistics process to load the extracts, if it has not yet (the
  // gateway gives up on a subgraph after 5 s; the load goes on): retried for up to two minutes.
  const warmUp = performance.now();
  let first: Awaited<ReturnType<typeof ask>> | undefined;
  while (!first) {
    try {
      first = await ask(0);
    } catch (error) {
      if (performance.now() - warmUp > 120_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  const residents = first.table.sources.find((s) => s.registry === 'natural-person')?.records ?? 0;
  console.log(
    `first table after ${(performance.now() - warmUp).toFixed(0)} ms (the extracts loading); ${residents} residents`,
  );
  const times: number[] = [];
  let cells = 0;
  for (let q = 0; q < queries; q += 1) {
    const { ms, table } = await ask(q);
    times.push(ms);
    cells += table.cells.length;
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `${queries} tables of 3 dimensions through the gateway over ${residents} residents ` +
      `(${Math.round(cells / queries)} cells on average): p50 ${ms(percentile(times, 50))}, ` +
      `p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1])}; ` +
      `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const people = option('people', 1_000_000);
  const queries = option('queries', 300);
  const gateway = stringOption('gateway');
  if (gateway) {
    const token = stringOption('token');
    if (!token)
      throw new Error('--gateway needs --token <an analyst token> (npm run token -- --role analyst --dept statistics)');
    await viaGateway(gateway, token, queries);
    return;
  }
  let started = performance.now();
  const data: StatisticsData = {
    populations: {
      PERSON: columns('PERSON', people),
      ORGANIZATION: columns('ORGANIZATION', Math.ceil(people / 10)),
      POSTING: columns('POSTING', Math.ceil(people / 50)),
    },
    sources: [],
    runId: 1,
  };
  console.log(`built columns for ${people} residents in ${Math.round(performance.now() - started)} ms`);
  const times: number[] = [];
  const cpu: number[] = [];
  let cells = 0;
  for (let q = 0; q < queries; q += 1) {
    const { measure, dimensions, filter } = randomTable(q);
    started = performance.now();
    const cpuStarted = process.cpuUsage();
    const table = computeTable(data, checkQuery(measure, dimensions, filter), DEFAULT_DISCLOSURE);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    cells += table.cells.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `${queries} tables of 3 dimensions over ${people} residents (${Math.round(cells / queries)} cells on average): ` +
      `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1])}`,
  );
  // On a busy machine wall-clock time includes waiting for a core; CPU time is the work itself.
  console.log(
    `CPU time per table: p50 ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}, max ${ms(cpu[cpu.length - 1])}; ` +
      `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
