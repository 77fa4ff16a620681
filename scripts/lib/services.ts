import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../subgraphs/shared/config';

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
    execArgv: ['--import', 'tsx'],
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
