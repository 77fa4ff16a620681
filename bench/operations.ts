/**
 * What the bench measures: every operation, as a department app or a citizen would send it, with
 * variables (never inlined literals) drawn at random from the seeded data. Adding an operation (a
 * dossier across every registry, once there are more registries) is adding an entry here; the bench
 * checks it against every contender and measures it.
 */
import type { SubgraphName } from '../subgraphs/catalog';
import type { Random } from '../seeds/random';

/** What the bench read from the seeded registries to draw requests from. */
export interface SeededData {
  /** Every organization's credit code and district. */
  organizations: { creditCode: string; districtCode: string }[];
  /** Living people who are the legal representative of at least one organization. */
  representatives: { id: string; idNumber: string }[];
}

/** One request's variables, and for a citizen's operation, which citizen asks. */
export interface Sample {
  variables: Record<string, unknown>;
  /** The citizen (person id) whose token the request carries. */
  citizen?: string;
}

export type CallerKind = 'anonymous' | 'officer' | 'citizen';

export interface Operation {
  /** Short name for --operations and the results. */
  id: string;
  title: string;
  operationName: string;
  query: string;
  /**
   * Who asks: nobody; an officer of civil-affairs with person:read:sensitive and organization:read
   * (one of a hundred, at random); or the citizen the sample names.
   */
  caller: CallerKind;
  /** X-Purpose sent with every request (sensitive personal data needs one). */
  purpose?: string;
  /** The one subgraph that serves the whole operation: it is then also measured directly. */
  servedBy?: SubgraphName;
  /** The floor (bench/floor.ts) serves it too. */
  floor?: boolean;
  /** One request, drawn at random. */
  draw(data: SeededData, random: Random): Sample;
  /** When set, the operation is also measured with this one request sent from every connection. */
  identical?: Sample;
  /**
   * Properties whose values differ between any two requests by design (a record's time): masked
   * when the bench compares the contenders' answers.
   */
  volatile?: string[];
  /**
   * Requests sent to the gateway before the check, when the answer includes what requests like it
   * write (the access log): enough to fill what the check reads with such records.
   */
  primeCheck?: number;
  /**
   * What a correct answer to `sample` must show beyond "data and no errors" (null when it does).
   * The check also applies it to answers sent concurrently, so that a contender that mixed up two
   * callers' requests is caught.
   */
  expect?(data: any, sample: Sample): string | null;
}

/** The cursor the legal-person registry issues for a credit code (subgraphs/shared/validation.ts). */
function cursorOf(creditCode: string): string {
  return Buffer.from(JSON.stringify([creditCode])).toString('base64url');
}

const PERSON_WITH_HOUSEHOLD = `id name idNumber registeredAddress maritalStatus household { number members { relationship person { name } } }`;

const PUBLIC_PAGE_QUERY = `query Feed($f: OrganizationFilter, $first: Int, $after: String) { organizations(filter: $f, first: $first, after: $after) { totalCount edges { cursor node { creditCode name type status industryCode districtCode } } pageInfo { hasNextPage endCursor } } }`;

export const OPERATIONS: Operation[] = [
  {
    id: 'public-page',
    title: 'Public page of 20 organizations (anonymous; one district, after a random organization)',
    operationName: 'Feed',
    query: PUBLIC_PAGE_QUERY,
    caller: 'anonymous',
    servedBy: 'legal-person',
    floor: true,
    draw: (data, random) => {
      const from = random.pick(data.organizations);
      return { variables: { f: { districtCode: from.districtCode }, first: 20, after: cursorOf(from.creditCode) } };
    },
    // The first page of the public feed, as every visitor's first request is.
    identical: { variables: { first: 20 } },
    expect: (data) => (data.organizations?.edges?.length > 0 ? null : 'the page is empty'),
  },
  {
    id: 'organization',
    title: 'One organization by credit code (anonymous)',
    operationName: 'Organization',
    query: `query Organization($code: String!) { organization(creditCode: $code) { creditCode name type status industryCode districtCode } }`,
    caller: 'anonymous',
    servedBy: 'legal-person',
    draw: (data, random) => ({ variables: { code: random.pick(data.organizations).creditCode } }),
    expect: (data, sample) =>
      data.organization?.creditCode === sample.variables.code ? null : `not organization ${sample.variables.code}`,
  },
  {
    id: 'person-household',
    title: "Officer's person lookup by ID number with household (natural-person alone; sensitive, logged)",
    operationName: 'Applicant',
    query: `query Applicant($n: String!) { personByIdNumber(idNumber: $n) { ${PERSON_WITH_HOUSEHOLD} } }`,
    caller: 'officer',
    purpose: 'MLA-2026-0193',
    servedBy: 'natural-person',
    draw: (data, random) => ({ variables: { n: random.pick(data.representatives).idNumber } }),
    expect: (data, sample) =>
      data.personByIdNumber?.idNumber !== sample.variables.n
        ? `not the person asked for (${sample.variables.n})`
        : data.personByIdNumber.household
          ? null
          : 'no household',
  },
  {
    id: 'person-lookup',
    title:
      "Officer's person lookup with household and legal-representative organizations (two subgraphs; sensitive, logged)",
    operationName: 'Applicant',
    query: `query Applicant($n: String!) { personByIdNumber(idNumber: $n) { ${PERSON_WITH_HOUSEHOLD} legalRepresentativeOf { creditCode name status } } }`,
    caller: 'officer',
    purpose: 'MLA-2026-0193',
    draw: (data, random) => ({ variables: { n: random.pick(data.representatives).idNumber } }),
    expect: (data, sample) =>
      data.personByIdNumber?.idNumber !== sample.variables.n
        ? `not the person asked for (${sample.variables.n})`
        : data.personByIdNumber.legalRepresentativeOf?.length > 0
          ? null
          : 'no legal-representative organizations',
  },
  {
    id: 'me',
    title: "Citizen's own record with who read their data (natural-person and data tracker; logged)",
    operationName: 'Me',
    query: `query Me($first: Int) { me { id name idNumber phone household { number members { relationship person { id } } } accessRecords(first: $first) { edges { node { at registry action outcome actorSub actorRole actorDepartment purpose fields operationName } } pageInfo { hasNextPage } } } }`,
    caller: 'citizen',
    draw: (data, random) => ({ variables: { first: 20 }, citizen: random.pick(data.representatives).id }),
    // Each request logs the citizen's own read, so the page the check reads changes by one
    // record per request: 20 requests first make every record on it one of these.
    volatile: ['at'],
    primeCheck: 20,
    expect: (data, sample) =>
      data.me?.id !== sample.citizen
        ? `not the citizen who asked (${sample.citizen}) but ${data.me?.id}`
        : data.me.accessRecords?.edges?.length > 0
          ? null
          : 'no access records',
  },
];
