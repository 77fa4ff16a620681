import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import type { Identity } from '../subgraphs/shared/identity';
import { ASSERTION_HEADER, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import { addHousehold, pdfBytes, uploadMaterial, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Materials submitted once: POST /materials and GET /materials/{id} through the gateway, as a
 * citizen and an officer would use them and as an attacker would abuse them. What is kept is
 * checked in the certificate registry's database after every refusal.
 */

let stack: TestStack;
let alice: PersonFixture;
let bob: PersonFixture;
let aliceToken: string;
let bobToken: string;
let clerk: string;
const CLERK: Identity = {
  sub: 'ca-clerk-1',
  role: 'officer',
  dept: 'civil-affairs',
  scopes: ['certificate:write', 'certificate:read:sensitive', 'person:read'],
};

beforeAll(async () => {
  stack = await startStack();
  const household = await addHousehold(stack, [{ name: '上传甲' }, { name: '上传乙', relationship: 'SPOUSE' }]);
  [alice, bob] = household.members;
  aliceToken = await stack.token({ role: 'citizen', sub: alice.id });
  bobToken = await stack.token({ role: 'citizen', sub: bob.id });
  clerk = await stack.token(CLERK);
});

afterAll(async () => {
  await stack?.stop();
});

const base = () => stack.gatewayUrl.replace(/\/graphql$/, '');

async function counts(): Promise<{ materials: number; chunks: number }> {
  const [row] = await stack.sql<{ materials: number; chunks: number }>(
    'certificate',
    'select (select count(*)::int from material) as materials, (select count(*)::int from material_content) as chunks',
  );
  return row;
}

function download(id: string, token?: string, purpose?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (purpose) headers['x-purpose'] = purpose;
  return fetch(`${base()}/materials/${id}`, { headers });
}

/** A ZIP package with the given entries (stored or deflated), as an OFD writer makes one. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(text.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from(`JFIF ${randomUUID()}`),
  Buffer.from([0xff, 0xd9]),
]);

describe('uploading', () => {
  it('stores a PDF for a citizen and answers its id, size, type and SHA-256; the bytes come back unchanged', async () => {
    const bytes = pdfBytes('收入证明 2026-10');
    const res = await uploadMaterial(stack, bytes, {
      token: aliceToken,
      query: `?kind=INCOME_PROOF&name=${encodeURIComponent('收入证明.pdf')}`,
    });
    expect(res.status).toBe(201);
    expect(res.body.material).toMatchObject({
      kind: 'INCOME_PROOF',
      size: bytes.length,
      mediaType: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fileName: '收入证明.pdf',
      created: true,
    });
    const back = await download(res.body.material.id, aliceToken);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(back.headers.get('etag')).toBe(`"${res.body.material.sha256}"`);
    expect(Buffer.from(await back.arrayBuffer())).toEqual(bytes);
  });

  it('recognises the type from the bytes, not from what the client declares: JPEG, PNG and OFD', async () => {
    const png = await uploadMaterial(stack, PNG, {
      token: aliceToken,
      query: '?kind=PHOTO',
      headers: { 'content-type': 'application/pdf' },
    });
    expect(png.body.material.mediaType).toBe('image/png');
    const jpeg = await uploadMaterial(stack, JPEG, { token: aliceToken, query: '?kind=PHOTO' });
    expect(jpeg.body.material.mediaType).toBe('image/jpeg');
    const ofd = zip({
      'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>',
      'Doc_0/Document.xml': '<ofd:Document/>',
    });
    const res = await uploadMaterial(stack, ofd, { token: aliceToken, query: '?kind=HOUSING_PROOF' });
    expect(res.status).toBe(201);
    expect(res.body.material.mediaType).toBe('application/ofd');
  });

  it('stores the same bytes from the same owner once: 20 concurrent identical uploads give one material and one id', async () => {
    const before = await counts();
    const bytes = pdfBytes(`concurrent ${randomUUID()}`, 600_000); // three 256 KiB chunks
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        uploadMaterial(stack, bytes, { token: aliceToken, query: '?kind=BANK_ACCOUNT' }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(responses.map((r) => r.body.material.id)).size).toBe(1);
    expect(await counts()).toEqual({ materials: before.materials + 1, chunks: before.chunks + 3 });
    // Another owner's same bytes are their own material.
    const bobs = await uploadMaterial(stack, bytes, { token: bobToken, query: '?kind=BANK_ACCOUNT' });
    expect(bobs.status).toBe(201);
    expect(bobs.body.material.id).not.toBe(responses[0].body.material.id);
  });

  const refusals: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
    [
      'a file of another type (text)',
      () => uploadMaterial(stack, Buffer.from('not a document, just text'), { token: aliceToken }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a ZIP package that is not an OFD document',
      () => uploadMaterial(stack, zip({ 'word/document.xml': '<w:document/>' }), { token: aliceToken }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body shorter than any signature',
      () => uploadMaterial(stack, Buffer.from('%PD'), { token: aliceToken }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['an empty body', () => uploadMaterial(stack, Buffer.alloc(0), { token: aliceToken }), 400, 'BAD_USER_INPUT'],
    [
      'a file over 10 MiB (declared)',
      () => uploadMaterial(stack, pdfBytes('big', 10 * 1024 * 1024 + 1), { token: aliceToken }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'an unknown kind',
      () => uploadMaterial(stack, pdfBytes(), { token: aliceToken, query: '?kind=NO_SUCH_KIND' }),
      400,
      'BAD_USER_INPUT',
    ],
    ['no kind', () => uploadMaterial(stack, pdfBytes(), { token: aliceToken, query: '' }), 400, 'BAD_USER_INPUT'],
    [
      'a parameter given twice',
      () => uploadMaterial(stack, pdfBytes(), { token: aliceToken, query: '?kind=PHOTO&kind=INCOME_PROOF' }),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'an unknown parameter',
      () => uploadMaterial(stack, pdfBytes(), { token: aliceToken, query: '?kind=PHOTO&owner=x' }),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'a file name with control characters',
      () => uploadMaterial(stack, pdfBytes(), { token: aliceToken, query: '?kind=PHOTO&name=a%00b' }),
      400,
      'BAD_USER_INPUT',
    ],
    ['no token', () => uploadMaterial(stack, pdfBytes()), 401, 'UNAUTHENTICATED'],
    [
      'a forged token',
      () => uploadMaterial(stack, pdfBytes(), { headers: { authorization: 'Bearer x.y.z' } }),
      401,
      'UNAUTHENTICATED',
    ],
    [
      'a citizen uploading for someone else',
      () => uploadMaterial(stack, pdfBytes(), { token: aliceToken, query: `?kind=PHOTO&person=${bob.id}` }),
      403,
      'FORBIDDEN',
    ],
    [
      'an officer without certificate:write',
      async () =>
        uploadMaterial(stack, pdfBytes(), {
          token: await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['certificate:read:sensitive'] }),
          purpose: 'MLA-1',
          query: `?kind=PHOTO&person=${alice.id}`,
        }),
      403,
      'FORBIDDEN',
    ],
    [
      'an officer without a purpose',
      () => uploadMaterial(stack, pdfBytes(), { token: clerk, query: `?kind=PHOTO&person=${alice.id}` }),
      403,
      'FORBIDDEN',
    ],
    [
      'an officer naming no applicant',
      () => uploadMaterial(stack, pdfBytes(), { token: clerk, purpose: 'MLA-1', query: '?kind=PHOTO' }),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'an officer naming a person who does not exist',
      () =>
        uploadMaterial(stack, pdfBytes(), {
          token: clerk,
          purpose: 'MLA-1',
          query: `?kind=PHOTO&person=${randomUUID()}`,
        }),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'an analyst',
      async () =>
        uploadMaterial(stack, pdfBytes(), { token: await stack.token({ role: 'analyst', dept: 'statistics' }) }),
      403,
      'FORBIDDEN',
    ],
  ];

  it.each(refusals)('refuses %s with a clear JSON error, and keeps nothing', async (_what, send, status, code) => {
    const before = await counts();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.errors[0].extensions.code).toBe(code);
    expect(res.body.errors[0].message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body that passes 10 MiB while streaming (no Content-Length), keeping nothing', async () => {
    const before = await counts();
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${base()}/materials?kind=INCOME_PROOF`);
      const req = request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${aliceToken}`, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      req.write(pdfBytes('streamed'));
      let sent = 0;
      const pump = () => {
        while (sent < 11 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('keeps nothing of an upload the client abandons halfway', async () => {
    const before = await counts();
    await new Promise<void>((resolve) => {
      const req = request(new URL(`${base()}/materials?kind=INCOME_PROOF`), {
        method: 'POST',
        headers: { authorization: `Bearer ${aliceToken}`, 'content-length': String(2 * 1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.write(pdfBytes('abandoned', 700_000));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    // The registry rolls the transaction back: no rows, and no transaction left open.
    await waitFor(async () => {
      const open = await stack.sql<{ n: number }>(
        'certificate',
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
      );
      return open[0].n === 0;
    });
    expect(await counts()).toEqual(before);
  });

  it('lets an officer upload for an applicant with a purpose, recorded with who uploaded it', async () => {
    const res = await uploadMaterial(stack, pdfBytes(), {
      token: clerk,
      purpose: 'MLA-2026-0007',
      query: `?kind=PROPERTY_DECLARATION&person=${alice.id}`,
    });
    expect(res.status).toBe(201);
    const [row] = await stack.sql(
      'certificate',
      'select owner_id, uploaded_by_sub, uploaded_by_role, uploaded_by_dept from material where id = $1',
      [res.body.material.id],
    );
    expect(row).toEqual({
      owner_id: alice.id,
      uploaded_by_sub: CLERK.sub,
      uploaded_by_role: 'officer',
      uploaded_by_dept: 'civil-affairs',
    });
    const records = await stack.sql(
      'certificate',
      'select subject_id, action, outcome, purpose, fields from access_record where request_id = $1',
      [res.headers.get('x-request-id')],
    );
    expect(records).toEqual([
      {
        subject_id: alice.id,
        action: 'write',
        outcome: 'granted',
        purpose: 'MLA-2026-0007',
        fields: ['Material.content'],
      },
    ]);
  });
});

describe('downloading and reading', () => {
  let material: { id: string };
  beforeAll(async () => {
    material = (
      await uploadMaterial(stack, pdfBytes('下载测试'), { token: aliceToken, query: '?kind=HARDSHIP_STATEMENT' })
    ).body.material;
  });

  it('refuses another citizen alike whether the material exists or not, and an officer without a purpose', async () => {
    const other = await download(material.id, bobToken);
    const missing = await download(randomUUID(), bobToken);
    expect(other.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(((await other.json()) as any).errors[0].message).toBe(((await missing.json()) as any).errors[0].message);
    expect((await download(material.id)).status).toBe(401);
    expect((await download(material.id, clerk)).status).toBe(403);
    expect((await download('not-an-id', aliceToken)).status).toBe(400);
    // The refusal quotes the id it was given, but not 5,000 characters of it.
    const long = await download('x'.repeat(5000), aliceToken);
    expect(long.status).toBe(400);
    expect(((await long.json()) as any).errors[0]).toMatchObject({
      message: `"${'x'.repeat(59)}…" (5000 characters) is not a material id (UUID)`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'id', rule: 'uuid' },
    });
    const notFound = await download(randomUUID(), clerk, 'MLA-1');
    expect(notFound.status).toBe(404);
  });

  it("serves an officer with certificate:read:sensitive and a purpose, and records the read in the owner's log with the purpose", async () => {
    const res = await download(material.id, clerk, 'MLA-2026-0099');
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const records = await stack.sql(
      'certificate',
      'select subject_id, actor_sub, purpose, fields, outcome from access_record where request_id = $1',
      [res.headers.get('x-request-id')],
    );
    expect(records).toEqual([
      {
        subject_id: alice.id,
        actor_sub: CLERK.sub,
        purpose: 'MLA-2026-0099',
        fields: ['Material.content'],
        outcome: 'granted',
      },
    ]);
  });

  it('shows the citizen in their data tracker who uploaded and who opened their papers, and why', async () => {
    const res = await stack.graphql(
      'query Tracker { me { accessRecords(first: 50) { edges { node { registry action outcome actorSub purpose fields } } } } }',
      { token: aliceToken },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.me.accessRecords.edges.map((e: any) => e.node);
    expect(nodes).toContainEqual(
      expect.objectContaining({
        registry: 'certificate',
        action: 'READ',
        actorSub: CLERK.sub,
        purpose: 'MLA-2026-0099',
        fields: ['Material.content'],
      }),
    );
    expect(nodes).toContainEqual(
      expect.objectContaining({
        registry: 'certificate',
        action: 'WRITE',
        actorSub: CLERK.sub,
        purpose: 'MLA-2026-0007',
      }),
    );
  });

  it("lists a citizen's materials newest first in pages, and shows where each was used", async () => {
    const page = await stack.graphql(
      `query Mine($after: String) { me { materials(first: 2, after: $after) { totalCount edges { node { id kind { code } uploadedBy { role } downloadPath } } pageInfo { hasNextPage endCursor } } } }`,
      { token: aliceToken },
    );
    expect(page.body.errors).toBeUndefined();
    const first = page.body.data.me.materials;
    expect(first.totalCount).toBeGreaterThan(4);
    expect(first.edges).toHaveLength(2);
    expect(first.edges[0].node.downloadPath).toBe(`/materials/${first.edges[0].node.id}`);
    const next = await stack.graphql(
      `query Mine($after: String) { me { materials(first: 2, after: $after) { edges { node { id } } } } }`,
      { token: aliceToken, variables: { after: first.pageInfo.endCursor } },
    );
    const ids = [...first.edges, ...next.body.data.me.materials.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);

    const use = await stack.graphql(
      'mutation Use($i: RecordMaterialUseInput!) { recordMaterialUse(input: $i) { uses { service { code } reference usedBy { sub department } } } }',
      { token: clerk, purpose: 'MLA-2026-0123', variables: { i: { materialId: material.id, service: 'MLA' } } },
    );
    expect(use.body.errors).toBeUndefined();
    expect(use.body.data.recordMaterialUse.uses).toEqual([
      {
        service: { code: 'civil-affairs.minimum-living-allowance' },
        reference: 'MLA-2026-0123',
        usedBy: { sub: CLERK.sub, department: 'civil-affairs' },
      },
    ]);
    // The same use again adds nothing.
    const again = await stack.graphql(
      'mutation Use($i: RecordMaterialUseInput!) { recordMaterialUse(input: $i) { uses { reference } } }',
      { token: clerk, purpose: 'MLA-2026-0123', variables: { i: { materialId: material.id, service: 'MLA' } } },
    );
    expect(again.body.data.recordMaterialUse.uses).toHaveLength(1);
  });

  it('looks a material up by id for its owner and for officers with a purpose only', async () => {
    const query = 'query One($id: ID!) { material(id: $id) { id kind { code } owner { id } } }';
    const own = await stack.graphql(query, { token: aliceToken, variables: { id: material.id } });
    expect(own.body.data.material).toEqual({
      id: material.id,
      kind: { code: 'HARDSHIP_STATEMENT' },
      owner: { id: alice.id },
    });
    const other = await stack.graphql(query, { token: bobToken, variables: { id: material.id } });
    expect(other.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.body.data.material).toBeNull();
  });
});

describe('the registry route itself', () => {
  it('answers only requests the gateway signed for exactly that method and target, each once', async () => {
    const url = stack.servers.certificate.url.replace(/\/graphql$/, '');
    const target = '/materials?kind=INCOME_PROOF';
    const caller = {
      identity: { sub: alice.id, role: 'citizen' as const, dept: null, scopes: [] },
      purpose: null,
      requestId: randomUUID(),
      operationName: null,
      via: null,
    };
    const send = (path: string, assertion?: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: assertion ? { [ASSERTION_HEADER]: assertion } : {},
        body: pdfBytes(),
      });
    expect((await send(target)).status).toBe(401);
    const forOtherTarget = await signAssertion(stack.gatewayKeys.privateKey, {
      audience: 'certificate',
      caller,
      digest: routeDigest('POST', '/materials?kind=PHOTO'),
    });
    expect((await send(target, forOtherTarget)).status).toBe(401);
    const good = await signAssertion(stack.gatewayKeys.privateKey, {
      audience: 'certificate',
      caller,
      digest: routeDigest('POST', target),
    });
    expect((await send(target, good)).status).toBe(201);
    const replay = await send(target, good);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as any).errors[0].message).toMatch(/already been used/);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
