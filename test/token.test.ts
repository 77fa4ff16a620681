import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { demoCitizen } from '../seeds';

/** `npm run token` as the README uses it: demo staff of different departments are different people. */

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'gov-graph-token-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function token(...args: string[]): Promise<{ lines: string[]; sub: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.JWT_PUBLIC_KEY;
  delete env.JWT_JWKS_URL;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], { env });
  const lines = stdout.trim().split('\n');
  return { lines, sub: decodeJwt(lines.at(-1)!).sub! };
}

it('gives demo officers of different departments different ids, named after the department', async () => {
  const hrss = await token('--role', 'officer', '--dept', 'hrss');
  const civil = await token('--role', 'officer', '--dept', 'civil-affairs', '--scopes', 'person:read');
  expect(hrss.sub).toBe('officer-hrss-001');
  expect(civil.sub).toBe('officer-civil-affairs-001');
  expect((await token('--role', 'auditor', '--dept', 'data-bureau')).sub).toBe('auditor-data-bureau-001');
  expect((await token('--role', 'officer', '--dept', 'hrss', '--sub', 'officer-7')).sub).toBe('officer-7');
}, 60_000);

it('names the demo citizen and their person id on its first line (the README points there)', async () => {
  const citizen = await token('--role', 'citizen');
  const demo = demoCitizen();
  expect(citizen.sub).toBe(demo.id);
  expect(citizen.lines[0]).toBe(`Citizen: demo person ${demo.name} (${demo.id}); pass --sub <person id> for another.`);
}, 60_000);
