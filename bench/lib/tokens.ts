import { SignJWT } from 'jose';
import { parseIdentityClaims, type Identity } from '../../subgraphs/shared/identity';
import { loadUserTokenSecret, userTokenAudience, userTokenIssuer } from '../../subgraphs/shared/keys';

/** A user token as `npm run token` makes it (HS256 with the instance's secret), with its identity. */
export interface UserToken {
  token: string;
  identity: Identity;
}

/** Signs tokens for the bench's callers, valid long enough for any run. */
export async function tokenSigner(): Promise<(claims: Identity) => Promise<UserToken>> {
  const secret = await loadUserTokenSecret();
  return async (claims) => {
    const identity = parseIdentityClaims({ ...claims }); // the gateway's own checks
    const token = await new SignJWT({ role: identity.role, dept: identity.dept ?? undefined, scopes: identity.scopes })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.sub)
      .setIssuer(userTokenIssuer())
      .setAudience(userTokenAudience())
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(secret);
    return { token, identity };
  };
}

/** The officers the bench's officer operations come from: a hundred civil-affairs case workers. */
export function benchOfficers(count = 100): Identity[] {
  return Array.from({ length: count }, (_, i) => ({
    sub: `officer-bench-${String(i + 1).padStart(3, '0')}`,
    role: 'officer' as const,
    dept: 'civil-affairs' as const,
    scopes: ['person:read:sensitive' as const, 'organization:read' as const],
  }));
}

/** A citizen's identity: their person id is the subject. */
export function citizen(personId: string): Identity {
  return { sub: personId, role: 'citizen', dept: null, scopes: [] };
}
