import { fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../subgraphs/shared/config';

export interface EmbeddedPostgresHandle {
  /** Server URL (the `postgres` maintenance database). */
  url: string;
  /** The process that runs and watches the server. */
  pid: number | undefined;
  /**
   * Resolves when the server has stopped, saying how: after stop(), or on its own (killed,
   * crashed), with its last messages.
   */
  ended: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL in a child process (scripts/embedded-postgres.ts) and resolves
 * once it accepts connections. Initialises the cluster on first use.
 */
export function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  logFile?: string;
  onStatus?: (status: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const child = fork(join(REPO_ROOT, 'scripts', 'embedded-postgres.ts'), [], {
    execArgv: ['--import', 'tsx'],
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      EMBEDDED_PG_DIR: options.dir,
      EMBEDDED_PG_PORT: String(options.port),
      EMBEDDED_PG_PASSWORD: options.password,
      EMBEDDED_PG_LOG: options.logFile ?? '',
    },
    // Its own process group: Ctrl-C in a terminal reaches the launcher, which stops this last.
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let ending: string | undefined;
  // 'close', not 'exit': it comes after the IPC channel has closed, so after the `ended` message.
  const ended = new Promise<string>((resolve) =>
    child.once('close', (code, signal) =>
      resolve(ending ?? (signal ? `its process was killed by ${signal}` : `its process exited with code ${code}`)),
    ),
  );
  return new Promise((resolve, reject) => {
    child.on('message', (message: { ready?: boolean; error?: string; status?: string; ended?: string }) => {
      if (message.status) options.onStatus?.(message.status);
      if (message.error) reject(new Error(message.error));
      if (message.ended) ending = message.ended;
      if (message.ready) {
        resolve({
          url: `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
          pid: child.pid,
          ended,
          stop: async () => {
            ending ??= 'stopped';
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await ended;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited before it was ready (code ${code})`)));
  });
}
