import { createHash } from 'node:crypto';
import { badUserInput } from '../shared/errors';
import { publishCell, type DisclosureSettings, type PublishedCell, COUNT_NOISE } from '../shared/statistics/disclosure';
import {
  DIMENSIONS,
  MAX_DIMENSIONS,
  dimensionNamed,
  measureNamed,
  type DimensionDefinition,
  type MeasureDefinition,
  type Population,
} from './catalogue';

/**
 * The in-memory tables statistics are computed from: one column per catalogue dimension (category
 * indexes) and per magnitude, over every record of a population, built from the stored extracts
 * (store.ts). A table is one pass over the columns, so a three-dimensional table over a million
 * residents takes milliseconds; only published (protected) values ever leave this module.
 */

export interface PopulationColumns {
  size: number;
  recordKeys: Uint32Array;
  /** Category index per record, per dimension name. */
  dimensions: Map<string, Uint8Array>;
  /** Magnitude per record (NaN: none), per measure name. */
  magnitudes: Map<string, Float64Array>;
}

export interface SourceInfo {
  registry: string;
  asOf: string;
  records: number;
}

export interface StatisticsData {
  populations: Record<Population, PopulationColumns>;
  sources: SourceInfo[];
  /** The refresh the data comes from. */
  runId: number;
}

export interface FilterInput {
  dimension: string;
  values: string[];
}

export interface TableCell extends PublishedCell {
  categories: string[];
  labels: string[];
}

export interface Table {
  measure: string;
  dimensions: string[];
  filter: string;
  cells: TableCell[];
  total: TableCell;
  sources: SourceInfo[];
  threshold: number;
  notes: string[];
}

export interface CheckedQuery {
  measure: MeasureDefinition;
  dimensions: DimensionDefinition[];
  /** Allowed category indexes per filtered dimension. */
  filters: { dimension: DimensionDefinition; allowed: Uint8Array; text: string }[];
  /** The conditions the caller gave (the rest is the measure's own restriction). */
  given: number;
}

/** Checks a request against the catalogue; BAD_USER_INPUT naming the argument and the rule. */
export function checkQuery(
  measureName: string,
  dimensionNames: readonly string[],
  filter: readonly FilterInput[],
): CheckedQuery {
  const measure = measureNamed(measureName);
  if (!measure) {
    throw badUserInput(
      'measure',
      'known',
      `measure ${JSON.stringify(measureName)} is not in the catalogue; ask statisticsCatalogue for the measures`,
    );
  }
  if (dimensionNames.length > MAX_DIMENSIONS) {
    throw badUserInput(
      'dimensions',
      'max',
      `a table has at most ${MAX_DIMENSIONS} dimensions, not ${dimensionNames.length}`,
    );
  }
  const dimensions = dimensionNames.map((name, i) => {
    const dimension = dimensionNamed(name);
    if (!dimension) {
      throw badUserInput(
        `dimensions[${i}]`,
        'known',
        `dimension ${JSON.stringify(name)} is not in the catalogue; ask statisticsCatalogue for the dimensions`,
      );
    }
    if (dimension.population !== measure.population) {
      throw badUserInput(
        `dimensions[${i}]`,
        'population',
        `dimension ${name} describes ${dimension.population.toLowerCase()}s, but measure ${measure.name} counts ${measure.population.toLowerCase()}s`,
      );
    }
    if (dimensionNames.indexOf(name) !== i) {
      throw badUserInput(`dimensions[${i}]`, 'distinct', `dimension ${name} is given twice`);
    }
    return dimension;
  });
  if (filter.length > DIMENSIONS.length) {
    throw badUserInput('filter', 'max', `at most ${DIMENSIONS.length} filter conditions`);
  }
  const conditions = measure.restrict ? [...filter, measure.restrict] : [...filter];
  const filters = conditions.map((condition, i) => {
    const argument = i < filter.length ? `filter[${i}]` : `measure ${measure.name}`;
    const dimension = dimensionNamed(condition.dimension);
    if (!dimension) {
      throw badUserInput(
        `${argument}.dimension`,
        'known',
        `dimension ${JSON.stringify(condition.dimension)} is not in the catalogue`,
      );
    }
    if (dimension.population !== measure.population) {
      throw badUserInput(
        `${argument}.dimension`,
        'population',
        `dimension ${dimension.name} describes ${dimension.population.toLowerCase()}s, but measure ${measure.name} counts ${measure.population.toLowerCase()}s`,
      );
    }
    if (condition.values.length === 0 || condition.values.length > dimension.categories.length) {
      throw badUserInput(
        `${argument}.values`,
        'count',
        `give 1 to ${dimension.categories.length} category codes of ${dimension.name}`,
      );
    }
    const allowed = new Uint8Array(dimension.categories.length);
    for (const value of condition.values) {
      const index = dimension.categories.findIndex((c) => c.code === value);
      if (index < 0) {
        throw badUserInput(
          `${argument}.values`,
          'category',
          `${JSON.stringify(value)} is not a category of ${dimension.name} (${dimension.categories
            .map((c) => c.code)
            .join(', ')})`,
        );
      }
      allowed[index] = 1;
    }
    const codes = dimension.categories.filter((_c, index) => allowed[index]).map((c) => c.code);
    return { dimension, allowed, text: `${dimension.name}=${codes.join('|')}` };
  });
  return { measure, dimensions, filters, given: filter.length };
}

let scratch: { keep: Uint8Array; cellOf: Int32Array } | null = null;

/** Per-record working arrays, reused by every table (computeTable runs to the end without yielding). */
function scratchFor(n: number): { keep: Uint8Array; cellOf: Int32Array } {
  if (!scratch || scratch.keep.length !== n) scratch = { keep: new Uint8Array(n), cellOf: new Int32Array(n) };
  return scratch;
}

/** Computes and protects one table. */
export function computeTable(data: StatisticsData, query: CheckedQuery, settings: DisclosureSettings): Table {
  const { measure, dimensions, filters } = query;
  const columns = data.populations[measure.population];
  const sizes = dimensions.map((d) => d.categories.length);
  const cellCount = sizes.reduce((a, b) => a * b, 1);
  const dimColumns = dimensions.map((d) => columns.dimensions.get(d.name)!);
  const filterColumns = filters.map((f) => ({ column: columns.dimensions.get(f.dimension.name)!, allowed: f.allowed }));
  const magnitude = measure.magnitude ? columns.magnitudes.get(measure.name)! : null;

  const counts = new Int32Array(cellCount);
  const keys = new Uint32Array(cellCount);
  const sums = new Float64Array(cellCount);
  const largest = new Float64Array(cellCount);
  const s1 = sizes[1] ?? 1;
  const s2 = sizes[2] ?? 1;
  const recordKeys = columns.recordKeys;
  const n = columns.size;
  // Simple passes over typed arrays (no per-record closures or iterators): a few ms per million.
  // keep[i] = 1 when record i passes every filter (and has the measure's magnitude).
  const { keep, cellOf } = scratchFor(n);
  keep.fill(1);
  cellOf.fill(0);
  for (const { column, allowed } of filterColumns) {
    for (let i = 0; i < n; i += 1) keep[i] &= allowed[column[i]];
  }
  if (magnitude) {
    for (let i = 0; i < n; i += 1) if (Number.isNaN(magnitude[i])) keep[i] = 0;
  }
  // cellOf[i] = the record's cell: its categories in mixed radix.
  for (let d = 0; d < dimColumns.length; d += 1) {
    const column = dimColumns[d];
    const size = sizes[d];
    for (let i = 0; i < n; i += 1) cellOf[i] = cellOf[i] * size + column[i];
  }
  for (let i = 0; i < n; i += 1) {
    if (keep[i] === 0) continue;
    const cell = cellOf[i];
    counts[cell] += 1;
    // A Uint32Array stores modulo 2^32: the sum of record keys, exactly.
    keys[cell] += recordKeys[i];
  }
  if (magnitude) {
    for (let i = 0; i < n; i += 1) {
      if (keep[i] === 0) continue;
      const cell = cellOf[i];
      const value = magnitude[i];
      sums[cell] += value;
      const contribution = value < 0 ? -value : value;
      if (contribution > largest[cell]) largest[cell] = contribution;
    }
  }

  const isMagnitude = magnitude !== null;
  const cells: TableCell[] = [];
  let totalCount = 0;
  let totalKey = 0;
  let totalSum = 0;
  let totalLargest = 0;
  const restrictions = restrictionsOf(filters);
  for (let cell = 0; cell < cellCount; cell += 1) {
    const indexes = [Math.floor(cell / (s1 * s2)), Math.floor(cell / s2) % s1, cell % s2].slice(0, dimensions.length);
    const cellKey = cellKeyOf(keys[cell], definitionOf(measure.population, restrictions, dimensions, indexes));
    const published = publishCell(
      { count: counts[cell], cellKey, sum: sums[cell], largest: largest[cell] },
      settings,
      isMagnitude,
    );
    cells.push({
      categories: indexes.map((index, d) => dimensions[d].categories[index].code),
      labels: indexes.map((index, d) => dimensions[d].categories[index].label),
      ...published,
    });
    totalCount += counts[cell];
    totalKey = (totalKey + keys[cell]) >>> 0;
    totalSum += sums[cell];
    totalLargest = Math.max(totalLargest, largest[cell]);
  }
  const total: TableCell = {
    categories: [],
    labels: [],
    ...publishCell(
      {
        count: totalCount,
        cellKey: cellKeyOf(totalKey, definitionOf(measure.population, restrictions, [], [])),
        sum: totalSum,
        largest: totalLargest,
      },
      settings,
      isMagnitude,
    ),
  };
  const used = new Set<string>([
    ...measure.sources,
    ...dimensions.map((d) => d.source),
    ...filters.map((f) => f.dimension.source),
  ]);
  const sources = data.sources.filter((s) => used.has(s.registry));
  return {
    measure: measure.name,
    dimensions: dimensions.map((d) => d.name),
    filter: filters
      .slice(0, query.given)
      .map((f) => f.text)
      .join('; '),
    cells,
    total,
    sources,
    threshold: settings.threshold,
    notes: disclosureNotes(measure, settings, sources),
  };
}

/**
 * What makes a table distinct (the query budget counts these): its measure, its dimensions (in any
 * order) and what its filters keep, written as cell definitions are, so asking the same table again,
 * with the dimensions reordered or with a filter that keeps every category, is not a new table.
 */
export function tableKey(query: CheckedQuery): string {
  const definition = definitionOf(query.measure.population, restrictionsOf(query.filters), [], []);
  const dimensions = query.dimensions.map((d) => d.name).sort();
  return createHash('sha256')
    .update(`${query.measure.name}|${dimensions.join(',')}|${definition}`)
    .digest('hex');
}

/** The filter conditions per dimension, combined (two conditions on one dimension keep what both allow). */
function restrictionsOf(filters: CheckedQuery['filters']): Map<DimensionDefinition, Uint8Array> {
  const restrictions = new Map<DimensionDefinition, Uint8Array>();
  for (const { dimension, allowed } of filters) {
    const before = restrictions.get(dimension);
    restrictions.set(dimension, before ? before.map((a, i) => a & allowed[i]) : allowed);
  }
  return restrictions;
}

/**
 * A cell's definition: which categories of which dimensions it keeps, in catalogue order, whether
 * they were asked as dimensions or as filters (a dimension with every category allowed restricts
 * nothing and is left out), so the same cell is the same definition however it is asked for.
 */
function definitionOf(
  population: Population,
  restrictions: Map<DimensionDefinition, Uint8Array>,
  dimensions: DimensionDefinition[],
  indexes: number[],
): string {
  const parts: string[] = [population];
  for (const dimension of DIMENSIONS) {
    let allowed = restrictions.get(dimension);
    const d = dimensions.indexOf(dimension);
    if (d >= 0) {
      const only = new Uint8Array(dimension.categories.length);
      only[indexes[d]] = 1;
      allowed = allowed ? allowed.map((a, i) => a & only[i]) : only;
    }
    if (!allowed || allowed.every((a) => a === 1)) continue;
    const kept = allowed;
    parts.push(
      `${dimension.name}=${dimension.categories
        .filter((_c, i) => kept[i])
        .map((c) => c.code)
        .join('|')}`,
    );
  }
  return parts.join(';');
}

/**
 * The cell key: the sum of the cell's record keys (mod 2^32, as in the ABS method), hashed
 * together with the cell's definition. The same records under the same definition always give the
 * same key; two cells defined differently get unrelated keys even when they hold exactly the same
 * records. Without the definition, "all of a district" minus "the district without one age band"
 * would be exactly 0 whenever nobody is in that age band, and anything else would prove someone is.
 */
function cellKeyOf(recordKeySum: number, definition: string): number {
  return createHash('sha256')
    .update(`${recordKeySum >>> 0}:${definition}`)
    .digest()
    .readUInt32BE(0);
}

/** What goes with every table, in the API and in the CSV. */
export function disclosureNotes(
  measure: MeasureDefinition,
  settings: DisclosureSettings,
  sources: SourceInfo[],
): string[] {
  return [
    `${measure.title}: ${measure.definition}`,
    `Sources: ${sources.map((s) => `${s.registry} extract as of ${s.asOf} (${s.records} records)`).join('; ') || 'no extract yet'}.`,
    `Counts below ${settings.threshold} are suppressed (SUPPRESSED_SMALL).`,
    `Every published count is perturbed by the cell-key method: it differs from the true count by at most ${COUNT_NOISE.maxDeviation}, with mean 0 and variance ${COUNT_NOISE.variance}; the same cell always has the same value. Cells and totals are perturbed separately, so cells need not add up to the total.`,
    ...(measure.magnitude
      ? [
          `Sums are of ${measure.magnitude.title} (${measure.magnitude.unit}); a sum where one contributor holds more than ${Math.round(settings.dominance * 100)}% is suppressed (SUPPRESSED_DOMINANT); published sums are perturbed by at most 10% of the cell's largest contribution; mean = perturbed sum / perturbed count.`,
        ]
      : []),
  ];
}
