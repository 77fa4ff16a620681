import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';

/**
 * One PostgreSQL for the whole test run: the server DATABASE_URL names, or else a fresh embedded
 * PostgreSQL in a temporary folder. Test files create their own databases on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gov-graph-test-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  chmodSync(dir, 0o755);
  const started = Date.now();
  const handle = await startEmbeddedPostgres({
    dir: join(dir, 'postgres'),
    port: await freePort(),
    password: randomBytes(12).toString('base64url'),
    logFile: join(dir, 'postgres.log'),
  });
  process.stdout.write(`\nembedded PostgreSQL ready in ${Date.now() - started} ms (${dir})\n`);
  process.env.TEST_DATABASE_URL = handle.url;
  (globalThis as Record<string, unknown>).__testPostgres = { handle, dir };
}

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
