import { GraphQLError } from 'graphql';

/**
 * `GET /statistics.csv`, shared by the gateway (which checks the token and forwards a canonical
 * request) and the statistics subgraph (which computes the table): the same table as the
 * `statistics` query, as CSV with the disclosure notes as leading `#` lines.
 *
 * Parameters: `measure` (required), `dimensions` (comma-separated, up to 3), and `filter`, once per
 * condition, as `dimension:code,code` (e.g. `filter=district:510104,510105`).
 */

export const STATISTICS_CSV_PATH = '/statistics.csv';

export interface CsvRequest {
  measure: string;
  dimensions: string[];
  filter: { dimension: string; values: string[] }[];
}

const MAX_PARAMETER_LENGTH = 2000;

function bad(argument: string, rule: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, rule } });
}

/** Reads the query string of a CSV request; BAD_USER_INPUT naming the parameter otherwise. */
export function parseCsvRequest(search: URLSearchParams): CsvRequest {
  for (const name of new Set(search.keys())) {
    if (!['measure', 'dimensions', 'filter'].includes(name)) {
      throw bad(name, 'unknown', `unknown query parameter ${name.slice(0, 40)}; give measure, dimensions and filter`);
    }
  }
  for (const [name, value] of search) {
    if (value.length > MAX_PARAMETER_LENGTH)
      throw bad(name, 'length', `${name} is longer than ${MAX_PARAMETER_LENGTH} characters`);
  }
  const measures = search.getAll('measure');
  if (measures.length !== 1 || measures[0] === '')
    throw bad('measure', 'required', 'give measure once, e.g. measure=residents');
  const dimensionValues = search.getAll('dimensions');
  if (dimensionValues.length > 1) throw bad('dimensions', 'single', 'give dimensions once, comma-separated');
  const dimensions = (dimensionValues[0] ?? '').split(',').filter((d) => d !== '');
  const filters = search.getAll('filter');
  if (filters.length > 20) throw bad('filter', 'max', 'at most 20 filter conditions');
  const filter = filters.map((text, i) => {
    const colon = text.indexOf(':');
    if (colon <= 0)
      throw bad(`filter[${i}]`, 'format', 'a filter is dimension:code,code (e.g. district:510104,510105)');
    return {
      dimension: text.slice(0, colon),
      values: text
        .slice(colon + 1)
        .split(',')
        .filter((v) => v !== ''),
    };
  });
  return { measure: measures[0], dimensions, filter };
}

/** The canonical query string of a CSV request: what the gateway signs and forwards. */
export function canonicalCsvTarget(request: CsvRequest): string {
  const params = new URLSearchParams();
  params.set('measure', request.measure);
  if (request.dimensions.length > 0) params.set('dimensions', request.dimensions.join(','));
  for (const f of request.filter) params.append('filter', `${f.dimension}:${f.values.join(',')}`);
  return `${STATISTICS_CSV_PATH}?${params.toString()}`;
}

/** One CSV field: quoted when needed; a leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
