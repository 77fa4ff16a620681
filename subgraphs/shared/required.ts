/**
 * Facts a field declares with `@requires` come from the registry that owns them, fetched by the
 * gateway under the caller's own identity and purpose, so that registry's rules and access log
 * apply. A fact the caller may not read arrives as null (the owner reports FORBIDDEN to the caller,
 * not to the registry computing the field), and so does one the owner could not be asked for. Null
 * therefore means "not known here", never "none": a household that could not be read has members
 * we cannot see, not zero members. These helpers make that distinction explicit, so a field built
 * on required facts (readiness, eligibility) reports UNKNOWN instead of concluding from a gap.
 */

/** A required fact: known (with its value), or unknown with the reason, in words, for the caller. */
export type Fact<T> = { known: true; value: T } | { known: false; reason: string };

export function known<T>(value: T): Fact<T> {
  return { known: true, value };
}

export function unknown<T = never>(reason: string): Fact<T> {
  return { known: false, reason };
}

/**
 * A fact as it arrived through @requires: null or absent is unknown (`reason` says what could not
 * be read and what would let the caller see it); anything else is known.
 */
export function required<T>(value: T | null | undefined, reason: string): Fact<T> {
  return value === null || value === undefined ? unknown(reason) : known(value);
}

/**
 * A required list whose entries may each be refused on their own (e.g. household members, each
 * guarded by the owner's rules): the list itself is a Fact, and so is every entry.
 */
export function requiredList<T>(
  list: readonly (T | null | undefined)[] | null | undefined,
  reasons: { list: string; entry: string },
): Fact<Fact<T>[]> {
  if (list === null || list === undefined) return unknown(reasons.list);
  return known(list.map((entry) => required(entry, reasons.entry)));
}
