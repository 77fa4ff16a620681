import DataLoader from 'dataloader';
import { graphQuery, type RequestGraph } from '../graph';
import type { Caller } from '../identity';

/**
 * Consent grants as the permission rules of every registry see them. A grant is owned by the
 * natural-person registry (the subject is a person, and consent is the person's own act): it lets
 * one department read named fields of one person for one purpose until it expires or is revoked.
 *
 * A grant applies to a request when the caller is an officer of the grant's department and the
 * request's X-Purpose equals the grant's purpose exactly (the purpose the citizen approved is the
 * case reference the department then reads under). Each request looks up the grants it may use
 * once per batch of persons (a DataLoader): in natural-person with one SQL statement, in every
 * other registry with one delegated call (`consentGrantsHeld`) through the gateway.
 */

/** A grant the calling department holds for the request's purpose, valid now. */
export interface HeldGrant {
  id: string;
  personId: string;
  fields: string[];
  validUntil: string;
}

/** Looks up the grants the caller's department holds for the caller's purpose, valid now, for these persons. */
export type FetchHeldGrants = (personIds: readonly string[]) => Promise<HeldGrant[]>;

export const ConsentGrantsHeld = graphQuery<{ consentGrantsHeld: HeldGrant[] | null }, { personIds: string[] }>(
  'query ConsentGrantsHeld($personIds: [ID!]!) { consentGrantsHeld(personIds: $personIds) { id personId fields validUntil } }',
);

/** Grants held, asked of natural-person through the gateway on the request's caller's behalf. */
export function heldGrantsThroughGraph(graph: RequestGraph): FetchHeldGrants {
  return async (personIds) => {
    const result = await graph.query(ConsentGrantsHeld, { personIds: [...personIds] });
    if (result.errors.length > 0 || !result.data?.consentGrantsHeld) {
      throw new Error(
        `consent grants could not be looked up in natural-person: ${
          result.errors.map((e) => `${e.extensions?.code ?? 'error'}: ${e.message}`).join('; ') || 'no data'
        }`,
      );
    }
    return result.data.consentGrantsHeld;
  };
}

/** The consent grants one request may use, looked up at most once per batch of persons. */
export class ConsentCheck {
  private readonly loader: DataLoader<string, HeldGrant[]> | null;

  constructor(caller: Caller, fetch: FetchHeldGrants, options: { local: boolean }) {
    const identity = caller.identity;
    // Only an officer naming a purpose can use a grant; a delegated request cannot ask further
    // (delegated calls do not chain) unless the grants are this registry's own.
    const eligible = identity?.role === 'officer' && caller.purpose !== null && (options.local || caller.via === null);
    this.loader = eligible
      ? new DataLoader<string, HeldGrant[]>(async (ids) => {
          const held = await fetch(ids);
          return ids.map((id) => held.filter((grant) => grant.personId === id));
        })
      : null;
  }

  /** Whether this request could use a grant at all (an officer with a purpose). */
  get applies(): boolean {
    return this.loader !== null;
  }

  /** The id of a grant covering one of `coordinates` of one of `subjects`, or null. */
  async grantFor(subjects: readonly string[], coordinates: readonly string[]): Promise<string | null> {
    if (!this.loader || subjects.length === 0) return null;
    const held = await this.loader.loadMany(subjects);
    for (const grants of held) {
      if (grants instanceof Error) throw grants;
      const grant = grants.find((g) => coordinates.some((c) => g.fields.includes(c)));
      if (grant) return grant.id;
    }
    return null;
  }

  /** The id of any grant for one of `subjects` (a root field that only finds the person). */
  async anyGrant(subjects: readonly string[]): Promise<string | null> {
    if (!this.loader || subjects.length === 0) return null;
    for (const grants of await this.loader.loadMany(subjects)) {
      if (grants instanceof Error) throw grants;
      if (grants.length > 0) return grants[0].id;
    }
    return null;
  }
}
