import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { demoSignIns } from '../subgraphs/shared/demo-tokens';
import { generateGatewayKeyPair } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import type { RunningServer } from '../subgraphs/shared/server';
import { startGateway, type GatewayOptions } from '../gateway/server';
import { generateWebFiles } from '../scripts/lib/web-codegen';
import { demoCitizen } from '../seeds';

/**
 * How the gateway serves the web pages beside its own routes: pages for browsers, JSON for API
 * clients, nothing of the gateway's shadowed, demo sign-ins never in production. (The pages
 * themselves are driven in a browser in web.test.ts.)
 */

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const SECRET = new TextEncoder().encode('a development secret of at least 32 bytes');
const root = mkdtempSync(join(tmpdir(), 'gov-graph-web-'));
const dist = join(root, 'dist');
const gateways: RunningServer[] = [];

beforeAll(() => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'outside the pages');
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><div id="root"></div><script src="/assets/app-1a2b3c.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("pages")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  rmSync(root, { recursive: true, force: true });
});

/** A gateway (its subgraphs need not run: nothing here reaches them). */
async function gateway(options: Partial<GatewayOptions> = {}): Promise<string> {
  const running = await startGateway({
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, 'http://127.0.0.1:9/graphql'])) as Record<
      SubgraphName,
      string
    >,
    verifyToken: async () => null,
    signingKey: (await generateGatewayKeyPair()).privateKey,
    subgraphTimeoutMs: 1000,
    log: createLogger('test'),
    webDist: dist,
    ...options,
  });
  gateways.push(running);
  return `http://127.0.0.1:${running.port}`;
}

describe('the pages at /', () => {
  let base: string;
  beforeAll(async () => {
    base = await gateway({ production: false });
  });

  it('answers a browser opening any page address with the app, under a same-origin CSP', async () => {
    for (const path of ['/', '/me', '/me/materials', '/caseworker', '/verify?code=ABC']) {
      const res = await fetch(`${base}${path}`, { headers: { accept: BROWSER } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('<div id="root">');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('gives API clients (no HTML asked for) the JSON 404, and other methods no page', async () => {
    for (const accept of ['*/*', 'application/json']) {
      const res = await fetch(`${base}/me`, { headers: { accept } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const post = await fetch(`${base}/me`, { method: 'POST', headers: { accept: BROWSER } });
    expect(post.status).toBe(404);
  });

  it('serves built files, hashed assets cached for good, a missing asset as 404 rather than the app', async () => {
    const asset = await fetch(`${base}/assets/app-1a2b3c.js`);
    expect(await asset.text()).toBe('console.log("pages")');
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${base}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("pages")');
    for (const path of [
      '/assets/..%2f..%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
    ]) {
      const outside = await fetch(`${base}${path}`);
      expect({ path, status: outside.status }).toEqual({ path, status: expect.any(Number) });
      expect(await outside.text()).not.toContain('"name": "gov-graph"');
    }
    const missing = await fetch(`${base}/assets/app-000000.js`, { headers: { accept: BROWSER } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it("shadows none of the gateway's own routes, even for a browser", async () => {
    const health = await fetch(`${base}/health`, { headers: { accept: BROWSER } });
    expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
    for (const path of [
      '/metrics',
      '/.well-known/jwks.json',
      '/materials',
      '/graphql/extra',
      '/ready/x',
      '/demo-tokens',
    ]) {
      const res = await fetch(`${base}${path}`, { headers: { accept: BROWSER } });
      expect({ path, type: res.headers.get('content-type') }).toEqual({ path, type: expect.stringMatching(/json/) });
      expect(await res.text()).not.toContain('<div id="root">');
    }
    const explorer = await fetch(`${base}/explorer`, { headers: { accept: BROWSER } });
    expect(await explorer.text()).toContain('gov-graph explorer');
  });

  it('says how to build the pages when web/dist is missing', async () => {
    const unbuilt = await gateway({ webDist: join(dist, 'not-built') });
    const res = await fetch(`${unbuilt}/`, { headers: { accept: BROWSER } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});

describe('demo sign-ins', () => {
  const citizen = demoCitizen();
  const demoTokens = () => demoSignIns(citizen, { secret: SECRET, issuer: 'gov-graph', audience: 'gov-graph' }, '5m');

  it('offers the demo citizen, a caseworker, a supervisor and an analyst with tokens signed by the development secret', async () => {
    const base = await gateway({ production: false, demoTokens });
    const res = await fetch(`${base}/demo-tokens`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { signIns } = (await res.json()) as { signIns: { id: string; token: string }[] };
    expect(signIns.map((s) => s.id)).toEqual(['citizen', 'caseworker', 'supervisor', 'analyst']);
    const citizenToken = await jwtVerify(signIns[0].token, SECRET, { issuer: 'gov-graph', audience: 'gov-graph' });
    expect(citizenToken.payload).toMatchObject({ sub: citizen.id, role: 'citizen' });
    const officer = await jwtVerify(signIns[1].token, SECRET, { issuer: 'gov-graph', audience: 'gov-graph' });
    expect(officer.payload).toMatchObject({ sub: 'officer-civil-affairs-001', role: 'officer', dept: 'civil-affairs' });
    // The supervisor sees the board (assistance:read) and nothing of the case files or people.
    const supervisor = await jwtVerify(signIns[2].token, SECRET, { issuer: 'gov-graph', audience: 'gov-graph' });
    expect(supervisor.payload).toMatchObject({ role: 'officer', dept: 'data-bureau', scopes: ['assistance:read'] });
  });

  it('are never served in production, even when offered', async () => {
    const base = await gateway({ production: true, demoTokens });
    const res = await fetch(`${base}/demo-tokens`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/eyJ/); // no JWT in the answer
  });
});

it('keeps the generated operation types and trusted-documents/web.json current (npm run web:codegen)', async () => {
  const stale: string[] = [];
  for (const [path, content] of await generateWebFiles()) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== content) stale.push(path);
  }
  expect(stale).toEqual([]);
});
