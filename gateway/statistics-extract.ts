import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type express from 'express';
import type { CryptoKey } from 'jose';
import { REGISTRY_NAMES, type RegistryName } from '../subgraphs/catalog';
import { ASSERTION_HEADER, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import { DelegationError } from '../subgraphs/shared/delegation';
import { sendError } from '../subgraphs/shared/http-errors';
import type { Caller } from '../subgraphs/shared/identity';
import type { Logger } from '../subgraphs/shared/logger';
import { TokenIdMemory } from '../subgraphs/shared/replay';
import { SERVICE_HEADER, verifyServiceRoute } from '../subgraphs/shared/service-calls';
import {
  STATISTICS_EXTRACT_OPERATION,
  STATISTICS_EXTRACT_PATH,
  STATISTICS_EXTRACT_ROUTE,
  STATISTICS_SERVICE_IDENTITY,
} from '../subgraphs/shared/statistics/extract';

/**
 * `GET /statistics-extract/<registry>?asOf=<instant>[&extract=<name>]` on the gateway: the statistics subgraph's
 * refresh asking a registry for its extract as itself. The request carries a service-route token
 * (`x-registry-service`) signed with the statistics registry's own key, bound to this exact target
 * and naming the extract's purpose; the gateway checks it (once only), asks the registry's own
 * `/statistics-extract?asOf=...` with a gateway assertion for the statistics service identity
 * (`via` statistics, operation statisticsExtract, that purpose) and streams the NDJSON back. So
 * the statistics process holds only its own key, never the gateway's, and can read nothing else.
 */
export interface StatisticsExtractRouteOptions {
  /** Where each registry answers (its extract route is beside its GraphQL URL). */
  subgraphUrls: Record<RegistryName, string>;
  signingKey: CryptoKey;
  /** The statistics registry's public key (what its service-route tokens are checked with). */
  statisticsKey: CryptoKey;
  /** How long the registry may stay silent (an idle connection), in ms. */
  timeoutMs: number;
  log: Logger;
}

const SOURCES: readonly string[] = REGISTRY_NAMES.filter((name) => name !== 'statistics');

export function mountStatisticsExtractRoute(app: express.Express, options: StatisticsExtractRouteOptions): void {
  const { log } = options;
  const seen = new TokenIdMemory();
  app.get(`${STATISTICS_EXTRACT_ROUTE.prefix}:registry`, async (req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const registry = req.params.registry as RegistryName;
    if (!SOURCES.includes(registry) || typeof registry !== 'string') {
      sendError(res, 404, 'NOT_FOUND', `no registry ${JSON.stringify(String(registry))} sends extracts`);
      return;
    }
    const token = req.get(SERVICE_HEADER);
    if (token === undefined || req.get('authorization') !== undefined) {
      sendError(
        res,
        401,
        'UNAUTHENTICATED',
        `${STATISTICS_EXTRACT_ROUTE.prefix}<registry> serves only the statistics subgraph, with its service token and no bearer token`,
      );
      return;
    }
    const search = new URL(req.originalUrl, 'http://gateway').searchParams;
    const asOf = search.get('asOf') ?? '';
    const extract = search.get('extract');
    if (extract !== null && !/^[a-z][a-z-]{0,39}$/.test(extract)) {
      sendError(res, 400, 'BAD_USER_INPUT', 'extract is a lower-case extract name (e.g. postings)', {
        argument: 'extract',
        rule: 'name',
      });
      return;
    }
    const own = `${STATISTICS_EXTRACT_PATH}?asOf=${encodeURIComponent(asOf)}${
      extract === null ? '' : `&extract=${extract}`
    }`;
    let purpose: string;
    try {
      purpose = await verifyServiceRoute(options.statisticsKey, token, {
        route: STATISTICS_EXTRACT_ROUTE,
        digest: routeDigest('GET', req.originalUrl),
        seen,
      });
    } catch (error) {
      const reason = error instanceof DelegationError ? error.message : 'it could not be checked';
      const status = error instanceof DelegationError ? error.status : 401;
      log.warn({ requestId, registry, reason }, 'refused a statistics extract request');
      sendError(res, status, 'UNAUTHENTICATED', `The statistics service token was refused: ${reason}`);
      return;
    }
    const caller: Caller = {
      identity: STATISTICS_SERVICE_IDENTITY,
      purpose,
      requestId,
      operationName: STATISTICS_EXTRACT_OPERATION,
      via: 'statistics',
    };
    const assertion = await signAssertion(options.signingKey, {
      audience: registry,
      caller,
      digest: routeDigest('GET', own),
    });
    const url = new URL(own, options.subgraphUrls[registry]);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // One request per extract: no pooled keep-alive socket left behind.
    const upstream = send(url, {
      agent: false,
      method: 'GET',
      headers: { [ASSERTION_HEADER]: assertion, 'x-request-id': requestId },
    });
    upstream.setTimeout(options.timeoutMs, () =>
      upstream.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
    );
    upstream.on('error', (error) => {
      log.error({ requestId, registry, reason: error.message }, 'a statistics extract stopped at the gateway');
      if (!res.headersSent) {
        sendError(res, 503, 'SUBGRAPH_UNAVAILABLE', `The ${registry} registry did not answer. Try again later.`, {
          registry,
        });
      } else {
        // No trailer reaches the refresh: it keeps the previous extract.
        res.destroy();
      }
    });
    upstream.on('response', (answer) => {
      res.status(answer.statusCode ?? 502);
      const type = answer.headers['content-type'];
      if (type !== undefined) res.setHeader('content-type', type);
      answer.pipe(res);
      answer.on('aborted', () => res.destroy());
      res.on('close', () => {
        if (!answer.complete) answer.destroy();
      });
    });
    res.on('close', () => {
      if (!upstream.writableEnded || !res.writableFinished) upstream.destroy();
    });
    upstream.end();
  });
}
