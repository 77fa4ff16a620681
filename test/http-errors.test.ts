import { REPO_ROOT } from '../subgraphs/shared/config';
import { REGISTRY_NAMES, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { ASSERTION_HEADER, operationDigest, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import type { RunningServer } from '../subgraphs/shared/server';
import { createLogger } from '../subgraphs/shared/logger';
import { startGateway } from '../gateway/server';
import { startStack, type TestStack } from './support/stack';

/**
 * Requests that never reach GraphQL execution, sent as an attacker or a careless client would:
 * every process answers them with a GraphQL-style JSON error and the right 4xx, in development and
 * in production mode, never with Express's HTML page, a stack trace or a file path.
 */

let stack: TestStack;
let production: RunningServer;

beforeAll(async () => {
  stack = await startStack();
  production = await startGateway({
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.servers[n].url])) as Record<
      SubgraphName,
      string
    >,
    verifyToken: async () => null,
    signingKey: stack.gatewayKeys.privateKey,
    subgraphTimeoutMs: 5000,
    log: createLogger('test'),
    production: true,
  });
});

afterAll(async () => {
  await production?.close();
  await stack?.stop();
});

interface Raw {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function send(url: string, init: RequestInit = {}): Promise<Raw> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** A JSON error with this status and code, and nothing about the server's insides. */
function expectJsonError(res: Raw, status: number, code: string): string {
  expect({ status: res.status, code: res.body?.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(res.body.errors).toHaveLength(1);
  expect(typeof res.body.errors[0].message).toBe('string');
  expect(res.text).not.toMatch(/<html|<pre|<!doctype/i);
  expect(res.text).not.toContain(REPO_ROOT);
  expect(res.text).not.toContain('node_modules');
  expect(res.text).not.toMatch(/\bat [\w$.<>]+ \(/);
  expect(res.text).not.toMatch(/\.(ts|js):\d+/);
  return res.body.errors[0].message as string;
}

const json = { 'content-type': 'application/json' };

function origin(url: string): string {
  return new URL(url).origin;
}

const processes: [string, () => string][] = [
  ['gateway (development)', () => origin(stack.gatewayUrl)],
  ['gateway (production)', () => origin(production.url.replace('localhost', '127.0.0.1'))],
  ...SUBGRAPH_NAMES.map((name): [string, () => string] => [name, () => origin(stack.servers[name].url)]),
];

describe.each(processes)('%s', (_name, base) => {
  it('answers malformed JSON with 400 BAD_REQUEST saying what is wrong', async () => {
    const res = await send(`${base()}/graphql`, { method: 'POST', headers: json, body: '{"query": "{ __typename }"' });
    expect(expectJsonError(res, 400, 'BAD_REQUEST')).toMatch(/not valid JSON/);
  });

  it('answers a body that is JSON but not an object with 400', async () => {
    const res = await send(`${base()}/graphql`, { method: 'POST', headers: json, body: '"{ __typename }"' });
    expectJsonError(res, 400, 'BAD_REQUEST');
  });

  it('answers an over-limit body with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(2_200_000) } });
    const res = await send(`${base()}/graphql`, { method: 'POST', headers: json, body });
    expect(expectJsonError(res, 413, 'PAYLOAD_TOO_LARGE')).toMatch(/at most \d+/);
  });

  it('answers a body in another character set with 415', async () => {
    const res = await send(`${base()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{"query":"{ __typename }"}',
    });
    expectJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a path nothing serves with 404 NOT_FOUND', async () => {
    for (const path of ['/', '/nothing-here', '/graphql.php', '/%E0%A4%A', '/health/../../etc/passwd']) {
      const res = await send(`${base()}${path}`);
      expectJsonError(res, 404, 'NOT_FOUND');
    }
  });

  it('answers a method a path does not serve with 405 and Allow', async () => {
    const res = await send(`${base()}/health`, { method: 'POST', headers: json, body: '{}' });
    expect(expectJsonError(res, 405, 'METHOD_NOT_ALLOWED')).toMatch(/GET/);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the gateway', () => {
  it('refuses a simple (CSRF-able) text/plain POST with a JSON 400, not a plain-text 500', async () => {
    const res = await send(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(expectJsonError(res, 400, 'BAD_REQUEST')).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a POST of another content type with a JSON 400', async () => {
    const res = await send(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<query/>',
    });
    expectJsonError(res, 400, 'BAD_REQUEST');
  });

  it('answers PUT /graphql with a JSON 405', async () => {
    const res = await send(stack.gatewayUrl, { method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' });
    expect(expectJsonError(res, 405, 'METHOD_NOT_ALLOWED')).toBe('/graphql does not answer PUT; it answers GET, POST.');
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('answers a bad X-Purpose header with a JSON 400', async () => {
    const res = await send(stack.gatewayUrl, {
      method: 'POST',
      headers: { ...json, 'x-purpose': 'x'.repeat(500) },
      body: '{"query":"{ __typename }"}',
    });
    expectJsonError(res, 400, 'BAD_USER_INPUT');
  });
});

describe('registries’ /access-records', () => {
  async function signedGet(registry: string, search: string): Promise<Raw> {
    const path = `/access-records${search}`;
    const assertion = await signAssertion(stack.gatewayKeys.privateKey, {
      audience: registry as SubgraphName,
      caller: {
        identity: { sub: 'auditor-1', role: 'auditor', dept: 'data-bureau', scopes: [] },
        purpose: null,
        requestId: 'test-request',
        operationName: null,
        via: null,
      },
      digest: routeDigest('GET', path),
    });
    return send(`${origin(stack.servers[registry as SubgraphName].url)}${path}`, {
      headers: { [ASSERTION_HEADER]: assertion },
    });
  }

  it.each(REGISTRY_NAMES)(
    '%s answers bad parameters with JSON BAD_USER_INPUT naming the parameter',
    async (registry) => {
      const subject = await signedGet(registry, '?subject=not-a-uuid');
      expectJsonError(subject, 400, 'BAD_USER_INPUT');
      expect(subject.body.errors[0].extensions.argument).toBe('subject');
      const limit = await signedGet(registry, '?limit=100000');
      expectJsonError(limit, 400, 'BAD_USER_INPUT');
      expect(limit.body.errors[0].extensions.argument).toBe('limit');
    },
  );

  it.each(REGISTRY_NAMES)('%s answers an unsigned request with JSON 401 and POST with 405', async (registry) => {
    const base = origin(stack.servers[registry].url);
    expectJsonError(await send(`${base}/access-records`), 401, 'UNAUTHENTICATED');
    const post = await send(`${base}/access-records`, { method: 'POST', headers: json, body: '{}' });
    expectJsonError(post, 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('operations the client got wrong are HTTP 400, not 500', () => {
  const TWO = 'query A { __typename } query B { __typename }';

  async function gateway(body: Record<string, unknown>, url = stack.gatewayUrl): Promise<Raw> {
    return send(url, { method: 'POST', headers: json, body: JSON.stringify(body) });
  }

  it('refuses a subscription with a message that says there are none', async () => {
    const res = await gateway({ query: 'subscription { __typename }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/no subscriptions/);
  });

  it('refuses an unknown operationName, naming the operations there are', async () => {
    const res = await gateway({ query: TWO, operationName: 'C' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(res.body.errors[0].message).toBe('operationName "C" names no operation in the query; it holds A, B');
  });

  it('refuses several operations without an operationName', async () => {
    const res = await gateway({ query: TWO });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/holds 2 operations \(A, B\); say which to run with operationName/);
  });

  it('runs the named one of several operations', async () => {
    const res = await gateway({ query: TWO, operationName: 'B' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ __typename: 'Query' });
  });

  it.each(SUBGRAPH_NAMES)('%s refuses them with 400 too', async (name) => {
    for (const [body, pattern] of [
      [{ query: 'subscription { __typename }' }, /no subscriptions|Subscription/],
      [{ query: TWO, operationName: 'C' }, /names no operation/],
      [{ query: TWO }, /say which to run/],
    ] as const) {
      const assertion = await signAssertion(stack.gatewayKeys.privateKey, {
        audience: name,
        caller: { identity: null, purpose: null, requestId: 'test-request', operationName: null, via: null },
        digest: operationDigest(body as { query: string; operationName?: string }),
      });
      const res = await send(stack.servers[name].url, {
        method: 'POST',
        headers: { ...json, [ASSERTION_HEADER]: assertion },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(pattern);
    }
  });
});

describe('schema details in production', () => {
  const TYPO = '{ organizationz(first: 1) { totalCount } }';

  it('suggests field names in development', async () => {
    const res = await stack.graphql(TYPO);
    expect(res.status).toBe(400);
    expect(res.body.errors![0].message).toMatch(/Did you mean .*"organizations"/);
  });

  it('suggests nothing in production, where introspection is off too', async () => {
    const typo = await send(production.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: TYPO }),
    });
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].message).toBe('Cannot query field "organizationz" on type "Query".');
    const argument = await send(production.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ organizations(firs: 1) { totalCount } }' }),
    });
    expect(argument.text).not.toMatch(/Did you mean/);
    // Variables are coerced after validation: their messages must not suggest names either.
    for (const [variables, suggestion] of [
      [{ f: { statu: 'ACTIVE' } }, '\\"status\\"'],
      [{ f: { status: 'ACTIV' } }, 'ACTIVE'],
    ] as const) {
      const coerced = await send(production.url.replace('localhost', '127.0.0.1'), {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          query: 'query Q($f: OrganizationFilter) { organizations(filter: $f, first: 1) { totalCount } }',
          variables,
        }),
      });
      expect(coerced.status).toBe(400);
      expect(coerced.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(coerced.text).not.toContain('Did you mean');
      expect(coerced.text).not.toContain(suggestion);
    }
    const introspection = await send(production.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    expect(introspection.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
