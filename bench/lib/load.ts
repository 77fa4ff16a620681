import autocannon from 'autocannon';
import type { HttpRequest } from './contenders';
import { cpuPerAnswerByLabel, everyProcessCpu, machineCpuSeconds, processCpuSeconds, residentBytes } from './processes';

/**
 * One measurement with autocannon: N connections, each sending the next request as soon as the
 * previous one is answered (no pipelining), for a fixed time. Every response is checked: a non-2xx
 * status, a body without data or with `errors`, a connection error or a timeout is a failure,
 * counted and reported beside the figures, never silently timed as a success.
 */

/** The requests one measurement sends, in turn. */
export interface RequestFeed {
  next(): HttpRequest;
  /** Requests that had to repeat an already-sent one because the prepared ones ran out. */
  readonly repeated: number;
}

/** Cycles through prepared requests (for contenders that may receive the same request twice). */
export function cyclingFeed(requests: HttpRequest[]): RequestFeed {
  if (requests.length === 0) throw new Error('cyclingFeed: no requests');
  let i = -1;
  return {
    next: () => requests[(i = (i + 1) % requests.length)],
    repeated: 0,
  };
}

/**
 * Sends each prepared request once (single-use assertions); if they run out, repeats the last and
 * counts it, so a measurement that outran its preparation says so.
 */
export function onceFeed(requests: HttpRequest[]): RequestFeed {
  if (requests.length === 0) throw new Error('onceFeed: no requests');
  let i = -1;
  let repeated = 0;
  return {
    next: () => {
      if (i + 1 >= requests.length) {
        repeated += 1;
        return requests[requests.length - 1];
      }
      return requests[(i += 1)];
    },
    get repeated() {
      return repeated;
    },
  };
}

export interface Measurement {
  connections: number;
  seconds: number;
  /** Answered correctly. */
  ok: number;
  /** Non-2xx, GraphQL errors or no data, connection errors and timeouts. */
  failed: number;
  /** Successful requests per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Peak resident memory of the serving process during the measurement, bytes. */
  peakRss: number | null;
  /**
   * CPU time per correct answer, milliseconds: of every process on the machine (the load
   * generator, PostgreSQL, every service) and of the serving process alone. On a machine whose
   * cores are all busy, the first is what bounds throughput: cores × 1000 / it is the most req/s
   * the whole stack can answer, whatever each part's latency.
   */
  cpuPerRequest: { machine: number | null; server: number | null };
  /**
   * The same CPU time per correct answer split by process, as the bench names them (the gateway,
   * each subgraph, each registry's PostgreSQL backends, the load generator, other), largest first;
   * empty when not asked for or not on Linux.
   */
  cpuByProcess: { label: string; ms: number }[];
  /** What went wrong, when something did: the first failure of each kind. */
  failures: string[];
  /** Requests repeated because the prepared ones ran out (see onceFeed). */
  repeated: number;
}

/**
 * Of several measurements of one contender at one connection count, the one with the median req/s
 * (the lower of the middle two for an even count). A measurement with failures is returned instead,
 * so that no failure is hidden behind a median.
 */
export function medianByThroughput(measurements: Measurement[]): Measurement {
  if (measurements.length === 0) throw new Error('medianByThroughput needs at least one measurement');
  const failing = measurements.find((m) => m.failed > 0 || m.repeated > 0);
  if (failing) return failing;
  const sorted = [...measurements].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** A correct answer: HTTP 2xx and a body with data and no errors. */
export function isSuccess(status: number, body: string): boolean {
  // Any `"errors":` in a body is the key itself: a quote inside a JSON string value is escaped.
  return status >= 200 && status < 300 && body.includes('"data":{') && !body.includes('"errors":');
}

/** The q-quantile (0..1) of sorted values, by the nearest-rank method. */
export function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export async function measure(options: {
  url: string;
  connections: number;
  seconds: number;
  feed: RequestFeed;
  /** Process whose resident memory to sample. */
  pid?: number;
  /** Names every process on the machine, to split CPU per answer by process (see cpuByProcess). */
  labelProcess?: (pid: number, command: string) => string;
}): Promise<Measurement> {
  let ok = 0;
  let failed = 0;
  const failures = new Map<string, string>();
  const latencies: number[] = [];
  let peakRss: number | null = null;
  const sampleRss = () => {
    const rss = residentBytes(options.pid);
    if (rss !== null && (peakRss === null || rss > peakRss)) peakRss = rss;
  };
  sampleRss();
  const sampler = setInterval(sampleRss, 200);
  const everyBefore = options.labelProcess ? everyProcessCpu('last') : null;
  const machineBefore = machineCpuSeconds();
  const serverBefore = processCpuSeconds(options.pid);

  const noteFailure = (kind: string, detail: string) => {
    if (!failures.has(kind)) failures.set(kind, detail.length > 300 ? `${detail.slice(0, 300)}…` : detail);
  };

  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: options.url,
          connections: options.connections,
          duration: options.seconds,
          pipelining: 1,
          timeout: 10,
          method: 'POST',
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const next = options.feed.next();
                return { ...request, headers: next.headers, body: next.body };
              },
              onResponse: (status: number, body: string) => {
                if (isSuccess(status, body)) {
                  ok += 1;
                } else {
                  failed += 1;
                  noteFailure(`HTTP ${status}`, `HTTP ${status}: ${body}`);
                }
              },
            },
          ],
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
      });
      instance.on('reqError', (error: Error) => noteFailure(`error ${error.message}`, error.message));
    });
    const machineAfter = machineCpuSeconds();
    const serverAfter = processCpuSeconds(options.pid);
    const everyAfter = everyBefore ? everyProcessCpu('first') : null;
    const perAnswer = (before: number | null, after: number | null) =>
      before === null || after === null || ok === 0 ? null : ((after - before) * 1000) / ok;
    // Connection errors and timeouts get no response (and so no onResponse).
    failed += result.errors;
    const sorted = Float64Array.from(latencies).sort();
    return {
      connections: options.connections,
      seconds: result.duration,
      ok,
      failed,
      rps: ok / result.duration,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      peakRss,
      cpuPerRequest: { machine: perAnswer(machineBefore, machineAfter), server: perAnswer(serverBefore, serverAfter) },
      cpuByProcess:
        everyBefore && everyAfter ? cpuPerAnswerByLabel(everyBefore, everyAfter, ok, options.labelProcess!) : [],
      failures: [...failures.values()],
      repeated: options.feed.repeated,
    };
  } finally {
    clearInterval(sampler);
  }
}
