import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery, selectEntities } from '../../shared/sql';
import { JobPostingSchema, type JobPosting } from './job-posting.entity';

/** What the feed is asked for, already validated (terms lower-cased, grams computed). */
export interface FeedQuery {
  /** `exact`: the grams alone decide a match (a 1- or 2-character term), so no LIKE recheck is needed. */
  terms: { like: string; grams: string[]; exact: boolean }[];
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
    clauses.push('search_grams @> ?::text[]');
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
    return rows.map(({ sort_key, ...row }) => ({
      posting: this.em.map(JobPostingSchema, row as never),
      key: Number(sort_key),
    }));
  }

  async count(query: FeedQuery): Promise<number> {
    const filter = where(query);
    const [row] = await rawQuery<{ n: string }>(
      this.em,
      `select count(*) as n from job_posting where ${filter.sql}`,
      filter.bindings,
    );
    return Number(row.n);
  }

  /** Postings per district under the filter without its districts. */
  countByDistrict(query: FeedQuery): Promise<{ district_code: string; n: string }[]> {
    const filter = where(query, { districts: true });
    return rawQuery(
      this.em,
      `select district_code, count(*) as n from job_posting where ${filter.sql}
        group by district_code order by count(*) desc, district_code`,
      filter.bindings,
    );
  }

  /** Postings per occupation under the filter without its occupations. */
  countByOccupation(query: FeedQuery): Promise<{ occupation_code: string; n: string }[]> {
    const filter = where(query, { occupations: true });
    return rawQuery(
      this.em,
      `select occupation_code, count(*) as n from job_posting where ${filter.sql}
        group by occupation_code order by count(*) desc, occupation_code`,
      filter.bindings,
    );
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
