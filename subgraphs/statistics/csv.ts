import type express from 'express';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { AssertionError } from '../shared/assertion';
import type { Caller } from '../shared/identity';
import type { Logger } from '../shared/logger';
import { sendError } from '../shared/http-errors';
import { refuseUnsigned } from '../shared/server';
import { STATISTICS_CSV_PATH, csvField, parseCsvRequest } from '../shared/statistics/csv-route';
import { mayAskForStatistics } from './permissions';
import type { StatisticsService } from './service';
import type { Table } from './tables';

/** The statistics subgraph's `GET /statistics.csv` (reached through the gateway's route of the same name). */
export function mountStatisticsCsvRoute(
  app: express.Express,
  authenticate: (req: Request) => Promise<Caller>,
  statistics: StatisticsService,
  log: Logger,
): void {
  app.get(STATISTICS_CSV_PATH, async (req, res) => {
    let caller: Caller;
    try {
      caller = await authenticate(req);
    } catch (error) {
      refuseUnsigned(
        res,
        error instanceof AssertionError ? error : new AssertionError('unreadable'),
        log,
        'statistics',
        req,
      );
      return;
    }
    if (!caller.identity) {
      sendError(res, 401, 'UNAUTHENTICATED', 'Statistics are for analysts and officers; send a bearer token.');
      return;
    }
    if (!mayAskForStatistics(caller)) {
      sendError(res, 403, 'FORBIDDEN', `Statistics are for analysts and officers, not a ${caller.identity.role}.`);
      return;
    }
    try {
      const request = parseCsvRequest(new URL(req.originalUrl, 'http://statistics').searchParams);
      const table = await statistics.table(caller, request.measure, request.dimensions, request.filter);
      res.status(200).setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${table.measure}.csv"`);
      res.setHeader('cache-control', 'no-store');
      res.end(tableCsv(table));
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
        sendError(res, 400, 'BAD_USER_INPUT', error.message, {
          argument: error.extensions.argument,
          rule: error.extensions.rule,
        });
        return;
      }
      if (error instanceof GraphQLError && error.extensions.code === 'STATISTICS_BUDGET_EXCEEDED') {
        res.setHeader('retry-after', String(error.extensions.retryAfter));
        sendError(res, 429, 'STATISTICS_BUDGET_EXCEEDED', error.message, { limit: error.extensions.limit });
        return;
      }
      log.error({ requestId: caller.requestId, err: error as Error }, 'statistics CSV failed');
      sendError(
        res,
        500,
        'INTERNAL_SERVER_ERROR',
        `Internal error; quote request id ${caller.requestId} when reporting it.`,
        {
          requestId: caller.requestId,
        },
      );
    }
  });
}

/** A table as CSV: the notes as `#` lines, a header, one line per cell, and the total. */
export function tableCsv(table: Table): string {
  const lines: string[] = [];
  lines.push(
    `# ${table.measure}${table.dimensions.length ? ` by ${table.dimensions.join(', ')}` : ''}${table.filter ? `; filter ${table.filter}` : ''}`,
  );
  for (const note of table.notes) lines.push(`# ${note.replace(/[\r\n]+/g, ' ')}`);
  const header = [...table.dimensions.flatMap((d) => [d, `${d} label`]), 'status', 'count', 'sum', 'mean'];
  lines.push(header.map(csvField).join(','));
  for (const cell of table.cells) {
    const fields = [
      ...cell.categories.flatMap((code, i) => [code, cell.labels[i]]),
      cell.status,
      cell.count,
      cell.sum,
      cell.mean,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  const total = [
    ...table.dimensions.flatMap((_d, i) => (i === 0 ? ['TOTAL', 'total'] : ['', ''])),
    table.total.status,
    table.total.count,
    table.total.sum,
    table.total.mean,
  ];
  if (table.dimensions.length > 0) lines.push(total.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
