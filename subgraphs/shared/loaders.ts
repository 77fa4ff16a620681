import DataLoader from 'dataloader';

/**
 * DataLoader builders. Loaders live for one request (created in the context), so each batch is
 * one `= ANY($1)` query and nothing is cached across callers.
 */

/** One value per key, in key order; a key with no row gives null. Keys failing `isValid` are not queried. */
export function keyedLoader<K extends string, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
  isValid: (key: K) => boolean = () => true,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>((keys) => loadByKey(keys, fetch, keyOf, isValid));
}

/** One batch of a keyed loader: the valid keys fetched at once, each key's value or null, in key order. */
async function loadByKey<K extends string, V>(
  keys: readonly K[],
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
  isValid: (key: K) => boolean,
): Promise<(V | null)[]> {
  const valid = keys.filter(isValid);
  const found = new Map<K, V>();
  if (valid.length > 0) for (const value of await fetch(valid)) found.set(keyOf(value), value);
  return keys.map((key) => found.get(key) ?? null);
}

/** A list per key (e.g. a household's members), in key order; a key with no rows gives []. */
export function groupedLoader<K extends string, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
  isValid: (key: K) => boolean = () => true,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const valid = keys.filter(isValid);
    const groups = new Map<K, V[]>();
    if (valid.length > 0) {
      for (const value of await fetch(valid)) {
        const key = keyOf(value);
        const group = groups.get(key);
        if (group) group.push(value);
        else groups.set(key, [value]);
      }
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * A loader of the same values as `plain` for requests that will read more than the value (a
 * person's household and its members, say; pick it per field with selectsSubfield): `fetch`
 * brings that in the same statement and primes the loaders the child resolvers and rules use, so
 * they find it cached and send no statement of their own. Every value (and every miss, as null) is
 * primed into `plain` too, so the permission rules and the access log, which read through `plain`,
 * share it. Children resolve as before, through their own loaders: what changes is only when the
 * rows arrive, never which rules run or what is logged.
 */
export function eagerLoader<K extends string, V>(
  plain: DataLoader<K, V | null>,
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
  isValid: (key: K) => boolean = () => true,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const values = await loadByKey(keys, fetch, keyOf, isValid);
    keys.forEach((key, i) => plain.prime(key, values[i]));
    return values;
  });
}
