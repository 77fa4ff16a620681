import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { subgraphFetchDuration, subgraphFetchFailures } from '../subgraphs/shared/telemetry/metrics';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The gateway's subgraph fetcher: Node's fetch with a timeout (Apollo's default has none).
 * Failures become plain Errors with a short reason; a timeout's DOMException has a read-only
 * message, so it is never passed on as is. Each fetch is timed (to the response headers) and each
 * failure counted, by subgraph, in the metrics.
 */
export function timeoutFetcher(timeoutMs: number, onFetch?: (url: string) => void, subgraph = 'unknown'): Fetcher {
  const fetcher = async (url: string, init?: RequestInit) => {
    onFetch?.(url);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (response.status >= 500) subgraphFetchFailures.inc({ subgraph, reason: 'http_5xx' });
      else if (response.status >= 400 && response.status !== 400)
        subgraphFetchFailures.inc({ subgraph, reason: 'http_4xx' });
      subgraphFetchDuration.observe({ subgraph, outcome: response.status >= 500 ? 'error' : 'ok' }, seconds());
      return response;
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        subgraphFetchFailures.inc({ subgraph, reason: 'timeout' });
        subgraphFetchDuration.observe({ subgraph, outcome: 'timeout' }, seconds());
        throw new Error(`no answer within ${timeoutMs} ms`);
      }
      subgraphFetchFailures.inc({ subgraph, reason: 'connection' });
      subgraphFetchDuration.observe({ subgraph, outcome: 'error' }, seconds());
      throw new Error(`could not connect (${e.cause?.code ?? e.message ?? 'unknown error'})`);
    }
  };
  return fetcher as unknown as Fetcher;
}
