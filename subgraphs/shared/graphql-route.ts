import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { internalErrorMessage, shortenQuotedValues } from './errors';
import type { HttpErrorCode } from './http-errors';
import type { Logger } from './logger';
import { setRequestRoute } from './telemetry/request-scope';

/**
 * POST /graphql without Express: the request every gateway call to a subgraph is, served by
 * node:http straight into Apollo Server's executeHTTPGraphQLRequest. Express's router, body-parser
 * and the Express integration were about 5% of a subgraph's CPU on the public page, for a route
 * that needs none of them. Only the plain case is taken here: POST to exactly /graphql, a JSON
 * body (`application/json`, UTF-8, not compressed) with a Content-Length within the limit that
 * parses to a JSON object. Anything else (another method or path, another content type or
 * encoding, no or a too large Content-Length, a body that is not a JSON object) goes to the
 * Express app as before, with the body read so far given back to the request, so every refusal
 * (405, 413, 415, a malformed body's 400) is Express's own answer, word for word.
 *
 * The one difference: a GraphQL answer from here carries no ETag (Express computes a SHA-1 of
 * every body it sends for one; no client revalidates a POST).
 */

const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;

export interface GraphQLRouteOptions<C extends BaseContext> {
  /** The largest body accepted, bytes (what Express's json parser is given). */
  limit: number;
  log: Logger;
  server: () => ApolloServer<C>;
  /**
   * Checks a parsed body (operation, assertion) and either answers the request itself (a refusal,
   * returning undefined) or gives the context factory and a scope to run the execution in.
   */
  admit(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
  ): Promise<{ context: () => Promise<C>; scope: <T>(work: () => T) => T } | undefined>;
}

/** Whether the request is one this route serves without Express (decided from its head alone). */
function plainGraphQLRequest(req: IncomingMessage, limit: number): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const { headers } = req;
  const type = headers['content-type'];
  if (type === undefined || !JSON_CONTENT_TYPE.test(type)) return false;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  if (headers['transfer-encoding'] !== undefined) return false;
  const length = headers['content-length'];
  if (length === undefined || !/^\d+$/.test(length)) return false;
  const bytes = Number(length);
  return bytes > 0 && bytes <= limit;
}

/**
 * Reads exactly Content-Length bytes without letting the stream end, so that they can be given
 * back (unshift) for Express to read again. Resolves with null if the request breaks off.
 */
function readBody(req: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Buffer | null) => {
      req.removeListener('readable', onReadable);
      req.removeListener('error', onBroken);
      req.removeListener('close', onBroken);
      resolve(body);
    };
    const onBroken = () => finish(null);
    const onReadable = () => {
      let chunk: Buffer | null;
      while (size < length && (chunk = req.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        size += chunk.length;
      }
      if (size >= length) finish(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    req.on('readable', onReadable);
    req.once('error', onBroken);
    req.once('close', onBroken);
  });
}

/** Parses a body as JSON if it is a JSON object (what Express's strict json parser makes of it too). */
function jsonObject(body: Buffer): object | undefined {
  // A byte-order mark, which Express's parser strips, and anything but an object go to Express.
  if (body[0] !== 0x7b /* { */) return undefined;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One GraphQL-style error with an HTTP status, as sendError writes it, on a plain response. */
export function writeError(
  res: ServerResponse,
  status: number,
  code: HttpErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  const body = JSON.stringify({
    errors: [{ message: shortenQuotedValues(message), extensions: { code, ...extensions } }],
  });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Makes the route: a function that serves a request and returns true, or returns false at once
 * (having read nothing) for a request Express must serve. `fallback` is the Express app, for a
 * request whose body turned out not to be a JSON object.
 */
export function graphQLRoute<C extends BaseContext>(
  options: GraphQLRouteOptions<C>,
  fallback: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { limit, log } = options;
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req, Number(req.headers['content-length']));
    if (raw === null) return; // the client went away; nobody to answer
    const body = jsonObject(raw);
    if (body === undefined) {
      req.unshift(raw);
      fallback(req, res);
      return;
    }
    setRequestRoute('/graphql');
    try {
      const admitted = await options.admit(req, res, body);
      if (!admitted) return;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await admitted.scope(() =>
        options.server().executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers, search: '', body },
          context: admitted.context,
        }),
      );
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.setHeader('content-length', Buffer.byteLength(response.body.string));
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      // What the Express app's error handler answers for a failure outside GraphQL.
      const requestId = randomUUID();
      log.error({ requestId, path: '/graphql', err: error }, 'request failed outside GraphQL');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.setHeader('x-request-id', requestId);
      writeError(res, 500, 'INTERNAL_SERVER_ERROR', internalErrorMessage(requestId), { requestId });
    }
  };
  return (req, res) => {
    if (!plainGraphQLRequest(req, limit)) return false;
    void serve(req, res);
    return true;
  };
}
