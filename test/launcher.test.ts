import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * `npm start` as a user runs it, with no PostgreSQL configured: the embedded server under DATA_DIR,
 * demo data, every service its own process, tokens from `npm run token`, and Ctrl-C stopping it
 * all, the database included. A second start reuses the data.
 */

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'gov-graph-start-'));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must enter it
let env: NodeJS.ProcessEnv;
let gatewayPort: number;
let postgresPort: number;

beforeAll(async () => {
  const [gateway, naturalPerson, legalPerson, certificate, labourMarket, dataTracker, postgres] = await freePorts(7);
  gatewayPort = gateway;
  postgresPort = postgres;
  env = {
    ...process.env,
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    PORT: String(gateway),
    NATURAL_PERSON_PORT: String(naturalPerson),
    LEGAL_PERSON_PORT: String(legalPerson),
    CERTIFICATE_PORT: String(certificate),
    LABOUR_MARKET_PORT: String(labourMarket),
    DATA_TRACKER_PORT: String(dataTracker),
    EMBEDDED_PG_PORT: String(postgres),
  };
  for (const variable of [
    'DATABASE_URL',
    'NATURAL_PERSON_DATABASE_URL',
    'LEGAL_PERSON_DATABASE_URL',
    'CERTIFICATE_DATABASE_URL',
    'LABOUR_MARKET_DATABASE_URL',
    'NATURAL_PERSON_URL',
    'LEGAL_PERSON_URL',
    'CERTIFICATE_URL',
    'LABOUR_MARKET_URL',
    'DATA_TRACKER_URL',
  ]) {
    delete env[variable];
  }
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts everything on the embedded PostgreSQL, answers with demo data, and stops cleanly on Ctrl-C', async () => {
  const first = await start();
  expect(first.log()).toContain('seeding the demo data');

  const citizen = await token(['--role', 'citizen']);
  const me = await query('query { me { name idNumber household { number } } }', citizen);
  expect(me.errors).toBeUndefined();
  expect(me.data.me.name).toMatch(/^\p{Script=Han}{2,4}$/u);
  expect(me.data.me.idNumber).toMatch(/^\d{17}[\dX]$/);
  // The certificate registry runs too, with the demo citizen's certificates and files.
  const papers = await query(
    'query { services { code } me { certificates { type { code } number } materials { totalCount } readiness(service: "MLA") { items { status } } } }',
    citizen,
  );
  expect(papers.errors).toBeUndefined();
  expect(papers.data.services.length).toBeGreaterThanOrEqual(20);
  expect(papers.data.me.certificates).toContainEqual({
    type: { code: 'RESIDENT_ID_CARD' },
    number: me.data.me.idNumber,
  });
  expect(papers.data.me.materials.totalCount).toBe(3);
  expect(papers.data.me.readiness.items.map((i: any) => i.status)).toContain('SATISFIED');

  const officer = await token([
    '--role',
    'officer',
    '--dept',
    'civil-affairs',
    '--scopes',
    'organization:read,person:read',
  ]);
  const organizations = await query(
    'query { organizations(first: 3) { totalCount edges { node { name legalRepresentative { name } } } } }',
    officer,
  );
  expect(organizations.errors).toBeUndefined();
  expect(organizations.data.organizations.totalCount).toBe(200);
  expect(organizations.data.organizations.edges[0].node.legalRepresentative.name).toMatch(/^\p{Script=Han}{2,4}$/u);

  const exitCode = await stop(first.child);
  expect(exitCode).toBe(0);
  expect(first.log()).toMatch(/"component":"start","msg":"stopped"/);
  expect(await accepts(gatewayPort)).toBe(false);
  expect(await accepts(postgresPort)).toBe(false);
  expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

  // The second start finds its data and does not seed again.
  const second = await start();
  expect(second.log()).not.toContain('seeding the demo data');
  const again = await query('query { me { name } }', citizen);
  expect(again.data.me.name).toBe(me.data.me.name);
  expect(await stop(second.child)).toBe(0);
}, 360_000);

it('restarts a registry, the gateway and the embedded PostgreSQL killed with SIGKILL', async () => {
  const running = await start();
  try {
    const citizen = await token(['--role', 'citizen']);
    const officer = await token(['--role', 'officer', '--dept', 'civil-affairs', '--scopes', 'organization:read']);
    const ORGANIZATIONS = 'query { organizations(first: 1) { totalCount } }';
    expect((await query(ORGANIZATIONS, officer)).data.organizations.totalCount).toBe(200);

    const legalPerson = servicePid(running.log(), 'legal-person');
    process.kill(legalPerson, 'SIGKILL');
    await waitFor(async () => (await ready()).subgraphs['legal-person'].status === 'down', 10_000);

    // Meanwhile: the other registries answer, the killed one's fields are reported unavailable.
    const me = await query('query { me { name } }', citizen);
    expect(me.errors).toBeUndefined();
    expect(me.data.me.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    const down = await query(ORGANIZATIONS, officer);
    expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', registry: 'legal-person' });
    const readiness = await fetch(`http://127.0.0.1:${gatewayPort}/ready`);
    expect(readiness.status).toBe(503);

    // The launcher said so, and brings it back.
    await waitFor(async () => running.log().includes('legal-person is back (restart 1)'), 60_000);
    expect(running.log()).toContain(
      'legal-person stopped unexpectedly (killed by SIGKILL); restarting it in 1.0 s, the other services keep serving',
    );
    expect(servicePid(running.log(), 'legal-person')).not.toBe(legalPerson);
    expect((await query(ORGANIZATIONS, officer)).data.organizations.totalCount).toBe(200);
    expect((await ready()).status).toBe('ready');

    // The gateway too.
    process.kill(servicePid(running.log(), 'gateway'), 'SIGKILL');
    await waitFor(async () => running.log().includes('gateway is back (restart 1)'), 60_000);
    expect((await query('query { me { name } }', citizen)).data.me.name).toBe(me.data.me.name);

    // And the embedded PostgreSQL: its server killed, the launcher starts it again (crash recovery
    // keeps what was committed) and the registries reconnect.
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    await waitFor(async () => running.log().includes('the embedded PostgreSQL is back (restart 1)'), 60_000);
    expect(running.log()).toContain('the embedded PostgreSQL stopped unexpectedly (PostgreSQL killed by SIGKILL;');
    expect(running.log()).toContain('restarting it in 1.0 s, until it is back /ready answers 503');
    await waitFor(
      async () => (await query('query { me { name } }', citizen)).data?.me?.name === me.data.me.name,
      30_000,
    );
    expect((await query(ORGANIZATIONS, officer)).data.organizations.totalCount).toBe(200);
    await waitFor(async () => (await ready()).status === 'ready', 30_000);
  } finally {
    expect(await stop(running.child)).toBe(0);
  }
  expect(await accepts(gatewayPort)).toBe(false);
}, 360_000);

/** The process id the launcher last logged for a service (started or back). */
function servicePid(log: string, service: string): number {
  const pids = log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { service?: string; childPid?: number })
    .filter((entry) => entry.service === service && entry.childPid !== undefined)
    .map((entry) => entry.childPid!);
  if (pids.length === 0) throw new Error(`the launcher logged no process id for ${service}`);
  return pids.at(-1)!;
}

async function ready(): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/ready`);
  return response.json();
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function start(): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not become ready:\n${text}`)), 240_000);
    const check = () => {
      if (text.includes('Stop with Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${text}`)));
  });
  return { child, log: () => text };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

async function token(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], { env });
  return stdout.trim().split('\n').at(-1)!;
}

async function query(text: string, bearer: string): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: text }),
  });
  return response.json();
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
