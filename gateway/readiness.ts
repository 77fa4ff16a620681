import type { SubgraphName } from '../subgraphs/catalog';

/**
 * Readiness: whether each subgraph answers its /health now. The gateway's own /health stays a
 * liveness check (the process serves HTTP); /ready is for load balancers and operators that want
 * to know whether every registry is there. No URL, host or port appears in the answer.
 */

export interface SubgraphState {
  status: 'up' | 'down';
  /** Why it counts as down, for the operator. */
  reason?: string;
  /** How long the check took. */
  ms: number;
}

export interface Readiness {
  status: 'ready' | 'degraded';
  subgraphs: Record<SubgraphName, SubgraphState>;
}

/** The health URL beside a subgraph's GraphQL URL (http://host:4001/graphql -> http://host:4001/health). */
export function healthUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/health';
  url.search = '';
  return url.toString();
}

export async function checkReadiness(
  subgraphUrls: Record<SubgraphName, string>,
  timeoutMs: number,
): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => [name, await checkOne(healthUrl(url), timeoutMs)] as const),
  );
  const subgraphs = Object.fromEntries(entries) as Record<SubgraphName, SubgraphState>;
  const ready = entries.every(([, state]) => state.status === 'up');
  return { status: ready ? 'ready' : 'degraded', subgraphs };
}

async function checkOne(url: string, timeoutMs: number): Promise<SubgraphState> {
  const started = Date.now();
  const ms = () => Date.now() - started;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    if (response.ok) return { status: 'up', ms: ms() };
    return { status: 'down', reason: `its health check answered HTTP ${response.status}`, ms: ms() };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      status: 'down',
      reason: timedOut ? `no answer within ${timeoutMs} ms` : 'not reachable',
      ms: ms(),
    };
  }
}
