/**
 * Statistical disclosure control for every published cell: small-cell suppression, dominance for
 * magnitudes, and the cell-key method (Thompson, Broadfoot and Elazar, ABS 2013) for counts.
 *
 * Every record carries a fixed record key, an unsigned 32-bit integer read as a fraction of 2^32.
 * A cell's key is the sum of its records' keys modulo 2^32 (the fractional part of the sum of the
 * fractions), computed exactly in integers, so it depends only on which records are in the cell,
 * never on the order they were added or on how the table was asked for. The perturbation table
 * maps (count, cell key) to a noise in -2..+2:
 *
 * | true count | noise: -2 | -1 | 0 | +1 | +2 | mean | variance |
 * |---|---|---|---|---|---|---|---|
 * | 0 | never perturbed (an empty cell has no records) | | | | | | |
 * | 1 | - | 1/2 | - | 1/2 | - | 0 | 1 |
 * | 2 | - | 1/2 | - | 1/2 | - | 0 | 1 |
 * | 3 and more | 0.05 | 0.30 | 0.30 | 0.30 | 0.05 | 0 | 1 |
 *
 * So no count is ever moved by more than 2, the noise has zero mean and variance 1 for every
 * count, a published value is never negative, and counts of 1 and 2 are never published as they
 * are. The README publishes these bounds; they are what an analyst may rely on.
 */

/** The published bounds of the count perturbation. */
export const COUNT_NOISE = { maxDeviation: 2, variance: 1, mean: 0 } as const;

/** Magnitudes (sums) are moved by at most this share of the cell's largest single contribution. */
export const MAGNITUDE_NOISE_SHARE = 0.1;

const TWO_32 = 2 ** 32;

/** One row of the perturbation table: noise values and the upper end of each one's key interval. */
interface PtableRow {
  noise: number[];
  upper: number[];
}

function row(distribution: [noise: number, probability: number][]): PtableRow {
  let cumulative = 0;
  const noise: number[] = [];
  const upper: number[] = [];
  for (const [value, probability] of distribution) {
    cumulative += probability;
    noise.push(value);
    upper.push(cumulative);
  }
  upper[upper.length - 1] = 1;
  return { noise, upper };
}

const SMALL = row([
  [-1, 0.5],
  [1, 0.5],
]);
const GENERAL = row([
  [-2, 0.05],
  [-1, 0.3],
  [0, 0.3],
  [1, 0.3],
  [2, 0.05],
]);

function lookup(table: PtableRow, key: number): number {
  for (let i = 0; i < table.upper.length; i += 1) if (key < table.upper[i]) return table.noise[i];
  return table.noise[table.noise.length - 1];
}

/** The noise the perturbation table assigns to a cell of `count` records with cell key `cellKey` (a 32-bit integer). */
export function countNoise(count: number, cellKey: number): number {
  if (count <= 0) return 0;
  const key = (cellKey >>> 0) / TWO_32;
  return lookup(count <= 2 ? SMALL : GENERAL, key);
}

/** The cell key of a set of record keys: their sum modulo 2^32. */
export function cellKeyOf(recordKeys: Iterable<number>): number {
  let key = 0;
  for (const k of recordKeys) key = (key + k) >>> 0;
  return key;
}

/** A second, independent key of the same cell for the magnitude noise (the cell key rotated by half of 2^32 and scrambled). */
function magnitudeKey(cellKey: number): number {
  // A fixed odd multiplier permutes 32-bit integers, so distinct cell keys stay distinct.
  return (Math.imul((cellKey ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0) / TWO_32;
}

export interface DisclosureSettings {
  /** Counts below this are suppressed (default 10). */
  threshold: number;
  /** A magnitude whose largest contributor holds more than this share is suppressed (default 0.85). */
  dominance: number;
}

export const DEFAULT_DISCLOSURE: DisclosureSettings = { threshold: 10, dominance: 0.85 };

/** What is known of a cell before publication (true values: never leave the statistics process). */
export interface TrueCell {
  count: number;
  cellKey: number;
  /** For magnitude measures: the sum of the contributions, and the largest one (absolute). */
  sum?: number;
  largest?: number;
}

export type CellStatus = 'PUBLISHED' | 'SUPPRESSED_SMALL' | 'SUPPRESSED_DOMINANT';

export interface PublishedCell {
  status: CellStatus;
  /** Perturbed count; null when suppressed. */
  count: number | null;
  /** Perturbed sum; null when suppressed or the measure has no magnitude. */
  sum: number | null;
  /** Perturbed sum / perturbed count. */
  mean: number | null;
}

/** Applies suppression, dominance and perturbation to one cell. */
export function publishCell(cell: TrueCell, settings: DisclosureSettings, magnitude: boolean): PublishedCell {
  if (cell.count < settings.threshold || cell.count === 0) {
    return { status: 'SUPPRESSED_SMALL', count: null, sum: null, mean: null };
  }
  const count = cell.count + countNoise(cell.count, cell.cellKey);
  if (!magnitude) return { status: 'PUBLISHED', count, sum: null, mean: null };
  const sum = cell.sum ?? 0;
  const largest = cell.largest ?? 0;
  if (sum !== 0 && largest > settings.dominance * Math.abs(sum)) {
    return { status: 'SUPPRESSED_DOMINANT', count, sum: null, mean: null };
  }
  const noise = lookup(GENERAL, magnitudeKey(cell.cellKey)) / COUNT_NOISE.maxDeviation;
  const perturbedSum = round2(sum + noise * MAGNITUDE_NOISE_SHARE * largest);
  return { status: 'PUBLISHED', count, sum: perturbedSum, mean: count > 0 ? round2(perturbedSum / count) : null };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
