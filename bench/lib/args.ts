import { DEFAULT_PORT_BASE } from './config';

/** How a bench run was asked for: `npm run bench -- [options]`. */
export interface BenchArgs {
  /** Seconds measured per contender, operation and connection count. */
  duration: number;
  /** Seconds of unmeasured load before a contender's first measurement of an operation. */
  warmup: number;
  connections: number[];
  /**
   * Measurements per contender at each connection count, contenders taking turns; the one with the
   * median throughput is reported (one machine's drift then moves no ratio alone).
   */
  rounds: number;
  people: number;
  /** Operation ids to run (all when empty). */
  operations: string[];
  /** Contender ids to run (all when empty). */
  contenders: string[];
  portBase: number;
  quick: boolean;
  /** Start everything, check it, print where it is, and wait for Ctrl-C (for profiling by hand). */
  serve: boolean;
  /** Write a V8 CPU profile of the gateway and every subgraph into this folder when they stop. */
  profile?: string;
}

export const DEFAULTS = {
  duration: 10,
  warmup: 5,
  connections: [1, 10, 50],
  rounds: 1,
  people: 100_000,
} as const;

const QUICK = { duration: 2, warmup: 1 } as const;

export function usage(operationIds: string[], contenderIds: string[]): string {
  return `usage: npm run bench -- [options]

Starts PostgreSQL, seeds it, starts the product, the floor and the peer gateways, checks that they
all answer every operation alike, then measures each with autocannon and writes a Markdown table
to bench/results/.

  --quick              check the harness: ${QUICK.duration} s per measurement, ${QUICK.warmup} s warm-up
  --duration S         seconds measured per contender, operation and connection count (default ${DEFAULTS.duration})
  --warmup S           seconds of load before measuring a contender on an operation (default ${DEFAULTS.warmup})
  --connections 1,10,50  concurrent connections to measure at (default ${DEFAULTS.connections.join(',')})
  --rounds N           measure each contender N times at each connection count, in turns, and report the
                       measurement with the median req/s (default ${DEFAULTS.rounds}; 3 steadies ratios on a noisy machine)
  --people N           people to seed (at least 100000 for a real run; organizations are a tenth; default ${DEFAULTS.people})
  --operations a,b     only these operations: ${operationIds.join(', ')}
  --contenders a,b     only these contenders: ${contenderIds.join(', ')}
                       (the gateway is always included: the check compares everyone with it)
  --port-base N        ports N..N+29 (default ${DEFAULT_PORT_BASE}, or BENCH_PORT_BASE): gateway N, subgraphs N+1,
                       N+2, N+6, floor N+10, Hive Gateway N+20 and N+21, PostgreSQL N+29
  --serve              start and check everything, print the URLs, and wait for Ctrl-C (no measuring)
  --profile DIR        write a CPU profile (.cpuprofile, for Chrome DevTools or speedscope) of the gateway
                       and of every subgraph into DIR when the bench stops them
  --help               this text`;
}

export class ArgsError extends Error {}

function positiveNumber(flag: string, raw: string | undefined, { integer = false, min = 0 } = {}): number {
  if (raw === undefined || raw.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= min || (integer && !Number.isInteger(value))) {
    throw new ArgsError(`${flag} ${raw} must be a ${integer ? 'whole ' : ''}number greater than ${min}`);
  }
  return value;
}

function list(flag: string, raw: string | undefined, known: string[]): string[] {
  if (raw === undefined || raw.startsWith('--')) throw new ArgsError(`${flag} needs a comma-separated list`);
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) {
    throw new ArgsError(`${flag}: unknown ${unknown.join(', ')}; choose from ${known.join(', ')}`);
  }
  return items;
}

export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  known: { operations: string[]; contenders: string[] },
): BenchArgs | 'help' {
  const args: BenchArgs = {
    duration: DEFAULTS.duration,
    warmup: DEFAULTS.warmup,
    connections: [...DEFAULTS.connections],
    rounds: DEFAULTS.rounds,
    people: DEFAULTS.people,
    operations: [],
    contenders: [],
    portBase: env.BENCH_PORT_BASE
      ? positiveNumber('BENCH_PORT_BASE', env.BENCH_PORT_BASE, { integer: true })
      : DEFAULT_PORT_BASE,
    quick: false,
    serve: false,
  };
  let duration: number | undefined;
  let warmup: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--quick':
        args.quick = true;
        break;
      case '--serve':
        args.serve = true;
        break;
      case '--duration':
        duration = positiveNumber(flag, value());
        break;
      case '--warmup':
        warmup = positiveNumber(flag, value(), { min: -1 });
        break;
      case '--connections':
        args.connections = value()
          ?.split(',')
          .map((raw) => positiveNumber(flag, raw.trim(), { integer: true })) as number[];
        if (!args.connections) throw new ArgsError('--connections needs a value such as 1,10,50');
        break;
      case '--rounds':
        args.rounds = positiveNumber(flag, value(), { integer: true });
        break;
      case '--people':
        args.people = positiveNumber(flag, value(), { integer: true });
        break;
      case '--operations':
        args.operations = list(flag, value(), known.operations);
        break;
      case '--contenders':
        args.contenders = list(flag, value(), known.contenders);
        break;
      case '--profile': {
        const dir = value();
        if (dir === undefined || dir.startsWith('--')) throw new ArgsError(`${flag} needs a folder`);
        args.profile = dir;
        break;
      }
      case '--port-base':
        args.portBase = positiveNumber(flag, value(), { integer: true });
        break;
      default:
        throw new ArgsError(`unknown argument ${argv[i]}`);
    }
  }
  args.duration = duration ?? (args.quick ? QUICK.duration : DEFAULTS.duration);
  args.warmup = warmup ?? (args.quick ? QUICK.warmup : DEFAULTS.warmup);
  if (args.portBase + 29 > 65535) throw new ArgsError(`--port-base ${args.portBase} leaves no room for 30 ports`);
  return args;
}
