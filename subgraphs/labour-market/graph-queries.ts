import { graphQuery } from '../shared/graph';

/**
 * What the labour-market registry asks the graph on its caller's behalf (delegated calls, see
 * subgraphs/shared/graph.ts). Each runs as the caller being served, under their own identity, so
 * the owning registry's rules and access log apply (with via = labour-market).
 */

/** An employer: exists, its public name, industry and status (public data, anyone may read it). */
export const EmployerCheck = graphQuery<
  {
    organization: { creditCode: string; name: string; status: string; industryCode: string | null } | null;
  },
  { creditCode: string }
>(
  'query LabourEmployerCheck($creditCode: String!) { organization(creditCode: $creditCode) { creditCode name status industryCode } }',
);

/** Which organizations the calling citizen represents (their own data, so they may read it). */
export const RepresentedOrganizations = graphQuery<{
  me: { legalRepresentativeOf: { creditCode: string }[] | null } | null;
}>('query LabourRepresentedOrganizations { me { legalRepresentativeOf { creditCode } } }');

/** Whether a person exists in the natural-person registry, and whether they have died. Needs person:read. */
export const PersonCheck = graphQuery<{ person: { id: string; deathDate: string | null } | null }, { id: string }>(
  'query LabourPersonCheck($id: ID!) { person(id: $id) { id deathDate } }',
);
