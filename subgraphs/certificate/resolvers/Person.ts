import type { PersonResolvers } from '../generated/graphql';
import { isUuid } from '../../shared/validation';
import { personReadiness, type HouseholdRelationship, type RequiredHousehold } from '../readiness';
import { materialPage } from './MaterialConnection';
import { personHoldings } from '../holdings';

/** A Person here: the key, and the household natural-person delivered for Person.readiness (@requires). */
export interface PersonParent {
  id: string;
  household?: RequiredHousehold | null;
}

const RELATIONSHIPS = new Set(['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER']);

/**
 * This registry keeps no persons: a reference is its key, plus the required household exactly in
 * the shape @requires asks for (anything else in the representation is dropped). The gateway
 * builds representations from what natural-person answered under the caller's own identity, and
 * its assertion covers them (the digest includes the variables), so they are taken as the owner's facts.
 */
function personReference(reference: Record<string, unknown>): PersonParent | null {
  if (typeof reference.id !== 'string' || !isUuid(reference.id)) return null;
  const person: PersonParent = { id: reference.id.toLowerCase() };
  if ('household' in reference) person.household = householdOf(reference.household);
  return person;
}

function householdOf(value: unknown): RequiredHousehold | null {
  if (typeof value !== 'object' || value === null) return null;
  const members = (value as { members?: unknown }).members;
  if (!Array.isArray(members)) return { members: null };
  return {
    members: members.map((member) => {
      if (typeof member !== 'object' || member === null) return null;
      const { relationship, person } = member as { relationship?: unknown; person?: unknown };
      const id = typeof person === 'object' && person !== null ? (person as { id?: unknown }).id : undefined;
      return {
        relationship:
          typeof relationship === 'string' && RELATIONSHIPS.has(relationship)
            ? (relationship as HouseholdRelationship)
            : null,
        person: typeof id === 'string' && isUuid(id) ? { id: id.toLowerCase() } : null,
      };
    }),
  };
}

export const Person: PersonResolvers = {
  __resolveReference: (reference) => personReference(reference as Record<string, unknown>),

  certificates: async (person, { type }, { loaders }) => {
    const all = await loaders.certificatesOfPerson.load(person.id);
    return type ? all.filter((c) => c.type === type) : all;
  },

  materials: (person, { first, after }, ctx) => materialPage(ctx, person.id, first, after),

  readiness: (person, { service }, ctx) => personReadiness(ctx, person, service),

  holdings: (person, args, ctx) => personHoldings(ctx, person, args),
};
