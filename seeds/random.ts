/**
 * A small seeded pseudo-random generator for demo data. Everything the seeds produce is drawn from
 * one of these, never from Math.random or crypto, so the same seed gives byte-identical rows on
 * every machine and every run.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128 bits of state),
 * which passes PractRand and needs only 32-bit integer arithmetic, so it is fast in JavaScript.
 */

/** A choice table prepared once so that weighted picks are a binary search, not a scan. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  /** Running totals of the weights; the last one is the total weight. */
  readonly cumulative: Float64Array;
}

/** Prepares `[value, weight]` pairs for Random.weighted; weights must be positive. */
export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  if (entries.length === 0) throw new Error('weightedTable needs at least one entry');
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([value, weight], i) => {
    if (!(weight > 0)) throw new Error(`weightedTable: weight of ${String(value)} must be positive, not ${weight}`);
    total += weight;
    cumulative[i] = total;
  });
  return { values: entries.map(([value]) => value), cumulative };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hashes a seed string into four 32-bit words (FNV-1a with four offsets, then a murmur-style finaliser). */
function seedWords(seed: string): [number, number, number, number] {
  const offsets = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  return offsets.map((offset) => {
    let h = offset >>> 0;
    for (let i = 0; i < seed.length; i += 1) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }) as [number, number, number, number];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: string | number) {
    [this.a, this.b, this.c, this.d] = seedWords(String(seed));
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed; skip them.
    for (let i = 0; i < 16; i += 1) this.nextUint32();
  }

  /** An independent generator for one part of the data: more draws in one part leave the others unchanged. */
  fork(label: string): Random {
    return new Random(`${String(this.seed)}/${label}`);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`Random.int: max ${max} is below min ${min}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min = 0, max = 1): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty array');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One value of a weighted table (or of `[value, weight]` pairs, prepared on the fly). */
  weighted<T>(table: WeightedTable<T> | readonly (readonly [T, number])[]): T {
    const prepared = 'cumulative' in table ? table : weightedTable(table);
    const { cumulative, values } = prepared;
    const target = this.next() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return values[low];
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A random UUID in version 4 format (RFC 9562), drawn from this generator. */
  uuid(): string {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const word = this.nextUint32();
      bytes[i] = word >>> 24;
      bytes[i + 1] = (word >>> 16) & 0xff;
      bytes[i + 2] = (word >>> 8) & 0xff;
      bytes[i + 3] = word & 0xff;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC variant
    // One join makes a flat string; concatenating 20 pieces would leave a tree of cons strings
    // that costs several hundred bytes per UUID, which matters with millions of rows.
    const parts: string[] = [];
    bytes.forEach((byte, i) => {
      if (i === 4 || i === 6 || i === 8 || i === 10) parts.push('-');
      parts.push(HEX[byte]);
    });
    return parts.join('');
  }
}
