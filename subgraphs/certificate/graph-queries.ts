import { graphQuery } from '../shared/graph';

/**
 * What the certificate registry asks the graph on its caller's behalf (delegated calls, see
 * subgraphs/shared/graph.ts). Each runs as the caller being served, under their scopes and purpose,
 * so the owning registry's rules and access log apply (with via = certificate).
 */

export interface PrintedPerson {
  id: string;
  name: string;
  idNumber: string;
  deathDate: string | null;
}

/**
 * A person holder: exists, alive, and their name and ID number as printed on the document.
 * Needs person:read:sensitive and X-Purpose (the ID number is sensitive).
 */
export const PersonHolderCheck = graphQuery<{ person: PrintedPerson | null }, { id: string }>(
  'query CertificateHolderCheck($id: ID!) { person(id: $id) { id name idNumber deathDate } }',
);

/** A household register's holder: as above, with the household they head. */
export const HouseholdHeadCheck = graphQuery<
  { person: (PrintedPerson & { household: { number: string; head: { id: string } | null } | null }) | null },
  { id: string }
>(
  'query CertificateHouseholdHeadCheck($id: ID!) { person(id: $id) { id name idNumber deathDate household { number head { id } } } }',
);

/** A marriage certificate's holder and the other spouse, both printed on it. */
export const CoupleCheck = graphQuery<
  { holder: PrintedPerson | null; spouse: PrintedPerson | null },
  { id: string; spouseId: string }
>(
  'query CertificateCoupleCheck($id: ID!, $spouseId: ID!) { holder: person(id: $id) { id name idNumber deathDate } spouse: person(id: $spouseId) { id name idNumber deathDate } }',
);

/** An organization holder: exists, its name as printed and whether it is active. Public data. */
export const OrganizationHolderCheck = graphQuery<
  { organization: { creditCode: string; name: string; status: string } | null },
  { creditCode: string }
>(
  'query CertificateOrganizationCheck($creditCode: String!) { organization(creditCode: $creditCode) { creditCode name status } }',
);

/** Which organizations the calling citizen represents (their own data, so they may read it). */
export const RepresentedOrganizations = graphQuery<{
  me: { legalRepresentativeOf: { creditCode: string }[] | null } | null;
}>('query CertificateRepresentedOrganizations { me { legalRepresentativeOf { creditCode } } }');
