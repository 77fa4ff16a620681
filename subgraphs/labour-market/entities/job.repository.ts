import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery, readPlainRow, selectEntities } from '../../shared/sql';
import { JobPostingSchema, type JobPosting } from './job-posting.entity';

/** What the feed is asked for, already validated (terms lower-cased, grams computed). */
export interface FeedQuery {
  /** `exact`: the grams alone decide a match (a 1- or 2-character term), so no LIKE recheck is needed. */
  terms: { like: string; grams: number[]; exact: boolean }[];
  districts: string[] | null;
  occupations: string[] | null;
  /** GB/T 4754 prefix of the employer's industry. */
  industry: string | null;
  minSalary: number | null;
  educations: string[] | null;
  postedSince: string | null;
  employer: string | null;
  /** Postings expiring before this day are not in the feed. */
  today: string;
}

export type FeedOrder = 'RELEVANCE' | 'NEWEST' | 'SALARY';

/** A position in the feed: the first sort key (rank, 0 or salaryMax), postedOn, id. */
export interface FeedPosition {
  key: number;
  postedOn: string;
  id: string;
}

/** Columns a feed page selects: everything but the grams (which only the index needs). */
const COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'employer_credit_code',
  'reference',
  'employer_name',
  'employer_industry',
  'title',
  'description',
  'occupation_code',
  'district_code',
  'work_address',
  'salary_min',
  'salary_max',
  'education',
  'experience_years',
  'headcount',
  'contact_name',
  'contact_phone',
  'posted_on',
  'expires_on',
  'status',
  'closed_on',
  'posted_by_sub',
  'posted_by_role',
].join(', ');

function where(query: FeedQuery, omit: { districts?: boolean; occupations?: boolean } = {}) {
  const clauses = ["status = 'OPEN'", 'expires_on >= ?::date'];
  const bindings: unknown[] = [query.today];
  const grams = [...new Set(query.terms.flatMap((t) => t.grams))];
  if (grams.length > 0) {
    clauses.push('search_grams @> ?::int[]');
    bindings.push(grams);
    for (const term of query.terms.filter((t) => !t.exact)) {
      clauses.push("lower(title || ' ' || description || ' ' || employer_name) like ?");
      bindings.push(term.like);
    }
  }
  if (query.districts && !omit.districts) {
    clauses.push('district_code = any(?::bpchar[])');
    bindings.push(query.districts);
  }
  if (query.occupations && !omit.occupations) {
    clauses.push('occupation_code = any(?::text[])');
    bindings.push(query.occupations);
  }
  if (query.industry) {
    clauses.push('employer_industry like ?');
    bindings.push(`${query.industry}%`);
  }
  if (query.minSalary !== null) {
    clauses.push('salary_min >= ?');
    bindings.push(query.minSalary);
  }
  if (query.educations) {
    clauses.push('education = any(?::text[])');
    bindings.push(query.educations);
  }
  if (query.postedSince) {
    clauses.push('posted_on >= ?::date');
    bindings.push(query.postedSince);
  }
  if (query.employer) {
    clauses.push('employer_credit_code = ?');
    bindings.push(query.employer);
  }
  return { sql: clauses.join(' and '), bindings };
}

/** The first sort key of an order: how many terms the title holds, a constant, or the salary. */
function firstKey(query: FeedQuery, order: FeedOrder): { sql: string; bindings: unknown[] } {
  if (order === 'SALARY') return { sql: 'salary_max', bindings: [] };
  if (order === 'RELEVANCE' && query.terms.length > 0) {
    return {
      sql: `(${query.terms.map(() => '(lower(title) like ?)::int').join(' + ')})`,
      bindings: query.terms.map((t) => t.like),
    };
  }
  return { sql: '0::int', bindings: [] };
}

/** A piece of SQL and its bindings. */
interface Sql {
  sql: string;
  bindings: unknown[];
}

/** A walk over the newest postings gives up after this many (and the GIN index answers instead). */
export const WALK_LIMIT = 4000;

/**
 * Walks of a first page that gave up (terms, rank and the other conditions, when), so a query whose grams are common but whose terms
 * rarely meet pays a wasted walk once in 10 minutes, not on every page; 500 kept, oldest dropped.
 */
const WALK_MISSES = new Map<string, number>();
const WALK_MISSES_KEPT = 500;

/** Gram frequencies from pg_stats (most_common_elems of search_grams), per database, re-read every 10 minutes. */
const GRAM_FREQUENCIES = new Map<string, { at: number; frequencies: ReadonlyMap<number, number> }>();
const GRAM_FREQUENCIES_TTL_MS = 10 * 60_000;

/** Forgets the gram frequencies and the walks that gave up, so the next query reads pg_stats again (after an ANALYZE). */
export function forgetSearchStatistics(): void {
  GRAM_FREQUENCIES.clear();
  WALK_MISSES.clear();
}

/**
 * How to find `need` matches of a keyword query, newest first. PostgreSQL estimates a term of
 * several grams as if its grams were independent (工程 at 7% and 程师 at 4% give 0.3%, when 工程师
 * is in 3.7% of postings), so it reads every match through the GIN index and sorts them. The
 * rarest gram's frequency is an upper bound on the match's, known from ANALYZE's most common
 * elements (a gram not among them is in under about 1.4% of postings at a million). A walk over
 * the newest postings is chosen when even that bound says it would read at most half of
 * WALK_LIMIT; otherwise, with one gram only (which PostgreSQL estimates well), or when the same
 * walk gave up lately (`missed`), the planner's own choice stands. A bound that is too high
 * (会计 出纳: both common, never together) costs one walk of WALK_LIMIT, remembered as a miss.
 */
export function searchStrategy(
  query: FeedQuery,
  frequencies: ReadonlyMap<number, number>,
  need: number,
  missed = false,
): 'walk' | 'planner' {
  const grams = [...new Set(query.terms.flatMap((t) => t.grams))];
  if (grams.length < 2 || missed) return 'planner';
  const bound = Math.min(...grams.map((g) => frequencies.get(g) ?? 0));
  return bound > 0 && need / bound <= WALK_LIMIT / 2 ? 'walk' : 'planner';
}

/** Named queries of the job postings. */
export class JobRepository {
  constructor(private readonly em: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<JobPosting[]> {
    return selectEntities(this.em, JobPostingSchema, `select ${COLUMNS} from job_posting where id = any(?::uuid[])`, [
      ids,
    ]);
  }

  findByReference(employerCreditCode: string, reference: string): Promise<JobPosting[]> {
    return selectEntities(
      this.em,
      JobPostingSchema,
      `select ${COLUMNS} from job_posting where employer_credit_code = ? and reference = ?`,
      [employerCreditCode, reference],
    );
  }

  /** One page of the feed (`limit` rows after `after`), with each row's first sort key. */
  async page(
    query: FeedQuery,
    order: FeedOrder,
    limit: number,
    after: FeedPosition | null,
  ): Promise<{ posting: JobPosting; key: number }[]> {
    if (order === 'RELEVANCE' && query.terms.length > 0) return this.relevancePage(query, limit, after);
    if (order === 'NEWEST' && query.terms.length > 0) {
      const position = after ? ' and (posted_on, id) < (?::date, ?::uuid)' : '';
      const rows = await this.newestMatches(query, await this.gramFrequencies(query), {
        r: 0,
        rank: { sql: 'true', bindings: [] },
        position: { sql: position, bindings: after ? [after.postedOn, after.id] : [] },
        need: limit,
      });
      return rows.map((row) => this.withKey(row));
    }
    const filter = where(query);
    const key = firstKey(query, order);
    const position = after ? ` and (${key.sql}, posted_on, id) < (?, ?::date, ?::uuid)` : '';
    const rows = await rawQuery<Record<string, unknown> & { sort_key: number }>(
      this.em,
      `select ${COLUMNS}, ${key.sql} as sort_key from job_posting where ${filter.sql}${position}
        order by ${key.sql} desc, posted_on desc, id desc limit ?`,
      [
        ...key.bindings,
        ...filter.bindings,
        ...(after ? [...key.bindings, after.key, after.postedOn, after.id] : []),
        ...key.bindings,
        limit,
      ],
    );
    return rows.map((row) => this.withKey(row));
  }

  /**
   * Relevance (how many terms the title holds, then newest) one rank at a time, best rank first:
   * each statement is ordered like the feed index (posted_on desc, id desc) with the LIMIT inside
   * it, and the next rank is asked only when a rank runs out, so a page is usually one statement.
   * How a rank is read is chosen by `searchStrategy` from the grams' frequencies: a common term
   * walks the newest postings and stops after `limit` matches; a rare one is read from the GIN
   * index (and so is a walk that gives up after WALK_LIMIT postings).
   */
  private async relevancePage(
    query: FeedQuery,
    limit: number,
    after: FeedPosition | null,
  ): Promise<{ posting: JobPosting; key: number }[]> {
    const rank = firstKey(query, 'RELEVANCE');
    const found: { posting: JobPosting; key: number }[] = [];
    const frequencies = await this.gramFrequencies(query);
    for (let r = after ? Math.min(after.key, query.terms.length) : query.terms.length; r >= 0; r -= 1) {
      const position = after && r === after.key ? ' and (posted_on, id) < (?::date, ?::uuid)' : '';
      const positionBindings = position ? [after!.postedOn, after!.id] : [];
      // One term: the rank as LIKE itself, which the planner estimates far better than an expression.
      const single = query.terms.length === 1;
      const inRank = single ? (r === 1 ? 'lower(title) like ?' : 'not (lower(title) like ?)') : `${rank.sql} = ${r}`;
      const rankBindings = single ? [query.terms[0].like] : rank.bindings;
      const rows = await this.newestMatches(query, frequencies, {
        r,
        rank: { sql: inRank, bindings: rankBindings },
        position: { sql: position, bindings: positionBindings },
        need: limit - found.length,
      });
      found.push(...rows.map((row) => this.withKey(row)));
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * The newest `need` matches of the query in one rank (`r`, its condition), after a position:
   * by a walk over the newest postings or by the planner's own plan, as `searchStrategy` chooses.
   */
  private async newestMatches(
    query: FeedQuery,
    frequencies: ReadonlyMap<number, number>,
    at: { r: number; rank: Sql; position: Sql; need: number },
  ): Promise<(Record<string, unknown> & { sort_key: number })[]> {
    const { r, rank, position, need } = at;
    // The same terms, rank and other conditions (a miss under a narrow filter says nothing of a wide one).
    const walkKey = JSON.stringify([rank, query.terms, { ...query, terms: null, today: null }]);
    const missedAt = WALK_MISSES.get(walkKey);
    const missed = missedAt !== undefined && missedAt > Date.now() - GRAM_FREQUENCIES_TTL_MS;
    if (searchStrategy(query, frequencies, need, missed) === 'walk') {
      const rows = await this.walk(query, position, rank, r, need);
      if (rows.length >= need) return rows;
      // Fewer than asked: the match is rarer than its grams (or the feed ended); the planner answers.
      // Remembered from a first page only: a page near the end of a common term's matches is no miss.
      if (position.sql === '') {
        WALK_MISSES.delete(walkKey);
        WALK_MISSES.set(walkKey, Date.now());
        if (WALK_MISSES.size > WALK_MISSES_KEPT) WALK_MISSES.delete(WALK_MISSES.keys().next().value!);
      }
    }
    const filter = where(query);
    return rawQuery<Record<string, unknown> & { sort_key: number }>(
      this.em,
      `select ${COLUMNS}, ${r} as sort_key from job_posting where ${filter.sql} and ${rank.sql}${position.sql}
        order by posted_on desc, id desc limit ?`,
      [...filter.bindings, ...rank.bindings, ...position.bindings, need],
    );
  }

  /**
   * The newest `limit` matches among the newest WALK_LIMIT postings under the filter's other
   * conditions: the terms are tested outside a subquery with its own LIMIT, where PostgreSQL cannot
   * use them as an index condition, so it walks the feed index and stops at `limit` matches. Each
   * term is checked with LIKE on the searched text, which is exactly what its grams mean.
   */
  private walk(query: FeedQuery, position: Sql, rank: Sql, r: number, limit: number) {
    const filter = where({ ...query, terms: [] });
    const terms = query.terms.map(() => "lower(title || ' ' || description || ' ' || employer_name) like ?");
    return rawQuery<Record<string, unknown> & { sort_key: number }>(
      this.em,
      `select ${COLUMNS}, ${r} as sort_key from (
          select ${COLUMNS} from job_posting where ${filter.sql}${position.sql}
           order by posted_on desc, id desc limit ${WALK_LIMIT}
        ) newest where ${terms.join(' and ')} and ${rank.sql}
        order by posted_on desc, id desc limit ?`,
      [...filter.bindings, ...position.bindings, ...query.terms.map((t) => t.like), ...rank.bindings, limit],
    );
  }

  /** The frequencies of the query's grams among the most common ones (none: rare, or not analysed). */
  private async gramFrequencies(query: FeedQuery): Promise<ReadonlyMap<number, number>> {
    if (query.terms.flatMap((t) => t.grams).length < 2) return new Map();
    const database = String(this.em.config.get('dbName'));
    const cached = GRAM_FREQUENCIES.get(database);
    if (cached && cached.at > Date.now() - GRAM_FREQUENCIES_TTL_MS) return cached.frequencies;
    const rows = await rawQuery<{ gram: number; frequency: number }>(
      this.em,
      `select u.gram, u.frequency from pg_stats s
          cross join unnest(s.most_common_elems::text::int[], s.most_common_elem_freqs) as u(gram, frequency)
        where s.schemaname = current_schema() and s.tablename = 'job_posting' and s.attname = 'search_grams'
          and u.gram is not null`,
      [],
    );
    const frequencies = new Map(rows.map((row) => [Number(row.gram), Number(row.frequency)]));
    GRAM_FREQUENCIES.set(database, { at: Date.now(), frequencies });
    return frequencies;
  }

  /** A feed row (read-only: plain objects, not managed entities; see selectPlain) with its sort key. */
  private withKey({ sort_key, ...row }: Record<string, unknown> & { sort_key: number }) {
    return { posting: readPlainRow(this.em, JobPostingSchema, row), key: Number(sort_key) };
  }

  /**
   * Postings per (district, occupation) under the filter without its districts and occupations,
   * with the feed's version read in the same statement (so the same snapshot): the count, the
   * district facet and the occupation facet are all sums over these cells, from one pass.
   */
  async countCells(
    query: FeedQuery,
  ): Promise<{ version: string; cells: { district: string; occupation: string; n: number }[] }> {
    const filter = where(query, { districts: true, occupations: true });
    const rows = await rawQuery<{ version: string; district_code: string | null; occupation_code: string; n: string }>(
      this.em,
      `select v.version::text as version, m.district_code, m.occupation_code, m.n
         from (select version from job_feed_version where id = 1) v
         left join lateral (select district_code, occupation_code, count(*) as n from job_posting
                             where ${filter.sql} group by district_code, occupation_code) m on true`,
      filter.bindings,
    );
    return {
      version: rows[0]?.version ?? '0',
      cells: rows
        .filter((row) => row.district_code !== null)
        .map((row) => ({ district: row.district_code!, occupation: row.occupation_code, n: Number(row.n) })),
    };
  }

  /** The feed's version: changes with every committed statement that writes postings. */
  async feedVersion(): Promise<string> {
    const [row] = await rawQuery<{ version: string }>(
      this.em,
      'select version::text as version from job_feed_version where id = 1',
      [],
    );
    return row?.version ?? '0';
  }

  /** The first `limit` open postings of each employer, newest first (one statement for many organizations). */
  firstPagesOfEmployers(codes: readonly string[], limit: number, today: string): Promise<JobPosting[]> {
    return selectEntities(
      this.em,
      JobPostingSchema,
      `select p.* from unnest(?::text[]) as e(code) cross join lateral (
          select ${COLUMNS} from job_posting
           where employer_credit_code = e.code::bpchar and status = 'OPEN' and expires_on >= ?::date
           order by posted_on desc, id desc limit ?) p`,
      [codes, today, limit],
    );
  }

  /** Open postings per employer (one statement for many organizations). */
  countOpenOfEmployers(codes: readonly string[], today: string): Promise<{ code: string; n: string }[]> {
    return rawQuery(
      this.em,
      `select employer_credit_code as code, count(*) as n from job_posting
        where employer_credit_code = any(?::bpchar[]) and status = 'OPEN' and expires_on >= ?::date
        group by employer_credit_code`,
      [codes, today],
    );
  }

  /** The newest open postings in any of the occupations or districts (recommendation candidates). */
  candidatesFor(occupations: string[], districts: string[], limit: number): Promise<JobPosting[]> {
    return selectEntities(
      this.em,
      JobPostingSchema,
      `select ${COLUMNS} from job_posting
        where status = 'OPEN' and expires_on >= (now() at time zone 'Asia/Shanghai')::date
          and (occupation_code = any(?::text[]) or district_code = any(?::bpchar[]))
        order by posted_on desc, id desc limit ?`,
      [occupations, districts, limit],
    );
  }
}
