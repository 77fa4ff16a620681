import type express from 'express';
import type { Request } from 'express';
import type { Knex } from '@mikro-orm/postgresql';
import { internalErrorMessage } from '../errors';
import { sendError } from '../http-errors';
import { isInstant } from '../validation';
import type { Caller } from '../identity';
import type { Logger } from '../logger';
import { refuseUnsigned } from '../server';
import { readAccessRecords, type AccessCursor } from './query';

/**
 * GET /access-records: this registry's access log, newest first, for the data tracker.
 * Same gateway signature as GraphQL (the assertion is bound to the URL). Citizens may read the
 * records about themselves; auditors may read any.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_ACCESS_PAGE = 101;

export function mountAccessRecordsRoute(
  app: express.Express,
  authenticate: (req: Request) => Promise<Caller>,
  { knex, registry, log }: { knex: Knex; registry: string; log: Logger },
): void {
  app.get('/access-records', async (req, res) => {
    let caller: Caller;
    try {
      caller = await authenticate(req);
    } catch (error) {
      refuseUnsigned(res, error, log, registry, req);
      return;
    }
    const subjectId = stringParam(req.query.subject);
    const actorSub = stringParam(req.query.actor);
    const limit = Number(req.query.limit ?? 20);
    if (subjectId !== undefined && !UUID.test(subjectId)) {
      sendError(res, 400, 'BAD_USER_INPUT', 'subject must be a person id (UUID)', {
        argument: 'subject',
        rule: 'uuid',
      });
      return;
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCESS_PAGE) {
      sendError(res, 400, 'BAD_USER_INPUT', `limit must be a whole number from 1 to ${MAX_ACCESS_PAGE}`, {
        argument: 'limit',
        rule: 'page-size',
      });
      return;
    }
    const after = parseCursor(req.query);
    if (after === null) {
      sendError(res, 400, 'BAD_USER_INPUT', 'afterAt, afterRegistry and afterSeq must be given together and be valid', {
        argument: 'after',
        rule: 'cursor',
      });
      return;
    }
    const identity = caller.identity;
    const allowed = identity?.role === 'auditor' || (identity?.role === 'citizen' && subjectId === identity.sub);
    if (!allowed) {
      sendError(res, 403, 'FORBIDDEN', 'only auditors, or citizens asking about themselves, may read access records');
      return;
    }
    try {
      const records = await readAccessRecords(knex, registry, { subjectId, actorSub, after, limit });
      res.json({ records });
    } catch (error) {
      log.error({ requestId: caller.requestId, err: error as Error }, 'reading the access log failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', internalErrorMessage(caller.requestId), {
        requestId: caller.requestId,
      });
    }
  });
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** undefined when no cursor is given, null when it is malformed. */
function parseCursor(query: Request['query']): AccessCursor | undefined | null {
  const at = stringParam(query.afterAt);
  const registry = stringParam(query.afterRegistry);
  const seq = stringParam(query.afterSeq);
  if (at === undefined && registry === undefined && seq === undefined) return undefined;
  if (!at || !registry || !seq || !isInstant(at) || !/^\d{1,15}$/.test(seq)) return null;
  return { at, registry, seq: Number(seq) };
}
