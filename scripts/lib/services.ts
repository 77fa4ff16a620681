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
export async function superviseService(
  name: string,
  file: string,
  env: Record<string, string>,
  log: Logger,
  backoff: Backoff = DEFAULT_BACKOFF,
): Promise<SupervisedService> {
  let current: ServiceProcess | undefined = await startService(name, file, env);
  let stopping = false;
  let restarts = 0;
  let delay = backoff.firstMs;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let starting: Promise<ServiceProcess> | undefined;
  log.info({ service: name, childPid: current.child.pid }, `${name} started`);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const watch = async (running: ServiceProcess): Promise<void> => {
    let upSince = Date.now();
    let exit = await exitOf(running);
    while (!stopping) {
      current = undefined;
      if (Date.now() - upSince >= backoff.stableMs) delay = backoff.firstMs;
      log.error(
        { service: name, exit, restartInMs: delay },
        `${name} stopped unexpectedly (${exit}); restarting it in ${(delay / 1000).toFixed(1)} s, the other services keep serving`,
      );
      await sleep(delay);
      if (stopping) return;
      delay = Math.min(delay * 2, backoff.maxMs);
      restarts += 1;
      try {
        starting = startService(name, file, env);
        const next = await starting;
        starting = undefined;
        if (stopping) return; // stop() stops it
        current = next;
        upSince = Date.now();
        log.info({ service: name, childPid: next.child.pid, restarts }, `${name} is back (restart ${restarts})`);
        exit = await exitOf(next);
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
      return current?.child.pid;
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
