import type { EntityManager } from '@mikro-orm/postgresql';
import type { LabourMarketContext } from './context';
import { badUserInput } from '../shared/errors';
import * as check from '../shared/validation';
import {
  addDays,
  EDUCATION_LEVELS,
  educationRank,
  OCCUPATION_BY_CODE,
  todayInChina,
  type EducationLevel,
} from './catalogue';
import { JobRepository, type FeedOrder, type FeedPosition, type FeedQuery } from './entities/job.repository';
import type { JobPosting } from './entities/job-posting.entity';
import { SEPARATORS, hasOwnKey, termGrams } from './search-grams';

/** Anonymous callers read the feed: its pages and keywords are bounded. */
export const MAX_FEED_PAGE = 50;
export const MAX_KEYWORD_LENGTH = 50;
export const MAX_TERMS = 10;

/** The feed's filter as the schema takes it. */
export interface JobFilterInput {
  keyword?: string | null;
  districts?: readonly string[] | null;
  occupations?: readonly string[] | null;
  industry?: string | null;
  minSalary?: number | null;
  education?: EducationLevel | null;
  postedWithinDays?: number | null;
}

/** A page of the feed; totalCount and facets are counted only when asked for. */
export interface JobPage {
  edges: { cursor: string; node: JobPosting }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  query: FeedQuery;
  /** Set when the page is an employer's open postings and nothing else: counted by a batched loader. */
  employerOnly?: string;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Validates a filter into a feed query; BAD_USER_INPUT names the field and the rule. */
export function feedQuery(filter: JobFilterInput | null | undefined, argument = 'filter'): FeedQuery {
  const f = filter ?? {};
  let terms: FeedQuery['terms'] = [];
  if (f.keyword != null && f.keyword.trim() !== '') {
    const keyword = check.text(`${argument}.keyword`, f.keyword, { max: MAX_KEYWORD_LENGTH }).toLowerCase();
    const words = [...new Set(keyword.split(/[\s\u3000]+/).filter((w) => w !== ''))];
    if (words.length > MAX_TERMS) {
      throw badUserInput(
        `${argument}.keyword`,
        'terms',
        `${argument}.keyword has ${words.length} terms; at most ${MAX_TERMS} terms separated by spaces`,
      );
    }
    // A term of one or two characters (no separator) is in the text exactly when its gram is,
    // unless a character is outside the BMP (its key is folded and shared: the LIKE decides).
    terms = words.map((word) => ({
      like: `%${escapeLike(word)}%`,
      grams: termGrams(word),
      exact: [...word].length <= 2 && [...word].every((c) => !SEPARATORS.includes(c) && hasOwnKey(c)),
    }));
  }
  const districts = f.districts ? listOf(`${argument}.districts`, f.districts, 20) : null;
  districts?.forEach((code, i) => check.chengduDistrict(`${argument}.districts[${i}]`, code));
  const occupations = f.occupations ? listOf(`${argument}.occupations`, f.occupations, 50) : null;
  occupations?.forEach((code, i) => {
    if (!OCCUPATION_BY_CODE.has(code)) {
      throw badUserInput(
        `${argument}.occupations[${i}]`,
        'occupation',
        `${argument}.occupations[${i}] ${JSON.stringify(code)} is not an occupation code; the list is Query.occupations (e.g. ACCOUNTANT)`,
      );
    }
  });
  const industry =
    f.industry != null ? check.industryCode(`${argument}.industry`, f.industry, { allowPrefix: true }) : null;
  if (f.minSalary != null && (f.minSalary < 0 || f.minSalary > 1_000_000)) {
    throw badUserInput(
      `${argument}.minSalary`,
      'range',
      `${argument}.minSalary must be from 0 to 1000000 yuan a month (got ${f.minSalary})`,
    );
  }
  if (f.postedWithinDays != null && (f.postedWithinDays < 1 || f.postedWithinDays > 365)) {
    throw badUserInput(
      `${argument}.postedWithinDays`,
      'range',
      `${argument}.postedWithinDays must be from 1 to 365 (got ${f.postedWithinDays})`,
    );
  }
  const today = todayInChina();
  return {
    terms,
    districts,
    occupations,
    industry,
    minSalary: f.minSalary ?? null,
    educations: f.education ? EDUCATION_LEVELS.filter((l) => educationRank(l) <= educationRank(f.education!)) : null,
    postedSince: f.postedWithinDays != null ? addDays(today, -(f.postedWithinDays - 1)) : null,
    employer: null,
    today,
  };
}

function listOf(argument: string, values: readonly string[], max: number): string[] {
  if (values.length === 0 || values.length > max) {
    throw badUserInput(argument, 'length', `${argument} must list 1 to ${max} values (got ${values.length})`);
  }
  return [...new Set(values)];
}

/** An empty feed query (no filter): what a local feed or an employer's postings start from. */
export function openPostings(): FeedQuery {
  return feedQuery(null);
}

const ORDERS = ['RELEVANCE', 'NEWEST', 'SALARY'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** order, first sort key, postedOn, id. */
const FEED_CURSOR = [
  check.cursorField.oneOf(ORDERS),
  check.cursorField.count,
  check.cursorField.matching(DATE),
  check.cursorField.uuid,
] as const;

/** A page size for the feed: 1 to 50, refused rather than clamped. */
export function feedPageSize(argument: string, value: number | null | undefined): number {
  const size = value ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_FEED_PAGE) {
    throw badUserInput(argument, 'page-size', `${argument} must be from 1 to ${MAX_FEED_PAGE} (got ${size})`);
  }
  return size;
}

/** One page of the feed under `query`, in `order`, after the cursor `after`. */
export async function jobPage(
  em: EntityManager,
  query: FeedQuery,
  order: FeedOrder,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<JobPage> {
  const size = feedPageSize('first', first);
  let position: FeedPosition | null = null;
  if (after) {
    const [cursorOrder, key, postedOn, id] = check.decodeCursor('after', after, FEED_CURSOR);
    if (cursorOrder !== order) {
      throw badUserInput(
        'after',
        'cursor',
        `after is a cursor of a ${cursorOrder} page; pass it with orderBy: ${cursorOrder}`,
      );
    }
    position = { key, postedOn, id };
  }
  const rows = await new JobRepository(em).page(query, order, size + 1, position);
  const page = rows.slice(0, size);
  const cursorOf = (row: (typeof rows)[number]) =>
    check.encodeCursor(FEED_CURSOR, [order, row.key, row.posting.postedOn as string, row.posting.id]);
  return {
    edges: page.map((row) => ({ cursor: cursorOf(row), node: row.posting })),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null,
    },
    query,
  };
}

/**
 * The first page of an employer's open postings, newest first, through a loader: a list of
 * organizations asking for their jobs costs one statement, not one per organization.
 */
export async function employerPage(ctx: LabourMarketContext, creditCode: string, size: number): Promise<JobPage> {
  const rows = await ctx.loaders.employerFirstPage.load(`${size + 1}:${creditCode}`);
  const page = rows.slice(0, size);
  const cursorOf = (posting: JobPosting) =>
    check.encodeCursor(FEED_CURSOR, ['NEWEST', 0, posting.postedOn as string, posting.id]);
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null,
    },
    query: { ...openPostings(), employer: creditCode },
    employerOnly: creditCode,
  };
}
