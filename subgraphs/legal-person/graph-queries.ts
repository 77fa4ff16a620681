import { graphQuery } from '../shared/graph';

/**
 * What the legal-person registry asks the graph on its caller's behalf (delegated calls, see
 * subgraphs/shared/graph.ts). Each runs as the officer being served, under their scopes and purpose.
 */

/** Whether a person exists in the natural-person registry, and whether they have died. Needs person:read. */
export const LegalRepresentativeCheck = graphQuery<
  { person: { id: string; deathDate: string | null } | null },
  { id: string }
>('query LegalRepresentativeCheck($id: ID!) { person(id: $id) { id deathDate } }');
