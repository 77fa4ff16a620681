import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { subgraphAgents, timeoutFetcher } from '../gateway/fetcher';

/**
 * The gateway's subgraph fetcher over keep-alive connections. A subgraph may close an idle
 * connection just as the gateway sends on it (Node's documented keep-alive race): the request was
 * never read, so it is sent once more on a fresh connection. Anything else fails as before.
 */

let server: Server;
let url: string;
/** What the test server does with the n-th request on a connection (from 1). */
let onRequest: (nth: number, req: IncomingMessage, res: ServerResponse) => void;
const seen: string[] = [];
const perSocket = new WeakMap<Socket, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const nth = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, nth);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push(`${nth}:${Buffer.concat(chunks).toString()}`);
      onRequest(nth, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const answer = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');

function post(fetcher: ReturnType<typeof timeoutFetcher>, body: string) {
  return (fetcher as unknown as (u: string, i: RequestInit) => Promise<Response>)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

it('reuses one connection for requests made one after another, and hands over status, headers and JSON', async () => {
  onRequest = (_nth, _req, res) => answer(res);
  const fetcher = timeoutFetcher(2000, undefined, 'test', subgraphAgents());
  for (const body of ['{"a":1}', '{"a":2}', '{"a":3}']) {
    const response = await post(fetcher, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ data: { ok: true } });
  }
  expect(seen).toEqual(['1:{"a":1}', '2:{"a":2}', '3:{"a":3}']);
});

it('sends a request again on a new connection when a reused one was closed before answering', async () => {
  // The second request on any connection finds it closed, as when the subgraph's idle timeout fires.
  onRequest = (nth, req, res) => (nth === 2 ? req.socket.destroy() : answer(res));
  const fetcher = timeoutFetcher(2000, undefined, 'test', subgraphAgents());
  await post(fetcher, '{"q":"first"}');
  const response = await post(fetcher, '{"q":"second"}');
  expect(await response.json()).toEqual({ data: { ok: true } });
  expect(seen).toEqual(['1:{"q":"first"}', '2:{"q":"second"}', '1:{"q":"second"}']);
});

it('does not send again when a new connection is reset', async () => {
  onRequest = (_nth, req) => req.socket.destroy();
  const fetcher = timeoutFetcher(2000, undefined, 'test', subgraphAgents());
  await expect(post(fetcher, '{"q":"once"}')).rejects.toThrow(/could not connect \((ECONNRESET|socket hang up)\)/);
  expect(seen).toEqual(['1:{"q":"once"}']);
});

it('gives up after the timeout, covering the whole answer', async () => {
  onRequest = (_nth, _req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":');
  };
  const fetcher = timeoutFetcher(300, undefined, 'test', subgraphAgents());
  await expect(post(fetcher, '{}')).rejects.toThrow('no answer within 300 ms');
});
