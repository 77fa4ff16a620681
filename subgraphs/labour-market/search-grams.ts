/**
 * Chinese keyword search over job postings: PostgreSQL's full-text parser does not split Chinese,
 * and pg_trgm is useless for 2-character terms, so each posting keeps the set of its characters
 * and of its pairs of adjacent characters (unigrams and bigrams, lower-cased, never across
 * whitespace or punctuation) in `search_grams`, a text[] with a GIN index. A term of one character
 * is looked up as itself, a longer term as its bigrams (all must be present: `@>`), and every
 * candidate is then checked with LIKE for the term itself, so a match is exact.
 *
 * The same split is written twice, once in SQL (the trigger that maintains the column on every
 * write) and once here (a query's terms, and the seed's bulk load); a test checks they agree.
 */

/** Characters that separate grams (whitespace and common Chinese and ASCII punctuation). */
export const SEPARATORS = ' \t\r\n\u3000，。、；：？！,.;:?!()（）《》“”"\'【】[]/-';

/** The unigrams and bigrams of `text`, each once, in order of first appearance. */
export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  let previous: string | null = null;
  for (const c of text.toLowerCase()) {
    if (SEPARATORS.includes(c)) {
      previous = null;
      continue;
    }
    grams.add(c);
    if (previous !== null) grams.add(previous + c);
    previous = c;
  }
  return [...grams];
}

/** The grams a term must find in a posting: itself when one character, else its bigrams. */
export function termGrams(term: string): string[] {
  const all = searchGrams(term);
  const bigrams = all.filter((g) => [...g].length === 2);
  return bigrams.length > 0 ? bigrams : all;
}

/** The text a posting is searched in. */
export function searchDocument(posting: { title: string; description: string; employerName: string }): string {
  return `${posting.title} ${posting.description} ${posting.employerName}`;
}

const SQL_SEPARATORS = SEPARATORS.replace(/'/g, "''").replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');

/** The SQL function, trigger and its use on job_posting (part of the initial migration). */
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
