import { badUserInput } from '../shared/errors';
import * as check from '../shared/validation';
import type { CertificateContext } from './context';
import type { RequiredHousehold } from './readiness';

/** Whether one cited certificate or material is on file for a person's household (Person.holdings). */
export interface HoldingResult {
  kind: 'CERTIFICATE' | 'MATERIAL';
  id: string;
  status: 'OWN' | 'HOUSEHOLD_MEMBER' | 'NOT_IN_HOUSEHOLD' | 'UNKNOWN' | 'NOT_FOUND';
}

const MAX_IDS = 20;

function ids(argument: string, list: readonly string[] | null | undefined): string[] {
  const given = list ?? [];
  if (given.length > MAX_IDS) throw badUserInput(argument, 'max', `${argument} may name at most ${MAX_IDS} ids`);
  return given.map((id, i) => check.uuid(`${argument}[${i}]`, id).toLowerCase());
}

/**
 * The household's member ids as @requires delivered them, or null when they could not be read
 * (the caller may not read the household, or natural-person did not answer).
 */
function memberIds(household: RequiredHousehold | null | undefined): Set<string> | null {
  if (!household?.members) return null;
  const members = new Set<string>();
  for (const member of household.members) if (member?.person) members.add(member.person.id);
  return members;
}

/**
 * Person.holdings: one answer per id, in order. Only who holds it is compared; nothing about the
 * paper itself is returned, so the answer says no more than the readiness of the same household.
 */
export async function personHoldings(
  ctx: CertificateContext,
  person: { id: string; household?: RequiredHousehold | null },
  args: { certificateIds?: readonly string[] | null; materialIds?: readonly string[] | null },
): Promise<HoldingResult[]> {
  const certificateIds = ids('certificateIds', args.certificateIds);
  const materialIds = ids('materialIds', args.materialIds);
  const members = memberIds(person.household);
  const statusOf = (holder: string | null | undefined, found: boolean): HoldingResult['status'] => {
    if (!found) return 'NOT_FOUND';
    if (holder === person.id) return 'OWN';
    if (members === null) return 'UNKNOWN';
    return holder && members.has(holder) ? 'HOUSEHOLD_MEMBER' : 'NOT_IN_HOUSEHOLD';
  };
  const [certificates, materials] = await Promise.all([
    Promise.all(certificateIds.map((id) => ctx.loaders.certificate.load(id))),
    Promise.all(materialIds.map((id) => ctx.loaders.material.load(id))),
  ]);
  return [
    ...certificateIds.map((id, i) => ({
      kind: 'CERTIFICATE' as const,
      id,
      status: statusOf(certificates[i]?.holderPersonId, certificates[i] !== null),
    })),
    ...materialIds.map((id, i) => ({
      kind: 'MATERIAL' as const,
      id,
      status: statusOf(materials[i]?.ownerId, materials[i] !== null),
    })),
  ];
}
