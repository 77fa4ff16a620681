import type { EntityManager } from '@mikro-orm/postgresql';
import { JobRepository, type FeedQuery } from './entities/job.repository';

/**
 * The feed's exact total and facet counts without reading every match on every request: one pass
 * counts the postings per (district, occupation) under the filter without its districts and
 * occupations, and the count, the district facet and the occupation facet are sums over those
 * cells. The cells are cached in this process keyed by the rest of the filter (terms, industry,
 * salary, education, posted since, employer, today) together with the feed's version, which every
 * statement writing postings bumps in its own transaction (table job_feed_version): a cached entry
 * is used only while the version read on this request is the one it was counted at, so a count is
 * never older than the last committed write. A hit costs one one-row read; a miss, the pass.
 */

export interface FeedCounts {
  totalCount: number;
  districts: { code: string; count: number }[];
  occupations: { code: string; count: number }[];
}

type Cells = { district: string; occupation: string; n: number }[];

/** Most filters kept (least recently used dropped first). */
export const FEED_COUNT_CACHE_SIZE = 500;
const cache = new Map<string, { version: string; cells: Cells }>();

/** For tests: forget every cached count. */
export function clearFeedCountCache(): void {
  cache.clear();
}

function cacheKey(query: FeedQuery): string {
  return JSON.stringify([
    query.terms.map((t) => t.like),
    query.industry,
    query.minSalary,
    query.educations,
    query.postedSince,
    query.employer,
    query.today,
  ]);
}

async function cellsOf(em: EntityManager, query: FeedQuery): Promise<Cells> {
  const repository = new JobRepository(em);
  const key = cacheKey(query);
  const cached = cache.get(key);
  if (cached && (await repository.feedVersion()) === cached.version) {
    cache.delete(key);
    cache.set(key, cached);
    return cached.cells;
  }
  const counted = await repository.countCells(query);
  cache.delete(key);
  cache.set(key, counted);
  while (cache.size > FEED_COUNT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return counted.cells;
}

function sums(entries: Iterable<[string, number]>): { code: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const [code, n] of entries) totals.set(code, (totals.get(code) ?? 0) + n);
  return [...totals]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The count and both facets of `query` (district facet: without its districts; occupation facet: without its occupations). */
export async function feedCounts(em: EntityManager, query: FeedQuery): Promise<FeedCounts> {
  const cells = await cellsOf(em, query);
  const districts = query.districts ? new Set(query.districts) : null;
  const occupations = query.occupations ? new Set(query.occupations) : null;
  const inDistrict = (c: Cells[number]) => !districts || districts.has(c.district);
  const inOccupation = (c: Cells[number]) => !occupations || occupations.has(c.occupation);
  return {
    totalCount: cells.filter((c) => inDistrict(c) && inOccupation(c)).reduce((sum, c) => sum + c.n, 0),
    districts: sums(cells.filter(inOccupation).map((c) => [c.district, c.n])),
    occupations: sums(cells.filter(inDistrict).map((c) => [c.occupation, c.n])),
  };
}
