import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { createTokenVerifier, TOKEN_CACHE_SECONDS } from '../gateway/authenticate';

/**
 * The gateway remembers accepted user tokens so that a department app's token is not checked
 * again on every request: only tokens that passed, never past their `exp` nor longer than
 * TOKEN_CACHE_SECONDS, at most `cacheSize` of them. `stats.checks` counts the checks really made.
 */

const secret = randomBytes(32);
const OPTIONS = { issuer: 'gov-graph', audience: 'gov-graph' };

async function token(sub: string, { exp, key = secret }: { exp: number; key?: Uint8Array }): Promise<string> {
  return new SignJWT({ role: 'officer', dept: 'civil-affairs', scopes: ['person:read'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer('gov-graph')
    .setAudience('gov-graph')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
}

const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

it('checks a token once and answers its repeats from memory with the same identity', async () => {
  const verify = createTokenVerifier({ kind: 'secret', secret }, OPTIONS);
  const bearer = `Bearer ${await token('officer-1', { exp: inSeconds(600) })}`;
  const first = await verify(bearer);
  const again = await verify(bearer);
  expect(first).toMatchObject({ sub: 'officer-1', role: 'officer', dept: 'civil-affairs', scopes: ['person:read'] });
  expect(again).toEqual(first);
  expect(verify.stats.checks).toBe(1);
  // What one request holds cannot change what the next one is told.
  expect(() => Object.assign(again!, { sub: 'someone-else' })).toThrow(TypeError);
  expect(() => (again!.scopes as string[]).push('person:read:sensitive')).toThrow(TypeError);
  expect((await verify(bearer))?.sub).toBe('officer-1');
});

it('checks a token again once its exp is reached, never answering from memory past it', async () => {
  let now = Date.now();
  const verify = createTokenVerifier({ kind: 'secret', secret }, { ...OPTIONS, now: () => now });
  const exp = inSeconds(120);
  const bearer = `Bearer ${await token('officer-2', { exp })}`;
  await verify(bearer);
  now = exp * 1000 - 1;
  await verify(bearer);
  expect(verify.stats.checks).toBe(1);
  now = exp * 1000;
  // The real clock still finds the token valid: the check is made again, and it passes.
  await verify(bearer);
  expect(verify.stats.checks).toBe(2);
});

it(`remembers a long-lived token for at most ${TOKEN_CACHE_SECONDS} s`, async () => {
  let now = Date.now();
  const verify = createTokenVerifier({ kind: 'secret', secret }, { ...OPTIONS, now: () => now });
  const bearer = `Bearer ${await token('officer-3', { exp: inSeconds(24 * 3600) })}`;
  await verify(bearer);
  now += TOKEN_CACHE_SECONDS * 1000 - 1;
  await verify(bearer);
  expect(verify.stats.checks).toBe(1);
  now += 1;
  await verify(bearer);
  expect(verify.stats.checks).toBe(2);
});

it('never remembers a refused token', async () => {
  const verify = createTokenVerifier({ kind: 'secret', secret }, OPTIONS);
  const forged = `Bearer ${await token('officer-4', { exp: inSeconds(600), key: randomBytes(32) })}`;
  for (let i = 0; i < 3; i += 1) {
    await expect(verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  }
  expect(verify.stats.checks).toBe(3);
});

it('keeps at most cacheSize tokens, dropping the least recently used', async () => {
  const verify = createTokenVerifier({ kind: 'secret', secret }, { ...OPTIONS, cacheSize: 2 });
  const [a, b, c] = await Promise.all(
    ['a', 'b', 'c'].map(async (sub) => `Bearer ${await token(sub, { exp: inSeconds(600) })}`),
  );
  await verify(a);
  await verify(b);
  await verify(a); // a is now the most recently used
  await verify(c); // drops b
  expect(verify.stats.checks).toBe(3);
  await verify(a);
  expect(verify.stats.checks).toBe(3);
  await verify(b);
  expect(verify.stats.checks).toBe(4);
});

it('checks every time with cacheSize 0', async () => {
  const verify = createTokenVerifier({ kind: 'secret', secret }, { ...OPTIONS, cacheSize: 0 });
  const bearer = `Bearer ${await token('officer-5', { exp: inSeconds(600) })}`;
  await verify(bearer);
  await verify(bearer);
  expect(verify.stats.checks).toBe(2);
});
