import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../scripts/lib/embedded-postgres';

/**
 * The embedded PostgreSQL listens on TCP only, so nothing of it lands in the machine's shared
 * temporary folder: two instances run side by side, and a socket lock file that someone else left
 * in /tmp under the same port cannot stop one from starting.
 */

const folders: string[] = [];
const handles: EmbeddedPostgresHandle[] = [];

afterAll(async () => {
  for (const handle of handles) await handle.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function start(port: number): Promise<EmbeddedPostgresHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'gov-graph-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, which must enter it
  folders.push(dir);
  const handle = await startEmbeddedPostgres({
    dir: join(dir, 'postgres'),
    port,
    password: randomBytes(12).toString('base64url'),
    logFile: join(dir, 'postgres.log'),
  });
  handles.push(handle);
  return handle;
}

async function serverPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
  } finally {
    await client.end();
  }
}

it('starts despite a socket lock for its port held in /tmp by another process, and leaves nothing there', async () => {
  const port = await freePort();
  const lock = `/tmp/.s.PGSQL.${port}.lock`;
  // What another PostgreSQL on this port (in another network namespace or container sharing /tmp)
  // leaves behind: a lock naming a live process (PID 1 always is).
  writeFileSync(lock, '1\n/var/lib/postgresql/data\n');
  try {
    const handle = await start(port);
    expect(await serverPid(handle.url)).toBeGreaterThan(0);
    expect(existsSync(`/tmp/.s.PGSQL.${port}`)).toBe(false);
  } finally {
    rmSync(lock, { force: true });
  }
}, 120_000);

it('runs two instances side by side, each with its own data', async () => {
  const [a, b] = await Promise.all([freePort().then(start), freePort().then(start)]);
  const write = async (url: string, value: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create table side (value text)');
    await client.query('insert into side values ($1)', [value]);
    await client.end();
  };
  await Promise.all([write(a.url, 'a'), write(b.url, 'b')]);
  for (const [handle, value] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    expect((await client.query('select value from side')).rows).toEqual([{ value }]);
    await client.end();
  }
}, 120_000);
