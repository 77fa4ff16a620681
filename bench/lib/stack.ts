import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/catalog';
import { REPO_ROOT } from '../../subgraphs/shared/config';
import { ensureDevelopmentKeys } from '../../subgraphs/shared/keys';
import { openDatabaseServer, type DatabaseServer } from '../../scripts/lib/database-server';
import { serviceExecArgv } from '../../scripts/lib/services';
import { BENCH_LOG_DIR } from './config';
import { startProcess, type BenchProcess } from './processes';

/**
 * The product as `npm start` runs it, on the bench's own embedded PostgreSQL and keys: every
 * subgraph and the gateway as separate processes, started in the same order with the same entry
 * points, after the registries are reset and seeded with the project's own seeder.
 */

const TSX = ['--import', 'tsx'];

/** Development keys and the embedded PostgreSQL under the bench's DATA_DIR (set in process.env by the caller). */
export async function openBenchDatabase(say: (line: string) => void): Promise<DatabaseServer> {
  ensureDevelopmentKeys();
  const server = await openDatabaseServer(say);
  if (!server.embedded) {
    // benchEnvironment() removes DATABASE_URL; reaching this means the environment was not applied.
    await server.close();
    throw new Error('The bench must run on its own embedded PostgreSQL, but a DATABASE_URL is in effect');
  }
  return server;
}

/**
 * `npm run seed -- --reset --people N` against the bench's database: drops and recreates both
 * registries (so every run starts from the same data and an empty access log), migrates and loads.
 * Its progress lines are passed to `say`.
 */
export async function seed(people: number, env: Record<string, string>, say: (line: string) => void): Promise<void> {
  const child = spawn(
    process.execPath,
    [...TSX, join(REPO_ROOT, 'scripts', 'seed.ts'), '--reset', '--people', String(people)],
    // Its own progress lines, without the migrator's log lines.
    { cwd: REPO_ROOT, env: { ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      say(line);
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`Seeding the bench database failed (npm run seed exited with code ${code}); its output is above.`);
  }
}

/** Starts every subgraph, then the gateway, as `npm start` does. */
export async function startProduct(
  env: Record<string, string>,
  started: BenchProcess[],
  say: (line: string) => void,
  profileDir?: string,
): Promise<{ subgraphs: Record<SubgraphName, BenchProcess>; gateway: BenchProcess }> {
  mkdirSync(BENCH_LOG_DIR, { recursive: true });
  // V8 writes the profile when the process exits, which it does on the bench's SIGTERM.
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const execArgv = [...TSX, ...profiling];
  const subgraphs = {} as Record<SubgraphName, BenchProcess>;
  for (const name of SUBGRAPH_NAMES) {
    say(`starting the ${name} subgraph`);
    const service = await startProcess({
      name: `the ${name} subgraph`,
      file: join(REPO_ROOT, 'subgraphs', name, 'main.ts'),
      cwd: REPO_ROOT,
      env,
      execArgv,
      logFile: join(BENCH_LOG_DIR, `${name}.log`),
    });
    started.push(service);
    subgraphs[name] = service;
  }
  say('starting the gateway');
  const gateway = await startProcess({
    name: 'the gateway',
    file: join(REPO_ROOT, 'gateway', 'main.ts'),
    cwd: REPO_ROOT,
    env,
    // Loaded and tuned as `npm start` starts it (scripts/lib/services.ts), without the telemetry
    // preload, as the subgraphs here.
    execArgv: [...serviceExecArgv('gateway', { telemetry: false }), ...profiling],
    logFile: join(BENCH_LOG_DIR, 'gateway.log'),
  });
  started.push(gateway);
  return { subgraphs, gateway };
}
