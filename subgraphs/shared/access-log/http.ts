import type express from 'express';
import type { Request } from 'express';
import type { Knex } from '@mikro-orm/postgresql';
import { internalErrorMessage } from '../errors';
import { sendError } from '../http-errors';
import { isInstant } from '../validation';
import type { Caller } from '../identity';
import type { Logger } from '../logger';
import { refuseUnsigned } from '../server';
import { ACCESS_ACTIONS, ACCESS_OUTCOMES, type AccessAction, type AccessOutcome } from './chain';
import { readAccessRecords, type AccessCursor, type AccessFilter } from './query';

/**
 * GET /access-records: this registry's access log, newest first, for the data tracker.
 * Same gateway signature as GraphQL (the assertion is bound to the URL). Citizens may read the
 * records about themselves; auditors may read any, with or without filters. Query parameters:
 * subject, actor, dept, outcome, action, from, to (ISO instants, from inclusive, to exclusive),
 * limit, and the cursor afterAt, afterRegistry, afterSeq.
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
    const parsed = parseFilter(req.query);
    if ('problem' in parsed) {
      sendError(res, 400, 'BAD_USER_INPUT', parsed.problem, { argument: parsed.argument, rule: parsed.rule });
      return;
    }
    const { filter, limit } = parsed;
    const after = parseCursor(req.query);
    if (after === null) {
      sendError(res, 400, 'BAD_USER_INPUT', 'afterAt, afterRegistry and afterSeq must be given together and be valid', {
        argument: 'after',
        rule: 'cursor',
      });
      return;
    }
    const identity = caller.identity;
    const allowed = identity?.role === 'auditor' || (identity?.role === 'citizen' && filter.subjectId === identity.sub);
    if (!allowed) {
      sendError(res, 403, 'FORBIDDEN', 'only auditors, or citizens asking about themselves, may read access records');
      return;
    }
    try {
      const records = await readAccessRecords(knex, registry, { ...filter, after, limit });
      // Written as res.json writes it, less the ETag (a hash of every page, which the tracker,
      // asking each registry on every citizen's page, never sends back).
      const body = JSON.stringify({ records });
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      log.error({ requestId: caller.requestId, err: error as Error }, 'reading the access log failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', internalErrorMessage(caller.requestId), {
        requestId: caller.requestId,
      });
    }
  });
}

/** The filter and page size a request asks for, or what is wrong with them. */
/** A refused parameter: which, the rule it breaks, and what to send instead. */
interface ParameterProblem {
  argument: string;
  rule: string;
  problem: string;
}

function parseFilter(query: Request['query']): { filter: AccessFilter; limit: number } | ParameterProblem {
  const filter: AccessFilter = {
    subjectId: stringParam(query.subject),
    actorSub: stringParam(query.actor),
    actorDept: stringParam(query.dept),
    outcome: stringParam(query.outcome) as AccessOutcome | undefined,
    action: stringParam(query.action) as AccessAction | undefined,
    from: stringParam(query.from),
    to: stringParam(query.to),
  };
  const limit = Number(query.limit ?? 20);
  const bad = (argument: string, rule: string, problem: string): ParameterProblem => ({ argument, rule, problem });
  for (const [name, value] of Object.entries(filter)) {
    // eslint-disable-next-line no-control-regex
    if (value !== undefined && /[\u0000-\u001f\u007f]/.test(value)) {
      return bad(name, 'charset', `${name} must not contain control characters`);
    }
  }
  if (filter.subjectId !== undefined && !UUID.test(filter.subjectId)) {
    return bad('subject', 'uuid', 'subject must be a person id (UUID)');
  }
  if ([...(filter.actorSub ?? '')].length > 100)
    return bad('actor', 'length', 'actor must be at most 100 characters (the column holds 100)');
  if ([...(filter.actorDept ?? '')].length > 40) return bad('dept', 'length', 'dept must be at most 40 characters');
  if (filter.outcome !== undefined && !(ACCESS_OUTCOMES as readonly string[]).includes(filter.outcome)) {
    return bad('outcome', 'one-of', `outcome must be one of ${ACCESS_OUTCOMES.join(', ')}`);
  }
  if (filter.action !== undefined && !(ACCESS_ACTIONS as readonly string[]).includes(filter.action)) {
    return bad('action', 'one-of', `action must be one of ${ACCESS_ACTIONS.join(', ')}`);
  }
  for (const bound of ['from', 'to'] as const) {
    const value = filter[bound];
    if (value !== undefined && !isInstant(value)) return bad(bound, 'instant', `${bound} must be an ISO 8601 instant`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCESS_PAGE) {
    return bad('limit', 'page-size', `limit must be a whole number from 1 to ${MAX_ACCESS_PAGE}`);
  }
  return { filter, limit };
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
  if (!at || !registry || !seq || !isInstant(at) || registry.length > 40 || !/^\d{1,15}$/.test(seq)) return null;
  return { at, registry, seq: Number(seq) };
}
