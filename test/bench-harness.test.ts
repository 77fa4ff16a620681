import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST, Kind, parse, visit } from 'graphql';
import { OPERATIONS } from '../bench/operations';
import { parseArgs } from '../bench/lib/args';
import { differences, firstByteDifference, masked } from '../bench/lib/check';
import {
  cyclingFeed,
  isSuccess,
  measure,
  medianByThroughput,
  onceFeed,
  quantile,
  type Measurement,
} from '../bench/lib/load';

/**
 * The benchmark harness's own arithmetic and bookkeeping (npm run bench is not run by the suite):
 * what counts as a success, how failures and latencies are counted, how differences are reported.
 */

const request = { headers: { 'content-type': 'application/json' }, body: '{"query":"{ x }"}' };

describe('what the bench counts as a correct answer', () => {
  it('accepts HTTP 2xx with data and no errors', () => {
    expect(isSuccess(200, '{"data":{"organization":{"name":"x"}}}\n')).toBe(true);
  });

  it('refuses GraphQL errors even with HTTP 200 and partial data', () => {
    expect(isSuccess(200, '{"errors":[{"message":"FORBIDDEN"}],"data":{"person":null}}')).toBe(false);
    expect(isSuccess(200, '{"data":{"person":{"name":null}},"errors":[{"message":"x"}]}')).toBe(false);
  });

  it('refuses non-2xx answers and answers without data', () => {
    expect(isSuccess(500, '{"data":{"x":1}}')).toBe(false);
    expect(isSuccess(401, '{"errors":[{"message":"no"}]}')).toBe(false);
    expect(isSuccess(200, '{"data":null}')).toBe(false);
  });

  it('is not fooled by the word errors inside a value', () => {
    expect(isSuccess(200, '{"data":{"name":"\\"errors\\":[1]"}}')).toBe(true);
  });
});

describe('quantiles', () => {
  it('uses the nearest rank', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.95)).toBe(95);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile(Float64Array.from([7]), 0.99)).toBe(7);
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('request feeds', () => {
  it('cycles through prepared requests', () => {
    const feed = cyclingFeed([
      { headers: {}, body: 'a' },
      { headers: {}, body: 'b' },
    ]);
    expect([1, 2, 3].map(() => feed.next().body)).toEqual(['a', 'b', 'a']);
    expect(feed.repeated).toBe(0);
  });

  it('sends single-use requests once and counts every repeat when they run out', () => {
    const feed = onceFeed([
      { headers: {}, body: 'a' },
      { headers: {}, body: 'b' },
    ]);
    expect([1, 2, 3, 4].map(() => feed.next().body)).toEqual(['a', 'b', 'b', 'b']);
    expect(feed.repeated).toBe(2);
  });
});

describe('a measurement', () => {
  let server: Server;
  let url: string;
  const served = { ok: 0, errors: 0, status500: 0 };

  beforeAll(async () => {
    let n = 0;
    // Every fourth answer carries GraphQL errors, every fourth is HTTP 500, the rest are correct.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const kind = n++ % 4;
        if (kind === 0) {
          served.errors += 1;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no"}],"data":null}');
        } else if (kind === 1) {
          served.status500 += 1;
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"data":{"x":1}}');
        } else {
          served.ok += 1;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"x":1}}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('counts GraphQL errors and non-2xx answers as failures and only correct answers in req/s', async () => {
    const m = await measure({ url, connections: 4, seconds: 1, feed: cyclingFeed([request]) });
    const answered = served.ok + served.errors + served.status500;
    // Requests still in flight when the clock stops are answered by the server but not counted.
    expect(m.ok + m.failed).toBeGreaterThan(answered - 10);
    expect(m.ok + m.failed).toBeLessThanOrEqual(answered);
    expect(Math.abs(m.ok - m.failed)).toBeLessThanOrEqual(10);
    expect(m.ok).toBeGreaterThan(20);
    expect(m.rps).toBeCloseTo(m.ok / m.seconds, 5);
    expect(m.failures.join('\n')).toMatch(/HTTP 200: \{"errors"/);
    expect(m.failures.join('\n')).toMatch(/HTTP 500/);
    expect(m.p50).toBeLessThanOrEqual(m.p95);
    expect(m.p95).toBeLessThanOrEqual(m.p99);
    expect(m.p50).toBeGreaterThan(0);
  });

  it("measures CPU time per correct answer, the machine's and the serving process's", async () => {
    // The server answering is this process (and so is the load generator), so its CPU per answer
    // is real work, and the machine's, which counts every process, is at least about as much.
    const m = await measure({ url, connections: 4, seconds: 1, feed: cyclingFeed([request]), pid: process.pid });
    const { machine, server } = m.cpuPerRequest;
    expect(server).toBeGreaterThan(0);
    expect(machine).toBeGreaterThan(0);
    // Both are counted in 10 ms ticks; allow one tick of difference over the whole measurement.
    expect(machine!).toBeGreaterThanOrEqual(server! - 10 / m.ok);
  });

  it('splits CPU time per answer by process, as the labeller names them', async () => {
    const labels = new Set<string>();
    const m = await measure({
      url,
      connections: 4,
      seconds: 1,
      feed: cyclingFeed([request]),
      pid: process.pid,
      labelProcess: (pid, command) => {
        const name = pid === process.pid ? 'server' : command.startsWith('postgres') ? 'database' : 'other';
        labels.add(name);
        return name;
      },
    });
    const server = m.cpuByProcess.find((part) => part.label === 'server');
    // This process is the server: its part is its own CPU per answer without the reading of /proc
    // (milliseconds of its CPU on a busy machine), read a moment before and after the server's
    // figure: a 10 ms tick at either end at most.
    expect(Math.abs(server!.ms - m.cpuPerRequest.server!)).toBeLessThanOrEqual(20 / m.ok + 1e-9);
    for (const part of m.cpuByProcess) expect(labels).toContain(part.label);
    const ordered = m.cpuByProcess.map((part) => part.ms);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    // Without a labeller there is no split.
    const plain = await measure({ url, connections: 2, seconds: 1, feed: cyclingFeed([request]) });
    expect(plain.cpuByProcess).toEqual([]);
  });

  it('counts connections that fail as failures', async () => {
    const m = await measure({
      url: 'http://127.0.0.1:1/graphql',
      connections: 2,
      seconds: 1,
      feed: cyclingFeed([request]),
    });
    expect(m.ok).toBe(0);
    expect(m.rps).toBe(0);
    expect(m.failed).toBeGreaterThan(0);
    expect(m.cpuPerRequest).toEqual({ machine: null, server: null });
  });
});

describe('comparing answers', () => {
  it('names the path and both values of each difference', () => {
    const expected = { data: { page: { edges: [{ name: 'a' }, { name: 'b' }], total: 2 } } };
    const actual = { data: { page: { edges: [{ name: 'a' }, { name: 'c' }], extra: 1 } } };
    expect(differences(expected, actual)).toEqual([
      'data.page.edges[1].name: expected "b", got "c"',
      'data.page.total: missing (expected 2)',
      'data.page.extra: not expected, got 1',
    ]);
  });

  it('reports lists of different lengths', () => {
    expect(differences({ a: [1, 2] }, { a: [1] })).toEqual(['a: 2 items expected, 1 got']);
  });

  it('masks volatile properties at any depth, and only those', () => {
    const value = { records: [{ at: '2026-01-01', who: 'x' }], at: 1 };
    expect(masked(value, ['at'])).toEqual({ records: [{ at: '<varies>', who: 'x' }], at: '<varies>' });
    expect(
      differences(masked({ r: [{ at: 1, who: 'x' }] }, ['at']), masked({ r: [{ at: 2, who: 'y' }] }, ['at'])),
    ).toEqual(['r[0].who: expected "x", got "y"']);
  });

  it('shows where bytes first differ, whitespace included', () => {
    expect(firstByteDifference('{"a":1}\n', '{"a":1}')).toBe(
      'at character 7 of 8 (gateway) / 7 (floor): gateway "{\\"a\\":1}\\n", floor "{\\"a\\":1}"',
    );
  });
});

describe('rounds', () => {
  const measured = (rps: number, failed = 0): Measurement =>
    ({ rps, failed, repeated: 0, p99: rps / 10 }) as unknown as Measurement;

  it('reports the measurement with the median throughput, whole', () => {
    const rounds = [measured(300), measured(100), measured(200)];
    expect(medianByThroughput(rounds)).toBe(rounds[2]);
    // An even count takes the lower of the middle two.
    expect(medianByThroughput([measured(4), measured(1), measured(3), measured(2)]).rps).toBe(2);
    expect(medianByThroughput([rounds[0]])).toBe(rounds[0]);
  });

  it('never hides a round with failures behind the median', () => {
    const rounds = [measured(300), measured(100, 5), measured(200)];
    expect(medianByThroughput(rounds)).toBe(rounds[1]);
  });
});

describe('bench options', () => {
  const known = { operations: OPERATIONS.map((op) => op.id), contenders: ['floor', 'gateway'] };

  it('has a quick mode and sensible defaults for a real run', () => {
    const quick = parseArgs(['--quick'], {}, known);
    const real = parseArgs([], {}, known);
    if (quick === 'help' || real === 'help') throw new Error('unexpected help');
    expect(quick.duration).toBeLessThan(real.duration);
    expect(real.connections).toEqual([1, 10, 50]);
    expect(real.people).toBeGreaterThanOrEqual(100_000);
  });

  it('takes a folder for CPU profiles with --profile, and none by default', () => {
    const profiled = parseArgs(['--profile', '/tmp/profiles'], {}, known);
    const plain = parseArgs([], {}, known);
    if (profiled === 'help' || plain === 'help') throw new Error('unexpected help');
    expect(profiled.profile).toBe('/tmp/profiles');
    expect(plain.profile).toBeUndefined();
    expect(() => parseArgs(['--profile'], {}, known)).toThrow(/--profile needs a folder/);
  });

  it('measures once by default, and --rounds times when asked', () => {
    const plain = parseArgs([], {}, known);
    const steady = parseArgs(['--rounds', '3'], {}, known);
    if (plain === 'help' || steady === 'help') throw new Error('unexpected help');
    expect(plain.rounds).toBe(1);
    expect(steady.rounds).toBe(3);
    expect(() => parseArgs(['--rounds', '0'], {}, known)).toThrow(/--rounds 0 must be a whole number greater than 0/);
  });

  it('names what it does not know', () => {
    expect(() => parseArgs(['--operations', 'public-page,dossier'], {}, known)).toThrow(/unknown dossier; choose from/);
    expect(() => parseArgs(['--duration', 'x'], {}, known)).toThrow(/--duration x must be a number/);
    expect(() => parseArgs(['--frobnicate'], {}, known)).toThrow(/unknown argument --frobnicate/);
  });
});

describe('the operations', () => {
  it('use variables rather than inlined literals and have unique ids', () => {
    expect(new Set(OPERATIONS.map((op) => op.id)).size).toBe(OPERATIONS.length);
    for (const op of OPERATIONS) {
      const document = parse(op.query);
      const literals: string[] = [];
      visit(document, {
        Argument(node) {
          if (node.value.kind !== Kind.VARIABLE) literals.push(`${op.id}: ${node.name.value}`);
        },
      });
      expect(literals).toEqual([]);
      expect(getOperationAST(document)?.name?.value).toBe(op.operationName);
    }
  });
});
