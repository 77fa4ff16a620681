import { randomUUID } from 'node:crypto';
import type express from 'express';
import { GraphQLError } from 'graphql';
import type { CryptoKey } from 'jose';
import { ASSERTION_HEADER, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import { sendError } from '../subgraphs/shared/http-errors';
import type { Caller, Identity } from '../subgraphs/shared/identity';
import type { Logger } from '../subgraphs/shared/logger';
import { STATISTICS_CSV_PATH, canonicalCsvTarget, parseCsvRequest } from '../subgraphs/shared/statistics/csv-route';

/**
 * `GET /statistics.csv?measure=...&dimensions=...&filter=...` on the gateway: the caller's token is
 * checked as for GraphQL, the request is rewritten to its canonical form (only the known
 * parameters, in a fixed order) and sent to the statistics subgraph with an assertion bound to
 * exactly that target; the subgraph applies the same permission as the `statistics` query
 * (analysts and officers) and answers the protected table as CSV with its disclosure notes.
 */
export interface StatisticsCsvOptions {
  statisticsUrl: string;
  signingKey: CryptoKey;
  verifyToken(authorization: string | undefined): Promise<Identity | null>;
  timeoutMs: number;
  log: Logger;
}

const RELAYED = ['content-type', 'content-disposition', 'cache-control', 'retry-after'];

export function mountStatisticsCsvRoute(app: express.Express, options: StatisticsCsvOptions): void {
  const { log } = options;
  app.get(STATISTICS_CSV_PATH, async (req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    let caller: Caller;
    let target: string;
    try {
      const identity = await options.verifyToken(req.get('authorization'));
      if (!identity) {
        sendError(res, 401, 'UNAUTHENTICATED', 'Statistics are for analysts and officers; send a bearer token.');
        return;
      }
      caller = { identity, purpose: null, requestId, operationName: null, via: null };
      target = canonicalCsvTarget(parseCsvRequest(new URL(req.originalUrl, 'http://gateway').searchParams));
    } catch (error) {
      if (error instanceof GraphQLError) {
        const code = error.extensions.code;
        if (code === 'UNAUTHENTICATED') {
          sendError(res, 401, 'UNAUTHENTICATED', error.message);
          return;
        }
        if (code === 'BAD_USER_INPUT') {
          sendError(res, 400, 'BAD_USER_INPUT', error.message, {
            argument: error.extensions.argument,
            rule: error.extensions.rule,
          });
          return;
        }
      }
      log.error({ requestId, err: error as Error }, 'statistics CSV failed at the gateway');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal error; quote request id ${requestId} when reporting it.`, {
        requestId,
      });
      return;
    }
    const assertion = await signAssertion(options.signingKey, {
      audience: 'statistics',
      caller,
      digest: routeDigest('GET', target),
    });
    let answer: Response;
    try {
      answer = await fetch(new URL(target, options.statisticsUrl), {
        headers: { [ASSERTION_HEADER]: assertion, 'x-request-id': requestId },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      log.error({ requestId, reason: (error as Error).message }, 'the statistics subgraph did not answer the CSV');
      sendError(res, 503, 'SUBGRAPH_UNAVAILABLE', 'The statistics service did not answer. Try again later.', {
        registry: 'statistics',
      });
      return;
    }
    const body = Buffer.from(await answer.arrayBuffer());
    res.status(answer.status);
    for (const name of RELAYED) {
      const value = answer.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    res.end(body);
  });
}
