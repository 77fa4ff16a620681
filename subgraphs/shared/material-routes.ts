import type { Response } from 'express';
import { sendError, type HttpErrorCode } from './http-errors';

/**
 * The material routes, shared by the gateway (which authenticates the caller and streams the body
 * through) and the certificate registry (which checks, stores and serves it): `POST /materials`
 * and `GET /materials/{id}`, the only routes besides GraphQL. Both answer errors as every route
 * does (http-errors.ts): JSON in the shape of a GraphQL error, with the HTTP status that says what happened.
 */

/** The largest material accepted: 10 MiB. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

/** Query parameters of an upload: `kind` (required), `person` (an officer uploading for an applicant), `name`. */
export const UPLOAD_PARAMETERS = ['kind', 'person', 'name'] as const;

export const MATERIALS_PATH = '/materials';

/** An error of a material route: an HTTP status, a code and a message for the client. */
export class MaterialRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Sends `{"errors":[{"message", "extensions": {"code", ...}}]}` with the status. */
export function sendMaterialError(res: Response, error: MaterialRouteError): void {
  if (res.headersSent) return;
  sendError(res, error.status, error.code, error.message, error.extensions);
}
