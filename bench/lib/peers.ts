import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PEERS_DIR } from './config';

/**
 * The peer gateways live in bench/peers with their own package.json and package-lock.json, apart
 * from the product's dependencies. The bench installs them there with `npm ci` when they are
 * missing or the lockfile changed since the last install.
 */

const MARKER = join(PEERS_DIR, 'node_modules', '.bench-lock-sha256');

function lockDigest(): string {
  return createHash('sha256')
    .update(readFileSync(join(PEERS_DIR, 'package-lock.json')))
    .digest('hex');
}

export function peersInstalled(): boolean {
  try {
    return readFileSync(MARKER, 'utf8').trim() === lockDigest();
  } catch {
    return false;
  }
}

/** `npm ci` in bench/peers; its output goes to `say`, and a failure says what to do. */
export async function installPeers(say: (line: string) => void): Promise<void> {
  if (!existsSync(join(PEERS_DIR, 'package-lock.json'))) {
    throw new Error(`${PEERS_DIR}/package-lock.json is missing: the peers cannot be installed reproducibly`);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // No install scripts: none of the peers needs one (the Rust planner ships prebuilt binaries).
  const child = spawn(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: PEERS_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      // npm warns about engines of packages the peers do not load on this Node; keep them for a failure.
      output.push(line);
      if (!/EBADENGINE|^npm warn (Unknown|\s*(\}|package:|required:|current:))/.test(line)) say(line);
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `Installing the peer gateways failed (npm ci in ${PEERS_DIR} exited with code ${code}):\n` +
        output.slice(-25).join('\n') +
        '\nCheck that the npm registry is reachable, or leave the peers out with --contenders floor,direct,gateway.',
    );
  }
  writeFileSync(MARKER, `${lockDigest()}\n`);
}

/** Versions of the peers as installed, for the results. */
export function peerVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of ['@graphql-hive/gateway', '@graphql-hive/router-runtime', '@graphql-hive/router-query-planner']) {
    try {
      const manifest = JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8'));
      versions[name] = manifest.version;
    } catch {
      // not installed
    }
  }
  return versions;
}
