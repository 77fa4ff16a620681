/**
 * `npm run bench:statistics [-- --people 1000000 --queries 300]`: how fast statistics tables are
 * over a city-sized population. Builds the in-memory columns for that many residents and a tenth
 * as many enterprises (random categories, random record keys), then asks random tables of three
 * dimensions (a third of them with a filter) exactly as the `statistics` query does (catalogue
 * check, one pass over the columns, suppression, dominance, cell-key perturbation), and prints
 * the latencies. Not a test: figures depend on the machine (the README has this machine's).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { DIMENSIONS, MEASURES, type Population } from '../subgraphs/statistics/catalogue';
import { checkQuery, computeTable, type PopulationColumns, type StatisticsData } from '../subgraphs/statistics/tables';
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const people = option('people', 1_000_000);
  const queries = option('queries', 300);
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
  const personDimensions = DIMENSIONS.filter((d) => d.population === 'PERSON');
  const personMeasures = MEASURES.filter((m) => m.population === 'PERSON');
  const times: number[] = [];
  const cpu: number[] = [];
  let cells = 0;
  for (let q = 0; q < queries; q += 1) {
    const chosen = [...personDimensions].sort(() => Math.random() - 0.5).slice(0, 3);
    const measure = personMeasures[q % personMeasures.length];
    const filter =
      q % 3 === 0
        ? [{ dimension: 'gender', values: ['FEMALE'] }]
        : q % 3 === 1
          ? [{ dimension: 'district', values: ['510104', '510107', '510116'] }]
          : [];
    started = performance.now();
    const cpuStarted = process.cpuUsage();
    const table = computeTable(
      data,
      checkQuery(
        measure.name,
        chosen.map((d) => d.name),
        filter,
      ),
      DEFAULT_DISCLOSURE,
    );
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

main();
