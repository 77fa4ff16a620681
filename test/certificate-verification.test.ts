import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { REGISTRY_NAMES } from '../subgraphs/catalog';
import type { Identity } from '../subgraphs/shared/identity';
import { formatVerificationCode } from '../subgraphs/certificate/signed-form';
import {
  addCertificate,
  addOrganizations,
  addPerson,
  type CertificateFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Anyone can check a certificate: online with verifyCertificate (masked, nothing more), and offline
 * with the signed form and the gateway's JWKS in any JOSE library (here jose), where one changed
 * byte fails. Wrong codes from one client are refused after a few.
 */

let stack: TestStack;
let holder: PersonFixture;
let card: CertificateFixture;
let revoked: CertificateFixture;
const MAX_FAILURES = 4;

const VERIFY = `query Verify($code: String!) {
  verifyCertificate(code: $code) { type { code name } status issuingDepartment issuingAuthority issuedOn validUntil holderName }
}`;

beforeAll(async () => {
  stack = await startStack({
    verificationLimits: {
      maxFailures: MAX_FAILURES,
      windowMs: 60_000,
      blockMs: 60_000,
      maxPerRequest: 3,
      maxClients: 1000,
    },
  });
  holder = await addPerson(stack, { name: '欧阳春华', birthDate: '1979-12-31' });
  card = await addCertificate(stack, holder, { issuedOn: '2015-06-01', validUntil: '2035-06-01' });
  revoked = await addCertificate(stack, holder, {
    type: 'EMPLOYMENT_CERTIFICATE',
    revokedOn: '2024-01-01',
    department: 'hrss',
  });
});

afterAll(async () => {
  await stack?.stop();
});

async function signedFormOf(certificateType: string): Promise<string> {
  const res = await stack.graphql('query Mine { me { certificates { type { code } signedForm } } }', {
    token: await stack.token({ role: 'citizen', sub: holder.id }),
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.me.certificates.find((c: any) => c.type.code === certificateType).signedForm;
}

async function jwks(): Promise<JSONWebKeySet> {
  const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/.well-known/jwks.json'));
  expect(response.status).toBe(200);
  return (await response.json()) as JSONWebKeySet;
}

describe('verifyCertificate', () => {
  it('answers anyone with type, status, issuer, validity and the masked name, and nothing else', async () => {
    const res = await stack.graphql(VERIFY, { variables: { code: formatVerificationCode(card.verificationCode) } });
    expect(res.body).toEqual({
      data: {
        verifyCertificate: {
          type: { code: 'RESIDENT_ID_CARD', name: '居民身份证' },
          status: 'VALID',
          issuingDepartment: 'public-security',
          issuingAuthority: '测试发证机关',
          issuedOn: '2015-06-01',
          validUntil: '2035-06-01',
          holderName: '欧***',
        },
      },
    });
    // The holder's number and identity are not part of the answer at all.
    const more = await stack.graphql('query More($code: String!) { verifyCertificate(code: $code) { number } }', {
      variables: { code: card.verificationCode },
    });
    expect(more.status).toBe(400);
    expect(more.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reads the code as people type it: lower case, without hyphens, O for 0 and I or L for 1', async () => {
    const typed = card.verificationCode.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const res = await stack.graphql(VERIFY, { variables: { code: typed } });
    expect(res.body.data.verifyCertificate.status).toBe('VALID');
  });

  it('shows a revoked certificate as REVOKED', async () => {
    const res = await stack.graphql(VERIFY, { variables: { code: revoked.verificationCode } });
    expect(res.body.data.verifyCertificate).toMatchObject({
      status: 'REVOKED',
      type: { code: 'EMPLOYMENT_CERTIFICATE' },
    });
  });

  it("records each verification in the holder's access log, so their tracker shows it", async () => {
    const res = await stack.graphql(VERIFY, { variables: { code: card.verificationCode } });
    const records = await stack.sql(
      'certificate',
      'select subject_id, actor_sub, fields from access_record where request_id = $1',
      [res.headers.get('x-request-id')],
    );
    expect(records).toEqual([{ subject_id: holder.id, actor_sub: null, fields: ['Query.verifyCertificate'] }]);
  });
});

describe('the signed form, offline', () => {
  it("verifies with the gateway's JWKS in jose, and its payload is the document as issued", async () => {
    const signedForm = await signedFormOf('RESIDENT_ID_CARD');
    const keys = await jwks();
    expect(keys.keys.map((k: any) => k.registry).sort()).toEqual([...REGISTRY_NAMES].sort());
    const { payload, protectedHeader } = await compactVerify(signedForm, createLocalJWKSet(keys));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'gov-graph-certificate+jws' });
    expect(keys.keys.find((k) => k.kid === protectedHeader.kid)).toMatchObject({
      registry: 'certificate',
      crv: 'Ed25519',
    });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      v: 1,
      id: card.id,
      type: 'RESIDENT_ID_CARD',
      number: holder.idNumber,
      holder: { kind: 'PERSON', id: holder.id, name: holder.name, idNumber: holder.idNumber },
      issuingDepartment: 'public-security',
      issuingAuthority: '测试发证机关',
      issuedOn: '2015-06-01',
      validUntil: '2035-06-01',
      attributes: null,
      verificationCode: card.verificationCode,
    });
  });

  it('fails when any one byte of it is changed', async () => {
    const signedForm = await signedFormOf('RESIDENT_ID_CARD');
    const keys = createLocalJWKSet(await jwks());
    const [header, payload] = signedForm.split('.');
    const positions = [
      3, // protected header
      header.length + 1 + 10, // payload
      header.length + 1 + payload.length + 1 + 5, // signature
      signedForm.length - 2,
    ];
    for (const position of positions) {
      const original = signedForm[position];
      const replacement = original === 'A' ? 'B' : 'A';
      const tampered = signedForm.slice(0, position) + replacement + signedForm.slice(position + 1);
      await expect(compactVerify(tampered, keys)).rejects.toThrow();
    }
    // A change inside the decoded payload (the name) fails too, re-encoded properly.
    const content = JSON.parse(Buffer.from(payload, 'base64url').toString());
    content.holder.name = '欧阳春花';
    const forged = `${header}.${Buffer.from(JSON.stringify(content)).toString('base64url')}.${signedForm.split('.')[2]}`;
    await expect(compactVerify(forged, keys)).rejects.toThrow(/signature verification failed/);
    // Control: the untouched form still verifies.
    await expect(compactVerify(signedForm, keys)).resolves.toBeDefined();
  });

  it("signs an organization's licence too, with its name and credit code as printed", async () => {
    const [organization] = await addOrganizations(stack, [holder.id]);
    await addCertificate(stack, organization, { issuedOn: '2015-03-01', validUntil: null });
    const reader: Identity = { sub: 'mr-1', role: 'officer', dept: 'market-regulation', scopes: ['organization:read'] };
    const res = await stack.graphql(
      'query L($c: String!) { organization(creditCode: $c) { certificates { signedForm } } }',
      {
        token: await stack.token(reader),
        variables: { c: organization.creditCode },
      },
    );
    const { payload } = await compactVerify(
      res.body.data.organization.certificates[0].signedForm,
      createLocalJWKSet(await jwks()),
    );
    expect(JSON.parse(new TextDecoder().decode(payload)).holder).toEqual({
      kind: 'ORGANIZATION',
      creditCode: organization.creditCode,
      name: organization.name,
    });
  });
});

describe('repeated wrong codes', () => {
  it('refuses more codes per request than allowed, whatever their aliases', async () => {
    const aliases = Array.from({ length: 4 }, (_, i) => `v${i}: verifyCertificate(code: $c) { status }`).join(' ');
    const res = await stack.graphql(`query Many($c: String!) { ${aliases} }`, {
      variables: { c: card.verificationCode },
    });
    expect(res.status).toBe(429);
    expect(res.body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses verifyCertificate from a client after too many wrong codes, with Retry-After; good codes do not count and other queries still run', async () => {
    // Good codes never count.
    for (let i = 0; i < MAX_FAILURES + 2; i += 1) {
      const good = await stack.graphql(VERIFY, { variables: { code: card.verificationCode } });
      expect(good.body.data.verifyCertificate.status).toBe('VALID');
    }
    const wrong = (n: number) => `${'Z'.repeat(12)}${String(n).padStart(4, '0')}`;
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      const res = await stack.graphql(VERIFY, { variables: { code: wrong(i) } });
      expect(res.status).toBe(200);
      expect(res.body.data.verifyCertificate).toBeNull();
    }
    // One more wrong code (a malformed one counts too) passes the limit...
    const malformed = await stack.graphql(VERIFY, { variables: { code: 'not-a-code' } });
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
    // ...and from now on even a genuine code is refused, for this client.
    const blocked = await stack.graphql(VERIFY, { variables: { code: card.verificationCode } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.data ?? null).toBeNull();
    // The rest of the graph is not affected.
    const catalogue = await stack.graphql('query Types { certificateTypes { code } }');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.data.certificateTypes).toHaveLength(10);
  });
});
