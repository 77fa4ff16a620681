import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';

/**
 * HTTP requests between this deployment's own services (the gateway to its subgraphs, the data
 * tracker to each registry's access log) over node:http with keep-alive connections: about a third
 * of the CPU time of Node's fetch (undici, web streams, AbortSignal) per request, which matters on
 * paths that make several such requests for every client request. The whole answer is read into
 * one buffer (these answers are small JSON).
 */

/**
 * Connections kept open between requests: one per request in flight at most (a busy caller holds
 * as many as it has concurrent requests), reused newest first so that a quiet period lets the
 * oldest ones time out. An idle connection is closed after IDLE_SOCKET_MS, or a second before the
 * server's own `Keep-Alive: timeout` when that is sooner (Node's agent honours the hint only when
 * it has a timeout of its own), so no request is sent on a connection the server is closing.
 */
export function keepAliveAgents(): HttpAgents {
  const options = {
    keepAlive: true,
    maxSockets: 512,
    maxFreeSockets: 256,
    scheduling: 'lifo' as const,
    timeout: IDLE_SOCKET_MS,
  };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

export interface HttpAgents {
  http: http.Agent;
  https: https.Agent;
}

/** Below Node's default server keep-alive timeout (5 s), which the services keep. */
const IDLE_SOCKET_MS = 4000;

/** No complete answer within the time allowed (the request is abandoned and its connection closed). */
export class RequestTimeout extends Error {}

/** What to send, as for fetch (a body is sent only when it is a string). */
export interface OutgoingRequest extends Pick<RequestInit, 'method' | 'headers' | 'body'> {
  /** The request target (path and query string) in place of the URL's: the URL then only names the server. */
  path?: string;
}

/**
 * One request; sent once more, on a new connection, when a reused keep-alive connection turns out
 * to have been closed by the server before it answered (ECONNRESET: the request was never read,
 * Node's documented race). Sending it again cannot run anything twice: the services accept each
 * gateway assertion once, so a request that was read would be refused the second time. Rejects
 * with RequestTimeout when the whole answer has not arrived within `timeoutMs`, or with the
 * connection's error.
 */
export async function sendRequest(
  url: string,
  init: OutgoingRequest,
  timeoutMs: number,
  agents: HttpAgents,
): Promise<BufferedResponse> {
  try {
    return await sendOnce(url, init, timeoutMs, agents);
  } catch (error) {
    if (!(error instanceof ReusedConnectionReset)) throw error;
    return sendOnce(url, init, timeoutMs, agents, false);
  }
}

/** A reset on a connection that had served requests before, with nothing of the answer received. */
class ReusedConnectionReset extends Error {
  readonly code = 'ECONNRESET';
}

function sendOnce(
  url: string,
  init: OutgoingRequest,
  timeoutMs: number,
  agents: HttpAgents,
  reuse = true,
): Promise<BufferedResponse> {
  const target = requestTarget(url);
  const secure = target.protocol === 'https:';
  const headers = headerRecord(init.headers);
  const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
  if (body) headers['content-length'] = String(body.length);
  // The retry goes on a fresh connection of its own, outside the pool.
  const agent = reuse ? (secure ? agents.https : agents.http) : false;
  return new Promise((resolve, reject) => {
    let answered = false;
    const options = { ...target, method: init.method ?? 'GET', headers, agent };
    if (init.path !== undefined) options.path = init.path;
    const request = (secure ? https : http).request(options, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve(new BufferedResponse(url, res, Buffer.concat(chunks)));
      });
    });
    const timer = setTimeout(() => request.destroy(new RequestTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error & { code?: string }) {
      clearTimeout(timer);
      reject(
        !answered && request.reusedSocket && error.code === 'ECONNRESET'
          ? new ReusedConnectionReset(error.message)
          : error,
      );
    }
    request.on('error', fail);
    request.end(body);
  });
}

/**
 * A URL as node:http's request options (what it would make of a URL object on every request),
 * remembered per URL: the services call a handful of URLs (a varying query string goes in `path`).
 */
function requestTarget(url: string): http.RequestOptions {
  let target = requestTargets.get(url);
  if (!target) {
    target = urlToHttpOptions(new URL(url));
    if (requestTargets.size >= MAX_REMEMBERED_URLS) requestTargets.clear();
    requestTargets.set(url, target);
  }
  return target;
}

const requestTargets = new Map<string, http.RequestOptions>();
const MAX_REMEMBERED_URLS = 64;

/**
 * Request headers as node:http takes them, names in lower case. A plain object (what Apollo's data
 * source hands over) is copied as it is; anything else goes through a Headers object, which also
 * joins repeated names.
 */
function headerRecord(given: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!given) return headers;
  if (Object.getPrototypeOf(given) === Object.prototype) {
    for (const [name, value] of Object.entries(given as Record<string, string>)) headers[name.toLowerCase()] = value;
    return headers;
  }
  new Headers(given).forEach((value, name) => (headers[name] = value));
  return headers;
}

/**
 * A whole answer, read like a fetch Response (status, ok, headers, text(), json()). Its headers
 * become a Headers object only when something asks for them; the content type is at hand.
 */
export class BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly redirected = false;
  /** The Content-Type header, if any. */
  readonly contentType: string | undefined;
  private readonly rawHeaders: string[];
  private parsedHeaders: Headers | undefined;

  constructor(
    readonly url: string,
    res: http.IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.contentType = res.headers['content-type'];
    this.rawHeaders = res.rawHeaders;
  }

  get headers(): Headers {
    if (!this.parsedHeaders) {
      this.parsedHeaders = new Headers();
      for (let i = 0; i < this.rawHeaders.length; i += 2) {
        this.parsedHeaders.append(this.rawHeaders[i], this.rawHeaders[i + 1]);
      }
    }
    return this.parsedHeaders;
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
}
