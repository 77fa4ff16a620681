import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../subgraphs/shared/config';

/**
 * Builds the web pages into web/dist when they are not built yet (the first `npm start`), so the
 * gateway serves them at `/`. Vite is a development dependency: an installation without it
 * (`npm ci --omit=dev`) needs web/dist built elsewhere, and says so rather than failing to start.
 */
export async function ensureWebBuilt(report: (message: string) => void): Promise<void> {
  const dist = join(REPO_ROOT, 'web', 'dist');
  if (existsSync(join(dist, 'index.html'))) return;
  if (process.env.WEB_BUILD === 'off') {
    report('the web pages are not built (web/dist is missing) and WEB_BUILD=off: run `npm run build` for them');
    return;
  }
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    report(
      'the web pages are not built (web/dist is missing) and Vite is not installed here (npm ci --omit=dev?): ' +
        'run `npm run build` where the development dependencies are installed and copy web/dist; GraphQL works meanwhile',
    );
    return;
  }
  report('building the web pages into web/dist (first start only; about 20 s; `npm run build` rebuilds them)');
  const started = Date.now();
  // Built beside web/dist and moved into place whole, so a page is never served half-built and two
  // starts at once do not build into one folder. NODE_ENV=production whatever the caller's: React's
  // production build.
  const building = join(REPO_ROOT, 'web', `.dist-${process.pid}`);
  await new Promise<void>((resolve, reject) => {
    const args = [vite, 'build', '--config', join('web', 'vite.config.ts'), '--outDir', building, '--logLevel', 'warn'];
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the web pages failed (vite exited with ${code}); see above`)),
    );
  });
  try {
    if (existsSync(dist)) rmSync(dist, { recursive: true, force: true });
    renameSync(building, dist);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  report(`built the web pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
