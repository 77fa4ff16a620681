import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../subgraphs/shared/config';
import type { Logger } from '../../subgraphs/shared/logger';
import { GATEWAY_NODE_OPTIONS } from '../../gateway/node-options';

/** Preloaded into every service: starts tracing when an OTLP endpoint is configured, else loads nothing. */
export const TELEMETRY_PRELOAD = join(REPO_ROOT, 'subgraphs', 'shared', 'telemetry', 'register.ts');

/**
 * Node's options for one service: how it loads TypeScript, the telemetry preload (first, so that its
 * instrumentations patch http, express, graphql and pg before they load) and, for the gateway, its
 * V8 heap settings. The gateway loads its TypeScript with tsx's CommonJS hooks alone: everything it
 * loads is CommonJS (or ESM packages, which Node requires itself), and `--import tsx` would also
 * start tsx's ESM loader thread, about 20 MB of the gateway's resident memory for nothing. The
 * subgraphs keep `--import tsx`.
 */
export function serviceExecArgv(name: string, { telemetry = true } = {}): string[] {
  if (name === 'gateway') {
    return ['--require', 'tsx/cjs', ...(telemetry ? ['--require', TELEMETRY_PRELOAD] : []), ...GATEWAY_NODE_OPTIONS];
  }
  return ['--import', 'tsx', ...(telemetry ? ['--import', TELEMETRY_PRELOAD] : [])];
}

/** A service process the launcher started (a subgraph or the gateway). */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts `file` (a .ts entry point) as its own process and resolves once it reports ready.
 * The child gets its own process group, so Ctrl-C reaches only the launcher, which then stops
 * services in order; an IPC channel makes the child stop if the launcher dies.
 */
export function startService(name: string, file: string, env: Record<string, string>): Promise<ServiceProcess> {
  const child = fork(join(REPO_ROOT, file), [], {
    cwd: REPO_ROOT,
    execArgv: serviceExecArgv(name),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: ServiceProcess = {
    name,
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ready?: boolean }) => {
      if (message.ready) resolve(handle);
    });
    void exited.then((code) =>
      reject(new Error(`${name} exited during start-up (code ${code}); see its messages above`)),
    );
  });
}

/** Delays before restarting a crashed service: doubling from `firstMs` up to `maxMs`. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
  /** Up this long after a restart, a service counts as recovered and the delay starts again from firstMs. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/** Something the launcher started and keeps running: a service process, or the embedded PostgreSQL. */
export interface Running {
  /** The process id, for the launcher's log. */
  readonly pid: number | undefined;
  /** Resolves when it has stopped, saying how (`killed by SIGKILL`, `exit code 1`, ...). */
  readonly ended: Promise<string>;
  stop(): Promise<void>;
}

/** A service the launcher keeps running: restarted with backoff when it crashes, until stop(). */
export interface SupervisedService {
  name: string;
  /** The current process id (changes on each restart); undefined while it is being restarted. */
  readonly pid: number | undefined;
  /** How many times it has been restarted. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/**
 * Starts a service and keeps it running. The first start must succeed (a service that cannot start
 * at all has a configuration problem, which no restart fixes). After that, whenever it exits on its
 * own (a crash, `kill -9`, running out of memory), the supervisor says so in its log and restarts
 * it after a delay that doubles with each failed attempt, while the other services keep serving.
 */
export function superviseService(
  name: string,
  file: string,
  env: Record<string, string>,
  log: Logger,
  backoff: Backoff = DEFAULT_BACKOFF,
): Promise<SupervisedService> {
  const start = async (): Promise<Running> => {
    const service = await startService(name, file, env);
    return { pid: service.child.pid, ended: exitOf(service), stop: service.stop };
  };
  return supervise(name, start, log, { backoff, meanwhile: 'the other services keep serving' });
}

/**
 * Starts something with `start` and keeps it running: whenever it ends on its own, says so in the
 * log (with `meanwhile`: what users see until it is back) and starts it again after a delay that
 * doubles with each failed attempt (back to `backoff.firstMs` once it has stayed up
 * `backoff.stableMs`). The first start must succeed. stop() stops it, or a restart under way.
 */
export async function supervise(
  name: string,
  start: () => Promise<Running>,
  log: Logger,
  { backoff = DEFAULT_BACKOFF, meanwhile }: { backoff?: Backoff; meanwhile: string },
): Promise<SupervisedService> {
  let current: Running | undefined = await start();
  let stopping = false;
  let restarts = 0;
  let delay = backoff.firstMs;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let starting: Promise<Running> | undefined;
  log.info({ service: name, childPid: current.pid }, `${name} started`);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const watch = async (running: Running): Promise<void> => {
    let upSince = Date.now();
    let exit = await running.ended;
    while (!stopping) {
      current = undefined;
      if (Date.now() - upSince >= backoff.stableMs) delay = backoff.firstMs;
      log.error(
        { service: name, exit, restartInMs: delay },
        `${name} stopped unexpectedly (${exit}); restarting it in ${(delay / 1000).toFixed(1)} s, ${meanwhile}`,
      );
      await sleep(delay);
      if (stopping) return;
      delay = Math.min(delay * 2, backoff.maxMs);
      restarts += 1;
      try {
        starting = start();
        const next = await starting;
        starting = undefined;
        if (stopping) return; // stop() stops it
        current = next;
        upSince = Date.now();
        log.info({ service: name, childPid: next.pid, restarts }, `${name} is back (restart ${restarts})`);
        exit = await next.ended;
      } catch (error) {
        starting = undefined;
        exit = `it failed to start again: ${(error as Error).message}`;
        upSince = Date.now();
      }
    }
  };
  void watch(current);

  return {
    name,
    get pid() {
      return current?.pid;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      wake?.();
      const pending = starting;
      await current?.stop();
      await pending?.then(
        (next) => next.stop(),
        () => undefined,
      );
    },
  };
}

async function exitOf(service: ServiceProcess): Promise<string> {
  const code = await service.exited;
  const signal = service.child.signalCode;
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}
