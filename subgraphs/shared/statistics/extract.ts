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
import type { ServiceRoute } from '../service-calls';
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
 * `via` = statistics and operation `statisticsExtract`), and every person in an extract is in the
 * registry's access log (purpose "statistics, monthly extract" and the attributes extracted): one
 * chained record per batch of BATCH_ROWS with its people as members (access-log/members.ts),
 * written before that batch is sent: logging fails closed, as for every read.
 */

export const STATISTICS_EXTRACT_PATH = '/statistics-extract';
/** The operation name the refresh's assertion carries (what access records show). */
export const STATISTICS_EXTRACT_OPERATION = 'statisticsExtract';
/** The purpose recorded for a scheduled extract (what the citizen's tracker shows). */
export const MONTHLY_EXTRACT_PURPOSE = 'statistics, monthly extract';
export const ON_DEMAND_EXTRACT_PURPOSE = 'statistics, extract on demand';
/**
 * How the statistics subgraph asks: `GET /statistics-extract/<registry>?asOf=...` on the gateway
 * with a service-route token signed by its own key (service-calls.ts); the gateway checks it and
 * asks the registry's `/statistics-extract` with its own assertion for STATISTICS_SERVICE_IDENTITY.
 */
export const STATISTICS_EXTRACT_ROUTE: ServiceRoute = {
  caller: 'statistics',
  prefix: `${STATISTICS_EXTRACT_PATH}/`,
  purposes: [MONTHLY_EXTRACT_PURPOSE, ON_DEMAND_EXTRACT_PURPOSE],
};

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
  /** Whose data this is, for the access log; null when it is not a person's (an enterprise). */
  subjectId: string | null;
  /** What the pseudonym is derived from: a person id, or an organization's credit code. */
  key: string;
  values: Record<string, ExtractValue>;
}

/** One registry's extract: what it sends, for which population, as one set-based query. */
export interface StatisticsExtract {
  /** `person` records join across registries by pseudonym; `organization` and `posting` records stand alone. */
  population: 'person' | 'organization' | 'posting';
  /** The attributes sent, as they appear in each record and (as StatisticsExtract.<name>) in the access log. */
  attributes: readonly string[];
  /**
   * The whole extract as of `asOf` (ISO date) as one statement (`?` placeholders): planned once and
   * read through a cursor in batches, in one read-only snapshot, so a million rows cost one scan
   * (no per-batch planning, no correlated subquery per row) and the extract is consistent.
   */
  query(asOf: string): { sql: string; bindings: unknown[] };
  /** One row of that statement as a record. */
  row(raw: Record<string, unknown>): ExtractRow;
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
  /** The registry's extracts by name: '' is its main one; others are asked with `&extract=<name>`. */
  extracts: Record<string, StatisticsExtract>,
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
    const name = typeof req.query.extract === 'string' ? req.query.extract : '';
    const extract = Object.hasOwn(extracts, name) ? extracts[name] : undefined;
    if (!extract) {
      sendError(
        res,
        400,
        'BAD_USER_INPUT',
        `extract must be one of this registry's extracts (${
          Object.keys(extracts)
            .filter((n) => n !== '')
            .join(', ') || 'none besides the main one'
        })`,
        { argument: 'extract', rule: 'known' },
      );
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
  const { sql, bindings } = extract.query(asOfDate);
  try {
    await knex.transaction(
      async (trx) => {
        // A whole-table extract: hash and merge joins, never a nested loop (which, on statistics
        // not yet gathered after a bulk load, the planner may pick and rescan per row); no JIT.
        await trx.raw('set local jit = off');
        await trx.raw('set local enable_nestloop = off');
        await trx.raw(`declare statistics_extract no scroll cursor for ${sql}`, bindings as Knex.RawBinding[]);
        // The next batch is fetched while the current one is logged and sent (knex runs a raw
        // statement only once it is awaited: Promise.resolve starts it now).
        const fetchBatch = () =>
          Promise.resolve(trx.raw<{ rows: Record<string, unknown>[] }>(`fetch ${BATCH_ROWS} from statistics_extract`));
        let next = fetchBatch();
        for (;;) {
          const batch = (await next).rows.map((raw) => extract.row(raw));
          if (batch.length === 0 || closed) break;
          next = batch.length < BATCH_ROWS ? Promise.resolve({ rows: [] }) : fetchBatch();
          // One access record for the batch's people, with them as its members, committed before
          // the batch leaves (fail closed): each one's tracker shows it.
          const subjects = [...new Set(batch.flatMap((row) => (row.subjectId === null ? [] : [row.subjectId])))];
          if (subjects.length > 0) await tools.recordMembersRead(caller, fields, subjects);
          const lines: string[] = [];
          for (const row of batch) {
            const p = pseudonymOf(keys, row.key);
            lines.push(JSON.stringify({ p, k: recordKeyOf(keys, p), ...row.values }));
          }
          rows += batch.length;
          if (!res.write(`${lines.join('\n')}\n`)) await new Promise<void>((resolve) => res.once('drain', resolve));
        }
        await next;
      },
      { isolationLevel: 'repeatable read', readOnly: true },
    );
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
