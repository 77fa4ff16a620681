import { graphQuery } from '../shared/graph';

/**
 * What the assistance registry asks the graph on its caller's behalf (delegated calls, see
 * subgraphs/shared/graph.ts): each runs as the caller being served, under their scopes and purpose,
 * so the owning registries' rules and access logs apply (with via = assistance).
 */

export interface ReadinessItemAnswer {
  status: 'SATISFIED' | 'EXPIRED' | 'MISSING' | 'UNKNOWN';
  note: string;
  relationship: string | null;
  person: { id: string } | null;
  requirement: { description: string };
}

export interface ApplicationCheckAnswer {
  service: { code: string; promisedTimeLimitDays: number } | null;
  person: {
    id: string;
    name: string | null;
    districtCode: string | null;
    deathDate: string | null;
    household: { members: { person: { id: string } | null }[] | null } | null;
    readiness: { complete: boolean; items: ReadinessItemAnswer[] } | null;
    holdings: HoldingAnswer[] | null;
  } | null;
}

/** Whether a cited certificate or material is on file for the applicant's household (certificate registry). */
export interface HoldingAnswer {
  kind: 'CERTIFICATE' | 'MATERIAL';
  id: string;
  status: 'OWN' | 'HOUSEHOLD_MEMBER' | 'NOT_IN_HOUSEHOLD' | 'UNKNOWN' | 'NOT_FOUND';
}

/**
 * An application's checks, in one request: the service's promised time limit (public), the applicant
 * (name for the masked notice, district, household), what they have and still need for the
 * service (the certificate registry's readiness, told at once), and whether the certificates and
 * materials the application cites exist and are the household's (the certificate registry's holdings).
 */
export const ApplicationCheck = graphQuery<
  ApplicationCheckAnswer,
  { id: string; service: string; certificateIds: string[]; materialIds: string[] }
>(
  `query AssistanceApplicationCheck($id: ID!, $service: String!, $certificateIds: [ID!], $materialIds: [ID!]) {
    service(code: $service) { code promisedTimeLimitDays }
    person(id: $id) {
      id name districtCode deathDate
      household { members { person { id } } }
      readiness(service: $service) { complete items { status note relationship person { id } requirement { description } } }
      holdings(certificateIds: $certificateIds, materialIds: $materialIds) { kind id status }
    }
  }`,
);

export interface EligibilityAnswer {
  person: {
    id: string;
    household: {
      members:
        | {
            relationship: string | null;
            person: {
              id: string;
              certificates: { type: { code: string } | null; number: string | null; status: string | null }[] | null;
              legalRepresentativeOf: { creditCode: string; name: string | null; status: string | null }[] | null;
              employment:
                { kind: string; from: string; to: string | null; organization: { creditCode: string } | null }[] | null;
            } | null;
          }[]
        | null;
    } | null;
  } | null;
}

/**
 * Eligibility facts about the applicant's household, read under the reviewing officer's identity
 * and purpose: the members (natural-person), their certificates (certificate registry), the
 * organizations they represent (legal-person) and their employment registrations (labour-market).
 */
export const EligibilityFacts = graphQuery<EligibilityAnswer, { id: string }>(
  `query AssistanceEligibilityFacts($id: ID!) {
    person(id: $id) {
      id
      household {
        members {
          relationship
          person {
            id
            certificates { type { code } number status }
            legalRepresentativeOf { creditCode name status }
            employment { kind from to organization { creditCode } }
          }
        }
      }
    }
  }`,
);
