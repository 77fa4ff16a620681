import type { Knex } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Request } from 'express';
import type { RegistryName } from '../../catalog';
import { AssertionError } from '../assertion';
import { sendError } from '../http-errors';
import type { Caller, Identity } from '../identity';
import type { Logger } from '../logger';
import type { RegistryRouteTools } from '../registry';
import { refuseUnsigned } from '../server';
import { loadPseudonymKeys, pseudonymOf, recordKeyOf, type PseudonymKeys } from './pseudonym';

/**
 * Statistics extracts, the registry side. Each registry that feeds statistics declares, in its own
 * `statistics-extract.ts`, the few attributes statistics needs and how to read them in batches;
 * this module serves them at `GET /statistics-extract?asOf=<ISO instant>` as NDJSON:
 *
 *   {"extract":"natural-person","population":"person","asOf":"...","attributes":[...]}   header
 *   {"p":"<pseudonym>","k":<record key>,"ageBand":"25-34",...}                        one per record
 *   {"end":true,"rows":1000000}                                                      trailer
 *
 * No id leaves the registry: a record is keyed by its pseudonym (pseudonym.ts). The route answers
 * only the statistics subgraph's refresh (a gateway assertion bound to the method and target, with
 * `via` = statistics and operation `statisticsExtract`), and every person in an extract gets an
 * access record in the registry's log (purpose "statistics, monthly extract" and the attributes
 * extracted), written before that batch is sent: logging fails closed, as for every read.
 */

export const STATISTICS_EXTRACT_PATH = '/statistics-extract';
/** The operation name the refresh's assertion carries (what access records show). */
export const STATISTICS_EXTRACT_OPERATION = 'statisticsExtract';
/** The purpose recorded for a scheduled extract (what the citizen's tracker shows). */
export const MONTHLY_EXTRACT_PURPOSE = 'statistics, monthly extract';
export const ON_DEMAND_EXTRACT_PURPOSE = 'statistics, extract on demand';
/** Who asks for an extract: the statistics service itself, never an analyst. */
export const STATISTICS_SERVICE_IDENTITY: Identity = {
  sub: 'statistics-extract',
  role: 'analyst',
  dept: 'statistics',
  scopes: [],
};

/** A record value: a category code, a number, a list of codes (e.g. certificate types held) or unknown. */
export type ExtractValue = string | number | boolean | string[] | null;

export interface ExtractRow {
  /** The registry's own id of the record (keyset pagination); never sent. */
  id: string;
  /** Whose data this is, for the access log; null when it is not a person's (an enterprise). */
  subjectId: string | null;
  /** What the pseudonym is derived from: a person id, or an organization's credit code. */
  key: string;
  values: Record<string, ExtractValue>;
}

/** One registry's extract: what it sends, for which population, read in batches in id order. */
export interface StatisticsExtract {
  /** `person` records join across registries by pseudonym; `organization` records stand alone. */
  population: 'person' | 'organization';
  /** The attributes sent, as they appear in each record and (as StatisticsExtract.<name>) in the access log. */
  attributes: readonly string[];
  /** Up to `limit` rows with id > `after` (null: from the start), in id order, as of `asOf` (ISO date). */
  batch(knex: Knex, after: string | null, limit: number, asOf: string): Promise<ExtractRow[]>;
}

/** The header line of an extract. */
export interface ExtractHeader {
  extract: RegistryName;
  population: StatisticsExtract['population'];
  asOf: string;
  attributes: string[];
}

/** A record line of an extract. */
export interface ExtractRecord {
  p: string;
  k: number;
  [attribute: string]: ExtractValue;
}

const BATCH_ROWS = 10_000;

/** Mounts `GET /statistics-extract` for a registry's extract. */
export function mountStatisticsExtractRoute(
  app: express.Express,
  authenticate: (req: Request) => Promise<Caller>,
  tools: RegistryRouteTools,
  registry: RegistryName,
  extract: StatisticsExtract,
  keys: () => PseudonymKeys = loadPseudonymKeys,
): void {
  const { knex, log } = tools;
  app.get(STATISTICS_EXTRACT_PATH, async (req, res) => {
    let caller: Caller;
    try {
      caller = await authenticate(req);
    } catch (error) {
      refuseUnsigned(
        res,
        error instanceof AssertionError ? error : new AssertionError('unreadable'),
        log,
        registry,
        req,
      );
      return;
    }
    if (
      caller.via !== 'statistics' ||
      caller.operationName !== STATISTICS_EXTRACT_OPERATION ||
      caller.identity?.dept !== 'statistics'
    ) {
      log.warn({ requestId: caller.requestId, role: caller.identity?.role }, 'refused a statistics extract request');
      sendError(res, 403, 'FORBIDDEN', `${STATISTICS_EXTRACT_PATH} serves only the statistics subgraph's refresh`);
      return;
    }
    const asOfText = typeof req.query.asOf === 'string' ? req.query.asOf : '';
    const asOfInstant = new Date(asOfText);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(asOfText) || Number.isNaN(asOfInstant.getTime())) {
      sendError(res, 400, 'BAD_USER_INPUT', 'asOf must be an ISO 8601 instant, e.g. 2026-11-01T00:00:00.000Z', {
        argument: 'asOf',
        rule: 'instant',
      });
      return;
    }
    await streamExtract(res, { knex, log, registry, extract, caller, asOf: asOfInstant, tools, keys: keys() });
  });
}

async function streamExtract(
  res: express.Response,
  options: {
    knex: Knex;
    log: Logger;
    registry: RegistryName;
    extract: StatisticsExtract;
    caller: Caller;
    asOf: Date;
    tools: RegistryRouteTools;
    keys: PseudonymKeys;
  },
): Promise<void> {
  const { knex, log, registry, extract, caller, asOf, tools, keys } = options;
  const asOfDate = asOf.toISOString().slice(0, 10);
  const fields = extract.attributes.map((a) => `StatisticsExtract.${a}`);
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.status(200).setHeader('content-type', 'application/x-ndjson; charset=utf-8');
  const header: ExtractHeader = {
    extract: registry,
    population: extract.population,
    asOf: asOf.toISOString(),
    attributes: [...extract.attributes],
  };
  res.write(`${JSON.stringify(header)}\n`);
  const started = Date.now();
  let rows = 0;
  let after: string | null = null;
  try {
    // The next batch is read while the current one is logged and sent.
    let next = extract.batch(knex, after, BATCH_ROWS, asOfDate);
    for (;;) {
      const batch = await next;
      if (batch.length === 0 || closed) break;
      after = batch[batch.length - 1].id;
      next = batch.length < BATCH_ROWS ? Promise.resolve([]) : extract.batch(knex, after, BATCH_ROWS, asOfDate);
      const subjects = batch.filter((row) => row.subjectId !== null).map((row) => row.subjectId);
      if (subjects.length > 0) {
        const recorder = tools.accessRecorder(caller);
        for (const field of fields) recorder.note(subjects, field, 'granted');
        await recorder.flush();
      }
      const lines: string[] = [];
      for (const row of batch) {
        const p = pseudonymOf(keys, row.key);
        lines.push(JSON.stringify({ p, k: recordKeyOf(keys, p), ...row.values }));
      }
      rows += batch.length;
      if (!res.write(`${lines.join('\n')}\n`)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
    if (closed) {
      log.warn({ requestId: caller.requestId, rows }, 'statistics extract stopped: the statistics service went away');
      return;
    }
    res.end(`${JSON.stringify({ end: true, rows })}\n`);
    log.info({ requestId: caller.requestId, rows, ms: Date.now() - started }, 'statistics extract sent');
  } catch (error) {
    // No trailer: the receiver sees an incomplete extract and keeps its previous one.
    log.error({ requestId: caller.requestId, err: error as Error, rows }, 'statistics extract failed; stopped');
    res.destroy();
  }
}
