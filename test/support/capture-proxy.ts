import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A man in the middle between a sender (the gateway, the data tracker) and a subgraph, as an
 * attacker on the network would sit: it records every request it sees, and either forwards it or
 * withholds it (so the attacker holds a signed request that was never used).
 */
export interface CapturedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CaptureProxy {
  /** Base URL of the proxy, with the target's path (e.g. http://127.0.0.1:1234/graphql). */
  url: string;
  captured: CapturedRequest[];
  /** While true, requests are recorded and answered 502 instead of being forwarded. */
  withhold: boolean;
  /** Milliseconds each request waits before it is forwarded (a slow network or subgraph). */
  delayMs: number;
  /** The target to forward to (set after the target has started). */
  target: string;
  close(): Promise<void>;
}

export async function startCaptureProxy(path = '/graphql'): Promise<CaptureProxy> {
  const proxy: CaptureProxy = {
    url: '',
    captured: [],
    withhold: false,
    delayMs: 0,
    target: '',
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      proxy.captured.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
      if (proxy.withhold) {
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"errors":[{"message":"withheld"}]}');
        return;
      }
      const target = new URL(req.url ?? '/', proxy.target);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name, value]) => typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name),
        ),
      ) as Record<string, string>;
      new Promise((resolve) => setTimeout(resolve, proxy.delayMs))
        .then(() =>
          fetch(target, {
            method: req.method,
            headers,
            body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
          }),
        )
        .then(async (response) => {
          res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'text/plain' });
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502, { 'content-type': 'text/plain' }).end('target unreachable');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return proxy;
}
