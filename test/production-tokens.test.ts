import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, importPKCS8, SignJWT, type CryptoKey } from 'jose';
import { loadUserTokenVerifier } from '../subgraphs/shared/keys';
import { addPerson, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Production identity: the gateway checks RS256 tokens from the city's identity provider, given
 * as a public key (JWT_PUBLIC_KEY) or a JWKS URL (JWT_JWKS_URL), and refuses anything else.
 */

const provider = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = provider.publicKey.export({ type: 'spki', format: 'pem' }).toString();
let providerKey: CryptoKey;
let jwks: Server;
let jwksUrl: string;

beforeAll(async () => {
  providerKey = await importPKCS8(provider.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
  const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'idp-2026', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve));
});

function providerToken(sub: string, options: { kid?: string; key?: CryptoKey | Uint8Array; alg?: string } = {}) {
  return new SignJWT({ role: 'citizen' })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'idp-2026' })
    .setSubject(sub)
    .setIssuer('gov-graph')
    .setAudience('gov-graph')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(options.key ?? providerKey);
}

async function withEnv<T>(variables: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((k) => [k, process.env[k]]));
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe.each([
  ['a public key (JWT_PUBLIC_KEY)', () => ({ JWT_PUBLIC_KEY: publicPem })],
  ['a JWKS URL (JWT_JWKS_URL)', () => ({ JWT_JWKS_URL: jwksUrl })],
])('tokens checked against %s', (_source, environment) => {
  let stack: TestStack;
  let citizen: PersonFixture;

  beforeAll(async () => {
    const verifier = await withEnv(environment(), () => loadUserTokenVerifier());
    stack = await startStack({ tokenVerifier: verifier });
    citizen = await addPerson(stack, { name: '何静' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('accepts the identity provider’s RS256 token through the gateway', async () => {
    const res = await stack.graphql('query { me { id name } }', { token: await providerToken(citizen.id) });
    expect(res.body).toEqual({ data: { me: { id: citizen.id, name: '何静' } } });
  });

  it.each([
    [
      'an HS256 token (algorithm confusion)',
      () => providerToken(citizen.id, { alg: 'HS256', key: new TextEncoder().encode(publicPem) }),
    ],
    [
      'a token signed by another key',
      async () => {
        const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const key = await importPKCS8(other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
        return providerToken(citizen.id, { key });
      },
    ],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_case, makeToken) => {
    const res = await stack.graphql('query { organizations(first: 1) { totalCount } }', { token: await makeToken() });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
  });
});

it('names the key that no JWKS entry matches', async () => {
  const stack = await startStack({
    tokenVerifier: await withEnv({ JWT_JWKS_URL: jwksUrl }, () => loadUserTokenVerifier()),
  });
  try {
    const res = await stack.graphql('query { me { id } }', {
      token: await providerToken('00000000-0000-4000-8000-000000000001', { kid: 'retired-key' }),
    });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].message).toBe(
      'The bearer token was refused: no key of the identity provider matches it',
    );
  } finally {
    await stack.stop();
  }
});
