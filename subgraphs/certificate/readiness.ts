import { badUserInput } from '../shared/errors';
import { known, required, requiredList, unknown, type Fact } from '../shared/required';
import { textColumn } from '../shared/columns';
import * as check from '../shared/validation';
import { certificateStatus, todayInChina } from './certificate-types';
import type { CertificateContext } from './context';
import type { CertificateType } from './entities/certificate-type.entity';
import type { Certificate } from './entities/certificate.entity';
import type { MaterialKind } from './entities/material-kind.entity';
import type { Material } from './entities/material.entity';
import type { ServiceRequirement } from './entities/service-requirement.entity';
import { ServiceSchema, type Service } from './entities/service.entity';

/**
 * 一次性告知: for a service, what an applicant has and still needs, told at once. Every required
 * item is checked for the applicant and, where the service says so, for each member of their
 * household: SATISFIED by a valid certificate or a material on file, EXPIRED, MISSING (what to
 * bring), or UNKNOWN when the caller may not see what would decide it.
 *
 * The household arrives through @requires from the natural-person registry, fetched under the
 * caller's own identity: a household (or a member) the caller may not read arrives as null, and
 * every item that depends on it is UNKNOWN, never MISSING. The certificates and materials of all
 * the people involved are read with one statement each, however many items and members there are.
 */

export type ReadinessStatus = 'SATISFIED' | 'EXPIRED' | 'MISSING' | 'UNKNOWN';
export type HouseholdRelationship =
  'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'GRANDCHILD' | 'GRANDPARENT' | 'SIBLING' | 'OTHER';

export interface ReadinessItemResult {
  requirement: ServiceRequirement;
  /** Whose item; null for the organization's items and for members that could not be read. */
  personId: string | null;
  relationship: HouseholdRelationship | null;
  status: ReadinessStatus;
  note: string;
  certificate: Certificate | null;
  material: Material | null;
}

export interface ReadinessResult {
  service: Service;
  items: ReadinessItemResult[];
}

/** The household of a Person as @requires delivers it (members and relationship, each possibly refused). */
export interface RequiredHousehold {
  members?: ({ relationship?: HouseholdRelationship | null; person?: { id: string } | null } | null)[] | null;
}

const HOUSEHOLD_UNREADABLE =
  "the household's members could not be read: reading a household needs person:read:sensitive with an " +
  'X-Purpose, or being one of its members (or the natural-person registry did not answer)';
const MEMBER_UNREADABLE = 'this household member could not be read in the natural-person registry';

/** The service a readiness question names, or BAD_USER_INPUT naming the argument. */
async function serviceNamed(ctx: CertificateContext, code: string): Promise<Service> {
  const clean = check.text('service', code, textColumn(ServiceSchema, 'code'));
  const service = await ctx.loaders.service.load(clean);
  if (!service) {
    throw badUserInput(
      'service',
      'exists',
      `service ${JSON.stringify(code)} is not in the service catalogue; Query.services lists every code (e.g. civil-affairs.minimum-living-allowance or MLA)`,
    );
  }
  return service;
}

/** Names of the certificate types and material kinds the requirements name, for the notes. */
async function catalogueNames(ctx: CertificateContext, requirements: ServiceRequirement[]) {
  const typeCodes = [...new Set(requirements.flatMap((r) => (r.certificateType ? [r.certificateType] : [])))];
  const kindCodes = [...new Set(requirements.flatMap((r) => (r.materialKind ? [r.materialKind] : [])))];
  const [types, kinds] = await Promise.all([
    ctx.loaders.certificateType.loadMany(typeCodes),
    ctx.loaders.materialKind.loadMany(kindCodes),
  ]);
  const typeByCode = new Map<string, CertificateType>();
  const kindByCode = new Map<string, MaterialKind>();
  for (const t of types) if (t && !(t instanceof Error)) typeByCode.set(t.code, t);
  for (const k of kinds) if (k && !(k instanceof Error)) kindByCode.set(k.code, k);
  return { typeByCode, kindByCode };
}

interface Holdings {
  certificates: Certificate[];
  materials: Material[];
}

type Names = Awaited<ReturnType<typeof catalogueNames>>;

/** Judges one item for one holder from what they have on file. */
function judge(
  requirement: ServiceRequirement,
  holdings: Holdings,
  names: Names,
  today: string,
): Pick<ReadinessItemResult, 'status' | 'note' | 'certificate' | 'material'> {
  const original = requirement.originalRequired ? ', original' : '';
  /** What to bring: the requirement's words, and the catalogue's name when they differ. */
  const what = (name: string) =>
    requirement.description === name
      ? `${name}${original ? ' (original)' : ''}`
      : `${requirement.description} (${name}${original})`;
  if (requirement.certificateType) {
    const type = names.typeByCode.get(requirement.certificateType);
    const name = type?.name ?? requirement.certificateType;
    const ofType = holdings.certificates.filter((c) => c.type === requirement.certificateType);
    const valid = ofType.filter((c) => certificateStatus(c, today) === 'VALID');
    if (valid.length > 0) {
      // The one valid longest (long-term first).
      const best = valid.reduce((a, b) => ((b.validUntil ?? '9999') > (a.validUntil ?? '9999') ? b : a));
      return {
        status: 'SATISFIED',
        note: `${name}: a valid electronic certificate is on file`,
        certificate: best,
        material: null,
      };
    }
    const expired = ofType.filter((c) => certificateStatus(c, today) === 'EXPIRED');
    if (expired.length > 0) {
      const latest = expired.reduce((a, b) => (b.validUntil! > a.validUntil! ? b : a));
      return {
        status: 'EXPIRED',
        note: `${name} on file has expired: have it renewed by ${type?.issuingDepartment ?? 'its issuing department'}, or bring a valid one`,
        certificate: latest,
        material: null,
      };
    }
    return {
      status: 'MISSING',
      note: `bring ${what(name)}: no valid one is on file (${type?.issuingDepartment ?? 'its issuing department'} issues it)`,
      certificate: null,
      material: null,
    };
  }
  const kind = names.kindByCode.get(requirement.materialKind!);
  const name = kind?.name ?? requirement.materialKind!;
  const ofKind = holdings.materials.filter((m) => m.kind === requirement.materialKind);
  const oldest = requirement.maxAgeDays == null ? null : daysBefore(today, requirement.maxAgeDays);
  const current = ofKind.filter((m) => oldest === null || m.createdAt.toISOString().slice(0, 10) >= oldest);
  if (current.length > 0) {
    const bring = requirement.originalRequired ? '; show the original at the counter' : '';
    return {
      status: 'SATISFIED',
      note: `${name}: submitted and on file${bring}`,
      certificate: null,
      material: current[0],
    };
  }
  if (ofKind.length > 0) {
    return {
      status: 'EXPIRED',
      note: `${name} on file is older than the ${requirement.maxAgeDays} days this service accepts: upload a recent one (${requirement.description})`,
      certificate: null,
      material: ofKind[0],
    };
  }
  return {
    status: 'MISSING',
    note: `upload or bring ${what(name)}`,
    certificate: null,
    material: null,
  };
}

function daysBefore(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function unknownItem(requirement: ServiceRequirement, note: string): ReadinessItemResult {
  return {
    requirement,
    personId: null,
    relationship: null,
    status: 'UNKNOWN',
    note,
    certificate: null,
    material: null,
  };
}

/** A household member as @requires delivered them: known (id and relationship) or not readable. */
interface Member {
  id: string;
  relationship: HouseholdRelationship | null;
}

function membersOf(household: RequiredHousehold | null | undefined): Fact<Fact<Member>[]> {
  const readable = required(household, HOUSEHOLD_UNREADABLE);
  if (!readable.known) return readable;
  const list = requiredList(readable.value.members, { list: HOUSEHOLD_UNREADABLE, entry: MEMBER_UNREADABLE });
  if (!list.known) return list;
  return known(
    list.value.map((entry) => {
      if (!entry.known) return entry;
      const person = required(entry.value.person, MEMBER_UNREADABLE);
      return person.known
        ? known({ id: person.value.id, relationship: entry.value.relationship ?? null })
        : unknown<Member>(person.reason);
    }),
  );
}

/**
 * Person.readiness: the applicant's items and, for items every household member must provide,
 * each member's. Items the organization provides are UNKNOWN here (Organization.readiness answers them).
 */
export async function personReadiness(
  ctx: CertificateContext,
  applicant: { id: string; household?: RequiredHousehold | null },
  serviceCode: string,
): Promise<ReadinessResult> {
  const service = await serviceNamed(ctx, serviceCode);
  const requirements = await ctx.loaders.requirements.load(service.id);
  const needsMembers = requirements.some((r) => r.provider === 'EVERY_HOUSEHOLD_MEMBER' || r.provider === 'HOUSEHOLD');
  const members = needsMembers ? membersOf(applicant.household) : known<Fact<Member>[]>([]);
  const readable = members.known ? members.value.flatMap((m) => (m.known ? [m.value] : [])) : [];
  const applicantRelationship = readable.find((m) => m.id === applicant.id)?.relationship ?? null;
  const people = [applicant.id, ...readable.map((m) => m.id).filter((id) => id !== applicant.id)];

  const [certificates, materials, names] = await Promise.all([
    ctx.loaders.certificatesOfPerson.loadMany(people),
    ctx.loaders.materialsOfPerson.loadMany(people),
    catalogueNames(ctx, requirements),
  ]);
  const holdings = new Map<string, Holdings>(
    people.map((id, i) => [id, { certificates: settled(certificates[i]), materials: settled(materials[i]) }]),
  );
  // Every person whose certificates and materials were consulted: their own tracker shows the read.
  ctx.access.note(people, 'Person.readiness', 'granted');

  const today = todayInChina();
  const itemFor = (requirement: ServiceRequirement, personId: string, relationship: HouseholdRelationship | null) => ({
    requirement,
    personId,
    relationship,
    ...judge(requirement, holdings.get(personId)!, names, today),
  });

  /** One for the whole household: whichever known member holds it (the head holds the household register). */
  const householdItem = (requirement: ServiceRequirement): ReadinessItemResult => {
    const candidates = [
      { id: applicant.id, relationship: applicantRelationship },
      ...readable.filter((m) => m.id !== applicant.id),
    ].map((m) => itemFor(requirement, m.id, m.relationship));
    const rank = { SATISFIED: 0, EXPIRED: 1, MISSING: 2, UNKNOWN: 3 } as const;
    const best = candidates.reduce((a, b) => (rank[b.status] < rank[a.status] ? b : a));
    if (best.status === 'SATISFIED') return best;
    if (!members.known) {
      return unknownItem(requirement, `the household's copy may be held by another member: ${members.reason}`);
    }
    const unreadable = members.value.find((m) => !m.known);
    return unreadable && !unreadable.known
      ? unknownItem(requirement, `the household's copy may be held by another member: ${unreadable.reason}`)
      : best;
  };

  const items: ReadinessItemResult[] = [];
  for (const requirement of requirements) {
    if (requirement.provider === 'APPLICANT') {
      items.push(itemFor(requirement, applicant.id, applicantRelationship));
    } else if (requirement.provider === 'ORGANIZATION') {
      items.push(
        unknownItem(
          requirement,
          `provided by the organization applying: ask Organization.readiness(service: "${service.code}") of that organization`,
        ),
      );
    } else if (requirement.provider === 'HOUSEHOLD') {
      items.push(householdItem(requirement));
    } else if (!members.known) {
      // The applicant is a member whatever the household: their own item can be judged.
      items.push(itemFor(requirement, applicant.id, null));
      items.push(unknownItem(requirement, `the other household members' items are unknown: ${members.reason}`));
    } else {
      items.push(itemFor(requirement, applicant.id, applicantRelationship));
      for (const member of members.value) {
        if (!member.known) items.push(unknownItem(requirement, member.reason));
        else if (member.value.id !== applicant.id)
          items.push(itemFor(requirement, member.value.id, member.value.relationship));
      }
    }
  }
  return { service, items };
}

/** Organization.readiness: the items of a service that the organization provides. */
export async function organizationReadiness(
  ctx: CertificateContext,
  creditCode: string,
  serviceCode: string,
): Promise<ReadinessResult> {
  const service = await serviceNamed(ctx, serviceCode);
  const requirements = (await ctx.loaders.requirements.load(service.id)).filter((r) => r.provider === 'ORGANIZATION');
  const [certificates, names] = await Promise.all([
    ctx.loaders.certificatesOfOrganization.load(creditCode),
    catalogueNames(ctx, requirements),
  ]);
  const today = todayInChina();
  const items = requirements.map((requirement): ReadinessItemResult =>
    requirement.certificateType
      ? {
          requirement,
          personId: null,
          relationship: null,
          ...judge(requirement, { certificates, materials: [] }, names, today),
        }
      : unknownItem(requirement, 'organizations keep no materials in this registry: bring it to the counter'),
  );
  return { service, items };
}

function settled<T>(value: T[] | Error): T[] {
  if (value instanceof Error) throw value;
  return value;
}
