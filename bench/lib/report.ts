import type { Operation } from '../operations';
import type { ContenderId } from './contenders';
import type { Measurement } from './load';

/**
 * The results as Markdown: a table per operation (each contender at each connection count), the
 * ratios issue 9 asks for, and each of its goals with the measured figure.
 */

export interface RunResult {
  op: Operation;
  /** "random" (ids drawn at random) or "identical" (one request from every connection). */
  variant: 'random' | 'identical';
  contender: ContenderId;
  title: string;
  measurements: Measurement[];
}

export interface ReportContext {
  command: string;
  startedAt: Date;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  nodeEnv: string;
  logLevel: string;
  people: number;
  organizations: number;
  duration: number;
  warmup: number;
  /** Measurements per contender and connection count, of which the median is shown. */
  rounds: number;
  connections: number[];
  peers: Record<string, string>;
  minutes: number;
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const cpu = (n: number | null) => (n === null ? '–' : n.toFixed(2));
const mb = (bytes: number | null) => (bytes === null ? '–' : `${Math.round(bytes / 1024 / 1024)}`);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;

function label(result: Pick<RunResult, 'op' | 'variant'>): string {
  return result.variant === 'identical' ? `${result.op.id} (identical)` : result.op.id;
}

/** The measurement of a result at a connection count. */
function at(result: RunResult | undefined, connections: number): Measurement | undefined {
  return result?.measurements.find((m) => m.connections === connections);
}

export function renderReport(results: RunResult[], context: ReportContext): string {
  const top = Math.max(...context.connections);
  const lines: string[] = [];
  lines.push(`# gov-graph benchmark, ${context.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  lines.push('');
  lines.push(`- Command: \`${context.command}\``);
  lines.push(
    `- Machine: ${context.cpus} CPUs (${context.cpuModel}), ${context.memoryGb} GB; Node ${context.node}; ` +
      `NODE_ENV ${context.nodeEnv}; LOG_LEVEL ${context.logLevel}`,
  );
  lines.push(
    `- Data: ${int(context.people)} people, ${int(context.organizations)} organizations (embedded PostgreSQL, reset and seeded for this run)`,
  );
  lines.push(
    `- Load: autocannon, ${context.connections.join(' / ')} connections, ${context.duration} s each after a ` +
      `${context.warmup} s warm-up per contender and operation` +
      (context.rounds > 1
        ? `; each contender measured ${context.rounds} times at each connection count, in turns, and the measurement with the median req/s shown`
        : '') +
      '; everything on this one machine',
  );
  const peers = Object.entries(context.peers)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  if (peers) lines.push(`- Peers: ${peers}`);
  lines.push(`- The whole run took ${context.minutes.toFixed(1)} minutes.`);
  lines.push('');
  lines.push(
    'req/s counts only correct answers (HTTP 2xx with data and no errors); latencies in ms over every answer; ' +
      `RSS is the serving process's peak resident memory at ${top} connections. "failed" counts wrong answers, ` +
      'connection errors and timeouts: a row with failures does not measure the intended work. ' +
      '"CPU ms/answer" is the CPU time spent per correct answer by every process on the machine (the load ' +
      'generator, PostgreSQL and every service together) and by the serving process alone: with every core ' +
      `busy, ${context.cpus} × 1000 / the first is the most req/s the stack can answer.`,
  );

  const failing = results.filter((r) => r.measurements.some((m) => m.failed > 0 || m.repeated > 0));
  if (failing.length > 0) {
    lines.push('');
    lines.push('**Failures:**');
    for (const result of failing) {
      for (const m of result.measurements.filter((x) => x.failed > 0 || x.repeated > 0)) {
        const what: string[] = [];
        if (m.failed > 0) what.push(`${int(m.failed)} failed: ${m.failures.join('; ') || 'no detail'}`);
        if (m.repeated > 0) {
          what.push(`${int(m.repeated)} requests reused an assertion (the ones prepared before the run ran out)`);
        }
        lines.push(`- ${label(result)} · ${result.title} · ${m.connections} connections: ${what.join('; ')}`);
      }
    }
  }

  const keys = [...new Set(results.map(label))];
  for (const key of keys) {
    const group = results.filter((r) => label(r) === key);
    const { op, variant } = group[0];
    lines.push('');
    lines.push(`## ${key}`);
    lines.push('');
    lines.push(
      variant === 'identical'
        ? `${op.title}; the same request from every connection.`
        : `${op.title}; a request drawn at random each time.`,
    );
    lines.push('');
    lines.push(
      '| contender | connections | req/s | p50 ms | p95 ms | p99 ms | failed | RSS MB | CPU ms/answer: all / server |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const result of group) {
      for (const m of result.measurements) {
        lines.push(
          `| ${result.title} | ${m.connections} | ${int(m.rps)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ` +
            `${m.failed + m.repeated > 0 ? `**${int(m.failed + m.repeated)}**` : '0'} | ${m.connections === top ? mb(m.peakRss) : ''} | ` +
            `${cpu(m.cpuPerRequest.machine)} / ${cpu(m.cpuPerRequest.server)} |`,
        );
      }
    }
  }

  const split = results
    .map((result) => ({ result, m: at(result, top) }))
    .filter((x) => x.m !== undefined && x.m.cpuByProcess.length > 0);
  if (split.length > 0) {
    lines.push('');
    lines.push(`## Where the CPU went, at ${top} connections`);
    lines.push('');
    lines.push(
      'CPU ms per correct answer of each process on the machine (PostgreSQL by the registry whose database ' +
        'its backends served), largest first; parts under 0.05 ms left out.',
    );
    lines.push('');
    lines.push('| operation | contender | all | by process |');
    lines.push('| --- | --- | ---: | --- |');
    for (const { result, m } of split) {
      const parts = m!.cpuByProcess.filter((p) => p.ms >= 0.05).map((p) => `${p.label} ${p.ms.toFixed(2)}`);
      const all = m!.cpuByProcess.reduce((sum, p) => sum + p.ms, 0);
      lines.push(`| ${label(result)} | ${result.title} | ${all.toFixed(2)} | ${parts.join(' · ')} |`);
    }
  }

  lines.push('');
  lines.push(`## Ratios at ${top} connections`);
  lines.push('');
  lines.push(
    'Throughput ratios (req/s of the first over the second; above 1 the first is faster) and p99 ratios ' +
      '(below 1 the gateway is faster).',
  );
  lines.push('');
  lines.push(
    '| operation | subgraph / floor | gateway / direct | gateway / Hive | gateway / Hive+Rust | p99 gateway / Hive | p99 gateway / Hive+Rust |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const key of keys) {
    const group = results.filter((r) => label(r) === key);
    const of = (id: ContenderId) =>
      at(
        group.find((r) => r.contender === id),
        top,
      );
    const gateway = of('gateway');
    lines.push(
      `| ${key} | ${ratio(of('direct')?.rps, of('floor')?.rps)} | ${ratio(gateway?.rps, of('direct')?.rps)} | ` +
        `${ratio(gateway?.rps, of('hive')?.rps)} | ${ratio(gateway?.rps, of('hive-rust')?.rps)} | ` +
        `${ratio(gateway?.p99, of('hive')?.p99)} | ${ratio(gateway?.p99, of('hive-rust')?.p99)} |`,
    );
  }

  lines.push('');
  lines.push(...goals(results, top));
  return `${lines.join('\n')}\n`;
}

/** Issue 9's goals, each with what this run measured. */
function goals(results: RunResult[], top: number): string[] {
  const find = (opId: string, variant: RunResult['variant'], contender: ContenderId) =>
    at(
      results.find((r) => r.op.id === opId && r.variant === variant && r.contender === contender),
      top,
    );
  const rows: string[] = [];
  const row = (goal: string, measured: string, met: boolean | null) =>
    rows.push(`| ${goal} | ${measured} | ${met === null ? '–' : met ? 'met' : 'not met'} |`);
  const random = results.filter((r) => r.variant === 'random');
  const opIds = [...new Set(random.map((r) => r.op.id))];

  for (const [peer, goal] of [
    ['hive', 1.5],
    ['hive-rust', 0.8],
  ] as const) {
    const ratios = opIds
      .map((id) => ({ id, gateway: find(id, 'random', 'gateway'), peer: find(id, 'random', peer) }))
      .filter((x) => x.gateway && x.peer)
      .map((x) => ({ id: x.id, value: x.gateway!.rps / x.peer!.rps }));
    if (ratios.length === 0) continue;
    const worst = ratios.reduce((a, b) => (b.value < a.value ? b : a));
    row(
      `gateway ≥ ${goal}× ${peer === 'hive' ? 'Hive Gateway' : 'Hive Gateway + Rust'} throughput, every operation`,
      `lowest ${worst.value.toFixed(2)}× (${worst.id})`,
      worst.value >= goal,
    );
  }
  const p99s = opIds
    .map((id) => ({
      id,
      gateway: find(id, 'random', 'gateway')?.p99,
      peers: [find(id, 'random', 'hive')?.p99, find(id, 'random', 'hive-rust')?.p99].filter(
        (p): p is number => p !== undefined,
      ),
    }))
    .filter((x) => x.gateway !== undefined && x.peers.length > 0);
  if (p99s.length > 0) {
    const losing = p99s.filter((x) => x.peers.some((p) => x.gateway! >= p)).map((x) => x.id);
    row(
      'gateway p99 lower than both peers, every operation',
      losing.length === 0 ? 'lower on every operation' : `not lower on ${losing.join(', ')}`,
      losing.length === 0,
    );
  }
  const direct = find('public-page', 'random', 'direct');
  const floor = find('public-page', 'random', 'floor');
  if (direct && floor)
    row('subgraph ≥ 0.5× floor on the public page', ratio(direct.rps, floor.rps), direct.rps / floor.rps >= 0.5);
  const single = opIds.filter((id) => find(id, 'random', 'direct') && find(id, 'random', 'gateway'));
  for (const id of single) {
    const g = find(id, 'random', 'gateway')!;
    const d = find(id, 'random', 'direct')!;
    row(`gateway ≥ 0.5× direct on ${id}`, ratio(g.rps, d.rps), g.rps / d.rps >= 0.5);
  }
  const lookup = find('person-lookup', 'random', 'gateway');
  const page = find('public-page', 'random', 'gateway');
  if (lookup && page) {
    row(
      'officer lookup ≥ 0.8× public page, through the gateway',
      ratio(lookup.rps, page.rps),
      lookup.rps / page.rps >= 0.8,
    );
  }
  const same = find('public-page', 'identical', 'gateway');
  const sameHive = find('public-page', 'identical', 'hive');
  if (same && sameHive) {
    row(
      'identical public page: gateway vs Hive Gateway (shared in-flight fetches)',
      ratio(same.rps, sameHive.rps),
      null,
    );
  }
  const rss = results
    .filter((r) => r.contender === 'gateway')
    .map((r) => ({ key: label(r), bytes: at(r, top)?.peakRss ?? null }))
    .filter((x): x is { key: string; bytes: number } => x.bytes !== null);
  if (rss.length > 0) {
    const peak = rss.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    row(
      `gateway resident memory < 250 MB at ${top} connections`,
      `peak ${mb(peak.bytes)} MB (${peak.key})`,
      peak.bytes < 250 * 1024 * 1024,
    );
  }
  if (rows.length === 0) return [];
  return ['## Goals (issue 9)', '', '| goal | measured | |', '| --- | --- | --- |', ...rows];
}
