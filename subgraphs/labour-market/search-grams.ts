/**
 * Chinese keyword search over job postings: PostgreSQL's full-text parser does not split Chinese,
 * and pg_trgm is useless for 2-character terms, so each posting keeps the set of its characters
 * and of its pairs of adjacent characters (unigrams and bigrams, lower-cased, never across
 * whitespace or punctuation) in `search_grams`, an int4[] with a GIN index: each gram as a 32-bit
 * number (`gramKey`), because the GIN build compares every entry many times and comparing two
 * int4 costs a fraction of comparing two text values (measured in the README). A term of one
 * character is looked up as itself, a longer term as its bigrams (all must be present: `@>`), and
 * every candidate is then checked with LIKE for the term itself, so a match is exact.
 *
 * The same split is written twice, once in SQL (the function the trigger calls on every write, and
 * the seed for its phrases) and once here (a query's terms); a test checks they agree.
 */

/** Characters that separate grams (whitespace and common Chinese and ASCII punctuation). */
export const SEPARATORS = ' \t\r\n\u3000，。、；：？！,.;:?!()（）《》“”"\'【】[]/-';

/**
 * The number a character stands for in a gram: its code point when in the Basic Multilingual Plane
 * (every common Chinese character), else folded into the surrogate range D800-DFFF, which no text
 * holds as characters, so a folded character can share its number only with another folded one.
 */
function charKey(c: string): number {
  const code = c.codePointAt(0)!;
  return code <= 0xffff ? code : 0xd800 + (code % 0x800);
}

/** Whether a character is its own key (BMP): a gram of such characters stands for them alone. */
export function hasOwnKey(c: string): boolean {
  return c.codePointAt(0)! <= 0xffff;
}

/**
 * A gram as the int4 the index holds: a unigram is its character's key (1 to 0xFFFF), a bigram is
 * `first << 16 | second` (as a signed 32-bit number, so never 0 to 0xFFFF: no unigram).
 */
export function gramKey(gram: string): number {
  const chars = [...gram];
  if (chars.length === 1) return charKey(chars[0]);
  if (chars.length === 2) return (charKey(chars[0]) << 16) | charKey(chars[1]);
  throw new Error(`a gram is one or two characters, not ${JSON.stringify(gram)}`);
}

/** Whether a gram key is a bigram's. */
export function isBigram(key: number): boolean {
  return key < 0 || key > 0xffff;
}

/** The keys of the unigrams and bigrams of `text`, each once, ascending (as the index sorts them). */
export function searchGrams(text: string): number[] {
  const grams = new Set<number>();
  let previous: number | null = null;
  for (const c of text.toLowerCase()) {
    if (SEPARATORS.includes(c)) {
      previous = null;
      continue;
    }
    const key = charKey(c);
    grams.add(key);
    if (previous !== null) grams.add((previous << 16) | key);
    previous = key;
  }
  return [...grams].sort((a, b) => a - b);
}

/** The grams a term must find in a posting: itself when one character, else its bigrams. */
export function termGrams(term: string): number[] {
  const all = searchGrams(term);
  const bigrams = all.filter(isBigram);
  return bigrams.length > 0 ? bigrams : all;
}

/** The text a posting is searched in. */
export function searchDocument(posting: { title: string; description: string; employerName: string }): string {
  return `${posting.title} ${posting.description} ${posting.employerName}`;
}

const SQL_SEPARATORS = SEPARATORS.replace(/'/g, "''").replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');

/**
 * The text[] grams of the initial migration (its function, trigger and their use on job_posting):
 * kept word for word for that migration, which landed; Migration20261122081500_integerSearchGrams
 * replaces them with INTEGER_SEARCH_GRAMS_SQL.
 */
export const SEARCH_GRAMS_SQL = [
  `create or replace function job_search_grams(doc text) returns text[] language plpgsql immutable parallel safe as $$
declare
  grams text[] := '{}';
  previous text := null;
  c text;
begin
  foreach c in array regexp_split_to_array(lower(doc), '') loop
    if position(c in E'${SQL_SEPARATORS}') > 0 then
      previous := null;
    else
      grams := grams || c;
      if previous is not null then grams := grams || (previous || c); end if;
      previous := c;
    end if;
  end loop;
  return array(select distinct g from unnest(grams) g);
end $$;`,
  `create or replace function job_posting_grams() returns trigger language plpgsql as $$
begin
  new.search_grams := job_search_grams(new.title || ' ' || new.description || ' ' || new.employer_name);
  return new;
end $$;`,
  `create trigger job_posting_grams before insert or update of title, description, employer_name on job_posting
  for each row execute function job_posting_grams();`,
];

/**
 * job_search_grams(text) as int4[] (what `searchGrams` computes: distinct, ascending), in one SQL
 * statement rather than a plpgsql loop, and the trigger that keeps job_posting.search_grams.
 */
export const INTEGER_SEARCH_GRAMS_SQL = [
  `create function job_search_grams(doc text) returns int[] language sql immutable parallel safe as $$
select coalesce(array_agg(distinct g order by g), '{}')
  from (select k, lag(k) over (order by n) as previous
          from (select n, case when position(c in E'${SQL_SEPARATORS}') > 0 then null
                               when ascii(c) <= 65535 then ascii(c) else 55296 + ascii(c) % 2048 end as k
                  from regexp_split_to_table(lower(doc), '') with ordinality as t(c, n)
                 where c <> '') chars) pairs
  cross join lateral (values (k), ((previous << 16) | k)) as v(g)
 where g is not null
$$;`,
  `create or replace function job_posting_grams() returns trigger language plpgsql as $$
begin
  new.search_grams := job_search_grams(new.title || ' ' || new.description || ' ' || new.employer_name);
  return new;
end $$;`,
  `create trigger job_posting_grams before insert or update of title, description, employer_name on job_posting
  for each row execute function job_posting_grams();`,
];
