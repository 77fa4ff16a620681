import { rmSync } from 'node:fs';
import type { EmbeddedPostgresHandle } from '../../scripts/lib/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__testPostgres as
    { handle: EmbeddedPostgresHandle; dir: string } | undefined;
  if (!started) return;
  await started.handle.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
