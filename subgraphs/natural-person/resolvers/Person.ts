import type { PersonResolvers } from '../generated/graphql';
import { provenanceOf } from '../../shared/provenance';
import { permissions } from '../permissions';

export const Person: PersonResolvers = {
  // Always from the database: a representation's other fields are never trusted.
  __resolveReference: (reference, { loaders }) => loaders.person.load(reference.id),

  birthYear: (person) => Number(person.birthDate.slice(0, 4)),

  household: async (person, _args, { loaders }) => (await loaders.householdOf.load(person.id))?.household ?? null,

  asOf: async (person, { date }, { loaders }) => {
    const row = await loaders.personAsOf.load(`${person.id}|${date}`);
    return row ? { personId: person.id, date, row } : null;
  },

  provenance: (person, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'natural-person',
      rules: permissions,
      typeName: 'Person',
      subjectId: person.id,
      parent: person,
      fields,
      ctx,
      info,
      notValues: ['asOf'],
    }),
};
