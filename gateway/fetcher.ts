import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The gateway's subgraph fetcher: Node's fetch with a timeout (Apollo's default has none).
 * Failures become plain Errors with a short reason; a timeout's DOMException has a read-only
 * message, so it is never passed on as is.
 */
export function timeoutFetcher(timeoutMs: number, onFetch?: (url: string) => void): Fetcher {
  const fetcher = async (url: string, init?: RequestInit) => {
    onFetch?.(url);
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new Error(`no answer within ${timeoutMs} ms`);
      throw new Error(`could not connect (${e.cause?.code ?? e.message ?? 'unknown error'})`);
    }
  };
  return fetcher as unknown as Fetcher;
}
