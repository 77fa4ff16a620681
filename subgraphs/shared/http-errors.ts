import { randomUUID } from 'node:crypto';
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { internalErrorMessage, shortenQuotedValues } from './errors';
import type { Logger } from './logger';

/**
 * Every failure outside GraphQL execution (a body that is not JSON or too large, a path nothing
 * serves, a method a path does not serve, a route handler that throws) answers like a GraphQL
 * error: `{"errors":[{"message":..., "extensions":{"code":...}}]}` with its 4xx status, in every
 * mode. Express's own handler would answer with an HTML page holding the stack trace and file
 * paths unless NODE_ENV=production. The gateway and every subgraph server install this last.
 */

/** Codes of HTTP-level refusals, beside the GraphQL ones (errors.ts). */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  | 'STATISTICS_BUDGET_EXCEEDED';

/** Sends one GraphQL-style error with an HTTP status. */
export function sendError(
  res: Response,
  status: number,
  code: HttpErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message: shortenQuotedValues(message), extensions: { code, ...extensions } }] });
}

/**
 * Parses a JSON body of at most `limit`. A body of another type is left for Apollo Server, whose
 * answer (the CSRF refusal of a simple request, or "POST body missing") is a JSON 400; its Express
 * integration would otherwise answer 500 in plain text because `req.body` was never set.
 */
export function jsonBody(limit: string | number): RequestHandler[] {
  return [
    express.json({ limit }),
    (req, _res, next) => {
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
  ];
}

/**
 * For a path mounted with `app.use` (which takes every method): 405 with `Allow` for any method
 * not listed, 204 with `Allow` for OPTIONS.
 */
export function allowMethods(methods: string[]): RequestHandler {
  const allow = methods.join(', ');
  return (req, res, next) => {
    if (methods.includes(req.method)) {
      next();
      return;
    }
    res.setHeader('allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    sendError(
      res,
      405,
      'METHOD_NOT_ALLOWED',
      `${req.baseUrl || req.path} does not answer ${req.method}; it answers ${allow}.`,
    );
  };
}

/** Installs the catch-all for unmatched paths and methods and the error handler; call after every route. */
export function installJsonErrors(app: Express, log: Logger): void {
  app.use(unmatched(app));
  app.use(errorHandler(log));
}

/** 404 for a path nothing serves; 405 with `Allow` for a method its route does not serve. */
function unmatched(app: Express): RequestHandler {
  return (req, res) => {
    const methods = allowedMethods(app, req.path);
    if (methods.length === 0) {
      sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${safePath(req)}.${hint(req)}`);
      return;
    }
    res.setHeader('allow', methods.join(', '));
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    sendError(
      res,
      405,
      'METHOD_NOT_ALLOWED',
      `${safePath(req)} does not answer ${req.method}; it answers ${methods.join(', ')}.`,
    );
  };
}

/** The methods the app's routes serve at `path` (Express's public route listing). */
function allowedMethods(app: Express, path: string): string[] {
  const router = (app as unknown as { router?: { listRoutes?(): { path: unknown; methods?: string[] }[] } }).router;
  const wanted = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const methods = new Set<string>();
  for (const route of router?.listRoutes?.() ?? []) {
    if (route.path === wanted) for (const method of route.methods ?? []) if (method !== '*') methods.add(method);
  }
  return [...methods].sort();
}

function hint(req: Request): string {
  return req.path.startsWith('/graphql') ? '' : ' GraphQL is at POST /graphql.';
}

/** The request path for a message: bounded, and without control characters. */
function safePath(req: Request): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const path = req.path.replace(/[\u0000-\u001f\u007f]/g, '?');
  return path.length > 100 ? `${path.slice(0, 100)}...` : path;
}

/** What a body-parser failure means for the client, by the `type` body-parser gives it. */
const BODY_ERRORS: Record<string, { status: number; code: HttpErrorCode; message: (error: BodyError) => string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'BAD_REQUEST',
    message: (error) =>
      `The request body is not valid JSON (${firstLine(error.message)}). Send a JSON object such as {"query": "{ __typename }"}.`,
  },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: (error) =>
      `The request body is ${error.length ?? 'more than'} bytes; at most ${error.limit} are accepted. ` +
      'Send large inputs in several requests.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () =>
      'The request body has a Content-Encoding this server does not accept; send it uncompressed, gzip, deflate or br.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'The request body must be UTF-8 JSON (Content-Type: application/json; charset=utf-8).',
  },
  'request.aborted': {
    status: 400,
    code: 'BAD_REQUEST',
    message: () => 'The request was aborted before its body arrived.',
  },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: () => 'The request body is shorter or longer than its Content-Length says.',
  },
};

interface BodyError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
  length?: number;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

/**
 * Body-parser failures become their 4xx with a message written for the client; any other 4xx
 * error that Express marks as safe to show keeps its status; anything else is an internal error,
 * logged with a request id that the client can quote.
 */
function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: BodyError, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = error?.type ? BODY_ERRORS[error.type] : undefined;
    if (known) {
      log.info({ path: req.path, type: error.type }, 'refused a malformed request');
      sendError(res, known.status, known.code, known.message(error));
      return;
    }
    const status = error?.status ?? error?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500 && error.expose !== false) {
      log.info({ path: req.path, status }, 'refused a malformed request');
      sendError(
        res,
        status,
        status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
        `The request is malformed (HTTP ${status}).`,
      );
      return;
    }
    const requestId = randomUUID();
    log.error({ requestId, path: req.path, err: error }, 'request failed outside GraphQL');
    res.setHeader('x-request-id', requestId);
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', internalErrorMessage(requestId), { requestId });
  };
}
