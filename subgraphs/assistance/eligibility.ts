import type { GraphQLFormattedError } from 'graphql';
import { DelegatedCallError } from '../shared/graph';
import type { AssistanceContext } from './context';
import type { Application } from './entities/application.entity';
import type { FactItem, FactKind, FactStatus } from './entities/eligibility-fact.entity';
import { EligibilityFacts } from './graph-queries';

/** An eligibility fact as gathered: from which registry, when, and what it said or why it is not known. */
export interface GatheredFact {
  kind: FactKind;
  source: string;
  asOf: string;
  status: FactStatus;
  items: FactItem[] | null;
  note: string | null;
}

/** Where each fact comes from, and the field of the query that answers it. */
const FACTS: { kind: FactKind; source: string }[] = [
  { kind: 'HOUSEHOLD_MEMBERS', source: 'natural-person' },
  { kind: 'CERTIFICATES', source: 'certificate' },
  { kind: 'LEGAL_REPRESENTATIVE', source: 'legal-person' },
  { kind: 'EMPLOYMENT', source: 'labour-market' },
];

/** Certificates that bear on eligibility. */
const RELEVANT_CERTIFICATES = new Set(['DISABILITY_CERTIFICATE', 'MINIMUM_ALLOWANCE_CERTIFICATE']);

/** The errors that bear on one fact: by where in the answer they are, or (no path) by the registry named. */
function errorsFor(errors: readonly GraphQLFormattedError[], kind: FactKind, source: string): GraphQLFormattedError[] {
  return errors.filter((e) => {
    const path = e.path ?? [];
    if (path.length === 0) return e.extensions?.registry === source;
    if (path.includes('certificates')) return kind === 'CERTIFICATES';
    if (path.includes('legalRepresentativeOf')) return kind === 'LEGAL_REPRESENTATIVE';
    if (path.includes('employment')) return kind === 'EMPLOYMENT';
    return kind === 'HOUSEHOLD_MEMBERS';
  });
}

/**
 * Reads the applicant's household, its members' certificates and the organizations they represent
 * through the graph, as the reviewing officer (their scopes and X-Purpose): each owning registry
 * checks and logs the read (via = assistance), and the applicant's tracker shows it. A fact the
 * officer may not read is NOT_PERMITTED with the owner's reason: unknown, never "none".
 */
export async function gatherEligibility(ctx: AssistanceContext, application: Application): Promise<GatheredFact[]> {
  const asOf = new Date().toISOString();
  let answer;
  try {
    answer = await ctx.graph.query(EligibilityFacts, { id: application.applicantId });
  } catch (error) {
    if (!(error instanceof DelegatedCallError)) throw error;
    return FACTS.map((f) => ({
      ...f,
      asOf,
      status: 'UNAVAILABLE' as const,
      items: null,
      note: 'the gateway did not answer',
    }));
  }
  const members = answer.data?.person?.household?.members ?? null;
  const householdErrors = errorsFor(answer.errors, 'HOUSEHOLD_MEMBERS', 'natural-person');
  return FACTS.map(({ kind, source }) => {
    const base = { kind, source, asOf };
    const own = kind === 'HOUSEHOLD_MEMBERS' ? householdErrors : errorsFor(answer.errors, kind, source);
    // Without the members, nothing about them can be read: their facts share the household's fate.
    const errors = kind !== 'HOUSEHOLD_MEMBERS' && members === null ? [...own, ...householdErrors] : own;
    const refused = errors.find((e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED');
    if (refused) {
      const inherited = kind !== 'HOUSEHOLD_MEMBERS' && own.length === 0;
      return {
        ...base,
        status: 'NOT_PERMITTED' as const,
        items: null,
        note: inherited ? `needs the household's members, which were refused: ${refused.message}` : refused.message,
      };
    }
    if (errors.length > 0) return { ...base, status: 'UNAVAILABLE' as const, items: null, note: errors[0].message };
    if (members === null) return { ...base, status: 'READ' as const, items: [], note: null };
    const items: FactItem[] = [];
    for (const member of members) {
      const person = member.person;
      if (!person) continue;
      if (kind === 'HOUSEHOLD_MEMBERS')
        items.push({ personId: person.id, description: member.relationship ?? 'MEMBER' });
      if (kind === 'CERTIFICATES') {
        for (const c of person.certificates ?? []) {
          if (c.type && RELEVANT_CERTIFICATES.has(c.type.code) && c.status === 'VALID') {
            items.push({ personId: person.id, description: `${c.type.code} ${c.number ?? ''} (${c.status})` });
          }
        }
      }
      if (kind === 'EMPLOYMENT') {
        for (const e of person.employment ?? []) {
          const employer = e.organization ? ` ${e.organization.creditCode}` : '';
          items.push({
            personId: person.id,
            description: `${e.kind}${employer} from ${e.from}${e.to ? ` to ${e.to}` : ''}`,
          });
        }
      }
      if (kind === 'LEGAL_REPRESENTATIVE') {
        for (const o of person.legalRepresentativeOf ?? []) {
          items.push({
            personId: person.id,
            description: `${o.name ?? ''} ${o.creditCode} (${o.status ?? 'UNKNOWN'})`,
          });
        }
      }
    }
    return { ...base, status: 'READ' as const, items, note: null };
  });
}
