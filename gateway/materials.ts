import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import type express from 'express';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { CryptoKey } from 'jose';
import { ASSERTION_HEADER, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import type { Caller, Identity } from '../subgraphs/shared/identity';
import type { Logger } from '../subgraphs/shared/logger';
import {
  MATERIALS_PATH,
  MAX_MATERIAL_BYTES,
  MaterialRouteError,
  UPLOAD_PARAMETERS,
  sendMaterialError,
} from '../subgraphs/shared/material-routes';

/**
 * The gateway's material routes: `POST /materials` (upload) and `GET /materials/{id}` (download).
 * The gateway checks the bearer token and X-Purpose as for GraphQL, then streams the request to
 * the certificate registry's own route and its answer back, never holding a whole file: the body
 * passes through in the chunks it arrives in, with backpressure both ways. The registry's request
 * carries a gateway assertion bound to the method and the exact target (path and query), used once,
 * so what the registry stores or serves is exactly what the gateway authorised.
 *
 * Upload: `POST /materials?kind=<material kind>[&person=<person id>][&name=<file name>]`, the file
 * as the body (any content type; the registry recognises PDF, JPEG, PNG and OFD from the bytes).
 * A citizen uploads their own; an officer names the applicant with `person` and sends X-Purpose.
 */

export interface MaterialRouteOptions {
  /** The certificate registry's GraphQL URL; its material routes are beside it. */
  certificateUrl: string;
  signingKey: CryptoKey;
  verifyToken(authorization: string | undefined): Promise<Identity | null>;
  readPurpose(header: string | undefined): string | null;
  /** How long to wait for the registry to say anything (an idle connection). */
  timeoutMs: number;
  log: Logger;
}

const RELAYED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'etag',
  'cache-control',
  'x-content-type-options',
  'retry-after',
];

export function mountMaterialRoutes(app: express.Express, options: MaterialRouteOptions): void {
  const { log } = options;
  const base = new URL(options.certificateUrl);

  app.post(MATERIALS_PATH, async (req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    let caller: Caller;
    let target: string;
    try {
      caller = await callerOf(req, requestId, options);
      if (!caller.identity)
        throw new MaterialRouteError(401, 'UNAUTHENTICATED', 'Uploading a material needs a bearer token.');
      const declared = req.get('content-length');
      if (declared !== undefined && Number(declared) > MAX_MATERIAL_BYTES) throw tooLarge();
      target = uploadTarget(req);
    } catch (error) {
      discard(req, res, () => sendMaterialError(res, asRouteError(error, requestId, log)));
      return;
    }
    const upstream = await forward(base, 'POST', target, caller, options, {
      'content-type': 'application/octet-stream',
      ...(req.get('content-length') ? { 'content-length': req.get('content-length')! } : {}),
    });
    let stopped = false;
    const stop = () => {
      stopped = true;
      req.unpipe();
      upstream.destroy();
    };
    upstream.on('response', (answer) => relay(answer, req, res, stop));
    upstream.on('error', (error) => {
      if (stopped) return;
      log.error({ requestId, reason: error.message }, 'the certificate registry did not take the upload');
      stop();
      discard(req, res, () => sendMaterialError(res, unavailable()));
    });
    // The body passes through as it arrives; past the limit the transfer stops (nothing is kept upstream).
    let passed = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        passed += chunk.length;
        done(passed > MAX_MATERIAL_BYTES ? tooLarge() : null, chunk);
      },
    });
    limit.on('error', (error) => {
      if (!(error instanceof MaterialRouteError)) return;
      stop();
      if (!res.headersSent) discard(req, res, () => sendMaterialError(res, error));
    });
    req.on('close', () => {
      if (!req.complete && !stopped) {
        log.info({ requestId }, 'upload interrupted by the client; the registry keeps nothing');
        stop();
      }
    });
    req.pipe(limit).pipe(upstream);
  });

  app.get(`${MATERIALS_PATH}/:id`, async (req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    let caller: Caller;
    try {
      caller = await callerOf(req, requestId, options);
    } catch (error) {
      sendMaterialError(res, asRouteError(error, requestId, log));
      return;
    }
    const id = String(req.params.id);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      sendMaterialError(
        res,
        new MaterialRouteError(400, 'BAD_USER_INPUT', `${JSON.stringify(id)} is not a material id (UUID)`, {
          argument: 'id',
          rule: 'uuid',
        }),
      );
      return;
    }
    const upstream = await forward(base, 'GET', `${MATERIALS_PATH}/${id.toLowerCase()}`, caller, options, {});
    upstream.on('response', (answer) => relay(answer, req, res, () => upstream.destroy()));
    upstream.on('error', (error) => {
      log.error({ requestId, reason: error.message }, 'the certificate registry did not serve the download');
      if (res.headersSent) res.destroy();
      else sendMaterialError(res, unavailable());
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end();
  });
}

/** The caller as for GraphQL: the verified token (or anonymous), the purpose, a fresh request id. */
async function callerOf(req: Request, requestId: string, options: MaterialRouteOptions): Promise<Caller> {
  const identity = await options.verifyToken(req.get('authorization'));
  return { identity, purpose: options.readPurpose(req.get('x-purpose')), requestId, operationName: null, via: null };
}

/** The registry's target for an upload: only the known parameters, each at most once, in a fixed order. */
function uploadTarget(req: Request): string {
  const url = new URL(req.originalUrl, 'http://gateway');
  const params = new URLSearchParams();
  for (const name of url.searchParams.keys()) {
    if (!(UPLOAD_PARAMETERS as readonly string[]).includes(name)) {
      throw new MaterialRouteError(
        400,
        'BAD_USER_INPUT',
        `unknown query parameter ${name}; an upload takes kind, person and name`,
        {
          argument: name,
          rule: 'unknown',
        },
      );
    }
  }
  for (const name of UPLOAD_PARAMETERS) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) {
      throw new MaterialRouteError(400, 'BAD_USER_INPUT', `give the query parameter ${name} once`, {
        argument: name,
        rule: 'single',
      });
    }
    if (values.length === 1) params.set(name, values[0]);
  }
  const query = params.toString();
  return query ? `${MATERIALS_PATH}?${query}` : MATERIALS_PATH;
}

/** Opens the request to the registry, signed for exactly this method and target. */
async function forward(
  base: URL,
  method: 'GET' | 'POST',
  target: string,
  caller: Caller,
  options: MaterialRouteOptions,
  headers: Record<string, string>,
) {
  const assertion = await signAssertion(options.signingKey, {
    audience: 'certificate',
    caller,
    digest: routeDigest(method, target),
  });
  const url = new URL(target, base);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // A connection of its own, never a pooled keep-alive one: the registry closes idle connections
  // after 5 s, and a pooled socket it is closing at that moment fails the transfer (a streamed
  // upload cannot be sent again), which answered 503 for a good upload on a loaded machine.
  const upstream = send(url, {
    method,
    agent: false,
    headers: { ...headers, [ASSERTION_HEADER]: assertion, 'x-request-id': caller.requestId },
  });
  upstream.setTimeout(options.timeoutMs, () => upstream.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
  return upstream;
}

/** Passes the registry's answer on: status, the headers that describe the body, and the body as it streams. */
function relay(answer: IncomingMessage, req: Request, res: Response, stopUpstream: () => void): void {
  const unread = req.method === 'POST' && !req.complete;
  res.status(answer.statusCode ?? 502);
  for (const name of RELAYED_HEADERS) {
    const value = answer.headers[name];
    if (value !== undefined) res.setHeader(name, value);
  }
  if (unread) res.setHeader('connection', 'close');
  answer.pipe(res);
  res.on('close', () => {
    if (!answer.complete) answer.destroy();
  });
  answer.on('end', () => {
    if (unread && !req.complete) {
      // The registry answered before the body ended (it refused the upload): stop sending it on.
      req.unpipe();
      stopUpstream();
      drain(req);
    }
  });
}

/** Answers, then reads and drops whatever of the body is left (a few seconds at most), so the client sees the answer. */
function discard(req: Request, res: Response, send: () => void): void {
  const unread = !req.complete && !req.destroyed;
  if (unread && !res.headersSent) res.setHeader('connection', 'close');
  send();
  if (unread) drain(req);
}

function drain(req: Request): void {
  req.resume();
  const timer = setTimeout(() => req.socket?.destroy(), 5_000);
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

function tooLarge(): MaterialRouteError {
  return new MaterialRouteError(
    413,
    'PAYLOAD_TOO_LARGE',
    `A material may be at most ${MAX_MATERIAL_BYTES} bytes (10 MiB); nothing was kept. Scan at a lower resolution or split the document.`,
  );
}

function unavailable(): MaterialRouteError {
  return new MaterialRouteError(
    503,
    'SUBGRAPH_UNAVAILABLE',
    'The certificate registry did not answer; nothing was kept. Try again later.',
    { registry: 'certificate' },
  );
}

function asRouteError(error: unknown, requestId: string, log: Logger): MaterialRouteError {
  if (error instanceof MaterialRouteError) return error;
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    if (code === 'UNAUTHENTICATED') return new MaterialRouteError(401, 'UNAUTHENTICATED', error.message);
    if (code === 'BAD_USER_INPUT') {
      return new MaterialRouteError(400, 'BAD_USER_INPUT', error.message, {
        argument: error.extensions.argument,
        rule: error.extensions.rule,
      });
    }
  }
  log.error({ requestId, err: error as Error }, 'material route failed at the gateway');
  return new MaterialRouteError(
    500,
    'INTERNAL_SERVER_ERROR',
    `Internal error; quote request id ${requestId} when reporting it.`,
    {
      requestId,
    },
  );
}
