import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

/**
 * The processes the bench starts: each its own process group (so Ctrl-C reaches only the bench,
 * which then stops them in order), with its output in a log file, and an IPC channel so that it
 * stops if the bench dies. Ready when it says so over IPC (`{ ready: true }`, what every gov-graph
 * service sends) or, for a peer that does not speak that protocol, when a URL answers 200.
 */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** What people call it in messages: "the gateway", "Hive Gateway". */
  name: string;
  /** Entry point: a .ts file (run with tsx) or a .js file. */
  file: string;
  args?: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  logFile: string;
  /** Node options, e.g. ['--import', 'tsx']. */
  execArgv?: string[];
  /** Poll this URL until it answers 200 instead of waiting for an IPC ready message. */
  readyUrl?: string;
  /** How long start-up may take. */
  timeoutMs?: number;
}

/** A process that failed to start: the message names it and carries the end of its log. */
export class StartError extends Error {}

export async function startProcess(options: StartOptions): Promise<BenchProcess> {
  const out = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = fork(options.file, options.args ?? [], {
      cwd: options.cwd,
      execArgv: options.execArgv ?? [],
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', out, out, 'ipc'],
      detached: true,
    });
  } finally {
    closeSync(out);
  }
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
  );
  const handle: BenchProcess = {
    name: options.name,
    child,
    logFile: options.logFile,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Every process the bench starts stops when its IPC channel closes (gov-graph's services,
      // the floor, and the peers through their config); the open channel would otherwise keep
      // a peer alive after it has stopped serving.
      if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const timeoutMs = options.timeoutMs ?? 120_000;
  const failed = (why: string) => new StartError(`${options.name} did not start: ${why}.\n${logTail(options.logFile)}`);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(failed(`not ready after ${timeoutMs / 1000} s`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      void exited.then((how) => {
        clearTimeout(timer);
        reject(failed(`it exited during start-up (${how})`));
      });
      if (options.readyUrl) {
        void pollUntilOk(options.readyUrl, () => child.exitCode === null && child.signalCode === null).then(
          (ok) => ok && done(),
        );
      } else {
        child.on('message', (message: { ready?: boolean }) => {
          if (message?.ready) done();
        });
      }
    });
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

async function pollUntilOk(url: string, alive: () => boolean): Promise<boolean> {
  while (alive()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** The last lines of a log file, indented, for an error message. */
export function logTail(file: string, lines = 30): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return `(no log at ${file})`;
  }
  const tail = text.trimEnd().split('\n').slice(-lines);
  if (tail.length === 0 || (tail.length === 1 && tail[0] === '')) return `Its log (${file}) is empty.`;
  return `Last lines of its log (${file}):\n${tail.map((line) => `  │ ${line}`).join('\n')}`;
}

/** Resident set size of a process in bytes (Linux /proc), or null when it cannot be read. */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time, in seconds, from Linux's /proc (null elsewhere or when it cannot be read). The kernel
 * counts in USER_HZ ticks, 100 per second on every Linux Node runs on.
 */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user and system), seconds. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU time every process on the machine has used so far, all cores together, seconds: user,
 * nice, system, irq and softirq (not idle, I/O wait or time stolen by the hypervisor).
 */
export function machineCpuSeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Every process's CPU time so far (seconds) and command line, by pid (Linux /proc; empty elsewhere).
 * Reading them all costs this process milliseconds of CPU; `self` says when to read this process
 * itself: 'last' for a snapshot before a measurement, 'first' for one after it, so that its own
 * figure covers the measurement without the reading.
 */
export function everyProcessCpu(self: 'first' | 'last'): Map<number, { seconds: number; command: string }> {
  const out = new Map<number, { seconds: number; command: string }>();
  const read = (pid: number) => {
    const seconds = processCpuSeconds(pid);
    if (seconds === null) return; // exited meanwhile
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      // exited meanwhile
    }
    out.set(pid, { seconds, command });
  };
  if (self === 'first') read(process.pid);
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    // not Linux
  }
  for (const entry of entries) {
    if (/^\d+$/.test(entry) && Number(entry) !== process.pid) read(Number(entry));
  }
  if (self === 'last') read(process.pid);
  return out;
}

/**
 * CPU milliseconds per answer by what `labelOf` calls each process, from two everyProcessCpu
 * snapshots around a measurement, largest first. A process that started in between counts from zero.
 */
export function cpuPerAnswerByLabel(
  before: Map<number, { seconds: number; command: string }>,
  after: Map<number, { seconds: number; command: string }>,
  answers: number,
  labelOf: (pid: number, command: string) => string,
): { label: string; ms: number }[] {
  if (answers === 0 || after.size === 0) return [];
  const totals = new Map<string, number>();
  for (const [pid, now] of after) {
    const used = now.seconds - (before.get(pid)?.seconds ?? 0);
    if (used <= 0) continue;
    const label = labelOf(pid, now.command || before.get(pid)?.command || '');
    totals.set(label, (totals.get(label) ?? 0) + used);
  }
  return [...totals].map(([label, seconds]) => ({ label, ms: (seconds * 1000) / answers })).sort((a, b) => b.ms - a.ms);
}
