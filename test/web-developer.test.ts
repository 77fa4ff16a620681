import { createServer, type Socket } from 'node:net';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { parseOrigins } from '../subgraphs/shared/config';
import { createLogger } from '../subgraphs/shared/logger';
import type { RunningServer } from '../subgraphs/shared/server';
import { startGateway, type GatewayOptions } from '../gateway/server';
import { startStack, type TestStack } from './support/stack';

/**
 * What a department's web developer meets on day one: a browser app on another origin calling the
 * gateway (CORS, with the CSRF protection kept for everyone else), an explorer that works without
 * internet access, and a readiness endpoint beside the liveness one.
 */

const APP = 'https://hrss.example.gov.cn';
const LOCAL_APP = 'http://localhost:5173';
const EVIL = 'https://evil.example.com';

let stack: TestStack;
const gateways: RunningServer[] = [];

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await stack?.stop();
});

/** Another gateway in front of the stack's subgraphs, with its own options. */
async function gateway(options: Partial<GatewayOptions> = {}): Promise<string> {
  const running = await startGateway({
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.servers[n].url])) as Record<
      SubgraphName,
      string
    >,
    verifyToken: async (authorization) =>
      authorization === 'Bearer good' ? { sub: 'officer-1', role: 'officer', dept: 'hrss', scopes: [] } : null,
    signingKey: stack.gatewayKeys.privateKey,
    subgraphTimeoutMs: 5000,
    log: createLogger('test'),
    ...options,
  });
  gateways.push(running);
  return `http://127.0.0.1:${running.port}`;
}

describe('CORS', () => {
  let base: string;
  beforeAll(async () => {
    base = await gateway({ corsOrigins: [APP, LOCAL_APP] });
  });

  function preflight(origin: string, headers = 'authorization, content-type, x-purpose') {
    return fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });
  }

  it('answers a listed origin’s preflight, allowing credentials, Authorization and X-Purpose', async () => {
    for (const origin of [APP, LOCAL_APP]) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-purpose']));
      expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(res.headers.get('vary')).toMatch(/origin/i);
    }
  });

  it('lets a listed origin read the answer to a credentialed cross-origin query, request id included', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json', authorization: 'Bearer good', 'x-purpose': 'HR-1' },
      body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/i);
    expect(((await res.json()) as any).data.organizations.totalCount).toBe(0);
  });

  it('gives an unlisted origin no CORS headers, so its browser keeps the answer from its script', async () => {
    const pre = await preflight(EVIL);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps Apollo’s CSRF protection: a simple cross-origin POST is refused before anything runs', async () => {
    for (const origin of [EVIL, APP]) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { updateMyContact(input: { phone: null }) { id } }' }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    }
    // GET is "simple" too: refused without a header that forces a preflight.
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: EVIL },
    });
    expect(get.status).toBe(400);
  });

  it('sends no CORS headers at all when no origin is configured (the default)', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a wildcard, a path or a malformed origin in CORS_ORIGINS with a message saying what to write', () => {
    expect(parseOrigins(` ${APP} , ${LOCAL_APP},`)).toEqual([APP, LOCAL_APP]);
    expect(() => parseOrigins('*')).toThrow(/may not contain \*/);
    expect(() => parseOrigins('https://app.example.gov.cn/')).toThrow(/written as https:\/\/app.example.gov.cn/);
    expect(() => parseOrigins('app.example.gov.cn')).toThrow(/not an origin/);
  });
});

describe('the explorer', () => {
  it('is served at /explorer with every asset from this gateway, nothing from elsewhere', async () => {
    const base = new URL(stack.gatewayUrl).origin;
    const res = await fetch(`${base}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();

    const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThanOrEqual(6);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>|\son\w+="/); // nothing inline: the CSP allows only files from here
    const assets: Record<string, string> = {};
    for (const reference of references) {
      const url = new URL(reference, `${base}/explorer`);
      expect(url.origin).toBe(base);
      const asset = await fetch(url);
      expect({ reference, status: asset.status }).toEqual({ reference, status: 200 });
      assets[reference] = await asset.text();
    }
    // Styles load nothing from elsewhere either (fonts, images).
    for (const [reference, text] of Object.entries(assets)) {
      if (!reference.endsWith('.css')) continue;
      for (const [, url] of text.matchAll(/url\(\s*['"]?([^'")]+)/g)) expect(url).toMatch(/^data:|^[^:]+$/);
      expect(text).not.toMatch(/@import\s+(url\()?['"]?https?:/);
    }
    // GraphiQL, React and the page's script that adds the token and the purpose.
    const scripts = Object.entries(assets).filter(([reference]) => reference.endsWith('.js'));
    expect(scripts.map(([reference]) => reference.split('/').pop())).toEqual([
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'explorer.js',
    ]);
    const own = assets[references.find((r) => r.endsWith('explorer.js'))!];
    expect(own).toContain("headers.authorization = 'Bearer ' + token");
    expect(own).toContain("headers['x-purpose']");
    expect(own).toMatch(/fetch\(endpoint/);
    expect(html).toContain('id="token"');
    expect(html).toContain('id="purpose"');
  });

  it('can introspect the schema for its documentation, while nested introspection stays bounded', async () => {
    const full = await stack.graphql(getIntrospectionQuery({ inputValueDeprecation: true, specifiedByUrl: true }));
    expect(full.status).toBe(200);
    expect(full.body.errors).toBeUndefined();
    const schema = buildClientSchema(full.body.data as IntrospectionQuery);
    expect(Object.keys(schema.getQueryType()!.getFields())).toContain('organizations');

    const bomb = await stack.graphql(
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    );
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors![0].message).toMatch(/nests 4 introspection lists .* the limits are 3/);
    // Introspection does not lift the limits of a query that also asks for data.
    const mixed = await stack.graphql(
      `{ __typename organizations(first: 1) { edges { node { legalRepresentative { legalRepresentativeOf {
          legalRepresentative { legalRepresentativeOf { legalRepresentative { legalRepresentativeOf {
          legalRepresentative { legalRepresentativeOf { legalRepresentative { name } } } } } } } } } } } } }`,
    );
    expect(mixed.body.errors![0].message).toMatch(/^Query depth limit of 12 exceeded, found \d+\.$/);
  });

  it('is where a browser opening /graphql lands; a GraphQL client there still gets GraphQL', async () => {
    const browser = await fetch(stack.gatewayUrl, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
      redirect: 'manual',
    });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/explorer');
    const client = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect((await client.json()) as any).toEqual({ data: { __typename: 'Query' } });
  });

  it('is not there in production, and a browser opening /graphql gets no page from any CDN', async () => {
    const base = await gateway({ production: true });
    const explorer = await fetch(`${base}/explorer`);
    expect(explorer.status).toBe(404);
    const browser = await fetch(`${base}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
      redirect: 'manual',
    });
    const text = await browser.text();
    expect(browser.status).toBe(400);
    expect(text).not.toMatch(/<html|apollographql|cdn/i);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('liveness and readiness', () => {
  it('answers /ready with 200 and every subgraph up while all answer', async () => {
    const base = new URL(stack.gatewayUrl).origin;
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.status).toBe('ready');
    expect(Object.keys(body.subgraphs).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    for (const name of SUBGRAPH_NAMES) expect(body.subgraphs[name].status).toBe('up');
  });

  it('answers /ready with 503 naming the subgraph that is down or hangs, while /health stays 200', async () => {
    // One address that refuses connections, one that accepts and never answers.
    const held: Socket[] = [];
    const hanging = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const refusing = createServer();
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const refusedPort = (refusing.address() as { port: number }).port;
    await new Promise((resolve) => refusing.close(resolve));
    try {
      const base = await gateway({
        readinessTimeoutMs: 300,
        subgraphUrls: {
          ...(Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.servers[n].url])) as Record<SubgraphName, string>),
          'natural-person': `http://127.0.0.1:${refusedPort}/graphql`,
          'data-tracker': `http://127.0.0.1:${(hanging.address() as { port: number }).port}/graphql`,
        },
      });
      const started = Date.now();
      const res = await fetch(`${base}/ready`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.status).toBe(503);
      const body = (await res.json()) as any;
      expect(body.status).toBe('degraded');
      expect(body.subgraphs['legal-person'].status).toBe('up');
      expect(body.subgraphs['natural-person']).toMatchObject({ status: 'down', reason: 'not reachable' });
      expect(body.subgraphs['data-tracker']).toMatchObject({ status: 'down', reason: 'no answer within 300 ms' });
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|http/);
      expect(text).not.toContain(String(refusedPort));

      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});
