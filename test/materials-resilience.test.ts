import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { exportSPKI } from 'jose';
import { ASSERTION_HEADER, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import type { Caller } from '../subgraphs/shared/identity';
import { addPerson, pdfBytes, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * What a streamed upload must survive: a 10 MB file passes through the gateway and the registry
 * without either holding it in memory, and a registry killed in the middle of an upload leaves
 * nothing behind (no record, no bytes, no open transaction), and stores the file afresh after a restart.
 */

let stack: TestStack;
let alice: PersonFixture;
let token: string;

beforeAll(async () => {
  stack = await startStack();
  alice = await addPerson(stack, { name: '大文件' });
  token = await stack.token({ role: 'citizen', sub: alice.id });
});

afterAll(async () => {
  await stack?.stop();
});

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap and buffers still reachable after a full collection: what something holding the file would keep. */
function retained(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const MB = 1024 * 1024;

/** Starts a streamed POST and returns a writer that respects backpressure. */
function streamingUpload(url: URL, headers: Record<string, string>) {
  const req: ClientRequest = request(url, { method: 'POST', headers });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
  });
  response.catch(() => {});
  const write = async (bytes: Buffer) => {
    // A refused or broken upload ends the wait too (the answer then says why).
    if (!req.write(bytes))
      await Promise.race([new Promise((resolve) => req.once('drain', resolve)), response.catch(() => {})]);
  };
  return { req, response, write };
}

/** A 10 MB PDF made in 64 KiB pieces, each piece made only when it is sent. */
function* pieces(total: number): Generator<Buffer> {
  const head = pdfBytes('memory');
  yield head;
  let sent = head.length;
  while (sent < total) {
    const size = Math.min(64 * 1024, total - sent);
    sent += size;
    yield Buffer.alloc(size, 0x20 + (sent % 90));
  }
}

it('passes a 10 MB upload through the gateway and the registry without holding it in memory', async () => {
  const total = 10 * MB - 4096;
  // Warm up both paths so that the baseline is not taken before their code and pools exist.
  await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/materials?kind=PHOTO`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: pdfBytes('warm-up', 300_000),
  });
  const before = retained();
  const upload = streamingUpload(new URL(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/materials?kind=INCOME_PROOF`), {
    authorization: `Bearer ${token}`,
    'content-length': String(total),
  });
  let sent = 0;
  let during = 0;
  for (const piece of pieces(total)) {
    await upload.write(piece);
    sent += piece.length;
    if (during === 0 && sent >= 9.5 * MB) {
      // Most of the file has gone through: give the registry a moment to take it, then weigh.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      during = retained() - before;
    }
  }
  upload.req.end();
  const answer = await upload.response;
  // The body goes into the failure message: it says which side gave up and why.
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
  expect(JSON.parse(answer.body).material.size).toBe(total);
  // With 9.5 MB of the file sent, the process holding the gateway, the registry and this client
  // keeps well under the file's size (the registry holds at most one 256 KiB chunk).
  expect(during).toBeLessThan(3 * MB);
}, 60_000);

describe('a registry killed in the middle of an upload', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let port: number;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gov-graph-crash-'));
    port = await freePort();
    const registryKey = generateKeyPairSync('ed25519');
    env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      CERTIFICATE_PORT: String(port),
      CERTIFICATE_DATABASE_URL: stack.databaseUrls.certificate,
      GATEWAY_PUBLIC_KEY: await exportSPKI(stack.gatewayKeys.publicKey),
      CERTIFICATE_SIGNING_KEY: registryKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  });

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts subgraphs/certificate/main.ts as its own process, as the launcher does, and waits until it serves. */
  function startRegistry(): Promise<ChildProcess> {
    const started = fork(join(__dirname, '..', 'subgraphs', 'certificate', 'main.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      started.once('message', () => resolve(started));
      started.once('exit', (code) => reject(new Error(`the certificate registry exited during start-up (${code})`)));
    });
  }

  async function signedUpload(target: string): Promise<Record<string, string>> {
    const caller: Caller = {
      identity: { sub: alice.id, role: 'citizen', dept: null, scopes: [] },
      purpose: null,
      requestId: randomUUID(),
      operationName: null,
      via: null,
    };
    const assertion = await signAssertion(stack.gatewayKeys.privateKey, {
      audience: 'certificate',
      caller,
      digest: routeDigest('POST', target),
    });
    return { [ASSERTION_HEADER]: assertion };
  }

  async function stored(): Promise<{ materials: number; chunks: number }> {
    const [row] = await stack.sql<{ materials: number; chunks: number }>(
      'certificate',
      'select (select count(*)::int from material) as materials, (select count(*)::int from material_content) as chunks',
    );
    return row;
  }

  /** Backends of the registry's database inside a transaction whose last statement wrote material bytes. */
  async function uploadsInFlight(): Promise<number> {
    const [row] = await stack.sql<{ n: number }>(
      'certificate',
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and xact_start is not null and query like '%material_content%'
          and pid <> pg_backend_pid()`,
    );
    return row.n;
  }

  it('leaves no record and no bytes, and stores the same file afresh after a restart', async () => {
    const before = await stored();
    child = await startRegistry();
    const target = '/materials?kind=INCOME_PROOF';
    const total = 8 * MB;
    const bytes = pdfBytes(`crash ${randomUUID()}`, total);
    const upload = streamingUpload(new URL(`http://127.0.0.1:${port}${target}`), {
      ...(await signedUpload(target)),
      'content-length': String(total),
    });
    // Half the file, then wait until the registry is writing its chunks inside its transaction.
    for (let at = 0; at < 4 * MB; at += 256 * 1024) await upload.write(bytes.subarray(at, at + 256 * 1024));
    await waitFor(async () => (await uploadsInFlight()) > 0);

    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    upload.req.destroy();

    // PostgreSQL rolls the dead connection's transaction back: nothing committed, nothing left open.
    await waitFor(async () => (await uploadsInFlight()) === 0);
    expect(await stored()).toEqual(before);

    // After a restart the same bytes are a new material, stored whole.
    child = await startRegistry();
    const again = await fetch(`http://127.0.0.1:${port}${target}`, {
      method: 'POST',
      headers: await signedUpload(target),
      body: bytes,
    });
    expect(again.status).toBe(201);
    const { material } = (await again.json()) as { material: { id: string; size: number } };
    expect(material.size).toBe(total);
    expect(await stored()).toEqual({ materials: before.materials + 1, chunks: before.chunks + 32 });
    const back = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/materials/${material.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
  }, 90_000);
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
