import type { Identity } from '../../subgraphs/shared/identity';
import { addCertificate, addMaterial, type PersonFixture } from './fixtures';
import type { TestStack } from './stack';

/** Helpers of the assistance registry's tests. */

/** A civil-affairs case officer who may file, review and decide, and read what a review needs. */
export const CASE_OFFICER: Identity = {
  sub: 'ca-officer-01',
  role: 'officer',
  dept: 'civil-affairs',
  scopes: [
    'assistance:read:sensitive',
    'assistance:write',
    'person:read:sensitive',
    'certificate:read:sensitive',
    'organization:read',
    'labour:read:sensitive',
  ],
};

/** Everything a minimum-living-allowance application needs on file for these members (the household register aside). */
export async function completeMaterials(
  stack: TestStack,
  members: PersonFixture[],
  { idCards = true }: { idCards?: boolean } = {},
): Promise<void> {
  for (const member of members) {
    if (idCards) await addCertificate(stack, member);
    await addMaterial(stack, member.id, { kind: 'ECONOMIC_CHECK_AUTHORIZATION' });
    await addMaterial(stack, member.id, { kind: 'INCOME_PROOF' });
  }
  await addMaterial(stack, members[0].id, { kind: 'PROPERTY_DECLARATION' });
}

/** Waits until `check` holds, polling every 100 ms. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
